/**
 * Measures entity discovery against hand-labelled news articles.
 *
 *   node --import tsx scripts/eval-discovery.ts            # score tests/fixtures/eval/*.md against gold.json
 *   node --import tsx scripts/eval-discovery.ts --extract  # (re)build the fixtures from tests/fixtures/pages first
 *   node --import tsx scripts/eval-discovery.ts --baseline # also score compromise's own people/places/organizations
 *
 * The fixtures are Markdown made from saved pages (Mozilla Readability's test
 * pages) so the unit test can score discovery without the shared folder.
 */
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import nlp from 'compromise';
import { stringify } from 'yaml';
import { discoverEntities, type DiscoveredEntity } from '../src/ingest/discover';
import { GoldFile, scoreArticle, totals, type ArticleScore } from '../src/ingest/discover/evaluate';
import { stripFrontMatter } from '../src/ingest/discover/text';

const repoRoot = resolve(import.meta.dirname, '..');
const pagesDir = join(repoRoot, 'tests/fixtures/pages');
const fixturesDir = join(repoRoot, 'tests/fixtures/eval');

/** English news articles among the saved pages; nytimes-5 is the Spanish edition's front page, so it is left out. */
const ARTICLES = ['engadget', 'theverge', 'seattletimes-1', 'ars-1', 'bbc-1', 'guardian-1', 'cnn', 'msn'] as const;

const BLOCK_TAGS = new Set([
  'P',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'BLOCKQUOTE',
  'FIGCAPTION',
  'PRE',
  'TD',
  'TH',
]);

/** Collapse runs of white space the way a browser renders them. */
function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Turn Readability's article HTML into plain Markdown: one paragraph per block,
 * `#` headings, `-` list items and `>` quotes. Links and emphasis become their
 * text, because discovery reads words, not markup.
 */
function articleHtmlToMarkdown(root: Element): string {
  const blocks: string[] = [];
  const visit = (element: Element): void => {
    if (BLOCK_TAGS.has(element.tagName) && !element.querySelector('p, li, h1, h2, h3, h4, h5, h6, blockquote')) {
      const text = squash(element.textContent ?? '');
      if (!text) return;
      const level = /^H([1-6])$/.exec(element.tagName)?.[1];
      if (level) blocks.push(`${'#'.repeat(Number(level))} ${text}`);
      else if (element.tagName === 'LI') blocks.push(`- ${text}`);
      else if (element.tagName === 'BLOCKQUOTE') blocks.push(`> ${text}`);
      else blocks.push(text);
      return;
    }
    for (const child of Array.from(element.children)) visit(child);
  };
  visit(root);
  return blocks.join('\n\n');
}

/** Extract one saved page's main article and write it as a Markdown fixture with front matter. */
function extractFixture(name: string): void {
  const html = readFileSync(join(pagesDir, `${name}.html`), 'utf8');
  const { document } = parseHTML(html);
  const url =
    document.querySelector('link[rel="canonical"]')?.getAttribute('href') ??
    document.querySelector('meta[property="og:url"]')?.getAttribute('content') ??
    undefined;
  const article = new Readability(document).parse();
  if (!article?.content) throw new Error(`Readability found no article in ${name}.html`);
  const { document: articleDocument } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
  const body = articleHtmlToMarkdown(articleDocument.body);
  const frontMatter = stringify(
    { title: squash(article.title ?? name), source: article.siteName ?? name, url },
    { singleQuote: true, lineWidth: 0 },
  );
  mkdirSync(fixturesDir, { recursive: true });
  writeFileSync(join(fixturesDir, `${name}.md`), `---\n${frontMatter}---\n\n${body}\n`);
  console.log(`wrote tests/fixtures/eval/${name}.md (${body.split(/\s+/).length} words)`);
}

const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;
const describe = (entity: DiscoveredEntity): string => `${entity.name} (${entity.kind}, ${entity.confidence})`;

function report(name: string, score: ArticleScore, words: number, milliseconds: number): void {
  const { precision, recall } = totals([score]);
  console.log(
    `\n${name}: ${words} words, ${milliseconds.toFixed(0)} ms — precision ${percent(precision)}, recall ${percent(recall)}` +
      ` (${score.correct.length} right, ${score.duplicates.length} duplicate, ${score.wrong.length} wrong, ` +
      `${score.ignored.length} optional, ${score.missed.length} of ${score.goldCount} missed)`,
  );
  if (score.wrong.length) console.log(`  false positives: ${score.wrong.map(describe).join('; ')}`);
  if (score.duplicates.length) console.log(`  duplicates: ${score.duplicates.map(describe).join('; ')}`);
  if (score.ignored.length) console.log(`  optional: ${score.ignored.map(describe).join('; ')}`);
  if (score.missed.length) console.log(`  missed: ${score.missed.map((entity) => entity.name).join('; ')}`);
  if (process.argv.includes('--verbose')) console.log(`  correct: ${score.correct.map(describe).join('; ')}`);
}

const wantExtract = process.argv.includes('--extract');
for (const name of ARTICLES) {
  if (wantExtract || !existsSync(join(fixturesDir, `${name}.md`))) extractFixture(name);
}

const gold = GoldFile.parse(JSON.parse(readFileSync(join(fixturesDir, 'gold.json'), 'utf8')));
const minConfidenceArgument = process.argv.find((argument) => argument.startsWith('--min='));
const minConfidence = minConfidenceArgument ? Number(minConfidenceArgument.slice('--min='.length)) : undefined;
const scores: ArticleScore[] = [];
const texts: string[] = [];
for (const name of ARTICLES) {
  const labels = gold.articles[name];
  if (!labels) throw new Error(`gold.json has no labels for ${name}`);
  const text = readFileSync(join(fixturesDir, `${name}.md`), 'utf8');
  texts.push(text);
  const started = performance.now();
  const discovered = discoverEntities(text, { minConfidence });
  const milliseconds = performance.now() - started;
  const score = scoreArticle(discovered, labels);
  scores.push(score);
  report(name, score, text.split(/\s+/).length, milliseconds);
}
const overall = totals(scores);
console.log(
  `\nOverall: precision ${percent(overall.precision)}, recall ${percent(overall.recall)}, ` +
    `kind right for ${percent(overall.kindAccuracy)} of correct entities`,
);

/**
 * Compromise's own named-entity methods, as a baseline: every distinct
 * person, place and organisation it tags, possessives and punctuation removed.
 */
function compromiseEntities(text: string): DiscoveredEntity[] {
  const doc = nlp(stripFrontMatter(text));
  const found = new Map<string, DiscoveredEntity>();
  const add = (names: string[], kind: DiscoveredEntity['kind']): void => {
    for (const raw of names) {
      const name = raw
        .replace(/['’]s\b/g, '')
        .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')
        .trim();
      if (name && !found.has(name.toLowerCase())) {
        found.set(name.toLowerCase(), { name, kind, aliases: [name], mentions: 1, confidence: 1 });
      }
    }
  };
  add(doc.people().out('array') as string[], 'person');
  add(doc.places().out('array') as string[], 'place');
  add(doc.organizations().out('array') as string[], 'organization');
  return [...found.values()];
}

if (process.argv.includes('--baseline')) {
  const baseline: ArticleScore[] = [];
  let milliseconds = 0;
  for (const [index, name] of ARTICLES.entries()) {
    const started = performance.now();
    const score = scoreArticle(compromiseEntities(texts[index]!), gold.articles[name]!);
    milliseconds += performance.now() - started;
    baseline.push(score);
    console.log(`compromise on ${name}: false positives ${score.wrong.map((entity) => entity.name).join('; ')}`);
  }
  const { precision, recall } = totals(baseline);
  console.log(
    `Compromise alone: precision ${percent(precision)}, recall ${percent(recall)}, ${milliseconds.toFixed(0)} ms for all articles`,
  );
}

// Timing on a long text: all fixtures joined (about 8,000 words), after one warm-up run.
const joined = texts.join('\n\n');
discoverEntities(joined);
const runs = 5;
const started = performance.now();
for (let run = 0; run < runs; run += 1) discoverEntities(joined);
const perRun = (performance.now() - started) / runs;
const joinedWords = joined.split(/\s+/).length;
console.log(
  `Speed: ${joinedWords} words in ${perRun.toFixed(0)} ms (${((perRun * 5000) / joinedWords).toFixed(0)} ms per 5,000 words, warm)`,
);
