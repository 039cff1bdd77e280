/**
 * The matcher payload: what the background sends each content script so it
 * can compile a matcher without receiving the whole fact base.
 *
 * It is plain JSON and compact (tuples rather than objects: 20,000 aliases
 * cost about as many bytes as their text), and versioned so a content script
 * from an older build can tell it is talking to a newer background.
 */
import * as z from 'zod/mini';
import { successorsOf } from '@/src/facts/former-ids';
import type { FactBase } from '@/src/facts/schema';
import type { AliasSetPlan } from './alias-set';
import { MATCHER_PLAN_VERSION, type MatcherPlan } from './plan';

/** The payload format version this code writes and reads. */
export const MATCHER_PAYLOAD_VERSION = 1;

/** Case flag of an alias in the payload: `0` exact, `1` insensitive. */
export const CaseFlag = z.literal([0, 1]);
export type CaseFlag = z.infer<typeof CaseFlag>;

/** One alias: its text, the index of its entity in `entities`, its case flag. */
export const PayloadAlias = z.tuple([z.string(), z.int().check(z.nonnegative()), CaseFlag]);
export type PayloadAlias = z.infer<typeof PayloadAlias>;

/**
 * Everything a content script needs to find mentions. Receivers parse it with
 * this schema on receipt; indexes must point into `entities`.
 */
export const MatcherPayloadSchema = z
  .object({
    v: z.literal(MATCHER_PAYLOAD_VERSION),
    /** Entity ids; aliases and context refer to them by index. */
    entities: z.array(z.string()),
    /** Every alias of every entity, in fact-base order (on identical aliases the earlier one wins). */
    aliases: z.array(PayloadAlias),
    /** Context words of the entities that need them, keyed by entity index (decimal). */
    context: z.record(z.string().check(z.regex(/^(?:0|[1-9][0-9]*)$/)), z.array(z.string())),
    /**
     * Indexes (into `aliases`) of the aliases that are only part of a
     * person's name, a surname or a given name ("Gates" of "Bill Gates"):
     * see `decide.ts` for when they count. Absent: none.
     */
    partial: z.optional(z.array(z.int().check(z.nonnegative()))),
    /**
     * Indexes (into `aliases`) of the short forms (`Entity.shortForms`): aliases that name their entity
     * only where the page names it in full. Each is in `partial` too. Absent: none.
     */
    full: z.optional(z.array(z.int().check(z.nonnegative()))),
    /**
     * One letter per entity: `h` a person, `l` a place, `t` anything else
     * (see `NameKind`): longer names built on their names mean different
     * things. Absent: every entity is `t`.
     */
    kinds: z.optional(z.string().check(z.regex(/^[hlt]*$/))),
    /** One digit per entity: `1` when the stories give it figures. Absent: any may have. */
    figured: z.optional(z.string().check(z.regex(/^[01]*$/))),
    /**
     * Ids no entity has now that one took over (`Entity.formerIds`: a name joined into it, renamed or
     * merged), each with the index of that entity: a mute kept under such an id applies to it. Absent: none.
     */
    successors: z.optional(z.record(z.string(), z.int().check(z.nonnegative()))),
  })
  .check(
    z.refine(
      (payload) =>
        payload.aliases.every(([, entity]) => entity < payload.entities.length) &&
        Object.keys(payload.context).every((entity) => Number(entity) < payload.entities.length) &&
        [...(payload.partial ?? []), ...(payload.full ?? [])].every((alias) => alias < payload.aliases.length) &&
        Object.values(payload.successors ?? {}).every((entity) => entity < payload.entities.length),
      'alias, context, partial alias or successor refers to an index outside its list',
    ),
  );
export type MatcherPayload = z.infer<typeof MatcherPayloadSchema>;

function unique<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}

function wordsOf(text: string): string[] {
  return text.trim().split(/\s+/u);
}

/** Whether the words of `part` stand, in order and together, inside the longer `whole`. */
function isWordRunOf(part: readonly string[], whole: readonly string[]): boolean {
  if (part.length >= whole.length) return false;
  for (let at = 0; at + part.length <= whole.length; at++) {
    if (part.every((word, index) => word === whole[at + index])) return true;
  }
  return false;
}

/**
 * Whether `alias` is only part of a person's name: its words stand inside
 * the name or a longer alias of the same person ("Gates" in "Bill Gates").
 * Only people: "Microsoft" inside "Microsoft Corporation" is the company's
 * own short name, and a longer name built on it ("Microsoft Teams") does not
 * make bare "Microsoft" mean something else.
 */
function isPartialName(entity: FactBase['entities'][number], alias: string): boolean {
  if (entity.kind !== 'person') return false;
  const words = wordsOf(alias);
  return [entity.name, ...entity.aliases].some((other) => isWordRunOf(words, wordsOf(other)));
}

/** The letter of each entity kind in the payload's `kinds`. */
const KIND_LETTERS: Partial<Record<FactBase['entities'][number]['kind'], string>> = { person: 'h', place: 'l' };

/** How many related entities' names count as context words of one entity, at most. */
const MAX_RELATED_ENTITIES = 200;

/**
 * For each entity that needs context, the names of the entities that its
 * stories name in at least half of the stories naming them: evidence as good
 * as its context words ("Whole Foods" next to "Amazon", "Microsoft" in a menu
 * beside it), while a place every story names ("Japan") is none. Names that
 * need context themselves are no evidence, and neither are surnames alone.
 */
function relatedNames(factBase: FactBase): Map<string, string[]> {
  const needing = new Set(factBase.entities.filter((entity) => entity.contextWords?.length).map((entity) => entity.id));
  // Places are named with everything ("Brazil" with the Amazon rainforest as with the retailer).
  const places = new Set(factBase.entities.filter((entity) => entity.kind === 'place').map((entity) => entity.id));
  const names = new Map(
    factBase.entities.map((entity) => [
      entity.id,
      unique([entity.name, ...entity.aliases]).filter((name) => name.length >= 3 && !isPartialName(entity, name)),
    ]),
  );
  const storyCount = new Map<string, number>();
  const together = new Map<string, Map<string, number>>();
  for (const story of factBase.stories) {
    for (const id of story.entityIds) {
      storyCount.set(id, (storyCount.get(id) ?? 0) + 1);
      if (!needing.has(id)) continue;
      const counts = together.get(id) ?? new Map<string, number>();
      together.set(id, counts);
      for (const other of story.entityIds) {
        if (other !== id && !needing.has(other) && !places.has(other)) {
          counts.set(other, (counts.get(other) ?? 0) + 1);
        }
      }
    }
  }
  const related = new Map<string, string[]>();
  for (const [id, counts] of together) {
    const share = (other: string) => counts.get(other)! / storyCount.get(other)!;
    const chosen = [...counts.keys()]
      .filter((other) => share(other) >= 0.5)
      .sort((a, b) => share(b) - share(a) || (a < b ? -1 : 1))
      .slice(0, MAX_RELATED_ENTITIES);
    related.set(
      id,
      chosen.flatMap((other) => names.get(other) ?? []),
    );
  }
  return related;
}

/**
 * The payload for `factBase`: every alias of every entity (and any alias that
 * only its `aliasRules` lists), with the case rule `aliasRules` gives it, else
 * `exact`. Aliases that are empty or only whitespace are left out, and so are
 * repeats of the same text and case on one entity. Context words are trimmed
 * and deduplicated; an entity whose list ends up empty needs no context.
 */
export function buildMatcherPayload(factBase: FactBase): MatcherPayload {
  const related = relatedNames(factBase);
  const aliases: PayloadAlias[] = [];
  const partial: number[] = [];
  const full: number[] = [];
  const context: Record<string, string[]> = {};
  factBase.entities.forEach((entity, index) => {
    const rules = entity.aliasRules ?? [];
    const shortForms = new Set(entity.shortForms);
    const texts = unique([...entity.aliases, ...rules.map((rule) => rule.text)]);
    for (const text of texts) {
      if (text.trim() === '') continue;
      const cases = rules.filter((rule) => rule.text === text).map((rule) => rule.case);
      const flags = unique((cases.length > 0 ? cases : ['exact']).map((rule) => (rule === 'insensitive' ? 1 : 0)));
      for (const flag of flags) {
        if (shortForms.has(text)) full.push(aliases.length);
        if (shortForms.has(text) || isPartialName(entity, text)) partial.push(aliases.length);
        aliases.push([text, index, flag]);
      }
    }
    const own = (entity.contextWords ?? []).map((word) => word.trim()).filter((word) => word !== '');
    const words = unique(own.length > 0 ? [...own, ...(related.get(entity.id) ?? [])] : []);
    if (words.length > 0) context[String(index)] = words;
  });
  const indexOf = new Map(factBase.entities.map((entity, index) => [entity.id, index]));
  const successors = Object.fromEntries(
    [...successorsOf(factBase.entities)].map(([former, entityId]) => [former, indexOf.get(entityId)!]),
  );
  return {
    v: MATCHER_PAYLOAD_VERSION,
    entities: factBase.entities.map((entity) => entity.id),
    aliases,
    context,
    ...(partial.length > 0 ? { partial } : {}),
    ...(full.length > 0 ? { full } : {}),
    kinds: factBase.entities.map((entity) => KIND_LETTERS[entity.kind] ?? 't').join(''),
    figured: figuredDigits(factBase),
    ...(Object.keys(successors).length > 0 ? { successors } : {}),
  };
}

/** One digit per entity of `factBase`: `1` when one of its figures is the entity's. */
function figuredDigits(factBase: FactBase): string {
  const figured = new Set(factBase.figures.flatMap((figure) => figure.entityIds));
  return factBase.entities.map((entity) => (figured.has(entity.id) ? '1' : '0')).join('');
}

/**
 * Non-negative integers as they travel: decimal, joined with ",". Checking
 * 20,000 numbers one by one costs a content script about 25 ms in zod; one
 * pattern test over the string, under 1 ms.
 */
const IndexList = z.pipe(
  z.string().check(z.regex(/^(?:(?:0|[1-9][0-9]*)(?:,(?:0|[1-9][0-9]*))*)?$/, 'expected integers joined with ","')),
  z.transform((text): number[] => (text === '' ? [] : text.split(',').map(Number))),
);

/** Groups of non-negative integers as they travel: {@link IndexList}s joined with ";". */
const GroupList = z.pipe(
  z
    .string()
    .check(z.regex(/^(?:(?:0|[1-9][0-9]*)(?:[,;](?:0|[1-9][0-9]*))*)?$/, 'expected integers joined with "," and ";"')),
  z.transform((text): number[][] => (text === '' ? [] : text.split(';').map((group) => group.split(',').map(Number)))),
);

const KeyTableSchema = z
  .object({ keys: z.string(), aliases: IndexList })
  .check(
    z.refine(
      (table) => (table.keys === '' ? 0 : table.keys.split('\n').length) === table.aliases.length,
      'a key table needs one alias per key',
    ),
  );

const AliasSetPlanSchema = z.object({
  size: z.int().check(z.nonnegative()),
  exact: KeyTableSchema,
  insensitive: KeyTableSchema,
  expressions: z.array(z.object({ source: z.string(), insensitive: z.boolean() })),
});

/**
 * A {@link MatcherPlan} as the background sends it to content scripts (see
 * {@link encodeMatcherPlan}), which parse it with this schema on receipt.
 * Indexes must point into the arrays they index; the expressions' sources
 * are the background's own output.
 */
export const MatcherPlanSchema = z
  .object({
    v: z.literal(MATCHER_PLAN_VERSION),
    entities: z.array(z.string()),
    aliasEntities: IndexList,
    partialAliases: IndexList,
    fullNameAliases: z.optional(IndexList),
    sharedAliases: GroupList,
    kinds: z.string().check(z.regex(/^[hlt]*$/)),
    figured: z.optional(z.string().check(z.regex(/^[01]*$/))),
    successors: z.optional(z.record(z.string(), z.int().check(z.nonnegative()))),
    commonFormsFrom: z.int().check(z.nonnegative()),
    aliases: AliasSetPlanSchema,
    context: z.object({
      entities: z.array(z.tuple([z.string(), IndexList])),
      layers: z.array(z.object({ set: AliasSetPlanSchema, wordIndexes: IndexList })),
    }),
  })
  .check(
    z.refine(
      (plan) =>
        plan.aliasEntities.every((entity) => entity < plan.entities.length) &&
        [plan.partialAliases, plan.fullNameAliases ?? [], ...plan.sharedAliases].every((aliases) =>
          aliases.every((alias) => alias < plan.aliasEntities.length),
        ) &&
        [plan.aliases.exact, plan.aliases.insensitive].every((table) =>
          table.aliases.every((alias) => alias < plan.aliasEntities.length),
        ) &&
        plan.context.layers.every(({ set, wordIndexes }) =>
          [set.exact, set.insensitive].every((table) => table.aliases.every((alias) => alias < wordIndexes.length)),
        ),
      'an alias or word refers to an index outside its list',
    ),
    z.refine(
      (plan) => plan.figured === undefined || plan.figured.length === plan.entities.length,
      'figured needs a digit per entity',
    ),
    z.refine(
      (plan) => Object.values(plan.successors ?? {}).every((entity) => entity < plan.entities.length),
      'a successor refers to an index outside the entities',
    ),
  );

/** A plan as it travels: {@link MatcherPlanSchema}'s input. */
export type EncodedMatcherPlan = z.input<typeof MatcherPlanSchema>;

/** `plan` as the background sends it: index lists joined into strings. */
export function encodeMatcherPlan(plan: MatcherPlan): EncodedMatcherPlan {
  const list = (indexes: readonly number[]) => indexes.join(',');
  const set = (aliases: AliasSetPlan) => ({
    ...aliases,
    exact: { ...aliases.exact, aliases: list(aliases.exact.aliases) },
    insensitive: { ...aliases.insensitive, aliases: list(aliases.insensitive.aliases) },
  });
  const { fullNameAliases, ...rest } = plan;
  return {
    ...rest,
    aliasEntities: list(plan.aliasEntities),
    partialAliases: list(plan.partialAliases),
    ...(fullNameAliases === undefined ? {} : { fullNameAliases: list(fullNameAliases) }),
    sharedAliases: plan.sharedAliases.map(list).join(';'),
    aliases: set(plan.aliases),
    context: {
      entities: plan.context.entities.map(([entityId, words]) => [entityId, list(words)]),
      layers: plan.context.layers.map((layer) => ({ set: set(layer.set), wordIndexes: list(layer.wordIndexes) })),
    },
  };
}

// The schema reads back exactly the plan the matcher takes.
const decodedIsMatcherPlan: MatcherPlan = {} as z.output<typeof MatcherPlanSchema>;
void decodedIsMatcherPlan;
