import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { FactBase } from '@/src/facts/schema';
import { corpusFactBase } from '@/src/figures/corpus-factbase';
import { evaluateFigureCases, FigureCase } from '@/src/figures/evaluate';
import { parseCatalog } from '@/src/ingest/catalog';
import { CorpusIndex } from '@/src/ingest/evaluate/gold';

const root = resolve(import.meta.dirname, '../../..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

describe('figure checks on the labelled set (npm run eval:figures)', () => {
  const bundled = FactBase.parse(JSON.parse(read('src/facts/factbase.json')));
  const discovery = parseCatalog('assets/entities.yaml', read('assets/entities.yaml')).discovery;
  const index = CorpusIndex.parse(JSON.parse(read('tests/fixtures/corpora/facts/corpus.json')));
  const articles = Object.entries(index.articles).map(([name, { split }]) => ({
    name,
    split,
    text: split === 'tune' ? read(`tests/fixtures/corpora/facts/articles/${name}.md`) : '',
  }));
  const cases = z.array(FigureCase).parse(JSON.parse(read('tests/fixtures/corpora/figures/cases.json')));
  const floors = JSON.parse(read('tests/fixtures/corpora/figures/floors.json')) as Record<
    'tune' | 'held-out',
    { agrees: number; differs: number; withVerdict: number; noneMarked: number }
  >;
  const tallies = evaluateFigureCases(corpusFactBase(bundled, discovery, articles), cases);

  it.each(['tune', 'held-out'] as const)(
    '%s part stays at or above its floors',
    (split) => {
      const tally = tallies[split];
      const floor = floors[split];
      expect(tally.given.agrees.right / tally.given.agrees.total).toBeGreaterThanOrEqual(floor.agrees);
      expect(tally.given.differs.right / tally.given.differs.total).toBeGreaterThanOrEqual(floor.differs);
      expect(tally.comparable.withVerdict / tally.comparable.total).toBeGreaterThanOrEqual(floor.withVerdict);
      expect(tally.none.marked).toBeLessThanOrEqual(floor.noneMarked);
    },
    60_000,
  );
});
