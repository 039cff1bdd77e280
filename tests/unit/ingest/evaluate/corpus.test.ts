/**
 * The facts corpus in CI: the fact base built from 59 real articles, scored against their hand-made labels,
 * must stay at or above the floors in `tests/fixtures/corpora/facts/floors.json` on every dimension. This is
 * the benchmark `npm run eval:facts` prints, held as a floor; its numbers and errors are printed there.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FactBase } from '@/src/facts/schema';
import { parseCatalog } from '@/src/ingest/catalog';
import { evaluateCorpus } from '@/src/ingest/evaluate/corpus';
import { belowFloors, loadCorpus } from '@/src/ingest/evaluate/report';

const ROOT = path.resolve(__dirname, '../../../..');
const CORPUS = path.join(ROOT, 'tests/fixtures/corpora/facts');
const read = (file: string) => readFileSync(file, 'utf8');

describe('the facts corpus', () => {
  const { articles, unlabelled } = loadCorpus(CORPUS, read, existsSync);
  const floors = (JSON.parse(read(path.join(CORPUS, 'floors.json'))) as { floors: Record<string, number> }).floors;

  it('is labelled whole, with a held-out part', () => {
    expect(unlabelled).toEqual([]);
    expect(articles.length).toBeGreaterThanOrEqual(29);
    expect(articles.filter((article) => article.split === 'held-out').length).toBeGreaterThanOrEqual(7);
  });

  it('builds a fact base that scores at or above every floor', () => {
    const bundled = FactBase.parse(JSON.parse(read(path.join(ROOT, 'src/facts/factbase.json'))));
    const discovery = parseCatalog('assets/entities.yaml', read(path.join(ROOT, 'assets/entities.yaml'))).discovery;
    const scores = evaluateCorpus(bundled, discovery, articles);
    expect(Object.keys(floors).length).toBe(12);
    expect(belowFloors(scores.all, floors)).toEqual([]);
  }, 60_000);
});
