/**
 * The alias sets the benchmark matches: the bundled fact base's, a set of 60
 * (the bundled aliases plus names real pages mention often), and a generated
 * one of 5,000 entities and 20,000 aliases that contains the 60. Also the
 * same aliases in the forms the baselines take them.
 */
import { buildMatcherPayload, type MatcherPayload } from '@/src/match/payload';
import type { ReferenceAlias } from '@/src/match/reference';
import type { FactBase } from '@/src/facts/schema';

/** Names of companies and institutions the saved real pages mention, to bring the bundled set to 60 aliases. */
export const COMMON_NAMES: readonly string[] = [
  'Apple',
  'Google',
  'Alphabet',
  'Facebook',
  'Meta',
  'Twitter',
  'Nvidia',
  'Intel',
  'IBM',
  'Samsung',
  'Netflix',
  'Uber',
  'Tesla',
  'SpaceX',
  'Oracle',
  'Adobe',
  'YouTube',
  'Instagram',
  'WhatsApp',
  'LinkedIn',
  'Wikipedia',
  'Reuters',
  'European Union',
  'NASA',
  'Pentagon',
  'White House',
  'Supreme Court',
  'World Trade Center',
  'Federal Reserve',
  'Harvard University',
  'Stanford University',
  'Yahoo',
];

/** The payload of the bundled fact base, as the background builds it. */
export function bundledPayload(factBase: FactBase): MatcherPayload {
  return buildMatcherPayload(factBase);
}

function slugOf(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

/** `base` with entities of one exact alias each appended from `names` until it holds `total` aliases. */
export function withCommonNames(
  base: MatcherPayload,
  total: number,
  names: readonly string[] = COMMON_NAMES,
): MatcherPayload {
  const entities = [...base.entities];
  const aliases = [...base.aliases];
  const known = new Set(aliases.map(([text]) => text));
  for (const name of names) {
    if (aliases.length >= total) break;
    if (known.has(name)) continue;
    known.add(name);
    aliases.push([name, entities.length, 0]);
    entities.push(`bench-${slugOf(name)}`);
  }
  if (aliases.length < total) throw new Error(`only ${aliases.length} aliases available, ${total} asked`);
  return { ...base, entities, aliases };
}

/** A seeded generator (mulberry32): the same seed gives the same fact base every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = 'ka ro mi tu ne sa lo vi pe da zu ri fo gen tal mar cor bel dex von ly tra quin sor ph ax el'.split(
  ' ',
);
const SUFFIXES = ['Group', 'Holdings', 'Technologies', 'Labs', 'Systems', 'Energy', 'Capital', 'Networks'];

function capitalise(word: string): string {
  return word[0]!.toUpperCase() + word.slice(1);
}

/**
 * `base` grown to `entityCount` entities and `aliasCount` aliases with
 * made-up company names ("Talvi Marcor", "Talvi Marcor Labs", "TMC", …), about
 * one in ten matched case-insensitively. Deterministic.
 */
export function withGeneratedEntities(
  base: MatcherPayload,
  entityCount: number,
  aliasCount: number,
  seed = 20_000,
): MatcherPayload {
  const next = seededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const word = () => capitalise(Array.from({ length: 2 + Math.floor(next() * 2) }, () => pick(SYLLABLES)).join(''));
  const entities = [...base.entities];
  const aliases = [...base.aliases];
  const taken = new Set(aliases.map(([text]) => text));
  if (entityCount <= entities.length || aliasCount < aliases.length + entityCount - entities.length) {
    throw new Error(
      `can not grow ${entities.length} entities and ${aliases.length} aliases to ${entityCount} and ${aliasCount}`,
    );
  }
  while (entities.length < entityCount) {
    const name = `${word()} ${word()}`;
    if (taken.has(name)) continue;
    const index = entities.length;
    // Spread the aliases still wanted evenly over the entities still to make.
    const quota = Math.max(1, Math.ceil((aliasCount - aliases.length) / (entityCount - index)));
    entities.push(`generated-${index}`);
    const [first] = name.split(' ');
    const candidates = [
      name,
      `${name} ${pick(SUFFIXES)}`,
      initialsOf(name),
      `${name} Inc.`,
      `${first} ${pick(SUFFIXES)}`,
      `${name} ${pick(SUFFIXES)} Inc.`,
    ];
    let added = 0;
    for (const text of candidates) {
      if (added === quota) break;
      if (taken.has(text)) continue;
      taken.add(text);
      aliases.push([text, index, next() < 0.1 ? 1 : 0]);
      added++;
    }
  }
  if (aliases.length !== aliasCount) throw new Error(`generated ${aliases.length} aliases, not ${aliasCount}`);
  return { ...base, entities, aliases };
}

function initialsOf(name: string): string {
  return name
    .split(' ')
    .map((word) => word.slice(0, 2).toUpperCase())
    .join('');
}

/** The aliases as the reference matcher takes them. */
export function referenceAliasesOf(payload: MatcherPayload): ReferenceAlias[] {
  return payload.aliases.map(([text, entity, flag]) => ({
    text,
    entityId: payload.entities[entity]!,
    case: flag === 1 ? 'insensitive' : 'exact',
  }));
}

/** The distinct alias texts: what mark.js is given as an array. */
export function aliasTexts(payload: MatcherPayload): string[] {
  return [...new Set(payload.aliases.map(([text]) => text))];
}

/** The flags {@link alternationSource} is meant for. */
export const ALTERNATION_FLAGS = 'gu';

/**
 * One RegExp source for all of `texts`: an alternation, longest first so the
 * longest alias wins at a position, with no letter or digit on either side
 * (`\b` would refuse an alias that ends in a dot, "Microsoft Corp.").
 */
export function alternationSource(texts: readonly string[]): string {
  const escaped = [...texts]
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
    .map((text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return `(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`;
}
