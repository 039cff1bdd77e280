/**
 * One fresh compile and scan of the matcher, in a worker thread of its own:
 * each worker is a new V8 isolate, so no RegExp is already compiled (V8
 * caches compiled expressions by source within an isolate, which would make
 * every compile after the first look free).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { MatcherPayload } from '@/src/match/payload';
import { measureMatcher, type MatcherTiming } from '../page/matcher';

/** What the worker is given. */
export interface MatcherJob {
  payload: MatcherPayload;
  chunks: string[];
}

/** What it answers: the same timings as in the browser. */
export type MatcherJobResult = MatcherTiming;

const { payload, chunks } = workerData as MatcherJob;
// The same measurement as the browsers' probe, in this fresh isolate.
const result: MatcherJobResult = measureMatcher(JSON.stringify(payload), chunks);
parentPort!.postMessage(result);
