/**
 * The per-mention decisions' cost in the browser (issue #12): the page's
 * text read as the annotator reads it, once finding names the way the scan
 * did before the decisions (`findMentions`, every name marked), once
 * deciding each (`decideChunk`, then resolving against the page), on the
 * same page, alternately, so the difference is what deciding adds.
 */
import { PageNames } from '@/src/match/decide';
import { compileMatcher, type Matcher } from '@/src/match/matcher';
import type { MatcherPayload } from '@/src/match/payload';
import { decideChunk, type DecidedMention } from '@/src/page/context';
import { ExclusionCache } from '@/src/page/exclusions';
import { isOwnElement } from '@/src/page/own-elements';
import { mentionsByNode, TextWalk, type TextChunk } from '@/src/page/scanner';

/** One page's timings, each the median of its runs. */
export interface DecisionTiming {
  /** Walking the text and finding names in it, every found name a mention: the scan before the decisions. */
  scanMs: number;
  /** The same walk, with each found name decided and resolved. */
  decidedScanMs: number;
  /** Names found; of them marked after the decisions. */
  found: number;
  marked: number;
}

function chunksOf(document: Document): TextChunk[] {
  const walk = new TextWalk(document.body);
  const chunks: TextChunk[] = [];
  for (let chunk = walk.nextChunk(); chunk; chunk = walk.nextChunk()) chunks.push(chunk);
  return chunks;
}

function scanBefore(matcher: Matcher): number {
  const exclusions = new ExclusionCache(isOwnElement);
  let found = 0;
  for (const chunk of chunksOf(document)) {
    for (const group of mentionsByNode(chunk, matcher.findMentions(chunk.text), exclusions))
      found += group.mentions.length;
  }
  return found;
}

function scanDeciding(matcher: Matcher): number {
  const exclusions = new ExclusionCache(isOwnElement);
  const names = new PageNames();
  const decided: DecidedMention[] = [];
  for (const chunk of chunksOf(document)) decided.push(...decideChunk(chunk, matcher, exclusions, names, document));
  return decided.filter(({ decision }) => names.resolve(decision).length > 0).length;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Time both scans of this page `runs` times each, alternately. */
export function measureDecisions(payloadJson: string, runs: number): DecisionTiming {
  const matcher = compileMatcher(JSON.parse(payloadJson) as MatcherPayload);
  matcher.findMentions('Factlens reads this first.');
  const before: number[] = [];
  const after: number[] = [];
  // One untimed pass of each first: the first walk of a page pays for its cold DOM, whichever runs it.
  let found = scanBefore(matcher);
  let marked = scanDeciding(matcher);
  for (let run = 0; run < runs; run++) {
    let started = performance.now();
    found = scanBefore(matcher);
    before.push(performance.now() - started);
    started = performance.now();
    marked = scanDeciding(matcher);
    after.push(performance.now() - started);
  }
  return { scanMs: median(before), decidedScanMs: median(after), found, marked };
}
