/**
 * The matcher alone in the browser: plan a payload (the background's part,
 * once per fact base), build the matcher from the plan as a content script
 * does, then read text the way the scanner hands it over (chunk by chunk),
 * for a scan speed in MB/s.
 */
import { instantiateMatcher, planMatcher } from '@/src/match/matcher';
import { encodeMatcherPlan, MatcherPlanSchema, type MatcherPayload } from '@/src/match/payload';

/** Times of one fresh compile and scan. */
export interface MatcherTiming {
  /** `planMatcher`: the background's work, once per fact base (not per page). */
  planMs: number;
  /** Reading the plan: JSON, then its schema (the content script parses what the background sends). */
  parseMs: number;
  /** `instantiateMatcher`: the content script's build. */
  compileMs: number;
  /** The first `findMentions` call on a short text: the engine compiles the expressions here. */
  firstMatchMs: number;
  /** Reading every chunk once: the first time, as a content script on its first page does. */
  scanMs: number;
  /** Reading them all again, with the engine warmed up. */
  warmScanMs: number;
  /** UTF-16 code units read. */
  chars: number;
  mentions: number;
  expressions: number;
}

/** Plan `payloadJson`, build the matcher from the plan and read `chunks` with it. */
export function measureMatcher(payloadJson: string, chunks: string[]): MatcherTiming {
  const payload = JSON.parse(payloadJson) as MatcherPayload;
  const planStarted = performance.now();
  const planJson = JSON.stringify(encodeMatcherPlan(planMatcher(payload)));
  const planMs = performance.now() - planStarted;
  const started = performance.now();
  const plan = MatcherPlanSchema.parse(JSON.parse(planJson));
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
  return {
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
}
