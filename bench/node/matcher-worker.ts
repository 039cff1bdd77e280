/**
 * One fresh compile and scan of the matcher, in a worker thread of its own:
 * each worker is a new V8 isolate, so no RegExp is already compiled (V8
 * caches compiled expressions by source within an isolate, which would make
 * every compile after the first look free).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { instantiateMatcher, planMatcher } from '@/src/match/matcher';
import { encodeMatcherPlan, MatcherPlanSchema, type MatcherPayload } from '@/src/match/payload';
import type { MatcherTiming } from '../page/matcher';

/** What the worker is given. */
export interface MatcherJob {
  payload: MatcherPayload;
  chunks: string[];
}

/** What it answers: the same timings as in the browser. */
export type MatcherJobResult = MatcherTiming;

const { payload, chunks } = workerData as MatcherJob;
const planStarted = performance.now();
const json = JSON.stringify(encodeMatcherPlan(planMatcher(payload)));
const planMs = performance.now() - planStarted;
const started = performance.now();
const plan = MatcherPlanSchema.parse(JSON.parse(json));
const parsed = performance.now();
const matcher = instantiateMatcher(plan);
const compiled = performance.now();
matcher.findMentions('Factlens reads this first.');
const warmed = performance.now();
let mentions = 0;
let chars = 0;
for (const chunk of chunks) {
  mentions += matcher.findMentions(chunk).length;
  chars += chunk.length;
}
const scanned = performance.now();
for (const chunk of chunks) matcher.findMentions(chunk);
const warmScanMs = performance.now() - scanned;
const result: MatcherJobResult = {
  planMs,
  parseMs: parsed - started,
  compileMs: compiled - parsed,
  firstMatchMs: warmed - compiled,
  scanMs: scanned - warmed,
  warmScanMs,
  chars,
  mentions,
  expressions: matcher.expressionCount,
};
parentPort!.postMessage(result);
