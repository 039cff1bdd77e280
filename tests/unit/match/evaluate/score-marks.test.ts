import { describe, expect, it } from 'vitest';
import { rates, scorePage, stripWhitespace, sumCounts, type PageLabels } from '@/src/match/evaluate/score-marks';

const TEXT = stripWhitespace('Robert Gates met Bill Gates. Later Gates spoke with Johnson in New York.');
const at = (exact: string, after = '') => {
  const start = TEXT.indexOf(
    stripWhitespace(exact),
    after ? TEXT.indexOf(stripWhitespace(after)) + stripWhitespace(after).length : 0,
  );
  return { start, end: start + stripWhitespace(exact).length };
};

const labels: PageLabels = {
  page: 'p',
  split: 'tune',
  mentions: [
    { exact: 'Bill Gates', prefix: 'met ', suffix: '.', entity: 'bill-gates' },
    { exact: 'Gates', prefix: 'Later ', suffix: ' spoke', entity: 'bill-gates' },
    { exact: 'Johnson', prefix: 'with ', suffix: ' in', entity: ['boris-johnson', 'mike-johnson'] },
    { exact: 'New York', prefix: 'in ', suffix: '.', entity: 'new-york', reach: 'no-alias' },
  ],
  notMentions: [{ exact: 'Gates', prefix: 'Robert ', suffix: ' met', note: 'Robert Gates' }],
};

describe('scorePage', () => {
  it('counts a mark right only on a labelled mention, offering none but its entities', () => {
    const score = scorePage(
      TEXT,
      [
        { ...at('Gates'), entityIds: ['bill-gates'] },
        { ...at('Bill Gates'), entityIds: ['bill-gates'] },
        { ...at('Gates', 'Later'), entityIds: ['bill-gates'] },
        { ...at('Johnson'), entityIds: ['boris-johnson', 'theresa-johnson'] },
      ],
      labels,
    );
    expect(score).toMatchObject({ marks: 4, right: 2, mentions: 4, reachable: 3, rightReachable: 2 });
    expect(score.errors).toEqual([
      expect.stringMatching(/^not a mention: …Robert\[Gates\]metBill/),
      expect.stringMatching(
        /^wrong entity: .*\[Johnson\].* marked boris-johnson | theresa-johnson, labelled boris-johnson \| mike-johnson$/,
      ),
      expect.stringMatching(/^missed \(no alias\): .*\[NewYork\]/),
    ]);
  });

  it('places labels with whitespace ignored, and reports a label the page does not hold', () => {
    const score = scorePage(TEXT, [{ ...at('Johnson'), entityIds: ['mike-johnson', 'boris-johnson'] }], {
      ...labels,
      mentions: [
        { exact: 'Johnson', prefix: 'spoke   with\n', suffix: '  in', entity: ['boris-johnson', 'mike-johnson'] },
        { exact: 'Gates', prefix: 'Melinda French ', suffix: '', entity: 'bill-gates' },
      ],
    });
    expect(score.right).toBe(1);
    expect(score.errors).toEqual([expect.stringMatching(/^label not found in the page/)]);
  });
});

describe('rates', () => {
  it('gives precision, recall, and recall of the mentions with an alias', () => {
    const counts = sumCounts([
      { marks: 4, right: 3, mentions: 5, reachable: 4, rightReachable: 3 },
      { marks: 0, right: 0, mentions: 1, reachable: 0, rightReachable: 0 },
    ]);
    expect(rates(counts)).toEqual({ precision: 0.75, recall: 0.5, recallReachable: 0.75 });
  });
});
