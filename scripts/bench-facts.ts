/**
 * `npm run bench:facts`: what building the fact base costs. Two numbers, each against its goal:
 * - a corpus of 1,000 articles (the labelled corpus's real articles, repeated under new names) built at
 *   once, as `npm run facts` would: wall time and the process's peak memory (goal: < 30 s, < 500 MB);
 * - one article added by a user, analysed against the bundled fact base as the background does: median
 *   and worst time over the corpus's articles (goal: < 200 ms).
 *
 *   npm run bench:facts [-- --articles 1000]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { FactBase } from '../src/facts/schema';
import { buildFactBase } from '../src/ingest/build';
import { parseCatalog } from '../src/ingest/catalog';
import { userArticleOf } from '../src/ingest/evaluate/corpus';
import { keptUserBuilder } from '../src/user-articles/build-cache';
import { buildUserFactBase, mergeUserArticles } from '../src/user-articles/merge';

const repoRoot = resolve(import.meta.dirname, '..');
const articlesDir = join(repoRoot, 'tests/fixtures/corpora/facts/articles');
const { values } = parseArgs({ options: { articles: { type: 'string', default: '1000' } } });
const count = Number(values.articles);

const catalogText = readFileSync(join(repoRoot, 'assets/entities.yaml'), 'utf8');
const catalog = parseCatalog('assets/entities.yaml', catalogText);
const bundled = FactBase.parse(JSON.parse(readFileSync(join(repoRoot, 'src/facts/factbase.json'), 'utf8')));
const corpus = readdirSync(articlesDir)
  .filter((file) => file.endsWith('.md'))
  .sort()
  .map((file) => ({ name: file.slice(0, -3), text: readFileSync(join(articlesDir, file), 'utf8') }));

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);

// A user adds one article: the background builds it against the bundled fact base.
const perArticle: number[] = [];
for (const { name, text } of corpus) {
  const started = performance.now();
  mergeUserArticles(bundled, [userArticleOf(name, text)], catalog.discovery);
  perArticle.push(performance.now() - started);
}
// The first article pays for the code's warm-up (compilation, the lexicon's tables); the rest show the steady cost.
const firstArticleMs = perArticle[0]!;
perArticle.sort((a, b) => a - b);

// A background start with the corpus as the user's articles: analysing them again, against merging the
// analysis kept from the last start (src/user-articles/build-cache.ts).
const userArticles = corpus.map(({ name, text }) => userArticleOf(name, text));
const session = new Map<string, unknown>();
const area = {
  get: async (key: string | string[] | null) =>
    typeof key === 'string' && session.has(key) ? { [key]: session.get(key) } : {},
  set: async (items: Record<string, unknown>) => void Object.entries(items).forEach(([k, v]) => session.set(k, v)),
  remove: async () => {},
};
const coldStarted = performance.now();
const firstStart = await keptUserBuilder(area, 'bench', () => {}, buildUserFactBase);
mergeUserArticles(bundled, userArticles, catalog.discovery, [], firstStart.build);
const coldStartMs = performance.now() - coldStarted;
const warmStarted = performance.now();
const nextStart = await keptUserBuilder(area, 'bench', () => {}, buildUserFactBase);
mergeUserArticles(bundled, userArticles, catalog.discovery, [], nextStart.build);
const warmStartMs = performance.now() - warmStarted;

const sources = Array.from({ length: count }, (_, i) => {
  const { name, text } = corpus[i % corpus.length]!;
  return { path: `bench/${name}-${Math.floor(i / corpus.length)}.md`, text };
});
const characters = sources.reduce((sum, source) => sum + source.text.length, 0);
const started = performance.now();
const { factBase } = buildFactBase({ articles: sources, catalog });
const buildMs = performance.now() - started;
peakRss = Math.max(peakRss, process.memoryUsage().rss);
clearInterval(sampler);

const mb = (bytes: number) => bytes / 1024 / 1024;
const row = (what: string, value: string, goal: string, met: boolean) =>
  console.log(`${what.padEnd(58)}${value.padEnd(16)}${goal.padEnd(12)}${met ? 'met' : 'MISSED'}`);
console.log(
  `Fact base build: ${count} articles (${corpus.length} real articles repeated, ${(characters / 1e6).toFixed(1)} M characters), ` +
    `${factBase.entities.length} entities, ${factBase.figures.length} figures; Node ${process.version}\n`,
);
console.log(`${'measure'.padEnd(58)}${'value'.padEnd(16)}${'goal'.padEnd(12)}`);
row(`build of ${count} articles`, `${(buildMs / 1000).toFixed(1)} s`, '< 30 s', buildMs < 30_000);
row('peak memory of the process', `${mb(peakRss).toFixed(0)} MB`, '< 500 MB', mb(peakRss) < 500);
const median = perArticle[Math.floor(perArticle.length / 2)]!;
const warm = [...perArticle];
warm.splice(warm.indexOf(firstArticleMs), 1);
const worstWarm = warm.at(-1)!;
row('one user article, median', `${median.toFixed(0)} ms`, '< 200 ms', median < 200);
row('one user article, worst once the code is warm', `${worstWarm.toFixed(0)} ms`, '< 200 ms', worstWarm < 200);
row('the first user article (cold code)', `${firstArticleMs.toFixed(0)} ms`, '< 200 ms', firstArticleMs < 200);
row(`background start, ${userArticles.length} user articles: analysed again`, `${coldStartMs.toFixed(0)} ms`, '', true);
row(
  `background start, ${userArticles.length} user articles: kept analysis`,
  `${warmStartMs.toFixed(0)} ms`,
  '< 200 ms',
  warmStartMs < 200,
);
console.log(`\n${perArticle.length} user articles timed, one at a time, in name order.`);
