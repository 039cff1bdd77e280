/**
 * The mention matcher: text in, entity mentions out. Pure; the page code
 * feeds it the text of DOM text nodes and turns mentions into highlights.
 *
 * Compiled once per content script from the {@link MatcherPayload}; built for
 * fact bases of tens of thousands of aliases (see `alias-set.ts` for the
 * design and `boundary.ts` for what counts as a whole word).
 */
import { instantiateAliasSet, planAliasSet, type AliasSetOptions, type AliasSetPlan } from './alias-set';
import { instantiateContextWords, planContextWords, type ContextOptions, type ContextPlan } from './context';
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

/** The version of {@link MatcherPlan} this code writes and reads. */
export const MATCHER_PLAN_VERSION = 2;

/**
 * A matcher worked out ahead of use, as plain JSON: what the background
 * sends each content script (see `MatcherPlanSchema`). Planning is most of
 * the cost of compiling (measured at 20,000 aliases: about 120 ms of 160),
 * so it is done once per fact base rather than once per page and frame.
 */
export interface MatcherPlan {
  v: typeof MATCHER_PLAN_VERSION;
  /** Entity ids. */
  entities: string[];
  /** The entity (index into `entities`) of each alias input of `aliases`. */
  aliasEntities: number[];
  aliases: AliasSetPlan;
  context: ContextPlan;
}

/**
 * Plans `payload` (see {@link MatcherPlan}). Aliases whose entity index is
 * out of range are left out rather than thrown on.
 */
export function planMatcher(payload: MatcherPayload, options: AliasSetOptions = {}): MatcherPlan {
  const usable = payload.aliases.filter(([, entity]) => payload.entities[entity] !== undefined);
  const wordsByEntity = new Map<string, readonly string[]>();
  for (const [index, words] of Object.entries(payload.context)) {
    const entityId = payload.entities[Number(index)];
    if (entityId !== undefined) wordsByEntity.set(entityId, words);
  }
  return {
    v: MATCHER_PLAN_VERSION,
    entities: payload.entities,
    aliasEntities: usable.map(([, entity]) => entity),
    aliases: planAliasSet(
      usable.map(([text, , flag]) => ({ text, insensitive: flag === 1 })),
      options,
    ),
    context: planContextWords(wordsByEntity, options),
  };
}

/**
 * Compiles `payload` (parse it with `MatcherPayloadSchema` first):
 * {@link planMatcher}, then {@link instantiateMatcher}.
 */
export function compileMatcher(payload: MatcherPayload, options: MatcherOptions = {}): Matcher {
  return instantiateMatcher(planMatcher(payload, options), options);
}

/**
 * The {@link Matcher} of a plan (parse it with `MatcherPlanSchema` first).
 * Linear in the number of aliases; the engine compiles each expression on
 * its first use.
 */
export function instantiateMatcher(plan: MatcherPlan, options: Pick<ContextOptions, 'minContextWords'> = {}): Matcher {
  const aliases = instantiateAliasSet(plan.aliases);
  const entityOfAlias = plan.aliasEntities.map((entity) => plan.entities[entity]!);
  const context = instantiateContextWords(plan.context, options);

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
