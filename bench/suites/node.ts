/**
 * Measurements in Node (labelled so in the report): the matcher's compile
 * time and scan speed, each sample in a fresh worker (a new V8 isolate), and
 * popup search per keystroke over a generated fact base of 10,000 stories.
 */
import { Worker } from 'node:worker_threads';
import type { MatcherPayload } from '@/src/match/payload';
import { buildSearchIndex } from '@/src/search/search-index';
import { syntheticFactBase } from '@/tests/unit/search/synthetic-factbase';
import type { MatcherJob, MatcherJobResult } from '../node/matcher-worker';
import { typingSessions } from '../search-queries';

/** Run one fresh compile-and-scan in a worker. */
export function matcherInWorker(workerPath: string, job: MatcherJob): Promise<MatcherJobResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerPath, { workerData: job });
    worker.once('message', (result: MatcherJobResult) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

/** `runs` fresh compile-and-scans of `payload` over `chunks`. */
export async function measureMatcherInNode(
  workerPath: string,
  payload: MatcherPayload,
  chunks: string[],
  runs: number,
): Promise<MatcherJobResult[]> {
  const results: MatcherJobResult[] = [];
  for (let run = 0; run < runs; run++) results.push(await matcherInWorker(workerPath, { payload, chunks }));
  return results;
}

/** Popup search timings: index build and every keystroke of the typing sessions. */
export interface SearchTimings {
  stories: number;
  buildMs: number;
  /** Per keystroke, in typing order, over `passes` passes (each on a freshly built index). */
  keystrokeMs: number[];
  /** The first pass alone: a freshly started background, nothing compiled yet. */
  firstPassMs: number[];
  /** What each keystroke searched for, in the order of `keystrokeMs`. */
  queries: string[];
}

/** Build the index over `stories` generated stories and type the sessions, `passes` times. */
export function measureSearchInNode(stories: number, passes: number): SearchTimings {
  const factBase = syntheticFactBase(stories);
  const keystrokeMs: number[] = [];
  const queries: string[] = [];
  let firstPassMs: number[] = [];
  let buildMs = 0;
  for (let pass = 0; pass < passes; pass++) {
    const started = performance.now();
    const index = buildSearchIndex(factBase);
    if (pass === 0) buildMs = performance.now() - started;
    const times: number[] = [];
    for (const session of typingSessions(factBase)) {
      for (const query of session) {
        const before = performance.now();
        index.search(query);
        times.push(performance.now() - before);
        queries.push(query);
      }
    }
    if (pass === 0) firstPassMs = times;
    keystrokeMs.push(...times);
  }
  return { stories: factBase.stories.length, buildMs, keystrokeMs, firstPassMs, queries };
}
