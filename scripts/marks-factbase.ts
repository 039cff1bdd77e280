/**
 * The grown fact base of the marks corpus (`tests/fixtures/corpora/marks/factbase/`, issue 12): the fact
 * base a user's extension holds after adding about thirty real articles, built as the extension builds it.
 *
 *   npm run marks:factbase -- --add NAME --origin TEXT [--url URL] PAGE.html[.gz]
 *       reads the page as *Add this page* does (parsed with its scripts off, `extractArticle`, the form's
 *       `draftFromPage` and `checkDraft`) and freezes what the user would save as `articles/NAME.md`;
 *   npm run marks:factbase
 *       turns every frozen article into a stored user article (ids allocated as the store allocates them,
 *       in file-name order) and merges them into the bundled fact base with the bundled catalog's discovery
 *       rules, exactly as the background does (`mergeUserArticles`), and writes `grown.json`.
 *
 * The corpus keeps the articles' text, not their pages, so a later extractor change does not move the
 * labels; and `grown.json` is frozen, because the labels name its entity ids: rebuild it only deliberately
 * (after a builder change, the labels must be checked against the new ids).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { Window } from 'happy-dom';
import { stringify } from 'yaml';
import { FactBase } from '../src/facts/schema';
import { parseArticle } from '../src/ingest/articles';
import { parseCatalog } from '../src/ingest/catalog';
import { allocateArticleId, checkDraft, draftFromPage } from '../src/user-articles/draft';
import { extractArticle } from '../src/user-articles/extract';
import { mergeUserArticles } from '../src/user-articles/merge';
import { UserArticle } from '../src/user-articles/schema';
import type { ArticleDraft } from '../src/messages/article-preview';

const repoRoot = resolve(import.meta.dirname, '..');
const factbaseDir = join(repoRoot, 'tests/fixtures/corpora/marks/factbase');
const articlesDir = join(factbaseDir, 'articles');
const originsFile = join(factbaseDir, 'origins.json');

/** When every frozen article was "added": fixed, so the same articles give the same bytes. */
const ADDED_AT = '2026-12-07T00:00:00.000Z';

type Origins = Record<string, { origin: string; url?: string }>;

function readOrigins(): Origins {
  return existsSync(originsFile) ? (JSON.parse(readFileSync(originsFile, 'utf8')) as Origins) : {};
}

/** What the options form would hold after *Add this page* on `html`, opened at `url`. */
async function draftOfPage(html: string, url: string): Promise<ArticleDraft> {
  const window = new Window({
    url,
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
  return draftFromPage(page);
}

async function addArticle(name: string, origin: string, url: string | undefined, pagePath: string): Promise<void> {
  const bytes = readFileSync(pagePath);
  const html = (pagePath.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
  const draft = await draftOfPage(html, url ?? 'https://example.org/');
  const checked = checkDraft(draft);
  if (!checked.ok) throw new Error(`${pagePath}: the form would refuse it: ${JSON.stringify(checked.problems)}`);
  const { title, date, source, url: address, body } = checked.article;
  const frontMatter = { title, ...(date && { date }), ...(source && { source }), ...(address && { url: address }) };
  mkdirSync(articlesDir, { recursive: true });
  const file = join(articlesDir, `${name}.md`);
  writeFileSync(file, `---\n${stringify(frontMatter, { lineWidth: 0 })}---\n\n${body}\n`);
  const origins = readOrigins();
  origins[name] = { origin, ...(url && { url }) };
  const sorted = Object.fromEntries(Object.entries(origins).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(originsFile, `${JSON.stringify(sorted, null, 2)}\n`);
  console.log(`${file}: ${title} (${body.length} characters)`);
}

/** The frozen articles as the store would hold them, ids allocated in file-name order. */
function storedArticles(): UserArticle[] {
  const files = readdirSync(articlesDir)
    .filter((file) => file.endsWith('.md'))
    .sort();
  const articles: UserArticle[] = [];
  for (const file of files) {
    const parsed = parseArticle({ path: file, text: readFileSync(join(articlesDir, file), 'utf8') });
    if (!parsed.article) throw new Error(`${file}: ${JSON.stringify(parsed.problems)}`);
    const { title, date, source, url, body } = parsed.article;
    const checked = checkDraft({ title, date: date ?? '', source: source ?? '', url: url ?? '', body });
    if (!checked.ok) throw new Error(`${file}: ${JSON.stringify(checked.problems)}`);
    const id = allocateArticleId(
      checked.article.title,
      articles.map((article) => article.id),
    );
    articles.push(UserArticle.parse({ ...checked.article, id, addedAt: ADDED_AT }));
  }
  return articles;
}

function buildGrown(): void {
  const bundled = FactBase.parse(JSON.parse(readFileSync(join(repoRoot, 'src/facts/factbase.json'), 'utf8')));
  const catalog = parseCatalog('assets/entities.yaml', readFileSync(join(repoRoot, 'assets/entities.yaml'), 'utf8'));
  const articles = storedArticles();
  const merged = mergeUserArticles(bundled, articles, catalog.discovery);
  for (const problem of merged.problems) console.warn(`left out: ${problem}`);
  writeFileSync(join(factbaseDir, 'grown.json'), `${JSON.stringify(merged.factBase, null, 1)}\n`);
  const aliases = merged.factBase.entities.reduce((sum, entity) => sum + entity.aliases.length, 0);
  console.log(
    `grown.json: ${articles.length} user articles, ${merged.factBase.entities.length} entities ` +
      `(${bundled.entities.length} bundled), ${aliases} aliases, ${merged.factBase.stories.length} stories, ` +
      `${merged.factBase.figures.length} figures`,
  );
}

const { values, positionals } = parseArgs({
  options: { add: { type: 'string' }, origin: { type: 'string' }, url: { type: 'string' } },
  allowPositionals: true,
});

if (values.add !== undefined) {
  const [pagePath] = positionals;
  if (!pagePath || !/^[a-z0-9-]+$/.test(values.add) || !values.origin) {
    console.error('usage: marks-factbase.ts --add lower-case-name --origin TEXT [--url URL] PAGE.html[.gz]');
    process.exit(2);
  }
  await addArticle(values.add, values.origin, values.url, pagePath);
} else {
  buildGrown();
}
