/**
 * Adds a real page to the labelled facts corpus (`tests/fixtures/corpora/facts/`) as *Add this page*
 * would: the page is parsed like a browser does (its scripts off), `extractArticle` reads its article,
 * and the result is frozen as a Markdown article with front matter. The text is kept exactly as the
 * extractor left it, captions and credits included, because that is what the fact base is built from.
 *
 *   node --import tsx scripts/facts-corpus-add.ts --name NAME --split tune|held-out --origin TEXT PAGE.html[.gz]
 *
 * The corpus keeps the text, not the page: a later extractor change does not move the gold labels.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { Window } from 'happy-dom';
import { stringify } from 'yaml';
import { extractArticle } from '../src/user-articles/extract';

const repoRoot = resolve(import.meta.dirname, '..');
const corpusDir = join(repoRoot, 'tests/fixtures/corpora/facts');

const { values, positionals } = parseArgs({
  options: {
    name: { type: 'string' },
    split: { type: 'string' },
    origin: { type: 'string' },
    url: { type: 'string' },
  },
  allowPositionals: true,
});

const [pagePath] = positionals;
if (!pagePath || !values.name || !/^[a-z0-9-]+$/.test(values.name) || !values.origin) {
  console.error('usage: facts-corpus-add.ts --name lower-case-name --split tune|held-out --origin TEXT PAGE.html[.gz]');
  process.exit(2);
}
if (values.split !== 'tune' && values.split !== 'held-out') {
  console.error(`--split must be tune or held-out, not '${values.split ?? ''}'`);
  process.exit(2);
}

const bytes = readFileSync(pagePath);
const html = (pagePath.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
const window = new Window({
  url: values.url ?? 'https://example.org/',
  settings: {
    disableJavaScriptEvaluation: true,
    disableJavaScriptFileLoading: true,
    disableCSSFileLoading: true,
    disableIframePageLoading: true,
  },
});
window.document.write(html);
const page = extractArticle(window.document as unknown as Document);
await window.happyDOM.close();

const frontMatter = {
  title: page.title,
  ...(page.publishedDate && { date: page.publishedDate }),
  ...(page.siteName && { source: page.siteName }),
  ...(values.url && { url: values.url }),
};
const articleFile = join(corpusDir, 'articles', `${values.name}.md`);
mkdirSync(join(corpusDir, 'articles'), { recursive: true });
writeFileSync(articleFile, `---\n${stringify(frontMatter, { lineWidth: 0 })}---\n\n${page.text.trim()}\n`);

const indexFile = join(corpusDir, 'corpus.json');
const index = existsSync(indexFile)
  ? (JSON.parse(readFileSync(indexFile, 'utf8')) as { articles: Record<string, unknown> })
  : { articles: {} };
index.articles[values.name] = { split: values.split, origin: values.origin };
index.articles = Object.fromEntries(Object.entries(index.articles).sort(([a], [b]) => a.localeCompare(b)));
writeFileSync(indexFile, `${JSON.stringify(index, null, 2)}\n`);
console.log(`${articleFile}: ${page.title} (${page.text.length} characters, ${values.split})`);
