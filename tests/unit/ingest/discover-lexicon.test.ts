// What discovery asks compromise and the city list about single words: ordinary English or not, a city or not.
import { describe, expect, it } from 'vitest';
import { countryOfInitials, isAgentNounPlural, isCommonWord, isListedCity } from '@/src/ingest/discover/lexicon';

describe('isCommonWord', () => {
  it.each([
    ['However', true],
    ['Quickly', true],
    // The first tagging pass reads these as unknown nouns; a listed word under a prefix or a verb ending is common.
    ['Reinvest', true],
    ['Unclear', true],
    ['Disappears', true],
    // A plural ending alone makes no name common: "Whole Foods", "Wells Fargo".
    ['Foods', false],
    ['Wells', false],
    ['Zorblet', false],
    ['Kasukuwere', false],
  ])('%s → %s', (word, common) => {
    expect(isCommonWord(word)).toBe(common);
  });
});

describe('isListedCity', () => {
  it.each([
    ['Burbank', true],
    ['palo alto', true],
    ['Harare', true],
    ['Zorbletville', false],
    ['Moon', false],
  ])('%s → %s', (phrase, listed) => {
    expect(isListedCity(phrase)).toBe(listed);
  });
});

describe('countryOfInitials', () => {
  it.each([
    ['U.S.', 'united states'],
    ['UK', 'united kingdom'],
    ['UAE', 'united arab emirates'],
    // An English word in capitals is that word first.
    ['CAR', undefined],
    ['NFL', undefined],
    ['Zorblet', undefined],
  ])('%s → %s', (word, country) => {
    expect(countryOfInitials(word)).toBe(country);
  });
});

describe('isAgentNounPlural', () => {
  it.each([
    ['Sellers', true],
    ['Voters', true],
    ['Bakers', true],
    ['Reuters', false],
    ['Walker', false],
    ['Quorvex', false],
  ])('%s → %s', (word, expected) => {
    expect(isAgentNounPlural(word)).toBe(expected);
  });
});
