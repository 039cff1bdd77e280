/**
 * Reads a page the way the scanner does, and checks the highlights the
 * content script painted against the reference matcher (`reference.ts`, the
 * slow matcher that is easy to check by reading) on the same text nodes,
 * each name found decided as the content script decides it.
 */
import { PageNames } from '@/src/match/decide';
import { compileMatcher, type Mention } from '@/src/match/matcher';
import type { MatcherPayload } from '@/src/match/payload';
import { referenceFindMentions } from '@/src/match/reference';
import { decideChunk, type DecidedMention } from '@/src/page/context';
import { OWN_HOST_TAG } from '@/src/page/own-elements';
import { ExclusionCache } from '@/src/page/exclusions';
import { MARK_HIGHLIGHTS } from '@/src/page/highlights';
import { DEFAULT_CHUNK_LIMITS, TextWalk, type TextChunk } from '@/src/page/scanner';
import { referenceAliasesOf } from '../aliases';
import type { CorrectnessResult, LocatedMention, PageInventory } from '../types';

function readingRoot(document: Document): Node {
  return document.body ?? document.documentElement;
}

function chunksOf(document: Document): TextChunk[] {
  const walk = new TextWalk(readingRoot(document));
  const chunks: TextChunk[] = [];
  for (let chunk = walk.nextChunk(DEFAULT_CHUNK_LIMITS); chunk; chunk = walk.nextChunk(DEFAULT_CHUNK_LIMITS)) {
    chunks.push(chunk);
  }
  return chunks;
}

/** How big the page is, and its text as the matcher sees it. */
export function inventory(document: Document = globalThis.document): PageInventory {
  const walker = document.createTreeWalker(readingRoot(document), NodeFilter.SHOW_TEXT);
  let textNodes = 0;
  while (walker.nextNode()) textNodes++;
  const chunks = chunksOf(document).map((chunk) => chunk.text);
  return {
    textNodes,
    elements: document.getElementsByTagName('*').length,
    chars: chunks.reduce((sum, text) => sum + text.length, 0),
    chunks,
  };
}

const SAMPLE = 5;

/**
 * Compare the marks (painted and drawn) with what the page's text implies: the reference matcher's names in
 * the text nodes the scanner reads must be the ones the compiled matcher finds (each disagreement counts,
 * as `matcherDiffers`); each found name then goes through the content script's own per-mention decisions
 * (`decideChunk`, then the page's `PageNames` once the whole page is read: issue #12), whose quality
 * `npm run eval:marks` measures on labelled pages. Excluded places (fields, editors, our own UI) are left out;
 * the first `maxMentions` in page order are expected. What this checks is the page layer: the walk, the
 * scheduling, the cap and the highlights hold what matching and deciding give.
 */
export function checkHighlights(
  payload: MatcherPayload,
  maxMentions: number,
  document: Document = globalThis.document,
): CorrectnessResult {
  const aliases = referenceAliasesOf(payload);
  const matcher = compileMatcher(payload);
  const exclusions = new ExclusionCache((element) => element.localName === OWN_HOST_TAG);
  const names = new PageNames();
  const chunks = chunksOf(document);
  const nodeIndex = new Map<Text, number>();
  const decided: DecidedMention[] = [];
  let matcherDiffers = 0;
  let base = 0;
  for (const chunk of chunks) {
    chunk.nodes.forEach((node, index) => nodeIndex.set(node, base + index));
    base += chunk.nodes.length;
    const key = ({ start, end, entityId }: Mention) => `${start}:${end}:${entityId}`;
    const reference = new Set(referenceFindMentions(chunk.text, aliases).map(key));
    const compiled = new Set(matcher.findMentions(chunk.text).map(key));
    for (const found of reference) if (!compiled.has(found)) matcherDiffers++;
    for (const found of compiled) if (!reference.has(found)) matcherDiffers++;
    decided.push(...decideChunk(chunk, matcher, exclusions, names, document));
  }
  const counting = decided.flatMap(({ node, start, end, decision }) => {
    const [entityId] = names.resolve(decision);
    return entityId ? [{ at: [nodeIndex.get(node)!, start, end] as LocatedMention, entityId }] : [];
  });
  const perEntity: Record<string, number> = {};
  for (const { entityId } of counting) perEntity[entityId] = (perEntity[entityId] ?? 0) + 1;
  const expected = counting.slice(0, maxMentions).map(({ at }) => at);

  const registry = (document.defaultView?.CSS as unknown as { highlights?: HighlightRegistry } | undefined)?.highlights;
  const highlighted: LocatedMention[] = [];
  for (const range of MARK_HIGHLIGHTS.flatMap((name) => [...(registry?.get(name) ?? [])])) {
    const index = nodeIndex.get(range.startContainer as Text);
    highlighted.push([index ?? -1, range.startOffset, range.endOffset]);
  }
  const key = ([node, start, end]: LocatedMention) => `${node}:${start}:${end}`;
  const expectedKeys = new Set(expected.map(key));
  const highlightedKeys = new Set(highlighted.map(key));
  const missing = expected.filter((at) => !highlightedKeys.has(key(at)));
  const extra = highlighted.filter((at) => !expectedKeys.has(key(at)));
  return {
    referenceMentions: counting.length,
    expected: expected.length,
    highlighted: highlighted.length,
    missing: missing.slice(0, SAMPLE),
    extra: extra.slice(0, SAMPLE),
    missingCount: missing.length,
    extraCount: extra.length,
    matcherDiffers,
    perEntity,
  };
}

/** The text around a located mention, for reading a mismatch in the report. */
export function describeMention([node, start, end]: LocatedMention, document: Document = globalThis.document): string {
  let index = 0;
  for (const chunk of chunksOf(document)) {
    if (node < index + chunk.nodes.length) {
      const data = chunk.nodes[node - index]!.data;
      return `${JSON.stringify(data.slice(Math.max(0, start - 20), start))}[${data.slice(start, end)}]${JSON.stringify(data.slice(end, end + 20))}`;
    }
    index += chunk.nodes.length;
  }
  return '(node not found)';
}
