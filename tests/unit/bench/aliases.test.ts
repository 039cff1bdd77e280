import { describe, expect, it } from 'vitest';
import {
  ALTERNATION_FLAGS,
  aliasTexts,
  alternationSource,
  referenceAliasesOf,
  withCommonNames,
  withGeneratedEntities,
} from '@/bench/aliases';
import type { MatcherPayload } from '@/src/match/payload';

const base: MatcherPayload = {
  v: 1,
  entities: ['microsoft', 'credo'],
  aliases: [
    ['Microsoft', 0, 0],
    ['Microsoft Corp.', 0, 0],
    ['Credo', 1, 1],
  ],
  context: { '1': ['chip', 'cable'] },
};

describe('benchmark alias sets', () => {
  it('grows a payload to the asked number of aliases with common names, one entity each', () => {
    const grown = withCommonNames(base, 10);
    expect(grown.aliases).toHaveLength(10);
    expect(grown.entities).toHaveLength(2 + 7);
    expect(grown.aliases.slice(0, 3)).toEqual(base.aliases);
    expect(new Set(grown.aliases.map(([text]) => text)).size).toBe(10);
  });

  it('generates 5,000 entities and 20,000 distinct aliases, the same every time', () => {
    const first = withGeneratedEntities(base, 5000, 20_000);
    const second = withGeneratedEntities(base, 5000, 20_000);
    expect(first.entities).toHaveLength(5000);
    expect(first.aliases).toHaveLength(20_000);
    expect(new Set(first.aliases.map(([text]) => text)).size).toBe(20_000);
    expect(first.aliases.every(([, entity]) => entity < first.entities.length)).toBe(true);
    expect(second).toEqual(first);
  });

  it('gives the reference matcher and mark.js the same aliases', () => {
    expect(referenceAliasesOf(base)).toEqual([
      { text: 'Microsoft', entityId: 'microsoft', case: 'exact' },
      { text: 'Microsoft Corp.', entityId: 'microsoft', case: 'exact' },
      { text: 'Credo', entityId: 'credo', case: 'insensitive' },
    ]);
    expect(aliasTexts(base)).toEqual(['Microsoft', 'Microsoft Corp.', 'Credo']);
  });

  it('writes one alternation that prefers the longest alias and escapes punctuation', () => {
    const source = alternationSource(aliasTexts(base));
    expect(source).toBe('(?<![\\p{L}\\p{N}])(?:Microsoft Corp\\.|Microsoft|Credo)(?![\\p{L}\\p{N}])');
    const found = 'Microsoft Corp. and Credo, not Credos'.match(new RegExp(source, ALTERNATION_FLAGS));
    expect(found).toEqual(['Microsoft Corp.', 'Credo']);
  });
});
