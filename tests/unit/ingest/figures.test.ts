import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractFigures, type ExtractedFigure } from '@/src/ingest/figures';
import { splitSentences } from '@/src/ingest/sentences';

/** A figure without its offset, so table rows can be written as the reader sees them. */
type Expected = Omit<ExtractedFigure, 'offset'>;

function figuresIn(sentence: string): Expected[] {
  return extractFigures(sentence).map(({ offset: _offset, ...figure }) => figure);
}

describe('money', () => {
  it.each<[string, Expected[]]>([
    ['It costs $20 million.', [{ text: '$20 million', unit: 'USD', value: 20_000_000 }]],
    [
      'TikTok was paying nearly $20 million per month to access the models.',
      [{ text: 'nearly $20 million per month', unit: 'USD', value: 20_000_000, per: 'month', qualifier: 'nearly' }],
    ],
    [
      'It was on track to earn $1 billion in annual revenue, analysts said.',
      [{ text: '$1 billion in annual revenue', unit: 'USD', value: 1_000_000_000, per: 'year' }],
    ],
    ['AI drives $9B investment', [{ text: '$9B', unit: 'USD', value: 9_000_000_000 }]],
    // "anywhere from … to …" spans a range; "rose from … to …" is a change between two amounts.
    ['Shoppers save anywhere from $200 to $500.', [{ text: '$200 to $500', unit: 'USD', value: 200, upper: 500 }]],
    [
      'Prices rose from $200 to $500.',
      [
        { text: '$200', unit: 'USD', value: 200 },
        { text: '$500', unit: 'USD', value: 500 },
      ],
    ],
    // The rupee's abbreviation, and Indian English's lakh (100,000) and crore (10 million).
    [
      'Access costs as little as Rs 599 a year.',
      [{ text: 'as little as Rs 599 a year', unit: 'INR', value: 599, per: 'year', qualifier: 'as little as' }],
    ],
    ['The firm paid Rs. 2 crore in fines.', [{ text: 'Rs. 2 crore', unit: 'INR', value: 20_000_000 }]],
    ['the $4B AI data center boom', [{ text: '$4B', unit: 'USD', value: 4_000_000_000 }]],
    ['The stock closed at $143.61.', [{ text: '$143.61', unit: 'USD', value: 143.61 }]],
    [
      'Cables cost between $300-$500 each.',
      [{ text: 'between $300-$500 each', unit: 'USD', value: 300, upper: 500, per: 'unit' }],
    ],
    [
      'They sell for $300–$500 per cable.',
      [{ text: '$300–$500 per cable', unit: 'USD', value: 300, upper: 500, per: 'unit' }],
    ],
    ['Tickets cost between $30 and $50.', [{ text: 'between $30 and $50', unit: 'USD', value: 30, upper: 50 }]],
    ['The deal is worth $2-3 billion.', [{ text: '$2-3 billion', unit: 'USD', value: 2e9, upper: 3e9 }]],
    ['They paid €2.5bn for it.', [{ text: '€2.5bn', unit: 'EUR', value: 2_500_000_000 }]],
    ['a £30m deal', [{ text: '£30m', unit: 'GBP', value: 30_000_000 }]],
    ['It raised US$5 million.', [{ text: 'US$5 million', unit: 'USD', value: 5_000_000 }]],
    ['It raised 5 million dollars.', [{ text: '5 million dollars', unit: 'USD', value: 5_000_000 }]],
    ['It raised CHF 5 million.', [{ text: 'CHF 5 million', unit: 'CHF', value: 5_000_000 }]],
    ['It cost ¥500 billion.', [{ text: '¥500 billion', unit: 'JPY', value: 500_000_000_000 }]],
    ['a market worth $1.2 trillion', [{ text: '$1.2 trillion', unit: 'USD', value: 1_200_000_000_000 }]],
    ['a $20-million deal', [{ text: '$20-million', unit: 'USD', value: 20_000_000 }]],
    [
      'Microsoft has spent “several hundreds of millions of dollars” on the supercomputer.',
      [{ text: 'several hundreds of millions of dollars', unit: 'USD', value: 100_000_000, vague: true }],
    ],
    [
      'It costs tens of millions of euros a year.',
      [{ text: 'tens of millions of euros a year', unit: 'EUR', value: 10_000_000, per: 'year', vague: true }],
    ],
    ['They spent billions of dollars.', [{ text: 'billions of dollars', unit: 'USD', value: 1e9, vague: true }]],
  ])('%s', (sentence, expected) => {
    expect(figuresIn(sentence)).toEqual(expected);
  });

  it('reads "trillion-dollar" as an adjective, not an amount', () => {
    // The article gives no amount here, only a scale; a floor of 1e12 would misstate it.
    expect(extractFigures('to capitalize on the trillion-dollar AI infrastructure expansion')).toEqual([]);
    expect(extractFigures('a billion-dollar company')).toEqual([]);
  });

  it('does not read an exact amount in words as vague', () => {
    expect(extractFigures('a million dollars')).toEqual([]);
  });
});

describe('percentages and ranges', () => {
  it.each<[string, Expected[]]>([
    ['Azure revenue growth of 29 percent', [{ text: '29 percent', unit: 'percent', value: 29 }]],
    ['growth of 29%', [{ text: '29%', unit: 'percent', value: 29 }]],
    ['a rise of 29 per cent', [{ text: '29 per cent', unit: 'percent', value: 29 }]],
    ['its projected growth of 30 to 31 percent', [{ text: '30 to 31 percent', unit: 'percent', value: 30, upper: 31 }]],
    ['growth of 28–29 percent', [{ text: '28–29 percent', unit: 'percent', value: 28, upper: 29 }]],
    ['growth of 28-29 percent', [{ text: '28-29 percent', unit: 'percent', value: 28, upper: 29 }]],
    ['between 5 and 6 percent', [{ text: 'between 5 and 6 percent', unit: 'percent', value: 5, upper: 6 }]],
    ['shares rose 245%', [{ text: '245%', unit: 'percent', value: 245 }]],
    ['following a 245% surge in 2024.', [{ text: '245%', unit: 'percent', value: 245, period: 'in 2024' }]],
    [
      'revenue growth of around 28–29 percent',
      [{ text: 'around 28–29 percent', unit: 'percent', value: 28, upper: 29, qualifier: 'around' }],
    ],
    ['up 5.5% on the day', [{ text: '5.5%', unit: 'percent', value: 5.5, period: 'on the day' }]],
    // A century by its ordinal, in digits or in words.
    [
      'tolls fell 40% in the 14th century',
      [{ text: '40%', unit: 'percent', value: 40, period: 'in the 14th century' }],
    ],
    [
      'tolls fell 40% in the late nineteenth century',
      [{ text: '40%', unit: 'percent', value: 40, period: 'in the late nineteenth century' }],
    ],
  ])('%s', (sentence, expected) => {
    expect(figuresIn(sentence)).toEqual(expected);
  });

  it('reads "from 5 to 7 percent" as a change, not a range', () => {
    expect(figuresIn('margins went from $5 million to $7 million')).toEqual([
      { text: '$5 million', unit: 'USD', value: 5e6 },
      { text: '$7 million', unit: 'USD', value: 7e6 },
    ]);
  });
});

describe('fractions and multiples in words', () => {
  it.each<[string, Expected[]]>([
    [
      'accounted for almost a quarter of the revenue',
      [{ text: 'almost a quarter', unit: 'percent', value: 25, qualifier: 'almost' }],
    ],
    ['a third of users left', [{ text: 'a third', unit: 'percent', value: 100 / 3 }]],
    ['half of the staff', [{ text: 'half', unit: 'percent', value: 50 }]],
    ['nearly half the staff', [{ text: 'nearly half', unit: 'percent', value: 50, qualifier: 'nearly' }]],
    ['some left and half the rest stayed', [{ text: 'half', unit: 'percent', value: 50 }]],
    ['two-thirds of voters', [{ text: 'two-thirds', unit: 'percent', value: 200 / 3 }]],
    [
      'its stock price more than double',
      [{ text: 'more than double', unit: 'multiple', value: 2, qualifier: 'more than' }],
    ],
    ['Revenue tripled.', [{ text: 'tripled', unit: 'multiple', value: 3 }]],
    ['Sales doubled.', [{ text: 'doubled', unit: 'multiple', value: 2 }]],
    ['Costs are expected to double.', [{ text: 'double', unit: 'multiple', value: 2 }]],
    ['a 10-fold increase', [{ text: '10-fold', unit: 'multiple', value: 10 }]],
    ['a tenfold increase', [{ text: 'tenfold', unit: 'multiple', value: 10 }]],
    ['a 3x return', [{ text: '3x', unit: 'multiple', value: 3 }]],
  ])('%s', (sentence, expected) => {
    expect(figuresIn(sentence)).toEqual(expected);
  });

  it.each([
    'double-digit growth',
    'a double standard',
    // A score's decimal is no share of its own.
    'Score 4.5 out of 5',
    // The half of a quantity and a half.
    'I only use a cup and a half of honey.',
    'It took an hour and a half of work.',
    // Serving as something, and the game played in pairs.
    'pods that would double as cabins',
    'It also doubles as a display.',
    'They won the decisive doubles match.',
    'they double down on AI',
    'the first half of the year',
    'a quarter of a million people',
    'in the fourth quarter',
  ])('finds no share or multiple in "%s"', (sentence) => {
    expect(
      extractFigures(sentence).filter((figure) => figure.unit === 'percent' || figure.unit === 'multiple'),
    ).toEqual([]);
  });
});

describe('counts', () => {
  it.each<[string, Expected[]]>([
    [
      'bringing together 50 global experts to explore',
      [{ text: '50 global experts', unit: 'count', value: 50, subject: 'global experts' }],
    ],
    ['It has 1,200 employees.', [{ text: '1,200 employees', unit: 'count', value: 1200, subject: 'employees' }]],
    ['It has 3 million users.', [{ text: '3 million users', unit: 'count', value: 3e6, subject: 'users' }]],
    // A length of time is no count, even with a scale ("13.8 billion years").
    [
      'It is 13.8 billion years old, over a 13.8-billion-year period, with 3 aides.',
      [{ text: '3 aides', unit: 'count', value: 3, subject: 'aides' }],
    ],
    // The emergency number is no count.
    ['Officials began receiving 911 calls on Tuesday.', []],
    ['It handed out 50 lakh masks.', [{ text: '50 lakh masks', unit: 'count', value: 5e6, subject: 'masks' }]],
    // An age is no count, hedged or not.
    [
      'Prince Roe, the nearly 60-year-old brother, and 3 aides left.',
      [{ text: '3 aides', unit: 'count', value: 3, subject: 'aides' }],
    ],
    ['The 50 experts met.', [{ text: '50 experts', unit: 'count', value: 50, subject: 'experts' }]],
    [
      'About 10 people came.',
      [{ text: 'About 10 people', unit: 'count', value: 10, subject: 'people', qualifier: 'about' }],
    ],
    ['Its population is 3 million.', [{ text: '3 million', unit: 'count', value: 3e6 }]],
    ['Top 10 companies', [{ text: '10 companies', unit: 'count', value: 10, subject: 'companies' }]],
    [
      'It serves 3 million users a month.',
      [{ text: '3 million users a month', unit: 'count', value: 3e6, subject: 'users', per: 'month' }],
    ],
  ])('%s', (sentence, expected) => {
    expect(figuresIn(sentence)).toEqual(expected);
  });

  it.each([
    'a two-day conference',
    'It lasted 3 years.',
    'the 100m sprint',
    '5G phones',
    'No. 5 employees',
    'a 50-person team',
  ])('finds no count in "%s"', (sentence) => {
    expect(extractFigures(sentence)).toEqual([]);
  });
});

describe('rates', () => {
  it.each<[string, string, ExtractedFigure['per']]>([
    // A subject opening with "each" prices each one.
    ["Each of Acme's purple cables costs $400.", '$400', 'unit'],
    ['It pays $5 million per month.', '$5 million per month', 'month'],
    ['It pays $5 million a month.', '$5 million a month', 'month'],
    ['It pays $10/month.', '$10/month', 'month'],
    ['It pays $20 million monthly to use it.', '$20 million monthly', 'month'],
    ['It earns $1 billion annually.', '$1 billion annually', 'year'],
    ['It earns $1 billion annual revenue.', '$1 billion annual revenue', 'year'],
    ['It earns $1 billion a year.', '$1 billion a year', 'year'],
    ['It earns $1 billion per year.', '$1 billion per year', 'year'],
    ['It earns $1 billion every quarter.', '$1 billion every quarter', 'quarter'],
    ['It costs $2 a day.', '$2 a day', 'day'],
    ['They cost $300 each.', '$300 each', 'unit'],
    ['They cost $3 apiece.', '$3 apiece', 'unit'],
    ['They cost $300 per cable.', '$300 per cable', 'unit'],
    ['It grows 5 percent a year.', '5 percent a year', 'year'],
    ['Spot gold rose to $1,472.19 an ounce.', '$1,472.19 an ounce', 'unit'],
    ['Acme reported $2.53 in per-share earnings.', '$2.53 in per-share earnings', 'unit'],
    ['It boosted spending by 2.5% each of the next two years.', '2.5% each of the next two years', 'year'],
  ])('%s', (sentence, text, per) => {
    expect(extractFigures(sentence)).toEqual([expect.objectContaining({ text, per })]);
  });

  it.each(['It earned $1 billion in 2024.', 'Sales were up from $3.2 billion a year earlier.'])(
    'has no rate when none is written: %s',
    (sentence) => {
      const figures = extractFigures(sentence);
      expect(figures).toHaveLength(1);
      expect(figures[0]).not.toHaveProperty('per');
    },
  );
});

describe('periods', () => {
  it.each<[string, string]>([
    ['Revenue rose 10 percent in 2024.', 'in 2024'],
    ['Revenue rose 10 percent this year.', 'this year'],
    ['Revenue rose 10 percent last year.', 'last year'],
    ['As of March, TikTok was paying Microsoft nearly $20 million per month.', 'as of March'],
    ['In its Q4 2024 earnings report, Microsoft revealed revenue growth of 29 percent.', 'Q4 2024'],
    ['For Q1 2025, Microsoft anticipates growth of around 28–29 percent.', 'Q1 2025'],
    ['Sales rose 5 percent in the fourth quarter.', 'in the fourth quarter'],
    ['Fusion could supply 10 percent of power by the mid-2030s.', 'by the mid-2030s'],
    ['Output may reach 10 percent in the mid-2030s.', 'in the mid-2030s'],
    ['It will cost $5 billion by 2030.', 'by 2030'],
    ['In 2024, revenue rose 10 percent.', 'in 2024'],
    ['Brent fell 2.74% on the day.', 'on the day'],
    ['Acme shares are up about 40% year to date.', 'year to date'],
    ['Spurs have won just five matches this season.', 'this season'],
    ['The yield stood at 1.808% late on Monday.', 'late on Monday'],
  ])('%s', (sentence, period) => {
    const figures = extractFigures(sentence);
    expect(figures).toHaveLength(1);
    expect(figures[0]!.period).toBe(period);
  });

  it('takes the period written next to each figure', () => {
    const sentence =
      'Credo has seen its stock price more than double this year to $143.61, following a 245% surge in 2024.';
    expect(extractFigures(sentence).map((figure) => [figure.text, figure.period])).toEqual([
      ['more than double', 'this year'],
      ['$143.61', 'this year'],
      ['245%', 'in 2024'],
    ]);
  });

  it('gives no period when the sentence names none near the figure', () => {
    expect(
      extractFigures('DOE fusion roadmap targets 2030s commercial deployment as AI drives $9B investment'),
    ).toEqual([{ text: '$9B', offset: 68, unit: 'USD', value: 9e9 }]);
  });
});

describe('qualifiers', () => {
  it.each([
    'nearly',
    'almost',
    'about',
    'around',
    'roughly',
    'approximately',
    'more than',
    'over',
    'up to',
    'at least',
    'less than',
    'under',
    'some',
    'closer to',
    'much more than',
    'far less than',
    'slightly more than',
  ])('"%s" hedges the amount after it', (qualifier) => {
    const sentence = `The firm has ${qualifier} 40 percent of the market.`;
    expect(figuresIn(sentence)).toEqual([{ text: `${qualifier} 40 percent`, unit: 'percent', value: 40, qualifier }]);
  });

  it.each<[string, string, string]>([
    ['The shop sees a few hundred visitors on weekdays at most.', 'a few hundred visitors', 'at most'],
    ['Each flight carries 40 passengers at the most, the airline says.', '40 passengers', 'at most'],
    ['The repair will cost $2,000 at least.', '$2,000', 'at least'],
  ])('reads a hedge closing the clause of a figure: %s', (sentence, text, qualifier) => {
    expect(extractFigures(sentence)[0]).toMatchObject({ text, qualifier });
  });

  it('leaves a hedge that opens the next figure to that figure', () => {
    expect(extractFigures('Acme sold 90 cars, at least 20 of them red.').map((f) => f.qualifier)).toEqual([
      undefined,
      'at least',
    ]);
  });

  it.each<[string, Expected[]]>([
    [
      'The new cell is roughly ~4x as efficient.',
      [{ text: 'roughly ~4x', unit: 'multiple', value: 4, qualifier: 'roughly' }],
    ],
    [
      'Returns ranged between ~2% and ~7% a year.',
      [{ text: 'between ~2% and ~7% a year', unit: 'percent', value: 2, upper: 7, per: 'year' }],
    ],
  ])('reads through the tilde of a rough amount: %s', (sentence, expected) => {
    expect(figuresIn(sentence)).toEqual(expected);
  });

  it('normalises case and spacing', () => {
    expect(extractFigures('More  than $5 million was raised.')[0]?.qualifier).toBe('more than');
  });

  it('does not take a hedge from inside another word', () => {
    expect(extractFigures('the thunder 40 percent')[0]?.qualifier).toBeUndefined();
  });
});

describe('numbers that are not amounts', () => {
  it.each([
    'It happened in 2024.',
    'after the 2024 elections',
    'the 2030s',
    'by the mid-2030s',
    'In its Q4 2024 earnings report',
    'Oct 17, 2025',
    'the conference on October 16-17, combining research',
    'It opened on March 3 with fanfare.',
    'for the 1st time',
    'the fourth attempt',
    'the 21st century',
    'at 10:30 am',
    'call 555-123-4567 now',
    'COVID-19 cases rose',
    'GPT-4 models',
    'Windows 11 users',
    'Section 230 protections',
    'iPhone 15 sales',
    'a two-day conference',
    'version 1.2.3 shipped',
    'open 24/7',
  ])('%s', (sentence) => {
    expect(extractFigures(sentence)).toEqual([]);
  });
});

/**
 * The user's AI news digest (the seed of assets/articles/), verbatim,
 * so this test needs nothing outside the repository.
 */
const DIGEST = `TikTok emerges as a major customer of Microsoft’s AI cloud services, with potential implications for the AI industry and Microsoft’s financials.
TikTok’s reliance on Microsoft’s AI: As of March, TikTok was paying Microsoft nearly $20 million per month to access OpenAI’s models, making it one of the largest customers of Microsoft’s AI cloud computing services.
- TikTok’s payments to Microsoft accounted for almost a quarter of the revenue generated by Microsoft’s increasingly profitable cloud division.
- Microsoft’s cloud AI business was on track to earn $1 billion in annual revenue, highlighting the growing importance of AI services in the company’s portfolio.
ByteDance’s AI ambitions: TikTok’s parent company, ByteDance, has been developing its own large language model (LLM), potentially reducing its reliance on Microsoft’s AI services in the future.
- ByteDance was “secretly using” OpenAI’s technology to create its own LLM, a practice generally considered a faux pas in the AI world and a violation of OpenAI’s terms of service.
- OpenAI suspended ByteDance’s account to investigate a potential violation of its developer license, while ByteDance claimed it was using the technology “to a very limited extent” to help create its own models.
Microsoft’s AI investments and financials: Microsoft has made significant investments in OpenAI, positioning itself as the company’s exclusive cloud provider and building a supercomputer to power ChatGPT.
- Microsoft has spent “several hundreds of millions of dollars” on the supercomputer, showcasing its commitment to advancing AI technologies.
- In its Q4 2024 earnings report, Microsoft revealed Azure revenue growth of 29 percent, slightly missing its projected growth of 30 to 31 percent from the previous earnings release.
- For Q1 2025, Microsoft anticipates Azure revenue growth of around 28–29 percent, indicating a continued strong performance of its cloud services.
Analyzing deeper: TikTok’s reliance on Microsoft’s AI services and ByteDance’s efforts to develop its own LLM highlight the complex dynamics within the AI industry. As companies strive to leverage advanced AI technologies, they often rely on partnerships with leading AI providers like OpenAI and Microsoft. However, the desire to reduce dependence on external providers and gain a competitive edge drives some companies to develop their own AI capabilities, potentially reshaping the competitive landscape in the long run. The financial implications for Microsoft are significant, as AI services become an increasingly important part of its cloud business, contributing to its overall growth and profitability.
Recent Stories
DOE fusion roadmap targets 2030s commercial deployment as AI drives $9B investment
The Department of Energy has released a new roadmap targeting commercial-scale fusion power deployment by the mid-2030s, though the plan lacks specific funding commitments and relies on scientific breakthroughs that have eluded researchers for decades. The strategy emphasizes public-private partnerships and positions AI as both a research tool and motivation for developing fusion energy to meet data centers' growing electricity demands. The big picture: The DOE's roadmap aims to "deliver the public infrastructure that supports the fusion private sector scale up in the 2030s," but acknowledges it cannot commit to specific funding levels and remains subject to Congressional appropriations. Why...
Oct 17, 2025Tying it all together: Credo’s purple cables power the $4B AI data center boom
Credo, a Silicon Valley semiconductor company specializing in data center cables and chips, has seen its stock price more than double this year to $143.61, following a 245% surge in 2024. The company's signature purple cables, which cost between $300-$500 each, have become essential infrastructure for AI data centers, positioning Credo to capitalize on the trillion-dollar AI infrastructure expansion as hyperscalers like Amazon, Microsoft, and Elon Musk's xAI rapidly build out massive computing facilities. What you should know: Credo's active electrical cables (AECs) are becoming indispensable for connecting the massive GPU clusters required for AI training and inference. The company...
Oct 17, 2025Vatican launches Latin American AI network for human development
The Vatican hosted a two-day conference bringing together 50 global experts to explore how artificial intelligence can advance peace, social justice, and human development. The event launched the Latin American AI Network for Integral Human Development and established principles for ethical AI governance that prioritize human dignity over technological advancement. What you should know: The Pontifical Academy of Social Sciences, the Vatican's research body for social issues, organized the "Digital Rerum Novarum" conference on October 16-17, combining academic research with practical AI applications. Participants included leading experts from MIT, Microsoft, Columbia University, the UN, and major European institutions. The conference...`;

describe('the AI news digest', () => {
  const found = splitSentences(DIGEST).flatMap((sentence) =>
    extractFigures(sentence.text).map(({ offset: _offset, ...figure }) => figure),
  );

  it('finds exactly the figures the articles give, in order', () => {
    expect(found).toEqual<Expected[]>([
      {
        text: 'nearly $20 million per month',
        unit: 'USD',
        value: 20_000_000,
        per: 'month',
        qualifier: 'nearly',
        period: 'as of March',
      },
      { text: 'almost a quarter', unit: 'percent', value: 25, qualifier: 'almost' },
      { text: '$1 billion in annual revenue', unit: 'USD', value: 1e9, per: 'year' },
      { text: 'several hundreds of millions of dollars', unit: 'USD', value: 1e8, vague: true },
      { text: '29 percent', unit: 'percent', value: 29, period: 'Q4 2024' },
      { text: '30 to 31 percent', unit: 'percent', value: 30, upper: 31, period: 'Q4 2024' },
      { text: 'around 28–29 percent', unit: 'percent', value: 28, upper: 29, qualifier: 'around', period: 'Q1 2025' },
      { text: '$9B', unit: 'USD', value: 9e9 },
      { text: '$4B', unit: 'USD', value: 4e9 },
      { text: 'more than double', unit: 'multiple', value: 2, qualifier: 'more than', period: 'this year' },
      { text: '$143.61', unit: 'USD', value: 143.61, period: 'this year' },
      { text: '245%', unit: 'percent', value: 245, period: 'in 2024' },
      { text: 'between $300-$500 each', unit: 'USD', value: 300, upper: 500, per: 'unit' },
      { text: '50 global experts', unit: 'count', value: 50, subject: 'global experts' },
    ]);
  });

  it('reads no year, quarter, date or "two-day" as an amount', () => {
    const texts = found.map((figure) => figure.text).join(' | ');
    for (const trap of ['2024', '2025', '2030', 'Q4', 'Oct 17', '16', '17', 'two']) {
      expect(texts).not.toContain(trap);
    }
  });
});

describe('counts in words and counts of unknown size', () => {
  it.each<[string, Expected[]]>([
    [
      'Police said nine climbers were rescued.',
      [{ text: 'nine climbers', unit: 'count', value: 9, subject: 'climbers' }],
    ],
    [
      'The studio has over one hundred games in development.',
      [{ text: 'over one hundred games', unit: 'count', value: 100, subject: 'games', qualifier: 'over' }],
    ],
    [
      'It bought twenty-five Acme trucks.',
      [{ text: 'twenty-five Acme trucks', unit: 'count', value: 25, subject: 'Acme trucks' }],
    ],
    [
      'Over a dozen people signed up.',
      [{ text: 'Over a dozen people', unit: 'count', value: 12, subject: 'people', qualifier: 'over' }],
    ],
    [
      'They expect between four to six rivals.',
      [{ text: 'between four to six rivals', unit: 'count', value: 4, upper: 6, subject: 'rivals' }],
    ],
    [
      'The app runs on hundreds of devices.',
      [{ text: 'hundreds of devices', unit: 'count', value: 100, vague: true, subject: 'devices' }],
    ],
    [
      'There are dozens of smaller rivals.',
      [{ text: 'dozens of smaller rivals', unit: 'count', value: 12, vague: true, subject: 'smaller rivals' }],
    ],
    [
      'The toll is in the tens of thousands.',
      [{ text: 'tens of thousands', unit: 'count', value: 10_000, vague: true }],
    ],
    // "several" before one magnitude word is three of it, as the corpus labels it.
    ['The firm cut several hundred.', [{ text: 'several hundred', unit: 'count', value: 300, vague: true }]],
    [
      'The parser builds several million tree nodes.',
      [{ text: 'several million tree nodes', unit: 'count', value: 3e6, vague: true, subject: 'tree nodes' }],
    ],
    [
      'It sells to thousands of bakers and cafes.',
      [{ text: 'thousands of bakers', unit: 'count', value: 1000, vague: true, subject: 'bakers' }],
    ],
  ])('%s', (sentence, expected) => {
    expect(figuresIn(sentence)).toEqual(expected);
  });

  it.each([
    'The two firms merged.',
    'It took one of the seats.',
    'a million dollars',
    'It lasted hundreds of years.',
    'They walked thousands of miles.',
    'a two-day conference',
  ])('finds no count in words in "%s"', (sentence) => {
    expect(figuresIn(sentence).filter((figure) => figure.unit === 'count' && figure.value !== 2)).toEqual([]);
  });

  // "the two tech giants" was once read as a count of two: it names a pair the article has already given.
  it.each(['the two tech giants coordinate efforts', 'The two firms merged.', 'between these two brands'])(
    'reads "the two …" as a pair named before, not a count: %s',
    (sentence) => {
      expect(figuresIn(sentence)).toEqual([]);
    },
  );

  it.each<[string, Expected[]]>([
    [
      '46 people came, but only 16 had come from the picture.',
      [
        { text: '46 people', unit: 'count', value: 46, subject: 'people' },
        { text: '16', unit: 'count', value: 16 },
      ],
    ],
    [
      'Its order is down by 30 to 126, it said.',
      [
        { text: '30', unit: 'count', value: 30 },
        { text: '126', unit: 'count', value: 126 },
      ],
    ],
    ['Sales fell by 5 to 7 percent.', [{ text: '5 to 7 percent', unit: 'percent', value: 5, upper: 7 }]],
  ])('reads a count whose noun came before it: %s', (sentence, expected) => {
    expect(figuresIn(sentence)).toEqual(expected);
  });

  it.each(['He was just 5 when he left.', 'It is only 16 years old.', 'Only 3.5 remained.'])(
    'reads no elliptical count in "%s"',
    (sentence) => {
      expect(figuresIn(sentence)).toEqual([]);
    },
  );

  it('still counts two things the article gives', () => {
    expect(figuresIn('It bought two brands.')).toEqual([
      { text: 'two brands', unit: 'count', value: 2, subject: 'brands' },
    ]);
  });
});

describe('counts with names and models inside', () => {
  it.each<[string, Expected[]]>([
    [
      'The carrier bought 30 of Acme’s 900-2 jets.',
      [{ text: '30 of Acme’s 900-2 jets', unit: 'count', value: 30, subject: '900-2 jets' }],
    ],
    [
      'It operates roughly 400 320 Neo jets.',
      [{ text: 'roughly 400 320 Neo jets', unit: 'count', value: 400, subject: '320 Neo jets', qualifier: 'roughly' }],
    ],
    [
      'It ordered 50 Airbus A350-900 jets.',
      [{ text: '50 Airbus A350-900 jets', unit: 'count', value: 50, subject: 'Airbus A350-900 jets' }],
    ],
    ['It had a fleet of 270 aircraft.', [{ text: '270 aircraft', unit: 'count', value: 270, subject: 'aircraft' }]],
    ['an order of 30 Acme jets', [{ text: '30 Acme jets', unit: 'count', value: 30, subject: 'Acme jets' }]],
    [
      'with 12 gulls on Long Island, 10 rare terns on the coast',
      [
        { text: '12 gulls', unit: 'count', value: 12, subject: 'gulls' },
        { text: '10 rare terns', unit: 'count', value: 10, subject: 'rare terns' },
      ],
    ],
    [
      'It has 11 automated Go stores.',
      [{ text: '11 automated Go stores', unit: 'count', value: 11, subject: 'automated Go stores' }],
    ],
    [
      'It says the total is less than 100.',
      [{ text: 'less than 100', unit: 'count', value: 100, qualifier: 'less than' }],
    ],
    [
      'an estimate of about 660,000 based on forecasts',
      [{ text: 'about 660,000', unit: 'count', value: 660_000, qualifier: 'about' }],
    ],
    [
      'There are 140 million monthly active “sellers” there.',
      [
        {
          text: '140 million monthly active “sellers”',
          unit: 'count',
          value: 1.4e8,
          per: 'month',
          subject: 'monthly active sellers',
        },
      ],
    ],
  ])('%s', (sentence, expected) => {
    expect(figuresIn(sentence)).toEqual(expected);
  });

  it.each(['The 787 Dreamliner sales slowed.', 'a reduction of 777x jets', 'children under 13'])(
    'reads no model or age as a count in "%s"',
    (sentence) => {
      expect(figuresIn(sentence).filter((figure) => figure.unit === 'count')).toEqual([]);
      expect(figuresIn(sentence).filter((figure) => figure.unit === 'multiple')).toEqual([]);
    },
  );

  it('reads "10^5 * 300 = 30,000,000 lists" as the total only', () => {
    expect(figuresIn('That is 10^5 * 300 = 30,000,000 lists.')).toEqual([
      { text: '30,000,000 lists', unit: 'count', value: 3e7, subject: 'lists' },
    ]);
  });
});

describe('counts whose noun has a collective noun before it', () => {
  it.each<[string, Expected[]]>([
    // "staff" before a plural is its modifier: what is counted is the vacancies (it used to end at "staff").
    [
      'There were 30 staff vacancies.',
      [{ text: '30 staff vacancies', unit: 'count', value: 30, subject: 'staff vacancies' }],
    ],
    [
      'Nearly 300 people gathered.',
      [{ text: 'Nearly 300 people', unit: 'count', value: 300, qualifier: 'nearly', subject: 'people' }],
    ],
    // A name that looks plural modifies the plural after it (it used to end the phrase at "States").
    [
      'Two United States service members were killed.',
      [
        {
          text: 'Two United States service members',
          unit: 'count',
          value: 2,
          subject: 'United States service members',
        },
      ],
    ],
    ['The two Koreas agreed to talk.', []],
    // A plural in -ys right after its number ("flybys", "surveys"); a verb in -ys is never there.
    ['The probe will make 45 flybys.', [{ text: '45 flybys', unit: 'count', value: 45, subject: 'flybys' }]],
  ])('%s', (sentence, expected) => {
    expect(figuresIn(sentence)).toEqual(expected);
  });
});

describe('shares, points and multiples in words', () => {
  it.each<[string, Expected[]]>([
    ['eight out of ten firms agree', [{ text: 'eight out of ten', unit: 'percent', value: 80 }]],
    ['9 out of 10 users', [{ text: '9 out of 10', unit: 'percent', value: 90 }]],
    ['Rates rose 5 percentage points.', [{ text: '5 percentage points', unit: 'percentage-point', value: 5 }]],
    ['a cut of 50 basis points', [{ text: '50 basis points', unit: 'percentage-point', value: 0.5 }]],
    ['It cut rates by a quarter-point.', [{ text: 'a quarter-point', unit: 'percentage-point', value: 0.25 }]],
    ['a rise of half a percentage point', [{ text: 'half a percentage point', unit: 'percentage-point', value: 0.5 }]],
    ['staff cut at about twice the rate', [{ text: 'about twice', unit: 'multiple', value: 2, qualifier: 'about' }]],
    ['newsrooms half the size', [{ text: 'half', unit: 'multiple', value: 0.5 }]],
    // The year dates the level the multiple compares with, not the multiple (it used to be read as its period).
    ['double the number in 2019', [{ text: 'double', unit: 'multiple', value: 2 }]],
    // "times" before what the multiple compares: it used to be read as a count of "expenses", or not at all.
    ['She saved 25 times her yearly costs.', [{ text: '25 times', unit: 'multiple', value: 25 }]],
    // A percentage joined to its number by a hyphen, as an adjective is: it used to be no figure at all.
    ['Prices rose by a 10-percent margin.', [{ text: '10-percent', unit: 'percent', value: 10 }]],
    // "up" that belongs to the verb before it is no hedge: the figure is the level reached.
    ['The battery can top up to 80 percent in an hour.', [{ text: '80 percent', unit: 'percent', value: 80 }]],
    [
      'The van can hold up to 40 people.',
      [{ text: 'up to 40 people', unit: 'count', value: 40, qualifier: 'up to', subject: 'people' }],
    ],
    [
      'aim for at least 20 to 25 times your expenses',
      [{ text: 'at least 20 to 25 times', unit: 'multiple', value: 20, upper: 25, qualifier: 'at least' }],
    ],
    ['The new pill is 12 times more potent.', [{ text: '12 times', unit: 'multiple', value: 12 }]],
  ])('%s', (sentence, expected) => {
    expect(figuresIn(sentence)).toEqual(expected);
  });

  it.each(['They meet twice a week.', 'a double room', 'half the staff', 'They meet three times a week.'])(
    'reads no multiple in "%s"',
    (sentence) => {
      expect(figuresIn(sentence).filter((figure) => figure.unit === 'multiple')).toEqual([]);
    },
  );
  it('reads "12 times last year" as no figure at all (a frequency)', () => {
    expect(figuresIn('The board met 12 times last year.')).toEqual([]);
  });
});

describe('currencies and percentages written out', () => {
  it.each<[string, Expected[]]>([
    ['a price of 176 Hong Kong dollars', [{ text: '176 Hong Kong dollars', unit: 'HKD', value: 176 }]],
    // "euro" in the singular after an amount, as much of Europe writes it.
    ['Prices start at 71,350 euro.', [{ text: '71,350 euro', unit: 'EUR', value: 71350 }]],
    [
      'raising at least 88 billion Hong Kong dollars',
      [{ text: 'at least 88 billion Hong Kong dollars', unit: 'HKD', value: 8.8e10, qualifier: 'at least' }],
    ],
    ['It costs 40 Swiss francs.', [{ text: '40 Swiss francs', unit: 'CHF', value: 40 }]],
    ['It raised HK$5bn.', [{ text: 'HK$5bn', unit: 'HKD', value: 5e9 }]],
    ['up to £10bn', [{ text: 'up to £10bn', unit: 'GBP', value: 1e10, qualifier: 'up to' }]],
    ['Sales rose 5pc.', [{ text: '5pc', unit: 'percent', value: 5 }]],
    [
      'buy up to an additional 15 per cent of shares',
      [{ text: 'up to an additional 15 per cent', unit: 'percent', value: 15, qualifier: 'up to' }],
    ],
  ])('%s', (sentence, expected) => {
    expect(figuresIn(sentence)).toEqual(expected);
  });

  it('reads bare "pounds" as a weight, not money', () => {
    expect(figuresIn('The console weighs 8 pounds.')).toEqual([]);
  });
});

describe('rates and qualifiers', () => {
  it.each<[string, Expected[]]>([
    ['a $119-a-year plan', [{ text: '$119-a-year', unit: 'USD', value: 119, per: 'year' }]],
    ['a $6.99-a-month service', [{ text: '$6.99-a-month', unit: 'USD', value: 6.99, per: 'month' }]],
    ['fillets at $16.99 a pound', [{ text: '$16.99 a pound', unit: 'USD', value: 16.99, per: 'unit' }]],
    [
      'an average of 300 seals stranding themselves each year',
      [
        {
          text: 'an average of 300 seals',
          unit: 'count',
          value: 300,
          subject: 'seals',
          per: 'year',
          qualifier: 'an average of',
        },
      ],
    ],
    [
      'around 75 to 100 people view it a week',
      [
        {
          text: 'around 75 to 100 people',
          unit: 'count',
          value: 75,
          upper: 100,
          subject: 'people',
          per: 'week',
          qualifier: 'around',
        },
      ],
    ],
    ['It stayed below 6 percent.', [{ text: 'below 6 percent', unit: 'percent', value: 6, qualifier: 'below' }]],
    [
      'they get the maximum 10 per cent',
      [{ text: 'maximum 10 per cent', unit: 'percent', value: 10, qualifier: 'maximum' }],
    ],
  ])('%s', (sentence, expected) => {
    expect(figuresIn(sentence)).toEqual(expected);
  });

  it('reads "in a week" as a period, not a rate', () => {
    expect(figuresIn('I lost 14 readers in a week.')).toEqual([
      { text: '14 readers', unit: 'count', value: 14, subject: 'readers', period: 'in a week' },
    ]);
  });

  it('reads "daily newspapers" as what is counted, not a rate', () => {
    expect(figuresIn('It owns 263 daily newspapers.')[0]).not.toHaveProperty('per');
  });
});

describe('periods read in context', () => {
  /** Each figure of an invented sentence with its period. */
  const periodsIn = (sentence: string) => extractFigures(sentence).map((figure) => [figure.text, figure.period]);

  it.each<[string, [string, string | undefined][]]>([
    // A weekday next to a verb of saying dates the report, not the figure.
    ['Acme announced an order of 50 jets on Monday.', [['50 jets', undefined]]],
    ['Acme on Tuesday said it sold 4 percent more.', [['4 percent', undefined]]],
    // The period after "from" is the base a change is measured against; the change is for the level's time.
    [
      'Dealers last year sold 300,000 new cars, up 4 percent from the previous year.',
      [
        ['300,000 new cars', 'last year'],
        ['4 percent', 'last year'],
      ],
    ],
    [
      'Dealers sold 17 million new cars last year, an increase of 0.3 percent from 2017.',
      [
        ['17 million new cars', 'last year'],
        ['0.3 percent', 'last year'],
      ],
    ],
    ['Prices rose 3 percent from a year ago.', [['3 percent', undefined]]],
    [
      'It had more than 100 brands as of last July, double the number in 2017.',
      [
        ['more than 100 brands', 'as of last July'],
        ['double', undefined],
      ],
    ],
    // The commas of a list of things counted do not part a count from its period.
    [
      'Dealers sold 30,000 new cars, trucks and SUVs in October, down 10 percent from a year ago.',
      [
        ['30,000 new cars', 'in October'],
        ['10 percent', 'in October'],
      ],
    ],
    ['Sales were $5 million, and profit rose in 2024.', [['$5 million', undefined]]],
    // …nor does an aside between a pair of commas.
    [
      'And 52 readers, for one reason or other, opened the page in the last week.',
      [['52 readers', 'in the last week']],
    ],
    // A period before "that" after a verb of saying dates the saying; after a noun, "that" is relative.
    ['Analysts estimated this year that a 7% pay rise was needed.', [['7%', undefined]]],
    ['Acme had one recall last month that affected nearly 3 million cars.', [['nearly 3 million cars', 'last month']]],
    // A change given after a level is for the level's time.
    [
      'Acme shares closed on Tuesday at $18.25, up 0.4%.',
      [
        ['$18.25', 'on Tuesday'],
        ['0.4%', 'on Tuesday'],
      ],
    ],
    // Two figures of one clause share the period after them.
    [
      'Acme reported a loss of $3 million on revenue of $9 million in the third quarter.',
      [
        ['$3 million', 'in the third quarter'],
        ['$9 million', 'in the third quarter'],
      ],
    ],
    // A clause of "with" or "including" adds to the figure before it, in the same period.
    [
      'The plant built 900 tractors in 2019, with 40 recalls.',
      [
        ['900 tractors', 'in 2019'],
        ['40 recalls', 'in 2019'],
      ],
    ],
    [
      'Acme hired 120 engineers last year, including about 30 interns.',
      [
        ['120 engineers', 'last year'],
        ['about 30 interns', 'last year'],
      ],
    ],
    // A clause of "while" or "whereas" set against the one before is for the same time.
    [
      'Rents rose 6 percent in June while the prices of older homes in town fell 2 percent.',
      [
        ['6 percent', 'in June'],
        ['2 percent', 'in June'],
      ],
    ],
    [
      'The median wage was $52,000 last year, whereas the average was $61,000.',
      [
        ['$52,000', 'last year'],
        ['$61,000', 'last year'],
      ],
    ],
    // An opening clause with a verb of its own keeps its period to itself.
    [
      "I've been writing since the early 1990s, I have accounts on hundreds of sites.",
      [['hundreds of sites', undefined]],
    ],
  ])('%s', (sentence, expected) => {
    expect(periodsIn(sentence)).toEqual(expected);
  });

  it.each(['Adjusted earnings per share were $2.53.', 'Per-share profit of $1.10 beat estimates.', 'EPS of $0.95'])(
    'reads an amount after "per share" as per unit: %s',
    (sentence) => {
      expect(extractFigures(sentence)[0]).toMatchObject({ unit: 'USD', per: 'unit' });
    },
  );

  it('reads a verb that passes a figure as its hedge', () => {
    expect(extractFigures('Acme said last year it had surpassed 100 million members.')[0]).toMatchObject({
      text: '100 million members',
      qualifier: 'more than',
    });
  });
});

describe('more periods', () => {
  it.each<[string, string]>([
    ['with more than 5,000 incidents recorded since 1840', 'since 1840'],
    ['Shares closed up 2% on Tuesday.', 'on Tuesday'],
    ['Prices fell 3% a year earlier.', 'a year earlier'],
    ['It was $38,373 a year ago.', 'a year ago'],
    ['It sold 20 more units earlier this week.', 'earlier this week'],
    ['It will pick up to four finalists early next year.', 'early next year'],
    ['expand the fleet by 30% by the end of 2025', 'by the end of 2025'],
    ['with 24.4% of the company as of March 20', 'as of March 20'],
    ['it had more than 100 as of last July', 'as of last July'],
    ['This past May, it chose 11 companies.', 'this past May'],
    ['the 46 people who visited in the last week', 'in the last week'],
    ['a required contribution of $124 million to its pension fund next year', 'next year'],
    ['a loss of $3 million in the second quarter ended June 30', 'in the second quarter ended June 30'],
    ['a loss of $3 million in the fourth quarter ended Dec. 28, 2024', 'in the fourth quarter ended Dec. 28, 2024'],
    ['It plans more than 300 such deals in the next few months.', 'in the next few months'],
    ['Sales rose 9 percent over the past three years.', 'over the past three years'],
    ['It has saved shoppers “millions of dollars” since the Globex acquisition.', 'since the Globex acquisition'],
    ['Acme reported third-quarter sales of $27 billion.', 'third-quarter'],
    ['Globex posted a fiscal third quarter loss of $1 billion.', 'fiscal third quarter'],
    ['Sales rose 4 percent in the quarter.', 'in the quarter'],
    ['Revenue was $1.2 billion in the three months ended Sept. 30.', 'in the three months ended Sept. 30'],
    // A closing price keeps its day.
    ['Acme shares closed on Tuesday at $18.25.', 'on Tuesday'],
    // A year that names a stretch of time reads on to its noun.
    ['At least 12 schools closed during the 2016 storm season.', 'during the 2016 storm season'],
    ['Acme sold 4 million phones in the 2022 fiscal year.', 'in the 2022 fiscal year'],
    ['The club signed five strikers for the 2021-22 season.', 'for the 2021-22 season'],
    // Spans named without a number.
    ['The shelter took in 14 more dogs over the weekend.', 'over the weekend'],
    ['The museum drew 3,000 visitors last weekend.', 'last weekend'],
    ['Over the decades, floods have displaced thousands of families.', 'over the decades'],
    // A decade or century after "the" may be of any age.
    ['The famine killed about a third of the island in the 1200s.', 'in the 1200s'],
    ['Up to 40 percent of the town had left by the late 1490s.', 'by the late 1490s'],
    // A span of years is one period, even after "from".
    ['The clinic treated 4,200 patients between 1995 and 2003.', 'between 1995 and 2003'],
    ['The registry enrolled 812 volunteers from 1998 to 2004.', 'from 1998 to 2004'],
  ])('%s', (sentence, period) => {
    const figures = extractFigures(sentence);
    expect(figures).toHaveLength(1);
    expect(figures[0]!.period).toBe(period);
  });
});

describe('robustness', () => {
  it('reads a long run of weekdays and figures without a comma quickly', () => {
    const sentence = 'Acme sold 5 jets on Monday and '.repeat(4_000);
    const started = performance.now();
    expect(extractFigures(sentence)).toHaveLength(4_000);
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('never throws, and every figure is its own span of the sentence, in order, without overlaps', () => {
    const wordy = fc.stringMatching(
      /^(?:[$€£]?\d{1,4}(?:[.,]\d{1,3})?|%| |-|–|to|and|between|nearly|per|month|a|year|million|bn|B|percent|in|2024|Q4|users|double|half|of|several|hundreds|millions|dollars|,|\.)*$/,
    );
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), wordy), (sentence) => {
        const figures = extractFigures(sentence);
        let previousEnd = 0;
        for (const figure of figures) {
          expect(figure.text.length).toBeGreaterThan(0);
          expect(sentence.slice(figure.offset, figure.offset + figure.text.length)).toBe(figure.text);
          expect(figure.offset).toBeGreaterThanOrEqual(previousEnd);
          expect(Number.isFinite(figure.value)).toBe(true);
          if (figure.upper !== undefined) expect(figure.upper).toBeGreaterThan(figure.value);
          previousEnd = figure.offset + figure.text.length;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('gives up on numbers too long to be amounts', () => {
    expect(extractFigures(`It cost $${'9'.repeat(400)}.`)).toEqual([]);
  });

  it('reads 100 KB of digits and punctuation in well under a second', () => {
    let seed = 7;
    const pieces = ['1', '2', '0', '9', '.', ',', '-', '–', '$', '%', ':', '/', ' ', '1,000', ' million', ' to '];
    let text = '';
    while (text.length < 100_000) {
      seed = (seed * 48271) % 2147483647;
      text += pieces[seed % pieces.length];
    }
    const adversarial = [
      text,
      '9'.repeat(100_000),
      '1,234'.repeat(20_000),
      '1-'.repeat(50_000),
      '5 '.repeat(50_000),
      ' '.repeat(100_000),
      'several hundreds of millions of dollars in 2024, '.repeat(2_000),
    ];
    for (const input of adversarial) {
      const started = performance.now();
      extractFigures(input);
      expect(performance.now() - started).toBeLessThan(1000);
    }
  });
});
