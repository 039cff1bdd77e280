/**
 * `npm run eval:marks`: how right the marks are on real pages with a grown
 * fact base (issue #12). Marks every labelled page of
 * `tests/fixtures/corpora/marks/` with the page layer's own scan and scores
 * precision and recall per split: "tune" (its errors are listed: tune on
 * these), "aside" and "unseen" (totals only).
 *
 *   npm run eval:marks                        # per-mention decisions (what the extension does)
 *   npm run eval:marks -- --rule page-wide    # the rule they replaced, for before/after numbers
 *   npm run eval:marks -- --check             # exit 1 when a total falls under its floor (floors.json)
 *   npm run eval:marks -- --show-kept-aside   # aside and unseen errors too: a final check only, never while tuning
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { rates, sumCounts, type MarkCounts, type MarksSplit } from '../src/match/evaluate/score-marks';
import { loadLabels, scoreCorpus, type CorpusFiles } from '../src/page/evaluate/marks-corpus';
import type { MarkRule } from '../src/page/evaluate/mark-document';

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: resolve(import.meta.dirname, '..', 'tests/fixtures/corpora/marks') },
    rule: { type: 'string', default: 'per-mention' },
    check: { type: 'boolean' },
    'show-kept-aside': { type: 'boolean' },
  },
});
const corpus = values.corpus;
const rule = values.rule as MarkRule;
if (rule !== 'per-mention' && rule !== 'page-wide') throw new Error(`--rule is per-mention or page-wide, not ${rule}`);

const files: CorpusFiles = {
  read: (path) => readFileSync(path, 'utf8'),
  list: (directory) => (existsSync(directory) ? readdirSync(directory) : []),
};
const SPLITS: MarksSplit[] = ['tune', 'aside', 'unseen'];
const pages = scoreCorpus(corpus, files, loadLabels(corpus, files, new Set(SPLITS)), rule);

const pct = (value: number) => `${(100 * value).toFixed(1)}%`;
const row = (name: string, counts: MarkCounts, n: number) => {
  const r = rates(counts);
  return (
    `${name.padEnd(8)}${String(n).padStart(6)}${String(counts.marks).padStart(7)}${String(counts.mentions).padStart(9)}` +
    `  ${pct(r.precision).padStart(9)}  ${pct(r.recall).padStart(7)}  ${pct(r.recallReachable).padStart(13)}`
  );
};
console.log(`Marks corpus, rule "${rule}": ${pages.length} pages\n`);
console.log(
  `${'split'.padEnd(8)}${'pages'.padStart(6)}${'marks'.padStart(7)}${'mentions'.padStart(9)}  ${'precision'.padStart(9)}  ${'recall'.padStart(7)}  ${'recall (alias)'.padStart(13)}`,
);
const totals = new Map<string, MarkCounts>();
for (const split of SPLITS) {
  const inSplit = pages.filter((page) => page.split === split);
  totals.set(split, sumCounts(inSplit));
  console.log(row(split, totals.get(split)!, inSplit.length));
}
const all = sumCounts(pages);
console.log(row('all', all, pages.length));

const scanMs = pages.reduce((sum, page) => sum + page.scanMs, 0);
const decideMs = pages.reduce((sum, page) => sum + page.decideMs, 0);
console.log(
  `\nScan (walk + find) ${scanMs.toFixed(0)} ms, decisions ${decideMs.toFixed(0)} ms ` +
    `(${pct(scanMs === 0 ? 0 : decideMs / scanMs)} of the scan; \`npm run bench\` measures it in browsers)`,
);

for (const page of pages) {
  if (page.split !== 'tune' && !values['show-kept-aside']) continue;
  if (page.errors.length === 0) continue;
  console.log(`\n${page.page} (${page.split}), ${page.errors.length} errors`);
  for (const error of page.errors) console.log(`  ${error}`);
}
if (!values['show-kept-aside']) console.log('\n(Errors of the aside and unseen pages are not listed.)');

if (values.check) {
  const floors = JSON.parse(readFileSync(join(corpus, 'floors.json'), 'utf8')) as Record<string, number>;
  const r = rates(all);
  const failures = Object.entries(floors).filter(([name, floor]) => (r as Record<string, number>)[name]! < floor);
  if (failures.length) {
    console.error(`\nUnder the floor: ${failures.map(([name, floor]) => `${name} < ${floor}`).join(', ')}`);
    process.exitCode = 1;
  } else console.log('\nEvery total is at or above its floor.');
}
