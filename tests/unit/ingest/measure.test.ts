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
    // A share that is the subject of "were": the share of whom the clause says so.
    [
      'Of those who answered, 77 percent were aged 26 or above, 65 percent were women.',
      '77 percent',
      'share that were aged 26 or above',
    ],
    [
      'Of those who answered, 77 percent were aged 26 or above, 65 percent were women.',
      '65 percent',
      'share that were women',
    ],
    ['Revenue growth of 5% was strong.', '5%', 'Revenue growth'],
    // The level a measure moved to ("from 15% to 30%") is that measure.
    ['Increasing protein intake from 15% to 30% led to weight loss.', '30%', 'protein intake'],
    // Irregular verbs read in their past participle ("eaten", not "eated").
    ['It raises ghrelin more than eating three meals per day.', 'three meals per day', 'meals eaten'],
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
    // A second "from" joined by "and" to the first is the same measure's earlier level.
    ['The average price of a cog was $50, up from $45 a year ago and from $40 in 2015.', '$40', 'average price of cog'],
    // "even as" opens a clause whose subject follows it.
    ['Cog sales fell even as the average loan rate stayed below 6 percent.', 'below 6 percent', 'average loan rate'],
    // "and" between a lower-case word and a name with its verb starts a new clause; a level its subject
    // stands "at" is its price.
    [
      'Cog futures fell 2% to $50 a tonne and Gizmo was last at $61.20, down 1% on the day.',
      '$61.20',
      'price of Gizmo',
    ],
    ['Cog futures fell 2% to $50 a tonne and Gizmo was last at $61.20, down 1% on the day.', '1%', 'fall in Gizmo'],
    ['The stock is now at $12.', '$12', 'share price'],
    ['The widget is still at $12.', '$12', 'price of widget'],
    // An absolute phrase "with X up N%" changes X, and the level it moves to is X's.
    ['The cog index rose 0.2%, with the gizmo up 0.1% to $1.25.', '0.1%', 'rise in gizmo'],
    ['The cog index rose 0.2%, with the gizmo up 0.1% to $1.25.', '$1.25', 'gizmo'],
    // A count's verb before it: an infinitive is what is to happen to it; a present form is said as a participle.
    ['Globex expects to hire 500 welders next year.', '500 welders', 'welders to hire'],
    ['Globex employs 2,300 people.', '2,300 people', 'people employed'],
    // An "-ing" word that modifies a noun is part of the noun phrase.
    ['The cloud unit posted operating income of $5 billion.', '$5 billion', 'operating income'],
    ['The average selling price was $500.', '$500', 'average selling price'],
    // A range after a noun measures that noun.
    [
      'Globex guided for revenue between $90 billion and $93 billion.',
      'between $90 billion and $93 billion',
      'revenue',
    ],
    // A form that could be a verb is the subject's noun when a verb follows it.
    ['Home prices climbed 6% from a year earlier.', '6%', 'rise in Home prices'],
    // A participle in "-ing" right before a count is what happens to what is counted.
    ['The storm hit the coast, flooding 40 towns and closing roads.', '40 towns', 'towns flooded'],
    ['Globex is cutting 300 jobs.', '300 jobs', 'jobs cut'],
    ['The list, including 30 firms, is out.', '30 firms', 'firms'],
    // The level a sum of money moves to is that sum; a share or a commodity moves to a price.
    ['Its revenue rose 5% to $3 billion.', '$3 billion', 'revenue'],
    ['Gizmo shares jumped 12% to $45.', '$45', 'price of Gizmo shares'],
    // What an amount is compared with is the same measure.
    ['Sales totaled $4.5 billion, compared with $4.1 billion a year ago.', '$4.1 billion', 'Sales'],
    // A fine.
    ['The regulator fined Globex $5 million.', '$5 million', 'fine'],
    ['Globex was fined $5 million last year.', '$5 million', 'fine'],
    // What is valued, and what is sold, at a price.
    ['The deal values Globex at $9 billion.', '$9 billion', 'value of Globex'],
    ['Globex is valued at $3 billion.', '$3 billion', 'value of Globex'],
    ['Acme sold the old plant for $20 million.', '$20 million', 'price of old plant'],
    // "worth" measures the value of the noun before it, past a prepositional phrase.
    ['Acme signed a deal worth $5 billion.', '$5 billion', 'value of deal'],
    ['It took a loan from lender Globex worth up to $2 billion.', 'up to $2 billion', 'value of loan'],
    // An aside between a pair of commas does not part a count from its verb.
    ['The log showed 80 clients, as it happens, renewed their plans.', '80 clients', 'clients renewed'],
    // An amount asked or offered for something is a price, by whoever asks it.
    ['The bid fell short of the $30 reportedly demanded by Globex.', '$30', 'price demanded by Globex'],
    ['It beat the $25 offered last week.', '$25', 'price offered'],
    // The plural noun "for" follows says what a count is of.
    ['Globex took orders for 30 gizmos.', '30 gizmos', 'orders for gizmos'],
    // An amount joined by "or" to the one right before it restates it.
    ['Acme bought the stake from Globex for $10 a share or $90 million.', '$90 million', 'acquisition price of stake'],
    ['Members pay a fee of $10 a month or $120 a year.', '$120 a year', 'fee'],
    // A percentage before a comparative measures the difference in that quality.
    ['The new motor is 25% more efficient than the old motor.', '25%', 'more efficient than old motor'],
    ['The new cog is 30% cheaper than the gear.', '30%', 'cheaper than gear'],
    // "the number of X to N": X is what the count counts.
    ['The deal brings the total number of cog makers to 12 firms.', '12 firms', 'cog makers'],
    // What the counted noun is of completes it; a participle in that complement is not its verb.
    ['Acme held three rounds of planned layoffs in May.', 'three rounds', 'rounds of planned layoffs'],
    // A period after the figure says when, not what.
    ['Widget sales in the Springfield area plunged 8 percent last month.', '8 percent', 'fall in Widget sales'],
    // "while" opens a clause whose subject follows it; "and" joins two words of one subject.
    [
      'Cog and gear sales are down 2 percent, while bolt sales are down 7 percent.',
      '2 percent',
      'fall in Cog and gear sales',
    ],
    ['Cog and gear sales are down 2 percent, while bolt sales are down 7 percent.', '7 percent', 'fall in bolt sales'],
    // A copula makes the figure what its subject is.
    [
      'The average price of a cog was $41 while the average price for a new gear was $31.',
      '$31',
      'average price for new gear',
    ],
    ['The stock is $8.5 today.', '$8.5', 'share price'],
    // ", up 2%" after a price is a rise in what was priced.
    ['Acme shares closed on Monday at $18.25, up 2%.', '2%', 'rise in Acme shares'],
    // What is bought for the amount.
    [
      'Globex completed its purchase of the Daily Bugle for $50 million.',
      '$50 million',
      'purchase price of Daily Bugle',
    ],
    [
      'Initech gained control by acquiring the entire 20% stake, for $9 a share.',
      '$9 a share',
      'acquisition price of entire stake',
    ],
    ['You get the whole cog experience for $5.', '$5', 'price of whole cog experience'],
    ['You can shell out $15 to get the extras.', '$15', 'price'],
    ['They listed it in 2014 at $16 a share.', '$16 a share', 'price'],
    // A subscription's price, by its rate.
    ['Then came Zoom+, the $99-a-year delivery program.', '$99-a-year', 'annual price of delivery program'],
    ['The deals have saved customers millions of dollars.', 'millions of dollars', 'savings for customers'],
    // A high or an average of what an earlier figure measured.
    [
      'Cog sales were up from 13 percent in May, still down from the April high of 21 percent.',
      '21 percent',
      'Cog sales (April high)',
    ],
    // What an amount goes to completes its measure.
    [
      'Acme must make a contribution of $12 million to its pension fund.',
      '$12 million',
      'contribution to pension fund',
    ],
    // "representing N% of": the share its subject makes up.
    ['Fleet sales rose, representing 14 percent of all car sales.', '14 percent', 'Fleet sales share of car sales'],
    // A count that leaves out what it counts counts what was counted before it.
    ['Acme laid off 60 workers and Globex laid off several hundred.', 'several hundred', 'workers laid off'],
    ['It has a growing stable of house brands — it had more than 100 by then.', 'more than 100', 'house brands'],
    ['Globex drew bids for some 60 of the new jet.', 'some 60', 'bids for new jet'],
    // A verb in the present after what is counted.
    ['He learned around 75 people view his page a week.', 'around 75 people', 'people view'],
    // A multiple of a size or of what an earlier figure measured.
    ['Acme-owned newsrooms are often half the size they were.', 'half', 'size of Acme-owned newsrooms'],
    // "N times" measures what it multiplies.
    ['Planners tell clients to hold 25 times their yearly costs.', '25 times', 'yearly costs'],
    // "in lieu of" is a preposition, not what is measured; a bond, a fee, a fare are sums of money.
    ['She was held in lieu of $9,000 bond.', '$9,000', 'bond'],
    ['Riders pay a $3 fare.', '$3', 'fare'],
    // "during" after a count is a preposition, not what happened to the people: the verb before says it.
    ['Police arrested six people Monday during a raid.', 'six people', 'people arrested'],
    // A change after a count measures what was counted, and a period ends a subject.
    ['Dealers last year sold 300 new cars, up 4 percent from the year before.', '4 percent', 'rise in new cars sold'],
    ['Dealers sold 17 million new cars, an increase of 0.3 percent.', '0.3 percent', 'increase in new cars sold'],
    // "it's N" after "the number of X": the pronoun stands for that number.
    [
      'If you count the number of cogs lost since 2001 to rust, it’s less than 100.',
      'less than 100',
      'number of cogs lost since 2001 to rust',
    ],
    // A capitalised participle opening the sentence describes its subject; "per share" belongs to the phrase.
    ['Adjusted earnings per share were $2.53, beating estimates.', '$2.53', 'Adjusted earnings per share'],
    // "and" starts another predicate: its verb is not the count's (the participle before the count is).
    ['A gunman opened fire, wounding two people and injuring others.', 'two people', 'people wounded'],
    // An editor's brackets are no break in the phrase.
    ['We note that the firm faced a [0.6% to 0.7%] hurricane headwind in Q3.', '0.6% to 0.7%', 'hurricane headwind'],
    // "lost" and "added" with a percentage are a change in what lost or added it.
    ['The Zorbia index lost 0.12%.', '0.12%', 'fall in Zorbia index'],
    ['Spot gold added 0.1% on the day.', '0.1%', 'rise in Spot gold'],
    ['The yen strengthened 0.13% versus the dollar.', '0.13%', 'rise in yen'],
    // Money after "to" in a change is the new level: a price.
    ['Copper fell 3.38% to $55.12 per barrel.', '$55.12 per barrel', 'price of Copper'],
    ['Aluminum lost 0.06% to $1,737.00 a tonne.', '$1,737.00 a tonne', 'price of Aluminum'],
    // A yield, and the level a measure moved from.
    [
      'Benchmark notes last rose in price to yield 1.786%, down from 1.808% late on Monday.',
      '1.786%',
      'yield of Benchmark notes',
    ],
    ['Benchmark notes last rose in price to yield 1.786%, down from 1.808% late on Monday.', '1.808%', 'yield'],
    ['It will start at $44,000, not including a credit.', '$44,000', 'starting price'],
    // The copula's subject follows a verb of saying; a time alone is no subject.
    [
      'Company management said comparable-store sales growth in 2019 will be 3.5%.',
      '3.5%',
      'comparable-store sales growth',
    ],
    ['Excluding these items, we believe Q3 comps would have been closer to 5%.', 'closer to 5%', 'comps'],
    // Places counted after "<things> in" are those with the things.
    ['Acme has subsidiaries in 15 countries.', '15 countries', 'countries with subsidiaries'],
    // Reported or forecast per share, an amount is earnings per share; at a price, a share price.
    ['Wall Street predicted $2.52 a share.', '$2.52 a share', 'earnings per share'],
    [
      'Acme reported $2.53 in per-share earnings for the third quarter.',
      '$2.53 in per-share earnings',
      'earnings per share',
    ],
    ['The shares traded at $16 a share.', '$16 a share', 'price of shares'],
    // A bare change after a comma is a change in the previous clause's subject.
    ['Still, the peer stock is off too, down 1.8%.', '1.8%', 'fall in peer stock'],
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

  it('gives an amount in brackets in another currency the meaning of the amount before it', () => {
    const meanings = meaningsIn('Acme is set to raise up to $2bn (£1.6bn) from its listing.');
    expect(meanings[1]).toEqual({ ...meanings[0], text: '£1.6bn' });
    expect(meanings[1]?.measure).toBe('amount raised');
  });

  it('reads no period as a measure', () => {
    expect(meaningsIn('Prices rose 3 percent last month.')[0]?.measure).not.toBe('last month');
  });
});

describe('a share as the subject of "were"', () => {
  it.each(['Of the budget, 5% is expected to go to schools.', 'Of the sales, 10% were up from last year.'])(
    'is not read so before a forecast or a change: %s',
    (sentence) => {
      expect(meaningsIn(sentence)[0]!.measure ?? '').not.toMatch(/^share that/);
    },
  );
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
