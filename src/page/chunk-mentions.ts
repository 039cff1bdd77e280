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
import { PageNames } from '../match/decide';
import type { Matcher } from '../match/matcher';
import { decideChunk, resolveMentions, type DecidedMention } from './context';
import type { ExclusionCache } from './exclusions';
import type { MentionEntry } from './mention-index';
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

/**
 * What a page's reads find mentions with, and how the found ones are resolved
 * against what the page has said about its names so far (one {@link PageNames}
 * per page, shared by the two).
 */
export interface Matching {
  readonly findMentions: ChunkMentionFinder;
  /** The entries that may be marked, each set to the entities it offers (see `resolveMentions`). */
  resolve(entries: readonly MentionEntry[], muted: ReadonlySet<string>): MentionEntry[];
}

/**
 * The matching of one page. The per-mention decisions are most of the matching code, so the content
 * script gets this from its data module (with the matcher) rather than carrying it in every frame.
 */
export function pageMatching(
  matcher: Pick<Matcher, 'findCandidates' | 'entitiesWithContext'>,
  document: Document,
): Matching {
  const names = new PageNames();
  return {
    findMentions: chunkMentionFinder(matcher, names, document),
    resolve: (entries, muted) => resolveMentions(entries, names, muted),
  };
}
