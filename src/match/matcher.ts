/**
 * The mention matcher: text in, entity mentions out. Pure; the page code
 * feeds it the text of DOM text nodes and turns mentions into highlights.
 *
 * Compiled once per content script from the {@link MatcherPayload}; built for
 * fact bases of tens of thousands of aliases (see `alias-set.ts` for the
 * design and `boundary.ts` for what counts as a whole word).
 */
import { aliasKey } from './alias-key';
import { instantiateAliasSet, planAliasSet, type AliasSetOptions } from './alias-set';
import { isWordEdge } from './boundary';
import { instantiateContextWords, planContextWords, type ContextOptions } from './context';
import type { AliasSense, NameKind } from './decide';
import type { MatcherPayload } from './payload';
import { MATCHER_PLAN_VERSION, type MatcherPlan } from './plan';

/** A mention of an entity: UTF-16 offsets into the text, `end` exclusive. */
export interface Mention {
  start: number;
  end: number;
  entityId: string;
}

/** A found name with every entity its alias may name (see `decide.ts`). */
export interface Candidate {
  start: number;
  end: number;
  /** The entities, in fact-base order; the first is the one {@link Matcher.findMentions} reports. */
  senses: readonly AliasSense[];
  /**
   * Set (and `senses` empty) when this is no name but the lower-case word a
   * one-word name also is ("jobs" for "Jobs"): the page uses the word as a
   * word, so its capitalised form at a sentence start or in a menu may be one too.
   */
  commonWord?: string;
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
  /**
   * The same places as {@link findMentions}, each with every entity its
   * alias may name and whether the alias is partial or needs context: what
   * `decideMention` decides from. Never throws.
   */
  findCandidates(text: string): Candidate[];
  /** Entity ids that carry context words. */
  readonly contextEntityIds: ReadonlySet<string>;
  /** Whether the stories give `entityId` figures (true when the plan does not say). */
  hasFigures(entityId: string): boolean;
  /**
   * `ids` (ids the user keeps: muted ones), with the entity each one moved to where an entity took it over
   * (its name joined into another, renamed or merged; `Entity.formerIds`): `ids` itself when none moved.
   */
  withSuccessors(ids: ReadonlySet<string>): ReadonlySet<string>;
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

const KINDS: Record<string, NameKind> = { h: 'person', l: 'place', t: 'thing' };

/** Tuning for {@link compileMatcher}. */
export type MatcherOptions = AliasSetOptions & ContextOptions;

/**
 * Plans `payload` (see {@link MatcherPlan}). Aliases whose entity index is
 * out of range are left out rather than thrown on.
 */
export function planMatcher(payload: MatcherPayload, options: AliasSetOptions = {}): MatcherPlan {
  const partialInPayload = new Set(payload.partial ?? []);
  const fullInPayload = new Set(payload.full ?? []);
  const fullNameAliases = (usableIndexes: readonly number[]) =>
    usableIndexes.flatMap((index, input) => (fullInPayload.has(index) ? [input] : []));
  const usableIndexes = payload.aliases.flatMap((alias, index) =>
    payload.entities[alias[1]] !== undefined ? [index] : [],
  );
  const usable = usableIndexes.map((index) => payload.aliases[index]!);
  const byKey = new Map<string, number[]>();
  usable.forEach(([text, , flag], input) => {
    const key = aliasKey(text, flag === 1);
    if (key === null) return;
    const group = byKey.get(`${flag}${key}`);
    if (group) group.push(input);
    else byKey.set(`${flag}${key}`, [input]);
  });
  const sharedAliases = [...byKey.values()].filter(
    (group) => new Set(group.map((input) => usable[input]![1])).size > 1,
  );
  const wordsByEntity = new Map<string, readonly string[]>();
  for (const [index, words] of Object.entries(payload.context)) {
    const entityId = payload.entities[Number(index)];
    if (entityId !== undefined) wordsByEntity.set(entityId, words);
  }
  // The lower-case form of a capitalised one-word name, unless it is a name itself. One word as the word
  // edges have it: letters of two scripts ("Kiaдa") are two words, and the lower-case form of such a name
  // would hide a name spelled by one of them.
  const TITLE_WORD = /^\p{Lu}\p{Ll}+$/u;
  const isOneWord = (word: string) => {
    let offset = 0;
    for (const char of word) {
      if (offset > 0 && isWordEdge(word, offset)) return false;
      offset += char.length;
    }
    return true;
  };
  const commonForms = usable.flatMap(([text, entity, flag]): [string, number][] =>
    flag === 0 && TITLE_WORD.test(text.trim()) && isOneWord(text.trim()) && !byKey.has(`0${text.trim().toLowerCase()}`)
      ? [[text.trim().toLowerCase(), entity]]
      : [],
  );
  return {
    v: MATCHER_PLAN_VERSION,
    entities: payload.entities,
    aliasEntities: [...usable.map(([, entity]) => entity), ...commonForms.map(([, entity]) => entity)],
    partialAliases: usableIndexes.flatMap((index, input) => (partialInPayload.has(index) ? [input] : [])),
    ...(fullInPayload.size > 0 ? { fullNameAliases: fullNameAliases(usableIndexes) } : {}),
    sharedAliases,
    kinds: payload.entities.map((_, index) => payload.kinds?.charAt(index) || 't').join(''),
    // A digit per entity, as `kinds` has a letter: entities past the payload's digits have no figures.
    ...(payload.figured === undefined
      ? {}
      : { figured: payload.entities.map((_, index) => payload.figured!.charAt(index) || '0').join('') }),
    ...(payload.successors === undefined ? {} : { successors: payload.successors }),
    commonFormsFrom: usable.length,
    aliases: planAliasSet(
      [
        ...usable.map(([text, , flag]) => ({ text, insensitive: flag === 1 })),
        ...commonForms.map(([text]) => ({ text, insensitive: false })),
      ],
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
  const partial = new Set(plan.partialAliases);
  const fullNameOnly = new Set(plan.fullNameAliases);
  const figured =
    plan.figured === undefined
      ? null
      : new Set(plan.entities.filter((_, index) => plan.figured!.charAt(index) === '1'));
  const senseOf = (input: number): AliasSense => {
    const entityId = entityOfAlias[input]!;
    const kind = KINDS[plan.kinds.charAt(plan.aliasEntities[input]!)] ?? 'thing';
    return {
      entityId,
      kind,
      partial: partial.has(input),
      ...(fullNameOnly.has(input) && { fullNameOnly: true }),
      needsContext: context.entityIds.has(entityId),
    };
  };
  const sensesByAlias = new Map<number, AliasSense[]>();
  for (const group of plan.sharedAliases) {
    const seen = new Set<string>();
    const senses = group.map(senseOf).filter((sense) => !seen.has(sense.entityId) && seen.add(sense.entityId));
    sensesByAlias.set(group[0]!, senses);
  }
  const sensesOf = (input: number): AliasSense[] => {
    let senses = sensesByAlias.get(input);
    if (!senses) {
      senses = [senseOf(input)];
      sensesByAlias.set(input, senses);
    }
    return senses;
  };

  return {
    // The lower-case forms of one-word names are looked for too, but are no aliases.
    aliasCount: aliases.size - (plan.aliasEntities.length - plan.commonFormsFrom),
    expressionCount: aliases.expressionCount,
    contextEntityIds: context.entityIds,
    hasFigures: (entityId) => figured === null || figured.has(entityId),
    withSuccessors(ids) {
      const moved = [...ids].flatMap((id) => {
        const index = Object.hasOwn(plan.successors ?? {}, id) ? plan.successors![id]! : undefined;
        const successor = index === undefined ? undefined : plan.entities[index];
        return successor === undefined || ids.has(successor) ? [] : [successor];
      });
      return moved.length === 0 ? ids : new Set([...ids, ...moved]);
    },
    findMentions(text) {
      try {
        return aliases
          .findAll(text)
          .filter((hit) => hit.alias < plan.commonFormsFrom)
          .map((hit) => ({ start: hit.start, end: hit.end, entityId: entityOfAlias[hit.alias]! }));
      } catch (error) {
        // Only an engine limit (stack, memory) can land here; a page without
        // highlights is better than a broken content script.
        console.warn('Factlens: mention matching failed', error);
        return [];
      }
    },
    findCandidates(text) {
      try {
        return aliases
          .findAll(text)
          .map((hit) =>
            hit.alias < plan.commonFormsFrom
              ? { start: hit.start, end: hit.end, senses: sensesOf(hit.alias) }
              : { start: hit.start, end: hit.end, senses: [], commonWord: text.slice(hit.start, hit.end) },
          );
      } catch (error) {
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
