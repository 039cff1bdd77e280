import { describe, expect, it } from 'vitest';
import bundledJson from '@/src/facts/factbase.json';
import { FactBase } from '@/src/facts/schema';
import { checkSentence, indexFigures } from '@/src/figures/check-sentence';
import { readSentenceFigures, type SentenceMention } from '@/src/figures/read-sentence';
import { monthOf, wordCheck } from '@/src/figures/wording';

const factBase = FactBase.parse(bundledJson);
const index = indexFigures(factBase);

/** Every alias of the bundled entities found in `sentence`, as the content script's matcher would find them. */
function mentionsIn(sentence: string): SentenceMention[] {
  return factBase.entities.flatMap((entity) =>
    entity.aliases.flatMap((alias) => {
      const start = sentence.indexOf(alias);
      return start < 0 ? [] : [{ entityId: entity.id, kind: entity.kind, start, end: start + alias.length }];
    }),
  );
}

const verdictsOf = (sentence: string, date?: string) =>
  checkSentence(sentence, mentionsIn(sentence), index, date).map((check) => [check.page.text, check.verdict]);

describe('checkSentence against the seed stories', () => {
  it.each<[string, [string, string][]]>([
    ['TikTok is paying Microsoft about $240 million a year for its cloud.', [['about $240 million a year', 'agrees']]],
    ['TikTok pays Microsoft $30 million a month to rent AI servers.', [['$30 million a month', 'differs']]],
    ['Azure revenue grew 31% in the fourth quarter of 2024.', [['31%', 'close']]],
    ['Azure grew 29% in the quarter, Microsoft said.', [['29%', 'agrees']]],
    ['Credo stock rose 300% in 2024.', [['300%', 'differs']]],
    ['The Vatican gathered 50 global experts in Rome.', [['50 global experts', 'agrees']]],
    // Numbers that are not figures get no verdict.
    ['Call Credo at 555-123-4567 or visit in 2024.', []],
    ['Credo[3] was founded in 2008.', []],
    // A figure of a measure no story gives: nothing to compare.
    ['Credo has 500 employees.', []],
    // A sentence naming no entity: nothing is checked.
    ['Revenue grew 31% in the fourth quarter of 2024.', []],
  ])('%s', (sentence, expected) => {
    expect(verdictsOf(sentence)).toEqual(expected);
  });

  it('reads a sentence with the builder’s readers: measure, status, owners', () => {
    const sentence = 'Microsoft expects Azure growth of 31% to 32% in the first quarter of 2025.';
    expect(readSentenceFigures(sentence, mentionsIn(sentence))).toMatchObject([
      {
        text: '31% to 32%',
        unit: 'percent',
        value: 31,
        upper: 32,
        status: 'expected',
        entityIds: ['azure', 'microsoft'],
      },
    ]);
  });

  it('tells a page newer than its story', () => {
    const [check] = checkSentence(
      'Credo stock rose 300% in 2024.',
      mentionsIn('Credo stock rose 300% in 2024.'),
      index,
      '2026-01-05',
    );
    expect(check).toMatchObject({ verdict: 'differs', pageIsNewer: true });
    const [older] = checkSentence(
      'Credo stock rose 300% in 2024.',
      mentionsIn('Credo stock rose 300% in 2024.'),
      index,
      '2025-01-05',
    );
    expect(older?.pageIsNewer).toBe(false);
  });
});

describe('wordCheck', () => {
  const [story] = factBase.figures.filter((figure) => figure.id === 'tiktok-microsoft-ai-cloud#1');
  const page = { ...story!, text: '$30 million a month', value: 30e6, qualifier: undefined };
  it('gives both sides, the hedge kept', () => {
    expect(wordCheck(page, story!, null, 'differs', false)).toEqual({
      page: 'This page: $30M / month',
      stories: 'Your stories: ≈$20M / month',
    });
  });
  it('dates the story when the page is newer and they do not agree', () => {
    expect(wordCheck(page, story!, '2025-03-14', 'differs', true).stories).toBe(
      'Your story of March 2025 said ≈$20M / month',
    );
    expect(wordCheck(story!, story!, '2025-03-14', 'agrees', true).stories).toBe('Your stories: ≈$20M / month');
  });
  it.each([
    ['2025-03-14', 'March 2025'],
    [null, undefined],
    ['March', undefined],
  ])('monthOf(%s) is %s', (date, month) => {
    expect(monthOf(date)).toBe(month);
  });
});
