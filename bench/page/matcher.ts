/**
 * The matcher alone in the browser: compile a payload, then read text the
 * way the scanner hands it over (chunk by chunk), for a scan speed in MB/s.
 */
import { compileMatcher } from '@/src/match/matcher';
import { MatcherPayloadSchema } from '@/src/match/payload';

/** Times of one fresh compile and scan. */
export interface MatcherTiming {
  /** Reading the payload: JSON, then its schema (the content script parses what the background sends). */
  parseMs: number;
  /** `compileMatcher`. */
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

/** Compile `payloadJson` and read `chunks` with it. */
export function measureMatcher(payloadJson: string, chunks: string[]): MatcherTiming {
  const started = performance.now();
  const payload = MatcherPayloadSchema.parse(JSON.parse(payloadJson));
  const parsed = performance.now();
  const matcher = compileMatcher(payload);
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
