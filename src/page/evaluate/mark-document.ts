/**
 * The page layer's scan of a whole document at once, for `npm run
 * eval:marks` and its CI floor: the same text walk, the same per-mention
 * decisions (`decideChunk`) and the same page-level resolution as the
 * annotator, without slices, highlights or settings, so what Node scores is
 * what the browser marks. Also the "before" rule of issue #12 (every found
 * name, context words anywhere on the page) to compare against.
 *
 * DOM code: takes its document; needs `Node` and `NodeFilter` as globals
 * (the scanner reads them), which the caller provides outside a browser.
 * Never ships in the extension.
 */
import { PageNames } from '../../match/decide';
import type { Matcher } from '../../match/matcher';
import { decideChunk, type DecidedMention } from '../context';
import { ExclusionCache } from '../exclusions';
import { mentionsByNode, TextWalk, type TextChunk } from '../scanner';
import { stripWhitespace } from '../../match/evaluate/score-marks';

/** A mark on a text node: offsets in its data, the entities its popover offers. */
export interface NodeMark {
  node: Text;
  start: number;
  end: number;
  entityIds: readonly string[];
}

/** The marks of a document and what finding them cost. */
export interface DocumentMarks {
  marks: NodeMark[];
  /** Walking the text and finding names in it. */
  scanMs: number;
  /** Deciding the found names (zero for the "before" rule). */
  decideMs: number;
}

/** Which rule decides: issue #12's per-mention decisions, or the page-wide rule they replace. */
export type MarkRule = 'per-mention' | 'page-wide';

const notOurs = () => false;

function chunksOf(document: Document): TextChunk[] {
  const walk = new TextWalk(document.body);
  const chunks: TextChunk[] = [];
  for (let chunk = walk.nextChunk(); chunk; chunk = walk.nextChunk()) chunks.push(chunk);
  return chunks;
}

/** Marks `document` as the annotator would, with nothing muted and no cap. */
export function markDocument(
  document: Document,
  matcher: Matcher,
  rule: MarkRule,
  now = () => performance.now(),
): DocumentMarks {
  const exclusions = new ExclusionCache(notOurs);
  const walkStarted = now();
  const chunks = chunksOf(document);
  const walkMs = now() - walkStarted;
  if (rule === 'page-wide') {
    const findStarted = now();
    const found = chunks.flatMap((chunk) => mentionsByNode(chunk, matcher.findMentions(chunk.text), exclusions));
    const withContext = matcher.entitiesWithContext(chunks.map((chunk) => chunk.text).join('\n'));
    const marks = found.flatMap(({ node, mentions }) =>
      mentions
        .filter(({ entityId }) => !matcher.contextEntityIds.has(entityId) || withContext.has(entityId))
        .map(({ start, end, entityId }) => ({ node, start, end, entityIds: [entityId] })),
    );
    return { marks, scanMs: walkMs + now() - findStarted, decideMs: 0 };
  }
  // Finding names alone, timed apart: the decisions cost what deciding adds to it.
  const findStarted = now();
  for (const chunk of chunks) matcher.findCandidates(chunk.text);
  const findMs = now() - findStarted;
  const decideStarted = now();
  const names = new PageNames();
  const decided: DecidedMention[] = [];
  for (const chunk of chunks) decided.push(...decideChunk(chunk, matcher, exclusions, names, document));
  const marks = decided.flatMap(({ node, start, end, decision }) => {
    const entityIds = names.resolve(decision);
    return entityIds.length > 0 ? [{ node, start, end, entityIds }] : [];
  });
  const findAndDecideMs = now() - decideStarted;
  return { marks, scanMs: walkMs + findMs, decideMs: Math.max(0, findAndDecideMs - findMs) };
}

const HIDDEN_SELECTOR = '[hidden],[aria-hidden="true"]';
const INVISIBLE_TAGS: ReadonlySet<string> = new Set(['script', 'style', 'noscript', 'template']);

/**
 * The visible text of `document` as the marks corpus defines it (its
 * README): the body's text in document order without script, style,
 * noscript, template and elements hidden with `hidden` or
 * `aria-hidden="true"`; here without any whitespace, the scorer's
 * coordinates. `offsetOf` places a spot of a text node in it, or gives null
 * for text that is not visible.
 */
export function visibleText(document: Document): {
  stripped: string;
  offsetOf(node: Text, offset: number): number | null;
} {
  const starts = new Map<Text, number>();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const verdicts = new Map<Element, boolean>();
  const hidden = (element: Element | null): boolean => {
    if (!element) return false;
    let verdict = verdicts.get(element);
    if (verdict === undefined) {
      verdict =
        INVISIBLE_TAGS.has(element.localName) || element.matches(HIDDEN_SELECTOR) || hidden(element.parentElement);
      verdicts.set(element, verdict);
    }
    return verdict;
  };
  let stripped = '';
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (hidden(node.parentElement)) continue;
    starts.set(node, stripped.length);
    stripped += stripWhitespace(node.data);
  }
  return {
    stripped,
    offsetOf(node, offset) {
      const start = starts.get(node);
      return start === undefined ? null : start + stripWhitespace(node.data.slice(0, offset)).length;
    },
  };
}
