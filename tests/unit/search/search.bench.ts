/**
 * Search per keystroke at 10,000 generated stories:
 * `npx vitest bench --project unit tests/unit/search/search.bench.ts`.
 * Each task types a phrase one character at a time, as a reader would.
 */
import { bench, describe } from 'vitest';
import { buildSearchIndex } from '@/src/search/search-index';
import { syntheticFactBase } from './synthetic-factbase';

const factBase = syntheticFactBase(10_000);
const index = buildSearchIndex(factBase);
const entityName = factBase.entities[3]!.name.toLowerCase();

const keystrokes = (phrase: string) => Array.from(phrase, (_, at) => phrase.slice(0, at + 1));

describe('search at 10,000 stories, per keystroke', () => {
  for (const phrase of [entityName, 'cloud revenue growth', '20 million', '29%', 'microsfot', 'data center chips']) {
    const typed = keystrokes(phrase);
    bench(`typing "${phrase}" (${typed.length} keystrokes)`, () => {
      for (const query of typed) index.search(query);
    });
  }
});
