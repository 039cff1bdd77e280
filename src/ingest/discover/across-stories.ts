/**
 * One list of discovered entities from the lists of several stories. Each story is read alone, so the same
 * name comes back once per story, maybe with another kind, and a family name that was safe inside one
 * story ("Clark" for "Tim Clark") can belong to two people once the stories meet. Pure.
 */
import type { EntityKind } from '../../facts/schema';
import type { DiscoveredEntity } from '../discover';
import { findJoins, type Join } from './same-entity';

/** What combining the stories' lists gives: the entities, and the aliases taken away because two owned them. */
export interface CombinedDiscoveries {
  entities: DiscoveredEntity[];
  /** One-word aliases that two entities (or an entity and a known name) claimed, lower case, sorted. */
  sharedAliases: string[];
  /** Names that became another entity's alias because they name the same thing ("U.S." into "United States"). */
  joins: Join[];
}

/**
 * Combine the stories' discoveries. Entities of the same name (any letter case) become one, with every
 * alias; its kind is the one its stories give with the most mentions. A one-word alias that is not an
 * entity's own name ("Clark") is dropped from every entity when two entities have it, or when it is the
 * last word of another entity's or a `known` name ("Clark" for "Tim Clark" beside a catalog "Helen Clark"):
 * a page naming "Clark" alone could mean either. A person's own family name is not dropped but kept as a
 * short form (`shortForms`): it names the person where the full name is written too, which says whose it is.
 * Then the forms different stories use for one entity are joined (`findJoins`): the fuller name keeps the
 * entity, the others become its aliases. A `pinned` name (one the
 * catalog's or the user's discovery rules rename, re-kind or merge) keeps its own entity, so the rule still
 * finds it.
 */
export function combineDiscoveries(
  perStory: readonly (readonly DiscoveredEntity[])[],
  known: readonly string[] = [],
  pinned: readonly string[] = [],
): CombinedDiscoveries {
  const byName = new Map<string, DiscoveredEntity>();
  const kindVotes = new Map<string, Map<EntityKind, number>>();
  const storiesOf = new Map<string, Set<number>>();
  for (const [index, story] of perStory.entries()) {
    for (const entity of story) {
      const key = entity.name.toLowerCase();
      storiesOf.set(key, (storiesOf.get(key) ?? new Set()).add(index));
      const seen = byName.get(key);
      if (seen) {
        seen.aliases = [...new Set([...seen.aliases, ...entity.aliases])];
        seen.shortForms = unionOf(seen.shortForms, entity.shortForms);
        seen.mentions += entity.mentions;
        seen.confidence = Math.max(seen.confidence, entity.confidence);
      } else byName.set(key, { ...entity, aliases: [...entity.aliases], shortForms: unionOf(entity.shortForms) });
      const votes = kindVotes.get(key) ?? new Map<EntityKind, number>();
      votes.set(entity.kind, (votes.get(entity.kind) ?? 0) + entity.mentions);
      kindVotes.set(key, votes);
    }
  }
  for (const [key, entity] of byName) entity.kind = mostVoted(kindVotes.get(key)!, entity.kind);
  const joins = joinSameEntities(byName, storiesOf, known, new Set(pinned.map((name) => name.toLowerCase())));

  const shared = sharedOneWordAliases([...byName.values()], known);
  const takenAway = new Set<string>();
  for (const entity of byName.values()) {
    // A short form stays: it names the entity only beside its full name, which says whose it is.
    const short = new Set(entity.shortForms);
    const nameWords = entity.name.split(/\s+/);
    const familyName = entity.kind === 'person' && nameWords.length > 1 ? nameWords.at(-1) : undefined;
    entity.aliases = entity.aliases.filter((alias) => {
      const kept = alias === entity.name || !shared.has(alias.toLowerCase()) || /\s/.test(alias) || short.has(alias);
      // "Cruz" for Ted Cruz and for Nadia Cruz: a family name two people share becomes a short form of each,
      // which names them only where their full name is written too.
      if (!kept && alias === familyName) {
        entity.shortForms = unionOf(entity.shortForms, [alias]);
        return true;
      }
      if (!kept) takenAway.add(alias.toLowerCase());
      return kept;
    });
    // A name that is an entity's own, or a full alias of it, is not also a short form of it.
    entity.shortForms = entity.shortForms?.filter((form) => form !== entity.name);
    if (!entity.shortForms?.length) delete entity.shortForms;
  }
  return { entities: [...byName.values()], sharedAliases: [...takenAway].sort(), joins };
}

/** Fold each joined entity into the one it names (following chains), in `byName`; the joins made. */
function joinSameEntities(
  byName: Map<string, DiscoveredEntity>,
  storiesOf: ReadonlyMap<string, ReadonlySet<number>>,
  known: readonly string[],
  pinned: ReadonlySet<string>,
): Join[] {
  const joins = findJoins(
    [...byName].map(([key, entity]) => ({ entity, stories: storiesOf.get(key)! })),
    known,
  ).filter((join) => !pinned.has(join.from.toLowerCase()));
  const target = new Map(joins.map((join) => [join.from.toLowerCase(), join.into.toLowerCase()]));
  const survivorOf = (key: string) => {
    const seen = new Set<string>();
    while (target.has(key) && !seen.has(key)) {
      seen.add(key);
      key = target.get(key)!;
    }
    return key;
  };
  for (const join of joins) {
    const from = byName.get(join.from.toLowerCase())!;
    const into = byName.get(survivorOf(join.from.toLowerCase()));
    if (!into || into === from) continue;
    into.aliases = [...new Set([...into.aliases, from.name, ...from.aliases])];
    into.shortForms = unionOf(into.shortForms, from.shortForms);
    // Kept so the fact base can say which ids moved to the survivor (`Entity.formerIds`).
    into.joined = [...new Set([...(into.joined ?? []), from.name, ...(from.joined ?? [])])];
    into.mentions += from.mentions;
    into.confidence = Math.max(into.confidence, from.confidence);
    // A name written with a company's suffix is a company's, whatever each story guessed.
    if (join.rule === 'company suffix') into.kind = 'company';
    byName.delete(join.from.toLowerCase());
  }
  return joins;
}

/** The forms of both lists, each once; undefined when there are none. */
function unionOf(...lists: (readonly string[] | undefined)[]): string[] | undefined {
  const forms = [...new Set(lists.flatMap((list) => list ?? []))];
  return forms.length > 0 ? forms : undefined;
}

/** The kind with the most mentions; on a tie, the one the first story gave. */
function mostVoted(votes: ReadonlyMap<EntityKind, number>, first: EntityKind): EntityKind {
  let best = first;
  for (const [kind, count] of votes) if (count > (votes.get(best) ?? 0)) best = kind;
  return best;
}

/** One-word aliases owned by two entities, or by one entity and the last word of another name. */
function sharedOneWordAliases(entities: readonly DiscoveredEntity[], known: readonly string[]): Set<string> {
  const owners = new Map<string, Set<string>>();
  const claim = (word: string, owner: string) => {
    const set = owners.get(word) ?? new Set<string>();
    set.add(owner);
    owners.set(word, set);
  };
  for (const entity of entities) {
    const owner = entity.name.toLowerCase();
    // A short form claims nothing: it names its entity only beside the full name.
    const short = new Set(entity.shortForms);
    for (const alias of entity.aliases) {
      if (alias !== entity.name && !/\s/.test(alias) && !short.has(alias)) claim(alias.toLowerCase(), owner);
    }
    // Only a person is called by the last word of their name; "Emirates" for the airline is not claimed by
    // "United Arab Emirates".
    const words = entity.name.split(/\s+/);
    if (words.length > 1 && entity.kind === 'person') claim(words[words.length - 1]!.toLowerCase(), owner);
  }
  for (const name of known) {
    const words = name.split(/\s+/);
    if (words.length > 1) claim(words[words.length - 1]!.toLowerCase(), `known:${name.toLowerCase()}`);
  }
  const aliasWords = new Set(
    entities.flatMap((entity) =>
      entity.aliases.filter((alias) => alias !== entity.name && !/\s/.test(alias)).map((alias) => alias.toLowerCase()),
    ),
  );
  return new Set([...owners].filter(([word, set]) => set.size > 1 && aliasWords.has(word)).map(([word]) => word));
}
