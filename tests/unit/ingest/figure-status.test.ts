import { describe, expect, it } from 'vitest';
import { clauseAround, readFigureStatus } from '@/src/ingest/figure-status';

/** The status of the figure written `text` in an invented sentence. */
function statusOf(sentence: string, text: string) {
  const offset = sentence.indexOf(text);
  if (offset < 0) throw new Error(`'${text}' is not in '${sentence}'`);
  return readFigureStatus(sentence, { text, offset });
}

describe('readFigureStatus', () => {
  it.each<[string, string, string, string | undefined]>([
    // [sentence, figure text, status, by]
    ['Acme reported revenue of $4 million.', '$4 million', 'reported', undefined],
    ['Analysts expect revenue of $5 billion.', '$5 billion', 'projected', 'Analysts'],
    ['Acme plans to spend $2 billion on plants.', '$2 billion', 'expected', 'Acme'],
    // "was set to" is a plan as much as "is set to".
    ['Globex was set to begin cutting power Tuesday to some 40,000 homes.', 'some 40,000 homes', 'expected', 'Globex'],
    // Work "in the works" is planned.
    ['Initech says over 20 new games are in the works.', 'over 20 new games', 'expected', 'Initech'],
    // A participle leans on the clause before it, across a parenthesis.
    [
      'Acme is set to raise $2bn (£1.6bn) from its listing, pricing its shares at a 3 per cent discount.',
      '3 per cent',
      'expected',
      'Acme',
    ],
    // A phrase without a verb belongs to the clause before it.
    ['The game will launch on May 5, for a fee of $4.99.', '$4.99', 'expected', undefined],
    // "including" opens a phrase of its own, not a participial clause.
    [
      'The blackout would be the latest of many, including one in May that hit nearly 90,000 homes.',
      'nearly 90,000 homes',
      'reported',
      undefined,
    ],
    // A cue after the figure speaks for it only up to "and" opening another predicate.
    ['Globex now has 11 kiosks and is rumored to be planning more.', '11 kiosks', 'reported', undefined],
    // A participle that describes a noun after the figure is no plan.
    ['Globex held three rounds of planned outages in May.', 'three rounds', 'reported', undefined],
    // The reader's own "will" does not govern a figure in a clause of its own.
    ['I will ask why I lost 14 followers in a week.', '14 followers', 'reported', undefined],
    // A value compared with is a fact, whatever the modal before it.
    ['$5 might seem a lot compared to the $0 people pay for apps.', '$0', 'reported', undefined],
    // An aside before the figure says nothing of it.
    [
      'Globex cut 60 jobs (it would not say how many more) and Initech reportedly cut several hundred.',
      'several hundred',
      'reported',
      undefined,
    ],
    // "made a bet" is a noun, not a forecast.
    ['Acme has made a big bet, spending $3 billion on films.', '$3 billion', 'reported', undefined],
    ['Shares could surge to $300.', '$300', 'projected', undefined],
    ['The cost could eventually reach $5 billion.', '$5 billion', 'projected', undefined],
    // A study's hedged finding is what was found.
    ['Eating cogs may lower the risk of rust by 20 percent.', '20 percent', 'reported', undefined],
    ['The scheme might have helped 300 people.', '300 people', 'reported', undefined],
    // A job title opening the sentence is not the one who expects.
    [
      'Chief executive Ana Ruiz said the money would let Acme hire 40 engineers.',
      '40 engineers',
      'expected',
      'Ana Ruiz',
    ],
  ])('%s → %s: %s', (sentence, text, status, by) => {
    const reading = statusOf(sentence, text);
    expect(reading.status).toBe(status);
    expect(reading.statusBy).toBe(by);
  });
});

describe('clauseAround', () => {
  it.each<[string, string, string]>([
    ['Sales rose 5%, while costs fell 3%.', '3%', ' while costs fell 3%'],
    ['Acme (a maker of widgets) sold 40 units.', '40', ' sold 40 units'],
    ['Prices - as ever - climbed 2%.', '2%', 'climbed 2%'],
  ])('%s: the clause of %s', (sentence, text, clause) => {
    const start = sentence.indexOf(text);
    const found = clauseAround(sentence, start, start + text.length);
    expect(sentence.slice(found.start, found.end)).toBe(clause);
  });
});

describe('robustness', () => {
  it('reads a figure at the end of a long run of clauses quickly', () => {
    const sentence = `${'pricing it at $5, (aside) '.repeat(4_000)}for a fee of $9.`;
    const started = performance.now();
    statusOf(sentence, '$9');
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
