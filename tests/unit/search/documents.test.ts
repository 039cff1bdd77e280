import { describe, expect, it } from 'vitest';
import type { Figure } from '@/src/facts/schema';
import { figureAmountWords } from '@/src/search/documents';

/** A figure of an invented story, with only what the amount's words depend on. */
const figure = (fields: Pick<Figure, 'unit' | 'value'> & Partial<Figure>): Figure => ({
  id: 'invented-story#1',
  storyId: 'invented-story',
  entityIds: [],
  text: 'as written',
  sentence: 'An invented sentence.',
  ...fields,
});

describe('figureAmountWords', () => {
  it.each([
    ['a percentage', figure({ unit: 'percent', value: 29 }), '29 percent'],
    ['a multiple', figure({ unit: 'multiple', value: 2 }), '2 times'],
    ['a count in words', figure({ unit: 'count', value: 20_000_000 }), '20 million'],
    ['money with its code', figure({ unit: 'USD', value: 1_500_000_000 }), '1.5 billion USD'],
    ['a cut in percentage points', figure({ unit: 'percentage-point', value: 0.25 }), '0.25 percentage points'],
    ['one percentage point', figure({ unit: 'percentage-point', value: 1 }), '1 percentage point'],
    [
      'a range of percentage points with its hedge and period',
      figure({ unit: 'percentage-point', value: 2, upper: 3, qualifier: 'about', period: 'in 2024' }),
      '2 percentage points · 3 percentage points · about · in 2024',
    ],
  ])('%s', (_, given, words) => {
    expect(figureAmountWords(given)).toBe(words);
  });
});
