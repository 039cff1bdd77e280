import { describe, expect, it } from 'vitest';
import { escapeForRegExp, foldChar, sameIgnoringCase } from '@/src/match/alias-key';
import { compileMatcher } from '@/src/match/matcher';
import { payloadOf } from './helpers';

/** Every character whose case mapping or case folding is not itself: the only ones that fold together with another. */
function casedCharacters(): string[] {
  const all: string[] = [];
  for (let codePoint = 0; codePoint <= 0x10ffff; codePoint++) {
    if (codePoint < 0xd800 || codePoint > 0xdfff) all.push(String.fromCodePoint(codePoint));
  }
  return all.join('').match(/[\p{Changes_When_Casefolded}\p{Changes_When_Casemapped}]/gu) ?? [];
}

describe('case-insensitive aliases', () => {
  it('give every pair of characters the engine folds together the same key, and no other pair', () => {
    const cased = casedCharacters();
    const haystack = cased.join('');
    const byFold = new Map<string, string[]>();
    for (const char of cased) byFold.set(foldChar(char), [...(byFold.get(foldChar(char)) ?? []), char]);
    const mismatches: string[] = [];
    for (const [folded, members] of byFold) {
      // What the engine folds together with `folded`, among all cased characters.
      const engine = haystack.match(new RegExp(escapeForRegExp(folded), 'giu')) ?? [];
      if ([...engine].sort().join('') !== [...members].sort().join('')) mismatches.push(folded);
    }
    expect(cased.length).toBeGreaterThan(2000);
    expect(mismatches).toEqual([]);
  });

  it.each<[string, string]>([
    ['Kelvin sign', '\u212a'],
    ['long s', 'ſ'],
    ['final sigma', 'ς'],
    ['capital sharp s', 'ẞ'],
  ])('match a %s as its plain letter', (_name, char) => {
    expect(sameIgnoringCase(foldChar(char), char)).toBe(true);
  });

  it('keep dotless i apart from i, as the engine does', () => {
    const matcher = compileMatcher(
      payloadOf([
        ['ıbm', 'dotless', true],
        ['ibm', 'ibm', true],
      ]),
    );
    expect(matcher.findMentions('IBM ıBM').map((mention) => mention.entityId)).toEqual(['ibm', 'dotless']);
  });
});
