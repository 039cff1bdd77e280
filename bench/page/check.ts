/**
 * Reads a page the way the scanner does, and checks the highlights the
 * content script painted against the reference matcher (`reference.ts`, the
 * slow matcher that is easy to check by reading) on the same text nodes.
 */
import { referenceFindMentions, type ReferenceAlias } from '@/src/match/reference';
import { OWN_HOST_TAG } from '@/src/page/own-elements';
import { ExclusionCache } from '@/src/page/exclusions';
import { MARK_HIGHLIGHTS } from '@/src/page/highlights';
import { DEFAULT_CHUNK_LIMITS, locateMentions, TextWalk, type TextChunk } from '@/src/page/scanner';
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
 * Compare the marks (painted and drawn) with what the reference finds in
 * the text nodes the scanner reads: entities that need context count only
 * when one of their context words occurs in the page's text; excluded places
 * (fields, editors, our own UI) are left out; the first `maxMentions` in page
 * order are expected.
 */
export function checkHighlights(
  aliases: ReferenceAlias[],
  contextWords: Record<string, string[]>,
  maxMentions: number,
  document: Document = globalThis.document,
): CorrectnessResult {
  const exclusions = new ExclusionCache((element) => element.localName === OWN_HOST_TAG);
  const chunks = chunksOf(document);
  const nodeIndex = new Map<Text, number>();
  const found: { at: LocatedMention; entityId: string }[] = [];
  let base = 0;
  for (const chunk of chunks) {
    chunk.nodes.forEach((node, index) => nodeIndex.set(node, base + index));
    for (const mention of locateMentions(chunk, referenceFindMentions(chunk.text, aliases))) {
      if (exclusions.excludesText(chunk.nodes[mention.nodeIndex]!)) continue;
      found.push({ at: [base + mention.nodeIndex, mention.start, mention.end], entityId: mention.entityId });
    }
    base += chunk.nodes.length;
  }

  const pageText = chunks.map((chunk) => chunk.text).join('\u0000');
  const withContext = new Set(
    Object.entries(contextWords)
      .filter(([entityId, words]) =>
        words.some(
          (word) => referenceFindMentions(pageText, [{ text: word, case: 'insensitive', entityId }]).length > 0,
        ),
      )
      .map(([entityId]) => entityId),
  );
  const counting = found.filter(({ entityId }) => !(entityId in contextWords) || withContext.has(entityId));
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
