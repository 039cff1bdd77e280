import { describe, expect, it } from 'vitest';
import { extractFigures } from '@/src/ingest/figures';
import { describeFigures, measureKey, stem } from '@/src/ingest/measure';

/** The meaning of each figure of an invented sentence, with the figure's text. */
function meaningsIn(sentence: string) {
  const figures = extractFigures(sentence);
  return describeFigures(sentence, figures).map((meaning, index) => ({ text: figures[index]!.text, ...meaning }));
}

describe('measures', () => {
  it.each<[string, string, string]>([
    // [sentence, figure text, measure]
    ['Acme posted revenue growth of 12 percent.', '12 percent', 'revenue growth'],
    ['Acme reported a loss of $3.1 million.', '$3.1 million', 'loss'],
    ['Globex made a $2B investment in chips.', '$2B', 'investment'],
    ['It recorded $6 million in sales in May.', '$6 million', 'sales'],
    ['Sales are down 4 percent.', '4 percent', 'fall in Sales'],
    [
      'Acme paid Globex nearly $5 million per month for the licence.',
      'nearly $5 million per month',
      'monthly payments to Globex',
    ],
    ['The widget costs $40.', '$40', 'price of widget'],
    ['Acme has spent $300 million on the new plant.', '$300 million', 'spending on new plant'],
    ['Acme is set to raise up to $2bn in its listing.', 'up to $2bn', 'amount raised'],
    [
      'Its fees made up almost a quarter of the revenue of its cloud unit.',
      'almost a quarter',
      'share of revenue of cloud unit',
    ],
    ['The firm laid off more than 60 employees.', 'more than 60 employees', 'employees laid off'],
    ['Over a dozen people tapped the button.', 'Over a dozen people', 'people tapped'],
    ['The brand had a chain of 30 newspapers.', '30 newspapers', 'newspapers in chain'],
    ['Its stock price more than tripled to $80.', '$80', 'stock price'],
    ['The gizmos, which sell for $9 each, are popular.', '$9 each', 'price of gizmos'],
  ])('%s → %s: %s', (sentence, text, measure) => {
    expect(meaningsIn(sentence).find((meaning) => meaning.text === text)?.measure).toBe(measure);
  });

  it('gives a later figure the measure an earlier one named ("its projected growth")', () => {
    const meanings = meaningsIn(
      'Acme posted cloud sales growth of 20 percent, missing its projected growth of 22 percent.',
    );
    expect(meanings.map((meaning) => meaning.measure)).toEqual(['cloud sales growth', 'cloud sales growth']);
  });

  it('takes the changed measure for a bare "surge" ("its stock price doubled … following a 90% surge")', () => {
    const meanings = meaningsIn(
      'Acme has seen its stock price more than double this year, following a 90% surge in 2024.',
    );
    expect(meanings.map((meaning) => meaning.measure)).toEqual(['stock price', 'stock price surge']);
  });

  it('reads no period as a measure', () => {
    expect(meaningsIn('Prices rose 3 percent last month.')[0]?.measure).not.toBe('last month');
  });
});

describe('status', () => {
  it.each<[string, string, string, string | undefined]>([
    // [sentence, figure text, status, by]
    ['Acme reported revenue of $4 million.', '$4 million', 'reported', undefined],
    ['For Q3, Acme anticipates sales growth of around 8 percent.', 'around 8 percent', 'expected', 'Acme'],
    ['Acme plans to spend $2 billion on plants.', '$2 billion', 'expected', 'Acme'],
    ['The console will launch at $399.', '$399', 'expected', undefined],
    ['Analysts expect revenue of $5 billion.', '$5 billion', 'projected', 'Analysts'],
    ['Shares could surge to $300.', '$300', 'projected', undefined],
    ['Globex expects 16 million cars will be sold this year.', '16 million cars', 'projected', 'Globex'],
    ['Spending is projected to reach $9 billion.', '$9 billion', 'projected', undefined],
    [
      'He thinks the number will be between four to six services.',
      'between four to six services',
      'projected',
      undefined,
    ],
    ['Acme targets new markets as AI drives $9B in spending.', '$9B', 'reported', undefined],
    [
      'Acme revealed growth of 9 percent, missing its projected growth of 10 percent.',
      '10 percent',
      'expected',
      'Acme',
    ],
  ])('%s → %s: %s', (sentence, text, status, by) => {
    const meaning = meaningsIn(sentence).find((found) => found.text === text);
    expect(meaning?.status).toBe(status);
    expect(meaning?.statusBy).toBe(by);
  });
});

describe('keys', () => {
  it.each<[string, string]>([
    ['Azure revenue growth', 'azur growth revenu'],
    ['growth of Azure revenue', 'azur growth revenu'],
    ['monthly payments to Microsoft', 'microsoft monthly payment'],
    ['Microsoft’s payments', 'microsoft payment'],
    ['price', 'pric'],
    ['price of widgets', 'widget'],
  ])('%s → %s', (measure, key) => {
    expect(measureKey(measure)).toBe(key);
  });

  it.each([
    ['companies', 'company'],
    ['payments', 'payment'],
    ['growing', 'grow'],
    ['status', 'status'],
  ])('stems %s as %s', (word, stemmed) => {
    expect(stem(word)).toBe(stemmed);
  });
});

describe('robustness', () => {
  it('reads a 100,000-character sentence of figures quickly', () => {
    const sentence = 'Acme paid $5 million, up 3 percent, as sales rose 4 percent; '.repeat(1_600);
    const started = performance.now();
    describeFigures(sentence, extractFigures(sentence));
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
