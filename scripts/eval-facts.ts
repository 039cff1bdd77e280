/**
 * `npm run eval:facts`: how good the fact base is on real articles. Builds the labelled corpus
 * (`tests/fixtures/corpora/facts/`) as a user adding those articles would get it, scores every dimension
 * (entities, kinds, merges, figures, owners, measures, summaries) on the part used for tuning, on the part
 * kept aside, and on both, and lists every error of the tuning part.
 *
 *   npm run eval:facts                    # scores and the tuning part's errors
 *   npm run eval:facts -- --show-held-out # the held-out part's errors too (not while tuning)
 *   npm run eval:facts -- --check         # exit 1 when a score falls under its floor (floors.json)
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { FactBase } from '../src/facts/schema';
import { parseCatalog } from '../src/ingest/catalog';
import { evaluateCorpus, type CorpusArticle } from '../src/ingest/evaluate/corpus';
import { loadCorpus, belowFloors, DIMENSION_LABELS, percent } from '../src/ingest/evaluate/report';
import type { ArticleScores, Dimension } from '../src/ingest/evaluate/score';

const repoRoot = resolve(import.meta.dirname, '..');
const corpusDir = join(repoRoot, 'tests/fixtures/corpora/facts');

const { values } = parseArgs({
  options: { 'show-held-out': { type: 'boolean' }, check: { type: 'boolean' } },
});

const bundled = FactBase.parse(JSON.parse(readFileSync(join(repoRoot, 'src/facts/factbase.json'), 'utf8')));
const discovery = parseCatalog(
  'assets/entities.yaml',
  readFileSync(join(repoRoot, 'assets/entities.yaml'), 'utf8'),
).discovery;
const { articles, unlabelled } = loadCorpus(corpusDir, (path) => readFileSync(path, 'utf8'), existsSync);
if (unlabelled.length) console.log(`Not labelled yet, left out: ${unlabelled.join(', ')}\n`);

const scores = evaluateCorpus(bundled, discovery, articles);
const count = (split: CorpusArticle['split']) => articles.filter((a) => a.split === split).length;
console.log(
  `Facts corpus: ${articles.length} articles (${count('tune')} tune, ${count('held-out')} held out), ` +
    `built in ${scores.buildMs.toFixed(0)} ms\n`,
);

const cell = (t: ArticleScores[Dimension]) => `${percent(t)} (${t.right}/${t.total})`.padEnd(20);
console.log(`${'dimension'.padEnd(44)}${'tune'.padEnd(20)}${'held out'.padEnd(20)}all`);
for (const [dimension, label] of Object.entries(DIMENSION_LABELS) as [Dimension, string][]) {
  console.log(
    `${label.padEnd(44)}${cell(scores.tune[dimension])}${cell(scores.heldOut[dimension])}${cell(scores.all[dimension])}`,
  );
}

for (const article of articles) {
  if (article.split === 'held-out' && !values['show-held-out']) continue;
  const articleScores = scores.byArticle.get(article.name)!;
  const lines = (Object.entries(articleScores) as [Dimension, ArticleScores[Dimension]][]).flatMap(([dimension, t]) =>
    t.errors.map((error) => `  ${DIMENSION_LABELS[dimension]}: ${error}`),
  );
  if (lines.length) console.log(`\n${article.name} (${article.split}), ${lines.length} errors\n${lines.join('\n')}`);
}
if (!values['show-held-out']) console.log('\n(Held-out errors are not listed; --show-held-out lists them.)');

if (values.check) {
  const { floors } = JSON.parse(readFileSync(join(corpusDir, 'floors.json'), 'utf8')) as {
    floors: Record<string, number>;
  };
  const failures = belowFloors(scores.all, floors);
  if (failures.length) {
    console.error(`\nUnder the floor:\n${failures.join('\n')}`);
    process.exitCode = 1;
  } else console.log('\nEvery score is at or above its floor.');
}
