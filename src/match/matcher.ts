/**
 * The mention matcher: text in, entity mentions out. Pure; the page code
 * feeds it the text of DOM text nodes and turns mentions into highlights.
 *
 * Compiled once per content script from the {@link MatcherPayload}; built for
 * fact bases of tens of thousands of aliases (see `alias-set.ts` for the
 * design and `boundary.ts` for what counts as a whole word).
 */
import { compileAliasSet, type AliasSetOptions } from './alias-set';
import { compileContextWords, type ContextOptions } from './context';
import type { MatcherPayload } from './payload';

/** A mention of an entity: UTF-16 offsets into the text, `end` exclusive. */
export interface Mention {
  start: number;
  end: number;
  entityId: string;
}

/** A compiled matcher. */
export interface Matcher {
  /**
   * All mentions in `text`, sorted, non-overlapping, leftmost-longest; on a
   * tie, the alias that comes first in the payload. Includes entities that
   * need context (the caller filters with {@link entitiesWithContext}).
   * Never throws.
   */
  findMentions(text: string): Mention[];
  /** Entity ids that carry context words. */
  readonly contextEntityIds: ReadonlySet<string>;
  /**
   * Which of the context-requiring entities have enough context words in
   * `text` (the surrounding block, or the whole page). Never throws.
   */
  entitiesWithContext(text: string): Set<string>;
  /** How many aliases the matcher looks for (empty or malformed ones dropped). */
  readonly aliasCount: number;
  /** How many RegExps scan each text (more than one for large or mixed-case alias sets). */
  readonly expressionCount: number;
}

/** Tuning for {@link compileMatcher}. */
export type MatcherOptions = AliasSetOptions & ContextOptions;

/**
 * Compiles `payload` (parse it with `MatcherPayloadSchema` first). Aliases
 * whose entity index is out of range are ignored rather than thrown on, so a
 * content script never breaks a page over a bad payload.
 */
export function compileMatcher(payload: MatcherPayload, options: MatcherOptions = {}): Matcher {
  const usable = payload.aliases.filter(([, entity]) => payload.entities[entity] !== undefined);
  const aliases = compileAliasSet(
    usable.map(([text, , flag]) => ({ text, insensitive: flag === 1 })),
    options,
  );
  const entityOfAlias = usable.map(([, entity]) => payload.entities[entity]!);

  const wordsByEntity = new Map<string, readonly string[]>();
  for (const [index, words] of Object.entries(payload.context)) {
    const entityId = payload.entities[Number(index)];
    if (entityId !== undefined) wordsByEntity.set(entityId, words);
  }
  const context = compileContextWords(wordsByEntity, options);

  return {
    aliasCount: aliases.size,
    expressionCount: aliases.expressionCount,
    contextEntityIds: context.entityIds,
    findMentions(text) {
      try {
        return aliases
          .findAll(text)
          .map((hit) => ({ start: hit.start, end: hit.end, entityId: entityOfAlias[hit.alias]! }));
      } catch (error) {
        // Only an engine limit (stack, memory) can land here; a page without
        // highlights is better than a broken content script.
        console.warn('Factlens: mention matching failed', error);
        return [];
      }
    },
    entitiesWithContext(text) {
      try {
        return context.entitiesWithContext(text);
      } catch (error) {
        console.warn('Factlens: context matching failed', error);
        return new Set();
      }
    },
  };
}
