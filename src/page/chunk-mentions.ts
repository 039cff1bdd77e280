/**
 * Where the page scan hands text to the matcher: the one seam between `page`,
 * which walks the DOM and knows its structure, and `match`, which finds names
 * in plain text. The scan reads text nodes in document order into a
 * {@link TextChunk} (their data joined by `NODE_SEPARATOR`, each node's start
 * in `chunk.starts`, the nodes themselves in `chunk.nodes`) and asks a
 * {@link ChunkMentionFinder} for the mentions in it; it then maps them back to
 * their text nodes, drops those in excluded places and indexes the rest.
 *
 * The structure the page gives cheaply (the inline run, link and block
 * edges around a name, headings, the words near it) is read by `context.ts`
 * for each name found, and the pure decisions of `match/decide.ts` take it.
 */
import type { PageNames } from '../match/decide';
import type { Matcher } from '../match/matcher';
import { decideChunk, type DecidedMention } from './context';
import type { ExclusionCache } from './exclusions';
import type { TextChunk } from './scanner';

/**
 * Finds and decides the names in one chunk of the page (text nodes in
 * excluded places left out), in page order, noting what they tell about the
 * page in the page's {@link PageNames}.
 */
export type ChunkMentionFinder = (chunk: TextChunk, exclusions: ExclusionCache) => readonly DecidedMention[];

/** The finder of a matcher: per-mention decisions (`decideChunk`) on the page's document. */
export function chunkMentionFinder(
  matcher: Pick<Matcher, 'findCandidates' | 'entitiesWithContext'>,
  names: PageNames,
  document: Document,
): ChunkMentionFinder {
  return (chunk, exclusions) => decideChunk(chunk, matcher, exclusions, names, document);
}
