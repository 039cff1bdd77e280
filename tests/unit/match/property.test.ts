import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileMatcher, instantiateMatcher, planMatcher } from '@/src/match/matcher';
import { encodeMatcherPlan, MatcherPlanSchema } from '@/src/match/payload';
import { referenceFindMentions } from '@/src/match/reference';
import { payloadOf, referenceAliasesOf, type TestAlias } from './helpers';

/**
 * Small alphabets so that random aliases occur in random text often, with the
 * characters the rules single out: letters that fold together (σ ς Σ, ſ s S,
 * the Kelvin sign and k, ß ẞ, ı I i İ), CJK, Arabic, Hebrew, Cyrillic,
 * digits, combining marks, astral characters, whitespace of several kinds,
 * both apostrophes and punctuation.
 */
const NAME_CHARS = [
  ...'abAB',
  ...'σςΣ',
  ...'ſsS',
  '\u212a',
  'k',
  ...'ßẞ',
  ...'ıIiİ',
  ...'字的',
  'ب',
  'ש',
  'д',
  '1',
  '𝒳',
];
const TEXT_EXTRAS = [' ', ' ', '\n', '\u00a0', '\t', "'", '’', '.', '-', '(', '\u0301', '😀', 'ー'];

const nameChar = fc.constantFrom(...NAME_CHARS);
const textChar = fc.constantFrom(...NAME_CHARS, ...TEXT_EXTRAS);
const aliasText = fc
  .array(fc.oneof({ weight: 6, arbitrary: nameChar }, { weight: 1, arbitrary: fc.constantFrom(' ', "'", '’') }), {
    minLength: 1,
    maxLength: 5,
  })
  .map((chars) => chars.join(''));

/** Aliases for up to four entities, some of them prefixes or extensions of others. */
const aliasSet: fc.Arbitrary<TestAlias[]> = fc
  .array(fc.tuple(aliasText, fc.integer({ min: 0, max: 3 }), fc.boolean()), { minLength: 1, maxLength: 8 })
  .chain((base) =>
    fc
      .array(
        fc.tuple(
          fc.integer({ min: 0, max: base.length - 1 }),
          fc.oneof(fc.integer({ min: 1, max: 4 }), aliasText),
          fc.integer({ min: 0, max: 3 }),
          fc.boolean(),
        ),
        { maxLength: 4 },
      )
      .map((derived) => [
        ...base,
        ...derived.map(([from, change, entity, insensitive]): [string, number, boolean] => {
          const [text] = base[from]!;
          // A number cuts the alias to a prefix; a string extends it.
          return [
            typeof change === 'number' ? [...text].slice(0, change).join('') : text + change,
            entity,
            insensitive,
          ];
        }),
      ]),
  )
  .map((aliases) => aliases.map(([text, entity, insensitive]): TestAlias => [text, `e${entity}`, insensitive]));

/** Text made of random characters and copies of the aliases, some with their case or spacing changed. */
function textWith(aliases: readonly TestAlias[]): fc.Arbitrary<string> {
  const variant = fc
    .tuple(fc.constantFrom(...aliases.map(([text]) => text)), fc.constantFrom('same', 'upper', 'lower', 'spaced'))
    .map(([text, how]) => {
      if (how === 'upper') return text.toUpperCase();
      if (how === 'lower') return text.toLowerCase();
      if (how === 'spaced') return text.replace(/ /g, ' \n\u00a0');
      return text;
    });
  return fc
    .array(
      fc.oneof(
        { weight: 3, arbitrary: textChar },
        { weight: 2, arbitrary: fc.constantFrom(...TEXT_EXTRAS) },
        { weight: 2, arbitrary: variant },
      ),
      { maxLength: 40 },
    )
    .map((parts) => parts.join(''));
}

const scenario = aliasSet.chain((aliases) =>
  fc.record({
    aliases: fc.constant(aliases),
    text: textWith(aliases),
    // 1 puts every key in an expression of its own; the default keeps one per case mode.
    maxSourceLength: fc.constantFrom(1, 40, undefined),
  }),
);

describe('findMentions equals the reference matcher', () => {
  it('on random aliases and text, planned in the background and sent as a message', () => {
    fc.assert(
      fc.property(scenario, ({ aliases, text, maxSourceLength }) => {
        const sent = JSON.parse(
          JSON.stringify(encodeMatcherPlan(planMatcher(payloadOf(aliases), { maxSourceLength }))),
        );
        const matcher = instantiateMatcher(MatcherPlanSchema.parse(sent));
        expect(matcher.findMentions(text)).toEqual(referenceFindMentions(text, referenceAliasesOf(aliases)));
      }),
      { numRuns: 500 },
    );
  });

  it('on random aliases in unrelated text', () => {
    fc.assert(
      fc.property(aliasSet, fc.string({ unit: textChar, maxLength: 60 }), (aliases, text) => {
        const matcher = compileMatcher(payloadOf(aliases));
        expect(matcher.findMentions(text)).toEqual(referenceFindMentions(text, referenceAliasesOf(aliases)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('entitiesWithContext equals a word-by-word search', () => {
  it('on random context words and text', () => {
    const wordsOf = fc.array(aliasText, { minLength: 1, maxLength: 3 });
    const contextScenario = fc
      .tuple(wordsOf, wordsOf, wordsOf)
      .chain((lists) =>
        fc.record({ lists: fc.constant(lists), text: textWith(lists.flat().map((word): TestAlias => [word, 'x'])) }),
      );
    fc.assert(
      fc.property(contextScenario, ({ lists, text }) => {
        const context = Object.fromEntries(lists.map((words, i) => [`e${i}`, words]));
        const matcher = compileMatcher(payloadOf([], context));
        // A word occurs if the reference finds it alone; an entity needs one of its words.
        const occurs = (word: string) =>
          referenceFindMentions(text, [{ text: word, case: 'insensitive', entityId: 'x' }]).length > 0;
        const expected = new Set(
          lists.flatMap((words, i) => (words.some((word) => word.trim() !== '' && occurs(word)) ? [`e${i}`] : [])),
        );
        expect(matcher.entitiesWithContext(text)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
