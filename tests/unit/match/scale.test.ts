import { describe, expect, it } from 'vitest';
import { compileMatcher } from '@/src/match/matcher';
import { referenceFindMentions } from '@/src/match/reference';
import { payloadOf, referenceAliasesOf, type TestAlias } from './helpers';

/** A seeded generator (mulberry32), so a failure can be replayed. */
function randomFrom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'tor', 'sa', 'vi', 'tek', 'co', 'ra', 'zen', 'pha', 'dyn', 'ix', '字', 'ب'];
const ALIAS_COUNT = 20_000;

/** Made-up company names from shared syllables, so many names are prefixes of others and text is full of near misses. */
function generate(random: () => number) {
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const word = () => Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(SYLLABLES)).join('');
  const name = () =>
    Array.from({ length: 1 + Math.floor(random() * 3) }, () => {
      const w = word();
      return random() < 0.7 ? w[0]!.toUpperCase() + w.slice(1) : w;
    }).join(' ');
  const seen = new Set<string>();
  const aliases: TestAlias[] = [];
  while (aliases.length < ALIAS_COUNT) {
    const text = name();
    if (seen.has(text)) continue;
    seen.add(text);
    aliases.push([text, `e${Math.floor(aliases.length / 2)}`, random() < 0.2]);
  }
  const separators = [' ', ', ', '. ', '\n', '’s ', ' (', ') ', '\u00a0'];
  const parts: string[] = [];
  for (let length = 0; length < 20_000;) {
    const part = random() < 0.3 ? pick(aliases)[0] : random() < 0.5 ? name().toUpperCase() : word();
    parts.push(part, pick(separators));
    length += part.length + 2;
  }
  return { aliases, text: parts.join('') };
}

describe('a fact base of 20,000 aliases', () => {
  const { aliases, text } = generate(randomFrom(20_000));
  const matcher = compileMatcher(payloadOf(aliases));
  const reference = referenceAliasesOf(aliases);

  it('compiles every alias, split over several expressions', () => {
    expect(matcher.aliasCount).toBe(ALIAS_COUNT);
    expect(matcher.expressionCount).toBeGreaterThan(2);
  });

  it('finds in a sampled stretch of text exactly what the reference finds', () => {
    const start = Math.floor(randomFrom(7)() * (text.length - 2000));
    const sample = text.slice(start, start + 2000);
    const expected = referenceFindMentions(sample, reference);
    expect(expected.length).toBeGreaterThan(100);
    expect(matcher.findMentions(sample)).toEqual(expected);
  });

  it('finds mentions all through a long text', () => {
    const mentions = matcher.findMentions(text);
    expect(mentions.length).toBeGreaterThan(1000);
    expect(mentions.at(-1)!.start).toBeGreaterThan(text.length - 500);
    for (const mention of mentions) expect(mention.end).toBeGreaterThan(mention.start);
    mentions.slice(1).forEach((mention, i) => expect(mention.start).toBeGreaterThanOrEqual(mentions[i]!.end));
  });
});
