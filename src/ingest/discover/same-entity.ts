/**
 * Which discovered names, once every story's list is combined, are one entity: "U.S." and "United States",
 * "Jobs" and "Steve Jobs", "Tim Morrison" and "Timothy Morrison", "iPhones" and "iPhone", "Take-Two" and
 * "Take-Two Interactive". Each story is read alone, so the forms one story uses for an entity and the forms
 * another uses meet only here. A join needs evidence that leaves no other reading: a short name that could
 * be two entities joins neither. Pure.
 */
import type { EntityKind } from '../../facts/schema';
import type { DiscoveredEntity } from '../discover';
import { countryOfInitials, isLastName } from './lexicon';
import { LEGAL_SUFFIXES } from './mentions';
import { reorderedAgencyName } from './words';

/** A discovered entity and the stories (by index) that name it. */
export interface StoryEntity {
  entity: DiscoveredEntity;
  stories: ReadonlySet<number>;
}

/** A join: `from` (its name) became an alias of `into` (the surviving name). */
export interface Join {
  from: string;
  into: string;
  /** Which evidence joined them, e.g. "surname", "short form". */
  rule: JoinRule;
}

export type JoinRule =
  | 'short form'
  | 'dots'
  | 'initials'
  | 'surname'
  | 'given name'
  | 'spelling'
  | 'plural'
  | 'company suffix'
  | 'qualified'
  | 'reordered';

/**
 * Short forms that name one thing wherever they are written in capitals, besides countries' initials (which
 * `countryOfInitials` reads from the lexicon): the long form each stands for.
 */
const WELL_KNOWN_SHORT_FORMS: Readonly<Record<string, string>> = {
  EU: 'European Union',
  NYC: 'New York City',
  UN: 'United Nations',
  USA: 'United States',
};

/** Given names and the short forms people go by: each group is one name. */
const GIVEN_NAME_FORMS: readonly (readonly string[])[] = [
  ['timothy', 'tim'],
  ['william', 'bill', 'will', 'billy'],
  ['joseph', 'joe'],
  ['robert', 'bob', 'rob', 'bobby'],
  ['richard', 'rick', 'dick', 'rich'],
  ['james', 'jim', 'jimmy'],
  ['michael', 'mike'],
  ['thomas', 'tom'],
  ['edward', 'ed', 'ted'],
  ['elizabeth', 'liz', 'beth'],
  ['katherine', 'kate', 'katie', 'kathy'],
  ['christopher', 'chris'],
  ['daniel', 'dan', 'danny'],
  ['david', 'dave'],
  ['steven', 'steve'],
  ['stephen', 'steve'],
  ['anthony', 'tony'],
  ['andrew', 'andy'],
  ['alexander', 'alex'],
  ['benjamin', 'ben'],
  ['charles', 'charlie', 'chuck'],
  ['jennifer', 'jen', 'jenny'],
  ['margaret', 'maggie', 'peggy'],
  ['nicholas', 'nick'],
  ['patricia', 'pat', 'patty'],
  ['samuel', 'sam'],
  ['susan', 'sue'],
  ['kenneth', 'ken'],
  ['donald', 'don'],
  ['ronald', 'ron'],
  ['gregory', 'greg'],
  ['matthew', 'matt'],
  ['jonathan', 'jon'],
  ['zachary', 'zach'],
];

/** Suffixes a company's name is written with or without: "Take-Two Interactive", "SoftBank Group Corp". */
const COMPANY_TAILS: ReadonlySet<string> = new Set([
  ...LEGAL_SUFFIXES,
  'group',
  'holdings',
  'interactive',
  'incorporated',
  'limited',
]);

/** Words left out of an abbreviation: "Department of Energy" → "DOE". */
const CONNECTING_WORDS = new Set(['of', 'the', 'and', 'for', 'in', 'on', '&']);

const wordsOf = (name: string) => name.split(/\s+/).filter(Boolean);
const lettersOf = (text: string) => text.replace(/\./g, '');
const bare = (word: string) => word.toLowerCase().replace(/[.,]/g, '');

/** All capitals, dotted or not: "U.S.", "NYC", "EU". */
function isAbbreviation(name: string): boolean {
  return /^(?:\p{Lu}\.){2,5}$|^\p{Lu}{2,5}$/u.test(name);
}

function initialsOf(name: string): string {
  return wordsOf(name)
    .filter((word) => !CONNECTING_WORDS.has(word.toLowerCase()))
    .map((word) => word[0]!.toUpperCase())
    .join('');
}

function sameGivenName(first: string, second: string): boolean {
  const [a, b] = [first.toLowerCase(), second.toLowerCase()];
  return a === b || GIVEN_NAME_FORMS.some((forms) => forms.includes(a) && forms.includes(b));
}

/** Levenshtein distance of two short words. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * Whether the two entities' stories are about the same things: they share a story, or their stories name at
 * least two of the same other entities.
 */
function shareTopic(a: StoryEntity, b: StoryEntity, all: readonly StoryEntity[]): boolean {
  if ([...a.stories].some((story) => b.stories.has(story))) return true;
  const neighbours = (of: StoryEntity) =>
    new Set(
      all
        .filter((other) => other !== a && other !== b && [...other.stories].some((story) => of.stories.has(story)))
        .map((other) => other.entity.name),
    );
  const [first, second] = [neighbours(a), neighbours(b)];
  return [...first].filter((name) => second.has(name)).length >= 2;
}

/** Whether `long` is `short` qualified by words before it, of the same kind ("House Intelligence Committee"). */
function endsWithName(long: StoryEntity, short: StoryEntity): boolean {
  const [longWords, shortWords] = [wordsOf(long.entity.name), wordsOf(short.entity.name)];
  const extra = longWords.slice(0, longWords.length - shortWords.length);
  return (
    long.entity.kind === short.entity.kind &&
    extra.length > 0 &&
    shortWords.every((word, index) => word === longWords[extra.length + index]) &&
    !CONNECTING_WORDS.has(extra.at(-1)!.toLowerCase()) &&
    extra.every((word) => /^\p{Lu}/u.test(word) && !/\p{Ll}\p{Lu}/u.test(word))
  );
}

/** Kinds that can not be one entity's: a person is never a place, a place never a product. */
function kindsAgree(a: EntityKind, b: EntityKind): boolean {
  if (a === b) return true;
  const groups: EntityKind[][] = [['person'], ['place'], ['company', 'organization', 'product', 'program', 'topic']];
  return groups.some((group) => group.includes(a) && group.includes(b));
}

/**
 * The joins among `entities` (each name once, as `combineDiscoveries` leaves them), the shorter or less
 * complete form into the fuller. `known` holds the catalog's names: a family name one of them ends with is
 * ambiguous. Deterministic: the same entities in the same order give the same joins.
 */
export function findJoins(entities: readonly StoryEntity[], known: readonly string[] = []): Join[] {
  const joins: Join[] = [];
  const joined = new Set<string>();
  const byName = new Map(entities.map((item) => [item.entity.name, item]));
  const add = (from: StoryEntity, into: StoryEntity, rule: JoinRule) => {
    if (joined.has(from.entity.name) || from === into) return;
    joins.push({ from: from.entity.name, into: into.entity.name, rule });
    joined.add(from.entity.name);
  };
  const people = entities.filter((item) => item.entity.kind === 'person' && wordsOf(item.entity.name).length > 1);
  const lastWord = (name: string) => bare(wordsOf(name).at(-1)!);
  const surnames = new Set([
    ...entities.filter((item) => item.entity.kind === 'person').map((item) => lastWord(item.entity.name)),
    ...known.filter((name) => wordsOf(name).length > 1).map(lastWord),
  ]);

  for (const item of entities) {
    const { name, kind } = item.entity;
    const words = wordsOf(name);

    // "U.S." and "US" beside "United States"; "EU" beside "European Union".
    if (isAbbreviation(name)) {
      const letters = lettersOf(name);
      const long = countryOfInitials(name) ?? WELL_KNOWN_SHORT_FORMS[letters];
      const target = [...byName.values()].find(
        (other) => long !== undefined && other.entity.name.toLowerCase() === long.toLowerCase(),
      );
      if (target) {
        add(item, target, 'short form');
        continue;
      }
      // The undotted form of a dotted one ("US", "U.S."), or an abbreviation of the one long name with those
      // initials that its stories also name.
      const dotted = entities.find(
        (other) => other !== item && other.entity.name.includes('.') && lettersOf(other.entity.name) === letters,
      );
      if (dotted && !name.includes('.') && kindsAgree(kind, dotted.entity.kind)) {
        add(item, dotted, 'dots');
        continue;
      }
      const expansions = entities.filter(
        (other) => wordsOf(other.entity.name).length > 1 && initialsOf(other.entity.name) === letters,
      );
      if (expansions.length === 1 && kindsAgree(kind, expansions[0]!.entity.kind)) {
        if (shareTopic(item, expansions[0]!, entities)) add(item, expansions[0]!, 'initials');
      }
      continue;
    }

    if (kind === 'person' && words.length === 1) {
      // A family name: the one person of the fact base with it, when no other name ends with it.
      const surname = bare(name);
      const owners = people.filter((other) => lastWord(other.entity.name) === surname);
      const knownOwners = known.filter((other) => wordsOf(other).length > 1 && lastWord(other) === surname);
      if (owners.length === 1 && knownOwners.length === 0) {
        add(item, owners[0]!, 'surname');
        continue;
      }
    }

    if (kind === 'person' && words.length > 1) {
      // "Tim Morrison" and "Timothy Morrison"; "Volodymyr Zelensky" and "Volodymyr Zelenskiy" when their stories
      // are about the same things.
      for (const other of people) {
        if (other === item || joined.has(other.entity.name)) continue;
        const otherWords = wordsOf(other.entity.name);
        if (otherWords.length !== words.length) continue;
        const sameStart = words.slice(1, -1).every((word, index) => word === otherWords[index + 1]);
        if (!sameStart) continue;
        const [first, otherFirst] = [words[0]!, otherWords[0]!];
        const [last, otherLast] = [lastWord(name), lastWord(other.entity.name)];
        const fuller = other.entity.name.length > name.length;
        if (last === otherLast && first !== otherFirst && sameGivenName(first, otherFirst) && fuller) {
          add(item, other, 'given name');
          break;
        }
        if (
          first === otherFirst &&
          last !== otherLast &&
          Math.min(last.length, otherLast.length) >= 6 &&
          editDistance(last, otherLast) === 1 &&
          (fuller || (other.entity.name.length === name.length && other.entity.mentions > item.entity.mentions)) &&
          shareTopic(item, other, entities)
        ) {
          add(item, other, 'spelling');
          break;
        }
      }
      continue;
    }

    // "Energy Department" beside "Department of Energy": the one body, its name said the other way round.
    if (kind !== 'person' && kind !== 'place') {
      const reordered = reorderedAgencyName(name.toLowerCase());
      const other = entities.find((candidate) => candidate.entity.name.toLowerCase() === reordered);
      if (other && /^\S+ of /.test(other.entity.name) && kindsAgree(kind, other.entity.kind)) {
        add(item, other, 'reordered');
        continue;
      }
    }

    // "iPhones" beside "iPhone": a product's plural.
    if (kind === 'product' && /s$/.test(name)) {
      const singular = byName.get(name.slice(0, -1));
      if (singular && singular.entity.kind === 'product') {
        add(item, singular, 'plural');
        continue;
      }
    }

    // "Take-Two" beside "Take-Two Interactive": the one name that is it with a company's suffix.
    if (kind !== 'place') {
      const longer = entities.filter((other) => {
        const otherWords = wordsOf(other.entity.name);
        return (
          other.entity.kind !== 'place' &&
          other.entity.kind !== 'person' &&
          otherWords.length > words.length &&
          words.every((word, index) => word === otherWords[index]) &&
          otherWords.slice(words.length).every((word) => COMPANY_TAILS.has(bare(word)))
        );
      });
      const shortest = longer.sort((a, b) => a.entity.name.length - b.entity.name.length)[0];
      if (shortest) {
        add(item, shortest, 'company suffix');
        continue;
      }
    }

    // "Intelligence Committee" beside "House Intelligence Committee", "Bay Area" beside "San Francisco Bay
    // Area": a name of two words or more that ends the one longer name of its kind, in stories on the same
    // things. Not a person's ("Ukraine Kurt Volker" is a glued word, not a fuller name) nor "X of Y" ("Western
    // District of New York" is not New York), nor one a person qualifies ("Obama National Security Council" is
    // that council in his time).
    if (kind !== 'person' && words.length > 1) {
      const longer = entities.filter(
        (other) =>
          endsWithName(other, item) &&
          !wordsOf(other.entity.name)
            .slice(0, -words.length)
            .some((word) => isLastName(word) || surnames.has(bare(word))),
      );
      const longest = longer.sort((a, b) => b.entity.name.length - a.entity.name.length)[0];
      if (
        longest &&
        longer.every((other) => other === longest || endsWithName(longest, other)) &&
        shareTopic(item, longest, entities)
      )
        add(item, longest, 'qualified');
    }
  }
  return joins;
}
