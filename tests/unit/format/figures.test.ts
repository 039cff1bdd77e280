import { describe, expect, it } from 'vitest';
import type { Figure } from '@/src/facts/schema';
import { figureContext, figureLabel, formatFigure, qualifierSymbol, statusWords } from '@/src/format/figures';

/** A figure with only the fields a case cares about; the rest are filler. */
function figure(fields: Partial<Figure> & Pick<Figure, 'unit' | 'value'>): Figure {
  return {
    id: 'story#1',
    storyId: 'story',
    entityIds: [],
    text: 'x',
    sentence: 'x',
    ...fields,
  };
}

describe('formatFigure', () => {
  it.each([
    // [the span as written, the figure's fields, value, detail]
    [
      'nearly $20 million per month',
      figure({ unit: 'USD', value: 20_000_000, per: 'month', qualifier: 'nearly', period: 'as of March' }),
      '≈$20M / month',
      'nearly · as of March',
    ],
    ['$1 billion in annual revenue', figure({ unit: 'USD', value: 1e9, per: 'year' }), '$1B / year', ''],
    ['29 percent', figure({ unit: 'percent', value: 29, period: 'Q4 2024' }), '29%', 'Q4 2024'],
    ['30 to 31 percent', figure({ unit: 'percent', value: 30, upper: 31 }), '30–31%', ''],
    [
      'around 28–29 percent',
      figure({ unit: 'percent', value: 28, upper: 29, qualifier: 'around', period: 'Q1 2025' }),
      '≈28–29%',
      'around · Q1 2025',
    ],
    ['$300-$500 each', figure({ unit: 'USD', value: 300, upper: 500, per: 'unit' }), '$300–$500 each', ''],
    ['$143.61', figure({ unit: 'USD', value: 143.61 }), '$143.61', ''],
    ['$9B', figure({ unit: 'USD', value: 9e9 }), '$9B', ''],
    ['$4B', figure({ unit: 'USD', value: 4e9 }), '$4B', ''],
    ['almost a quarter', figure({ unit: 'percent', value: 25, qualifier: 'almost' }), '≈25%', 'almost'],
    [
      'more than double',
      figure({ unit: 'multiple', value: 2, qualifier: 'more than', period: 'this year' }),
      '>2×',
      'more than · this year',
    ],
    ['245% surge', figure({ unit: 'percent', value: 245, period: 'in 2024' }), '245%', 'in 2024'],
    ['50 global experts', figure({ unit: 'count', value: 50 }), '50', ''],
    ['1,500 engineers', figure({ unit: 'count', value: 1500 }), '1,500', ''],
    ['2.4 million users', figure({ unit: 'count', value: 2_400_000 }), '2.4M', ''],
    ['2.5 times', figure({ unit: 'multiple', value: 2.5 }), '2.5×', ''],
    ['12.5 percent', figure({ unit: 'percent', value: 12.5 }), '12.5%', ''],
    ['$1.25 billion', figure({ unit: 'USD', value: 1.25e9 }), '$1.25B', ''],
    ['$2.50', figure({ unit: 'USD', value: 2.5 }), '$2.50', ''],
    ['a $5 million loss', figure({ unit: 'USD', value: -5e6 }), '-$5M', ''],
    ['$1.5 trillion', figure({ unit: 'USD', value: 1.5e12 }), '$1.5T', ''],
  ])('%s → %s', (_text, input, value, detail) => {
    expect(formatFigure(input)).toEqual({ value, detail });
  });

  it.each([
    ['nearly', '≈'],
    ['Almost', '≈'],
    ['about', '≈'],
    ['around', '≈'],
    ['roughly', '≈'],
    ['approximately', '≈'],
    ['more than', '>'],
    ['over', '>'],
    ['up to', '≤'],
    ['at most', '≤'],
    ['at least', '≥'],
    ['as little as', '≥'],
    ['less than', '<'],
    ['under', '<'],
    ['More  than', '>'],
  ])('the hedge "%s" becomes "%s"', (qualifier, symbol) => {
    expect(qualifierSymbol(qualifier)).toBe(symbol);
    expect(formatFigure(figure({ unit: 'percent', value: 10, qualifier })).value).toBe(`${symbol}10%`);
  });

  it('keeps a hedge it has no symbol for in words only', () => {
    expect(formatFigure(figure({ unit: 'USD', value: 3e6, qualifier: 'a reported' }))).toEqual({
      value: '$3M',
      detail: 'a reported',
    });
  });

  it.each([
    // [currency, amount, value]
    ['EUR', 20_000_000, '€20M'],
    ['GBP', 1_200_000, '£1.2M'],
    ['JPY', 3_000_000_000, '¥3B'],
    ['EUR', 143.61, '€143.61'],
    ['CAD', 5e6, 'CA$5M'],
    ['XYZ', 1_200_000, '1.2M XYZ'],
    ['CHF', 1_200_000, '1.2M CHF'],
  ])('writes %s %d as %s', (unit, value, expected) => {
    expect(formatFigure(figure({ unit, value })).value).toBe(expected);
  });

  it('writes a range in an unknown currency with the code once, after it', () => {
    expect(formatFigure(figure({ unit: 'XYZ', value: 300, upper: 500 })).value).toBe('300–500 XYZ');
  });

  it.each([
    // [the span as written, the figure's fields, value]
    [
      'several hundreds of millions of dollars',
      figure({ unit: 'USD', value: 200_000_000, vague: true, qualifier: 'several' }),
      'hundreds of $M',
    ],
    ['tens of millions of euros', figure({ unit: 'EUR', value: 10_000_000, vague: true }), 'tens of €M'],
    ['billions of dollars', figure({ unit: 'USD', value: 1e9, vague: true }), 'several $B'],
    ['hundreds of millions of francs', figure({ unit: 'CHF', value: 1e8, vague: true }), 'hundreds of millions CHF'],
    ['thousands of engineers', figure({ unit: 'count', value: 1000, vague: true }), 'thousands'],
    ['tens of thousands of users', figure({ unit: 'count', value: 20_000, vague: true }), 'tens of thousands'],
    ['dozens of experts', figure({ unit: 'count', value: 24, vague: true }), 'dozens'],
    ['a double-digit share', figure({ unit: 'percent', value: 10, vague: true }), '≥10%'],
  ])('shows only the order of magnitude of a vague amount: %s → %s', (_text, input, value) => {
    expect(formatFigure(input).value).toBe(value);
  });

  it('says the hedge of a vague amount in the detail, not as a symbol', () => {
    const formatted = formatFigure(
      figure({ unit: 'USD', value: 1e8, vague: true, qualifier: 'more than', period: 'since 2019' }),
    );
    expect(formatted).toEqual({ value: 'hundreds of $M', detail: 'more than · since 2019' });
  });
});

describe('figureContext', () => {
  it.each([
    [
      'TikTok’s reliance on Microsoft’s AI: As of March, TikTok was paying Microsoft nearly $20 million per month to access OpenAI’s models.',
      'nearly $20 million per month',
      'TikTok was paying Microsoft',
    ],
    [
      'In its Q4 2024 earnings report, Microsoft revealed Azure revenue growth of 29 percent, slightly missing its projected growth of 30 to 31 percent from the previous earnings release.',
      '29 percent',
      'Microsoft revealed Azure revenue growth of',
    ],
    [
      'In its Q4 2024 earnings report, Microsoft revealed Azure revenue growth of 29 percent, slightly missing its projected growth of 30 to 31 percent from the previous earnings release.',
      '30 to 31 percent',
      'slightly missing its projected growth of',
    ],
    [
      'The Vatican hosted a two-day conference bringing together 50 global experts to explore how artificial intelligence can advance peace.',
      '50 global experts',
      '…hosted a two-day conference bringing together',
    ],
    ['29 percent of users, the survey found, had tried it.', '29 percent', 'of users'],
    [
      'Credo, a Silicon Valley semiconductor company specializing in data center cables and chips, has seen its stock price more than double this year to $143.61, following a 245% surge in 2024.',
      '245%',
      'following a … surge in 2024',
    ],
    ['It cost $9B.', '$9B', 'It cost'],
    ['It cost $9B to build the new campus in Ohio.', '$9B', 'It cost … to build the new…'],
    ['$9B.', '$9B', ''],
    ['Something else entirely.', '$9B', ''],
  ])('in "%s", %s is about "%s"', (sentence, text, expected) => {
    expect(figureContext({ sentence, text })).toBe(expected);
  });

  it('uses the offset to find the right one of two equal spans', () => {
    const sentence = 'Sales grew 5 percent, and costs fell 5 percent.';
    expect(figureContext({ sentence, text: '5 percent', offset: sentence.lastIndexOf('5 percent') })).toBe(
      'and costs fell',
    );
    expect(figureContext({ sentence, text: '5 percent', offset: 0 })).toBe('Sales grew');
  });
});

describe('figureLabel', () => {
  const sentence = 'Acme’s fees made up almost a quarter of the revenue of its cloud unit.';
  it.each<[string, Partial<Figure> & Pick<Figure, 'unit' | 'value'>, string]>([
    [
      'a share follows its value',
      { unit: 'percent', value: 25, measure: 'share of revenue of its cloud unit' },
      'of revenue of its cloud unit',
    ],
    ['any other measure is said as it is', { unit: 'USD', value: 9e9, measure: 'investment' }, 'investment'],
    ['a share of a count stays a share', { unit: 'count', value: 3, measure: 'share of seats' }, 'share of seats'],
    ['no measure: the words before the figure', { unit: 'percent', value: 25 }, 'Acme’s fees made up'],
  ])('%s', (_name, fields, expected) => {
    const text = 'almost a quarter';
    expect(figureLabel(figure({ ...fields, sentence, text, offset: sentence.indexOf(text) }))).toBe(expected);
  });
});

describe('statusWords', () => {
  it.each<[Partial<Figure>, string]>([
    [{ status: 'reported' }, ''],
    [{}, ''],
    [{ status: 'expected', statusBy: 'Acme' }, 'expected by Acme'],
    [{ status: 'expected' }, 'expected'],
    [{ status: 'projected', statusBy: 'analysts' }, 'analysts’ projection'],
    [{ status: 'projected', statusBy: 'Edmunds Research' }, 'Edmunds Research’s projection'],
    [{ status: 'projected' }, 'projection'],
  ])('%j → "%s"', (fields, expected) => {
    expect(statusWords(fields)).toBe(expected);
  });

  it('adds the status to the detail line after the hedge and period', () => {
    expect(
      formatFigure(
        figure({
          unit: 'percent',
          value: 28,
          upper: 29,
          qualifier: 'around',
          period: 'Q1 2025',
          status: 'expected',
          statusBy: 'Acme',
        }),
      ).detail,
    ).toBe('around · Q1 2025 · expected by Acme');
  });
});

describe('percentage points', () => {
  it.each<[Partial<Figure> & Pick<Figure, 'unit' | 'value'>, string]>([
    [{ unit: 'percentage-point', value: 0.25 }, '0.25 pp'],
    [{ unit: 'percentage-point', value: 2, upper: 3 }, '2–3 pp'],
  ])('%j → %s', (fields, expected) => {
    expect(formatFigure(figure(fields)).value).toBe(expected);
  });
});
