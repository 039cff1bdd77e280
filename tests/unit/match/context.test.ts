import { describe, expect, it } from 'vitest';
import { compileMatcher } from '@/src/match/matcher';
import { payloadOf } from './helpers';

const CREDO_WORDS = ['semiconductor', 'chip', 'chips', 'cables', 'cable', 'data center', 'stock'];

const matcher = compileMatcher(
  payloadOf(
    [
      ['Credo', 'credo'],
      ['Azure', 'azure'],
      ['TikTok', 'tiktok'],
    ],
    { credo: CREDO_WORDS, azure: ['cloud', 'Microsoft'] },
  ),
);

const PETITION =
  'Our credo is simple: sign the petition. The Credo of this movement is fairness for every worker, ' +
  'and we will deliver the signatures to the council on Friday.';
const CHIP_NEWS =
  'Credo shares jumped after the company said demand for its active electrical cables from AI ' +
  'data centers pushed revenue past forecasts; the Chip maker now expects another record quarter.';

describe('entitiesWithContext', () => {
  it('lists the entities that carry context words', () => {
    expect(matcher.contextEntityIds).toEqual(new Set(['credo', 'azure']));
  });

  it('does not credit Credo on an unrelated petition', () => {
    expect(matcher.findMentions(PETITION).map((mention) => mention.entityId)).toContain('credo');
    expect(matcher.entitiesWithContext(PETITION).has('credo')).toBe(false);
  });

  it('credits Credo in a story about chips and cables', () => {
    expect(matcher.entitiesWithContext(CHIP_NEWS)).toEqual(new Set(['credo']));
  });

  it.each<[string, string, boolean]>([
    ['a context word in another case', 'SEMICONDUCTOR stocks and Credo', true],
    ['a multi-word context word across a line break', 'Credo builds for the data\ncenter', true],
    ['a context word inside a longer word', 'Credo sells chipsets', false],
    ['a context word glued to a longer word', 'Credo and stockholders', false],
    ['a context word before a possessive', "the chip's maker Credo", true],
    ['a context word in Chinese-adjacent text', 'Credo的chip', true],
    ['no context word at all', 'Credo', false],
  ])('%s: %j', (_rule, text, expected) => {
    expect(matcher.entitiesWithContext(text).has('credo')).toBe(expected);
  });

  it('finds a shorter context word that starts where a longer one does', () => {
    const nested = compileMatcher(payloadOf([], { a: ['data'], b: ['data center'], c: ['center'] }));
    expect(nested.entitiesWithContext('a new data center')).toEqual(new Set(['a', 'b', 'c']));
    expect(nested.entitiesWithContext('a new data set')).toEqual(new Set(['a']));
  });

  it('can require more than one distinct context word', () => {
    const strict = compileMatcher(payloadOf([['Credo', 'credo']], { credo: CREDO_WORDS }), { minContextWords: 2 });
    expect(strict.entitiesWithContext('Credo chip, chip, CHIP').has('credo')).toBe(false);
    expect(strict.entitiesWithContext('Credo chip and cable').has('credo')).toBe(true);
  });

  it('needs nothing for entities without context words, and reports none', () => {
    const plain = compileMatcher(payloadOf([['TikTok', 'tiktok']]));
    expect(plain.contextEntityIds.size).toBe(0);
    expect(plain.entitiesWithContext('TikTok chip cloud')).toEqual(new Set());
  });

  it('treats a list of blank context words as no requirement', () => {
    const blank = compileMatcher(payloadOf([['Azure', 'azure']], { azure: ['', '  '] }));
    expect(blank.contextEntityIds.size).toBe(0);
  });
});
