import { describe, expect, it } from 'vitest';
import { compareFigures, stretchOf, writtenStep, type ComparableFigure } from '@/src/figures/compare';

/** A figure as the reader gives it: only what the rule reads. */
function fig(
  text: string,
  rest: Partial<ComparableFigure> & Pick<ComparableFigure, 'unit' | 'value'>,
): ComparableFigure {
  return { text, ...rest };
}
const usd = (text: string, value: number, rest: Partial<ComparableFigure> = {}) =>
  fig(text, { unit: 'USD', value, ...rest });
const pct = (text: string, value: number, rest: Partial<ComparableFigure> = {}) =>
  fig(text, { unit: 'percent', value, ...rest });

describe('writtenStep', () => {
  it.each([
    ['$20 million', 20e6, 1e6],
    ['$19.5M', 19.5e6, 1e5],
    ['29 percent', 29, 1],
    ['29.4%', 29.4, 0.1],
    ['1,200 jobs', 1200, 1],
    ['$143.61', 143.61, 0.01],
    ['£10bn', 10e9, 1e9],
    ['nine churchgoers', 9, 0],
    ['more than double', 2, 0],
  ])('%s is written to a step of %d', (text, value, step) => {
    expect(writtenStep({ text, value: value as number })).toBeCloseTo(step as number, 9);
  });
});

describe('stretchOf', () => {
  it('turns a monthly rate into a yearly amount', () => {
    const stretch = stretchOf(usd('nearly $20 million per month', 20e6, { per: 'month', qualifier: 'nearly' }));
    expect(stretch.low).toBeCloseTo(216e6);
    expect(stretch.high).toBeCloseTo(240e6);
  });
  it('opens a lower bound upwards', () => {
    expect(stretchOf(fig('more than 100 jobs', { unit: 'count', value: 100, qualifier: 'more than' }))).toEqual({
      low: 100,
      high: Infinity,
    });
  });
  it('reads "as little as" as a floor ("for as little as Rs 599")', () => {
    expect(stretchOf(fig('as little as 599', { unit: 'count', value: 599, qualifier: 'as little as' }))).toEqual({
      low: 599,
      high: Infinity,
    });
  });
});

describe('compareFigures', () => {
  it.each<[string, ComparableFigure, ComparableFigure, string]>([
    // Qualifiers: the issue's own examples.
    [
      'nearly $20M agrees with $19.5M',
      usd('nearly $20M', 20e6, { qualifier: 'nearly' }),
      usd('$19.5M', 19.5e6),
      'agrees',
    ],
    [
      'nearly $20M reaches 10% below it',
      usd('nearly $20M', 20e6, { qualifier: 'nearly' }),
      usd('$18M', 18e6),
      'agrees',
    ],
    [
      'nearly $20M does not reach $17M: close',
      usd('nearly $20M', 20e6, { qualifier: 'nearly' }),
      usd('$17M', 17e6),
      'close',
    ],
    ['nearly $20M is not above it', usd('nearly $20M', 20e6, { qualifier: 'nearly' }), usd('$21M', 21e6), 'close'],
    [
      'about $20M reaches 5% and a rounding either way',
      usd('about $20M', 20e6, { qualifier: 'about' }),
      usd('$21.4M', 21.4e6),
      'agrees',
    ],
    ['about $20M does not reach $22M', usd('about $20M', 20e6, { qualifier: 'about' }), usd('$22M', 22e6), 'close'],
    [
      'more than $1B agrees with $5B',
      usd('more than $1 billion', 1e9, { qualifier: 'more than' }),
      usd('$5 billion', 5e9),
      'agrees',
    ],
    [
      'more than $1B differs from $500M',
      usd('more than $1 billion', 1e9, { qualifier: 'more than' }),
      usd('$500 million', 5e8),
      'differs',
    ],
    ['up to $20M agrees with $12M', usd('up to $20M', 20e6, { qualifier: 'up to' }), usd('$12M', 12e6), 'agrees'],
    ['up to $20M differs from $30M', usd('up to $20M', 20e6, { qualifier: 'up to' }), usd('$30M', 30e6), 'differs'],
    [
      'an average of is exact',
      usd('an average of $20M', 20e6, { qualifier: 'an average of' }),
      usd('$25M', 25e6),
      'differs',
    ],
    // Rounding as written.
    ['$20M as written covers $19.5M', usd('$20 million', 20e6), usd('$19.5 million', 19.5e6), 'agrees'],
    ['$20M as written does not cover $19.4M', usd('$20 million', 20e6), usd('$19.4 million', 19.4e6), 'close'],
    ['29% covers 29.4%', pct('29%', 29), pct('29.4%', 29.4), 'agrees'],
    ['29% and 30% do not meet', pct('29%', 29), pct('30%', 30), 'close'],
    // Ranges.
    ['29% is close to 30–31% but not in it', pct('29%', 29), pct('30 to 31 percent', 30, { upper: 31 }), 'close'],
    ['30% is in 30–31%', pct('30%', 30), pct('30 to 31 percent', 30, { upper: 31 }), 'agrees'],
    ['overlapping ranges agree', pct('28–29%', 28, { upper: 29 }), pct('29–30%', 29, { upper: 30 }), 'agrees'],
    [
      'a hedged range keeps its ends',
      pct('around 28–29 percent', 28, { upper: 29, qualifier: 'around' }),
      pct('31% to 32%', 31, { upper: 32 }),
      'close',
    ],
    ['25% is far from 30–31%', pct('25%', 25), pct('30 to 31 percent', 30, { upper: 31 }), 'differs'],
    // Closeness: a tenth of the larger amount.
    ['a gap of 10% is close', usd('$90M', 90e6), usd('$100M', 100e6), 'close'],
    ['a gap over 10% differs', usd('$89M', 89e6), usd('$100M', 100e6), 'differs'],
    ['$30M differs from $20M', usd('$30M', 30e6), usd('$20M', 20e6), 'differs'],
    // Rates across periods.
    [
      '$240M a year agrees with nearly $20M a month',
      usd('$240 million a year', 240e6, { per: 'year' }),
      usd('nearly $20 million per month', 20e6, { per: 'month', qualifier: 'nearly' }),
      'agrees',
    ],
    [
      '$30M a month differs from nearly $20M a month',
      usd('$30 million a month', 30e6, { per: 'month' }),
      usd('nearly $20 million per month', 20e6, { per: 'month', qualifier: 'nearly' }),
      'differs',
    ],
    [
      '$5M a quarter is $20M a year',
      usd('$5M a quarter', 5e6, { per: 'quarter' }),
      usd('$20M a year', 20e6, { per: 'year' }),
      'agrees',
    ],
    [
      'the same count as written agrees',
      fig('50 experts', { unit: 'count', value: 50 }),
      fig('50 global experts', { unit: 'count', value: 50 }),
      'agrees',
    ],
    [
      'doubled against more than double',
      fig('doubled', { unit: 'multiple', value: 2 }),
      fig('more than double', { unit: 'multiple', value: 2, qualifier: 'more than' }),
      'agrees',
    ],
    [
      'tripled against doubled',
      fig('tripled', { unit: 'multiple', value: 3 }),
      fig('doubled', { unit: 'multiple', value: 2 }),
      'differs',
    ],
  ])('%s', (_name, page, story, verdict) => {
    expect(compareFigures(page, story).verdict).toBe(verdict);
  });

  it.each<[string, ComparableFigure, ComparableFigure, string]>([
    [
      'percent is not percentage points',
      pct('2%', 2),
      fig('2 percentage points', { unit: 'percentage-point', value: 2 }),
      'unit',
    ],
    ['dollars are not euros', usd('$20M', 20e6), fig('€20M', { unit: 'EUR', value: 20e6 }), 'unit'],
    ['a monthly rate is not a total', usd('$20M a month', 20e6, { per: 'month' }), usd('$20M', 20e6), 'rate'],
    [
      'a price each is not a yearly amount',
      usd('$300 each', 300, { per: 'unit' }),
      usd('$300 a year', 300, { per: 'year' }),
      'rate',
    ],
    [
      'a fact is not a forecast',
      pct('29%', 29, { status: 'reported' }),
      pct('30 to 31 percent', 30, { upper: 31, status: 'expected' }),
      'status',
    ],
    [
      'a projection is not a plan',
      pct('29%', 29, { status: 'projected' }),
      pct('29%', 29, { status: 'expected' }),
      'status',
    ],
    ['Q4 2024 is not Q1 2025', pct('29%', 29, { period: 'Q4 2024' }), pct('29%', 29, { period: 'Q1 2025' }), 'period'],
    [
      'a quarter is not a year',
      pct('29%', 29, { period: 'in the fourth quarter of 2024' }),
      pct('29%', 29, { period: 'in 2024' }),
      'period',
    ],
    ['a vague amount gives no amount', usd('hundreds of millions', 1e8, { vague: true }), usd('$300M', 3e8), 'vague'],
  ])('%s: not comparable (%s)', (_name, page, story, reason) => {
    expect(compareFigures(page, story)).toEqual({ verdict: 'not-comparable', reason });
  });

  it.each<[string, string, string | undefined, string | undefined, string]>([
    ['Q4 2024', 'in the fourth quarter of 2024', undefined, undefined, 'agrees'],
    ['this year', 'in 2025', '2025-06-01', '2025-01-10', 'agrees'],
    ['last year', 'in 2025', '2025-06-01', undefined, 'not-comparable'],
    ['as of March', 'in March', '2025-04-01', '2025-03-20', 'agrees'],
    ['in the quarter', 'Q4 2024', undefined, undefined, 'agrees'],
  ])('periods %s and %s (page %s, story %s): %s', (pagePeriod, storyPeriod, pageDate, storyDate, verdict) => {
    expect(
      compareFigures(pct('29%', 29, { period: pagePeriod }), pct('29%', 29, { period: storyPeriod }), {
        page: pageDate,
        story: storyDate,
      }).verdict,
    ).toBe(verdict);
  });

  it('a period on one side only does not keep them apart', () => {
    expect(compareFigures(pct('29%', 29), pct('29 percent', 29, { period: 'Q4 2024' })).verdict).toBe('agrees');
  });
});
