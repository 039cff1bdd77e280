/**
 * The per-mention decisions' cost in the browser (issue #12): the page's
 * text read as the annotator reads it, once finding names the way the scan
 * did before the decisions (`findMentions`, every name marked), once
 * deciding each (`decideChunk`, then resolving against the page), on the
 * same page, alternately, so the difference is what deciding adds. Then the
 * figure check's part on the page (issue 15): the sentences of the blocks that
 * hold the decided mentions, read and cut.
 */
import { PageNames } from '@/src/match/decide';
import { compileMatcher, type Matcher } from '@/src/match/matcher';
import type { MatcherPayload } from '@/src/match/payload';
import { decideChunk, type DecidedMention } from '@/src/page/context';
import { ExclusionCache } from '@/src/page/exclusions';
import { collectSentences } from '@/src/page/figure-checks';
import type { MentionEntry } from '@/src/page/mention-index';
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
  /**
   * Reading the blocks that hold the decided mentions and cutting the sentences to check (issue 15): the
   * figure check's cost on the page's thread, one synchronous pass. The background's part is
   * `npm run bench:figures`.
   */
  figureMs: number;
  /** The longest step of that pass: the page's thread is given back between steps (after 8 ms of them). */
  figureStepMs: number;
  /** Sentences the pass finds (all of the page's; the extension sends at most 1,000 a pass). */
  figureSentences: number;
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

/** The scan with each name decided: the mentions it would mark. */
function scanDeciding(matcher: Matcher): MentionEntry[] {
  const exclusions = new ExclusionCache(isOwnElement);
  const names = new PageNames();
  const decided: DecidedMention[] = [];
  for (const chunk of chunksOf(document)) decided.push(...decideChunk(chunk, matcher, exclusions, names, document));
  return decided.flatMap(({ node, start, end, decision }) => {
    const [entityId] = names.resolve(decision);
    return entityId ? [{ node, start, end, entityId }] : [];
  });
}

/** One whole pass of the figure check's page part over every block of `marked`, timing each step. */
function figurePass(marked: readonly MentionEntry[], matcher: Matcher): { sentences: number; longestStepMs: number } {
  const steps = collectSentences(
    marked,
    // As the session asks: only blocks naming an entity with figures in the stories are read.
    (entry) => matcher.hasFigures(entry.entityId),
    () => false,
    Infinity,
  );
  let longestStepMs = 0;
  for (;;) {
    const started = performance.now();
    const step = steps.next();
    longestStepMs = Math.max(longestStepMs, performance.now() - started);
    if (step.done) return { sentences: step.value.sentences.length, longestStepMs };
  }
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
  let { sentences, longestStepMs } = figurePass(marked, matcher);
  const figures: number[] = [];
  const longestSteps: number[] = [];
  for (let run = 0; run < runs; run++) {
    let started = performance.now();
    found = scanBefore(matcher);
    before.push(performance.now() - started);
    started = performance.now();
    marked = scanDeciding(matcher);
    after.push(performance.now() - started);
    started = performance.now();
    ({ sentences, longestStepMs } = figurePass(marked, matcher));
    figures.push(performance.now() - started);
    longestSteps.push(longestStepMs);
  }
  return {
    scanMs: median(before),
    decidedScanMs: median(after),
    found,
    marked: marked.length,
    figureMs: median(figures),
    figureStepMs: median(longestSteps),
    figureSentences: sentences,
  };
}
