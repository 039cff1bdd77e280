/**
 * Where the page scan hands text to the matcher: the one seam between `page`,
 * which walks the DOM and knows its structure, and `match`, which finds names
 * in plain text. The scan reads text nodes in document order into a
 * {@link TextChunk} (their data joined by `NODE_SEPARATOR`, each node's start
 * in `chunk.starts`, the nodes themselves in `chunk.nodes`) and asks a
 * {@link ChunkMentionFinder} for the mentions in it; it then maps them back to
 * their text nodes, drops those in excluded places and indexes the rest.
 *
 * Structure the page can give cheaply (text-node boundaries are already in
 * the chunk; block, inline-run and link boundaries can be read from
 * `chunk.nodes`) belongs here: build the hints from the chunk and pass them to
 * the matcher inside the finder, so neither the scan nor `match` changes shape.
 */
import type { Matcher } from '../match/matcher';
import type { TextChunk } from './scanner';

/** A mention in a chunk's joined text: UTF-16 offsets into `chunk.text`, `end` exclusive. */
export interface ChunkMention {
  start: number;
  end: number;
  entityId: string;
}

/**
 * Finds the mentions in one chunk of the page, sorted by start. Mentions of
 * entities that need context are included: the page's context rule decides
 * which of them are marked.
 */
export type ChunkMentionFinder = (chunk: TextChunk) => readonly ChunkMention[];

/** The finder of a matcher: its mentions in the chunk's joined text. */
export function chunkMentionFinder(matcher: Pick<Matcher, 'findMentions'>): ChunkMentionFinder {
  return (chunk) => matcher.findMentions(chunk.text);
}
