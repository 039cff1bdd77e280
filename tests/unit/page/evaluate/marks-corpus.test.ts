/**
 * The marks corpus in CI (issue #12): every labelled page marked by the page
 * layer's own scan with the grown fact base, scored against its labels; the
 * totals over all splits (tune, aside, unseen) must stay at or above the
 * floors in `tests/fixtures/corpora/marks/floors.json`, set just under what
 * the decisions reach. `npm run eval:marks` prints the numbers and the tune errors.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rates, sumCounts } from '@/src/match/evaluate/score-marks';
import { loadLabels, scoreCorpus, type CorpusFiles } from '@/src/page/evaluate/marks-corpus';

const CORPUS = path.resolve(__dirname, '../../../fixtures/corpora/marks');
const files: CorpusFiles = {
  read: (file) => readFileSync(file, 'utf8'),
  list: (directory) => (existsSync(directory) ? readdirSync(directory) : []),
};

describe('the marks corpus', () => {
  it('marks its pages at or above the floors of precision and recall', () => {
    const labels = loadLabels(CORPUS, files, new Set(['tune', 'aside', 'unseen']));
    expect(new Set(labels.map((page) => page.split))).toEqual(new Set(['tune', 'aside', 'unseen']));
    const floors = JSON.parse(files.read(path.join(CORPUS, 'floors.json'))) as Record<string, number>;
    const totals = rates(sumCounts(scoreCorpus(CORPUS, files, labels, 'per-mention')));
    for (const [name, floor] of Object.entries(floors)) {
      expect(totals[name as keyof typeof totals], name).toBeGreaterThanOrEqual(floor);
    }
  }, 600_000);
});
