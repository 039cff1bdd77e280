/**
 * Popup search in the browser: the background's search module over a
 * generated fact base of 10,000 stories, typed a keystroke at a time.
 */
import { buildSearchIndex } from '@/src/search/search-index';
import { syntheticFactBase } from '@/tests/unit/search/synthetic-factbase';
import { typingSessions } from '../search-queries';

/** Per-keystroke times (ms) and the index build time. */
export interface BrowserSearchResult {
  buildMs: number;
  keystrokeMs: number[];
  /** What each keystroke searched for. */
  queries: string[];
  stories: number;
}

/** Build the index for `stories` generated stories and type the usual queries. */
export function measureSearch(stories: number): BrowserSearchResult {
  const factBase = syntheticFactBase(stories);
  const started = performance.now();
  const index = buildSearchIndex(factBase);
  const buildMs = performance.now() - started;
  const keystrokeMs: number[] = [];
  const queries: string[] = [];
  for (const session of typingSessions(factBase)) {
    for (const query of session) {
      const before = performance.now();
      index.search(query);
      keystrokeMs.push(performance.now() - before);
      queries.push(query);
    }
  }
  return { buildMs, keystrokeMs, queries, stories: factBase.stories.length };
}
