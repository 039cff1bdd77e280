import { describe, expect, it } from 'vitest';
import type { EntityKind } from '@/src/facts/schema';
import {
  figureOwners,
  headlineSubject,
  isAffiliation,
  productMakers,
  sentenceSubject,
  type Discourse,
  type OwnerMention,
} from '@/src/ingest/owners';

/** Invented entities: name as written → id and kind. */
const ENTITIES: Record<string, [string, EntityKind]> = {
  Acme: ['acme', 'company'],
  Beta: ['beta', 'company'],
  Gamma: ['gamma', 'company'],
  'Game A': ['game-a', 'product'],
  'Game B': ['game-b', 'product'],
  Go: ['go', 'product'],
  Rust: ['rust', 'product'],
  'Jane Roe': ['jane-roe', 'person'],
  Springfield: ['springfield', 'place'],
  'Example Agency': ['example-agency', 'organization'],
  'Acme One': ['acme-one', 'product'],
  Zeta: ['zeta', 'product'],
};

/** Every whole-word occurrence of a known name, as the matcher would report it. */
function mentionsIn(sentence: string): OwnerMention[] {
  const mentions: OwnerMention[] = [];
  for (const [name, [entityId, kind]] of Object.entries(ENTITIES)) {
    for (const match of sentence.matchAll(new RegExp(`\\b${name}\\b`, 'g'))) {
      mentions.push({ entityId, kind, start: match.index, end: match.index + name.length });
    }
  }
  return mentions
    .filter(
      (m) =>
        !mentions.some((o) => o !== m && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start),
    )
    .sort((a, b) => a.start - b.start);
}

const STORY: Discourse = { subject: ['acme'], named: [] };
/** A story that reports on a place's market and names no actor as its subject. */
const SCENE: Discourse = { subject: [], scene: ['springfield'], named: [] };

/** The owners of the `figure` text (its first occurrence) in `sentence`. */
function ownersOf(sentence: string, figure: string, discourse: Discourse = STORY): string[] {
  const start = sentence.indexOf(figure);
  if (start < 0) throw new Error(`'${figure}' is not in "${sentence}"`);
  return figureOwners(sentence, { start, end: start + figure.length }, mentionsIn(sentence), discourse);
}

describe('figureOwners', () => {
  it.each<[string, string, string[]]>([
    // The subject (and object) of the clause's verb, not names after the figure.
    ['Beta was paying Gamma nearly $20 million a month to use Acme models.', '$20 million', ['beta', 'gamma']],
    ['Beta, a maker of widgets, saw its shares rise to $14.50.', '$14.50', ['beta']],
    // Coordinated amounts each keep their own name.
    ['A survey found 59% Go and 27% Rust among its respondents.', '27%', ['rust']],
    // A price is the product's it is for; an amount paid for a company is not read so.
    ['Beta offered it at a $9.99 monthly rate for its Game A subscription.', '$9.99', ['game-a']],
    ['Beta paid $2 billion for Gamma last year.', '$2 billion', ['beta']],
    ['A survey found 59% Go and 27% Rust among its respondents.', '59%', ['go']],
    ['Acme made its $2 billion purchase of Beta and a $500 million stake in Gamma.', '$2 billion', ['acme']],
    ['Acme made its $2 billion purchase of Beta and a $500 million stake in Gamma.', '$500 million', []],
    // The item a price or a number modifies.
    ['The catalogue lists “Game A” ($30) and “Game B” ($20).', '$20', ['game-b']],
    ['The catalogue lists “Game A” ($30) and “Game B” ($20).', '$30', ['game-a']],
    ['By contrast, the $1,000 Game B has a smaller screen.', '$1,000', ['game-b']],
    ['Gamma’s $6.99-a-month plan launched on Tuesday.', '$6.99', ['gamma']],
    // The name an appositive holding the figure renames.
    ['Then came Game A, Acme’s $119-a-year program, and more.', '$119', ['game-a']],
    ['Beta, a $5 billion company, is hiring.', '$5 billion', ['beta']],
    // The agent of a passive after the figure.
    ['The offer fell short of the $20 reportedly demanded by Beta.', '$20', ['beta']],
    // Survey answers, people and markets with no named actor go to the story alone.
    ['Of those asked, 92% of respondents were male.', '92%', []],
    // What a body "reported that" or "found that" is what it reports, not its own figure; without "that", it is.
    ['Example Agency reported that 28 people who met the patient were quarantined.', '28 people', []],
    ['Example Agency found that the share of teens who vape was 3.8 percent.', '3.8 percent', []],
    ['Beta reported $5 billion in revenue.', '$5 billion', ['beta']],
    ['Jane Roe suggested that Beta buy $20 billion in farm goods.', '$20 billion', ['beta']],
    // A name that opens the sentence with a colon labels what follows (a list of charges, results or prices).
    ['Jane Roe: theft and fraud, held in jail in lieu of $70,000 bond.', '$70,000', ['jane-roe']],
    ['Beta: revenue rose 12% to $4 billion.', '12%', ['beta']],
    ['More than 450,000 people in Springfield were without power.', '450,000', []],
    ['Fresh fish routinely sells for $24 a pound in Springfield.', '$24', []],
    ['The Springfield-based fleet numbers about 100 boats.', '100', []],
    // A place owns what happens in its market or on its ground when no actor is named.
    ['New car sales in the Springfield area fell 10 percent last month.', '10 percent', ['springfield']],
    [
      'Experts regard Springfield as a capital of strandings, with 5,000 incidents since 1840.',
      '5,000',
      ['springfield'],
    ],
    [
      'Experts call Springfield a capital of strandings, with 5,000 incidents, and an average of 300 whales a year.',
      '300 whales',
      ['springfield'],
    ],
    ['The season began with 140 pilot whales beaching and dying on Springfield.', '140 pilot whales', ['springfield']],
    // A passive verb places the count its clause opens with; a count some other subject acts on stays unplaced.
    ['Three cases of plague have been diagnosed in Springfield.', 'Three cases', ['springfield']],
    ['The ranger has overseen 500 strandings that were recorded in Springfield.', '500 strandings', []],
    ['The fleet moved to Springfield, where dealers sold 3,000 boats.', '3,000 boats', ['springfield']],
    // The place whose market a relative pronoun's antecedent is.
    [
      'Beta competes for a bigger slice of Springfield grocery sales, which totaled $7 billion in 2020.',
      '$7 billion',
      ['springfield'],
    ],
    ['Beta wants more Springfield shoppers, which number 40,000 a day.', '40,000', []],
    ['Beta moved to Springfield, where it sold 3,000 boats.', '3,000 boats', ['beta']],
    // …but a place never outranks a named actor, and a count of people in it is about the people.
    ['Acme sales in the Springfield area fell 10 percent.', '10 percent', ['acme']],
    ['Small investors in Springfield will get the maximum 10 per cent.', '10 per cent', []],
    ['Nine churchgoers were killed in Springfield in June.', 'Nine churchgoers', []],
    ['Jane Roe has overseen 500 strandings and is renowned in Springfield.', '500 strandings', ['jane-roe']],
    ['The teacher has overseen 500 strandings and is renowned in Springfield.', '500 strandings', []],
    // A name inside the figure is what it counts when the clause gives no other owner.
    ['Jane Roe says over 130 Game A-enhanced titles are in the works.', 'over 130 Game A-enhanced titles', ['game-a']],
    ['Acme sold 30 Beta jets.', '30 Beta jets', ['acme']],
    // The name whose things the figure counts, or whose part it is.
    ['There are now 140 million “businesses” across Acme’s platforms.', '140 million', ['acme']],
    ['One of Beta’s shares will be worth eight of its local shares.', 'eight', ['beta']],
    ['One of Beta’s shares will be worth eight of its local shares.', 'eight of its local shares', ['beta']],
    ['Beta is the top buyer of the plane, with 123 of the planes in its fleet.', '123', ['beta']],
    // Names listed beside the figure are its siblings, even across names nobody knows.
    ['Acme is big — the company owns Beta, Delta, Gamma, and dozens of other firms.', 'dozens', ['acme']],
    // An existential "there" starts a clause that names nobody.
    ['Acme’s model relies on ads, and there are dozens of smaller players as well.', 'dozens', []],
    // A pair of dashes sets off an aside, not a clause.
    [
      'Experts regard Springfield – or Shelbyville, as some call it – as a hub, with 5,000 incidents.',
      '5,000',
      ['springfield'],
    ],
    // A speaker or a forecaster is a source, not an owner.
    ['Example Agency expects 16 million cars will be sold this year.', '16 million', []],
    ['Jane Roe said 40% of the town had left.', '40%', []],
    // …but a forecast of one of the story subject's own measures, as the verb's object, is the subject's.
    ['Example Agency predicted $2.52 a share.', '$2.52', ['acme']],
    ['Example Agency estimated $4 billion in sales.', '$4 billion', ['acme']],
    ['Jane Roe estimated 3,000 cars would be sold.', '3,000', []],
    // Names in an adjunct, or listed beside the figure, are not owners.
    ['Home prices rose 10% in Springfield last month, according to Example Agency.', '10%', []],
    ['Acme, which owns Beta, Gamma and more than 90 other papers, is hiring.', 'more than 90', ['acme']],
    ['Acme bought the stake held by Beta’s former chairman, Jane Roe, for $13 a share.', '$13', ['acme']],
    ['In addition to its order of 30 Beta jets, it announced an order of 50 Gamma jets.', '50 Gamma jets', ['acme']],
    // A name that owns the next name is not the subject: the next name is.
    ['Beta’s Gamma bought Game A for $300M in a deal led by banks.', '$300M', ['game-a', 'gamma']],
    ['Springfield’s Main Index lost 0.66% on the day.', '0.66%', []],
    // The name the counted noun is of, unless a possessive before the amount says whose it is.
    ['The deal matters, after two crashes of its popular Game A console.', 'two crashes', ['game-a']],
    ['Acme sold about 30% of the Beta shares it held.', '30%', ['beta']],
    // The name whose thing "by" an amount changes owns the change, not the one who plans it.
    ['Jane Roe revealed plans to expand the Acme fleet by 30% by 2030.', '30%', ['acme']],
    ['Jane Roe wants to cut Beta’s costs by $2 billion.', '$2 billion', ['beta']],
    ['Jane Roe grew sales by 5% in a year.', '5%', ['jane-roe']],
    // A count of people that is the subject of its own verb, after a verb of reporting, is not the source's…
    ['Example Agency reported at least 5,000 people entered the hall.', 'at least 5,000 people', []],
    ['Beta estimated 300 workers were laid off.', '300 workers', []],
    // …but a reported count that is the verb's object is.
    ['Beta reported 300 new customers in May.', '300 new customers', ['beta']],
    // An opening participle phrase has the main clause's subject as its own.
    ['After receiving a loan from Gamma worth up to $8 billion, Acme is cutting jobs.', 'up to $8 billion', ['acme']],
    ['Having sold 30 jets last year, Beta expects more.', '30 jets', ['beta']],
    ['Speaking in May, Jane Roe said 30 jets were grounded.', '30 jets', []],
    // "and" before a name and its verb joins a clause with a subject of its own.
    ['Acme shipped 30 jets last year and Beta delivered 20 jets.', '20 jets', ['beta']],
    ['Springfield crude fell 3% to $55 a barrel and Gizmo was last at $60.', '$60', []],
    ['Acme and Beta shipped 30 jets.', '30 jets', ['acme', 'beta']],
    // A comma closing an opening adjunct is no list join: the name after it is the clause's subject.
    ['In Springfield, Acme opened 12 stores.', '12 stores', ['acme']],
    ['According to Jane Roe, Beta lost $3 million.', '$3 million', ['beta']],
    ['Demand from Game A, Acme and Beta rose 5%.', '5%', []],
    // A possessor inside an appositive describes the name before it; it owns nothing in the clause.
    ['Beta, Acme’s biggest rival, lost 2% on Friday.', '2%', ['beta']],
    ['Jane Roe, Acme’s chief executive, earned $20 million last year.', '$20 million', ['jane-roe']],
    // "Shares of Acme" are Acme's shares: the name after a measure noun's "of" is no adjunct.
    ['Shares of Beta fell 3% on Monday.', '3%', ['beta']],
    ['The stock price of Beta doubled to $40.', '$40', ['beta']],
    ['A unit of Beta sold 30 jets.', '30 jets', []],
    ['Net income at Beta fell to $300 million.', '$300 million', ['beta']],
    ['Shares in Beta rose 4% after Jane Roe announced a bid.', '4%', ['beta']],
    ['Acme bought a 5% stake in Beta.', '5%', ['acme']],
    ['Jane Roe works at Beta, which sold 30 jets.', '30 jets', ['beta']],
    // A relative clause closed by a comma before the main verb is an aside: the main clause's subject owns.
    ['Beta, which Jane Roe founded, employs 5,000 engineers.', '5,000 engineers', ['beta']],
    ['The company, which Jane Roe runs, lost $3 million.', '$3 million', ['acme']],
    // A subordinating "after", "since" … before a name and its verb opens that name's clause.
    ['Acme’s shares rose 4% after Beta cut its stake by 10%.', '10%', ['beta']],
    ['Acme’s shares rose 4% after Beta cut its stake by 10%.', '4%', ['acme']],
    ['Acme has hired 300 people since Jane Roe took over.', '300 people', ['acme']],
    ['Beta has grown since Jane Roe raised $5 million for it.', '$5 million', ['jane-roe']],
    // A price paid to get something is the price of what it gets ("the item it prices").
    ['You can also shell out $15 to get Game A support for the tablet.', '$15', ['game-a']],
    ['Players pay $5 to unlock Game B.', '$5', ['game-b']],
    ['You can pay 50 to get Game B.', '50', []],
    // A company's own measures, in a story about it.
    ['Quarterly revenue rose 5% to $2 billion.', '5%', ['acme']],
  ])('%s → %s', (sentence, figure, owners) => {
    expect(ownersOf(sentence, figure)).toEqual(owners);
  });

  it.each<[string, string, Discourse, string[]]>([
    // "The company", "the agency", "he" and "it" stand for the right entity.
    ['The company also reported debt of $700 million.', '$700 million', { subject: ['acme'], named: [] }, ['acme']],
    [
      'But the company also reported debt of $700 million.',
      '$700 million',
      { subject: ['acme'], named: [{ entityId: 'beta', kind: 'company' }] },
      ['beta'],
    ],
    [
      'This past May, the agency selected 11 firms.',
      '11 firms',
      {
        subject: ['acme'],
        named: [
          { entityId: 'example-council', kind: 'organization' },
          { entityId: 'gamma', kind: 'company' },
        ],
      },
      ['gamma'],
    ],
    // …but a body whose name ends in the anaphor's noun is the one it stands for, named last or not.
    [
      'This past May, the agency selected 11 firms.',
      '11 firms',
      {
        subject: ['acme'],
        named: [
          { entityId: 'example-agency', kind: 'organization' },
          { entityId: 'gamma', kind: 'company' },
        ],
      },
      ['example-agency'],
    ],
    [
      'Another review would be pointless — the committee has already read dozens of letters.',
      'dozens',
      {
        subject: ['acme'],
        named: [
          { entityId: 'joint-committee-on-example', kind: 'organization' },
          { entityId: 'example-bill', kind: 'organization' },
        ],
      },
      ['joint-committee-on-example'],
    ],
    // …at the start of a sentence too.
    [
      'The committee has already read dozens of letters.',
      'dozens',
      {
        subject: ['acme'],
        named: [
          { entityId: 'joint-committee-on-example', kind: 'organization' },
          { entityId: 'example-bill', kind: 'organization' },
        ],
      },
      ['joint-committee-on-example'],
    ],
    // "The company" is not read by its noun: it keeps meaning the company named last, not an earlier one
    // that happens to have "Company" in its name.
    [
      'At the same time, the company claims its deals saved customers millions of dollars.',
      'millions of dollars',
      {
        subject: ['acme'],
        named: [
          { entityId: 'example-trading-company', kind: 'company' },
          { entityId: 'acme', kind: 'company' },
        ],
      },
      ['acme'],
    ],
    [
      'He learned that 75 people view his profile a week.',
      '75 people',
      { subject: ['acme'], named: [{ entityId: 'jane-roe', kind: 'person' }] },
      ['jane-roe'],
    ],
    // "They" is a company spoken of in the plural when the last actor named (not a person) is one…
    [
      'It surprises me that they’re selling it for $16 a pound.',
      '$16',
      {
        subject: ['acme'],
        named: [
          { entityId: 'beta', kind: 'company' },
          { entityId: 'jane-roe', kind: 'person' },
        ],
      },
      ['beta'],
    ],
    [
      'The stock is flat and they’re going to walk away with millions of dollars.',
      'millions of dollars',
      { subject: ['acme'], named: [{ entityId: 'example-agency', kind: 'organization' }] },
      ['example-agency'],
    ],
    // …and nobody when it is a product or a place.
    [
      'They shipped 4,000 copies in a week.',
      '4,000 copies',
      {
        subject: ['acme'],
        named: [
          { entityId: 'beta', kind: 'company' },
          { entityId: 'game-a', kind: 'product' },
        ],
      },
      [],
    ],
    // "It" after a verb of saying is the description the sentence opens with.
    [
      'The agency said it received 400 complaints.',
      '400 complaints',
      {
        subject: ['acme'],
        named: [
          { entityId: 'example-agency', kind: 'organization' },
          { entityId: 'beta', kind: 'company' },
        ],
      },
      ['example-agency'],
    ],
    [
      'The committee said it had read 300 letters.',
      '300 letters',
      {
        subject: ['acme'],
        named: [
          { entityId: 'joint-committee-on-example', kind: 'organization' },
          { entityId: 'beta', kind: 'company' },
        ],
      },
      ['joint-committee-on-example'],
    ],
    // A quotation mark opening the sentence does not hide its pronoun subject.
    [
      '"She has won a title in a record three different leagues.',
      'three different leagues',
      { subject: ['acme'], named: [{ entityId: 'jane-roe', kind: 'person' }] },
      ['jane-roe'],
    ],
    [
      '“He has coached 40 teams since then.',
      '40 teams',
      { subject: ['acme'], named: [{ entityId: 'jane-roe', kind: 'person' }] },
      ['jane-roe'],
    ],
    ['The biggest knock against it is its $500 price.', '$500', { subject: ['acme'], named: [] }, ['acme']],
    ['The deal could raise up to $12.9bn.', '$12.9bn', { subject: ['acme'], named: [] }, ['acme']],
    ["The company's cables, which cost $300 each, sell well.", '$300', { subject: ['acme'], named: [] }, ['acme']],
    // "The state’s largest utility" is "the company" too.
    [
      'The state’s largest utility cut the estimate of about 660,000.',
      '660,000',
      { subject: ['gamma'], named: [{ entityId: 'acme', kind: 'company' }] },
      ['acme'],
    ],
    // "Whose" is the noun phrase's before it, read as "the company" would be.
    [
      'The deal matters to the American plane maker, whose sales were hit by two crashes.',
      'two crashes',
      { subject: ['beta'], named: [{ entityId: 'acme', kind: 'company' }] },
      ['acme'],
    ],
    // "The programme" after the figure is the programme the story named last.
    [
      'The 14 companies currently in the program can bid on Acme work.',
      '14 companies',
      {
        subject: ['acme'],
        named: [
          { entityId: 'moon-program', kind: 'program' },
          { entityId: 'beta', kind: 'company' },
        ],
      },
      ['moon-program'],
    ],
    // "The platform" is the service the story named last.
    [
      'After all, the platform has helped thousands of people sell their work.',
      'thousands of people',
      {
        subject: ['acme'],
        named: [
          { entityId: 'game-a', kind: 'product' },
          { entityId: 'jane-roe', kind: 'person' },
        ],
      },
      ['game-a'],
    ],
    // "I" and "my" in a quotation are its speaker.
    [
      '“I will wonder why I lost 14 followers in a week.',
      '14 followers',
      { subject: ['acme'], speaker: 'jane-roe', named: [] },
      ['jane-roe'],
    ],
    [
      'And like, of my 1,000 followers, five left,” said Jane Roe.',
      '1,000',
      { ...STORY, speaker: 'jane-roe' },
      ['jane-roe'],
    ],
    ['I have accounts on hundreds of services.', 'hundreds of services', STORY, []],
    // A figure whose sentence names nobody is the story subject's when it is one of the subject's measures…
    ['Underwriters may buy up to 15 per cent more shares.', '15 per cent', STORY, ['acme']],
    ['Dealers sold 30,154 new cars in October.', '30,154', SCENE, ['springfield']],
    [
      'Dealers sold 3,000 cars, the best month yet but still down 10 percent from a year ago.',
      '10 percent',
      SCENE,
      ['springfield'],
    ],
    ['The average price of a new sedan was $31,627.', '$31,627', SCENE, ['springfield']],
    // …not when the sentence names someone, speaks of people or of a wider market, or measures something else.
    ['Beta expects 16 million cars will be sold this year.', '16 million', SCENE, []],
    ['Nationally, dealers sold 17 million new cars, up 0.3 percent.', '0.3 percent', SCENE, []],
    ['Sales slumped even as the average loan rate stayed below 6 percent.', '6 percent', SCENE, []],
    ['Fresh fish routinely goes for $24 a pound.', '$24', STORY, []],
    ['Stores sold goods to 4,000 shoppers.', '4,000 shoppers', SCENE, []],
    // "The company" never stands for a place.
    ['The company reported debt of $700 million.', '$700 million', SCENE, []],
    // With no subject to refer to, an anaphor gives no owner rather than a guess.
    ['It is possible that 40% will leave.', '40%', { subject: [], named: [] }, []],
    // A sentence-opening "it" is what the last sentence that opened with a name was about, before the story's subject.
    ['It will start at $44,000.', '$44,000', { subject: ['acme'], named: [], recent: 'game-b' }, ['game-b']],
    ['It will start at $44,000.', '$44,000', { subject: ['acme'], named: [] }, ['acme']],
    [
      'Even though it is cheap, it comes with six safety systems.',
      'six',
      { subject: ['acme'], named: [], recent: 'game-a' },
      ['game-a'],
    ],
    // In a relative clause, "it" is the main clause's subject, after an opening phrase.
    [
      'After a lifeline from Gamma, Acme is now cutting jobs at Beta, which it acquired for $200 million.',
      '$200 million',
      { subject: ['example-agency'], named: [] },
      ['acme'],
    ],
    // A name opening the sentence still wins over the last sentence's subject.
    ['Beta said its revenue rose 5%.', '5%', { subject: ['acme'], named: [], recent: 'game-b' }, ['beta']],
    // "102 points, or 0.4%": the restated change is the first amount's.
    ['Acme fell 102.2 points, or 0.36%, to 27,934.02.', '0.36%', STORY, ['acme']],
    ['Beta lost 1.85 points, or 0.06%, to 3,120.18.', '0.06%', STORY, ['beta']],
    ['Acme fell 102 points, or 0.36%, to 27,934, Beta lost 1.85 points, or 0.06%, to 3,120.', '0.06%', STORY, ['beta']],
    // "Added" before an amount is a gain, not a verb of saying: its subject owns the amount.
    ['Acme lost 3 points, or 0.1%, and Beta added 20.72 points, or 0.24%, to 8,570.66.', '0.24%', STORY, ['beta']],
    ['Beta added 1,200 jobs in the quarter.', '1,200 jobs', STORY, ['beta']],
    ['Beta added that 40% of the town had left.', '40%', STORY, []],
    // A colon inside brackets starts no clause.
    ['Beta (ticker: BT) reported $2.53 in per-share earnings.', '$2.53', STORY, ['beta']],
    // An editor's brackets around "the company" do not hide it.
    ['We note that [the company] faced a [0.6% to 0.7%] hurricane headwind.', '0.6%', STORY, ['acme']],
    ['We believe Q3 comps would have been closer to 5%.', '5%', STORY, ['acme']],
    // "The state's" is the place the story has named most.
    [
      'Beta said the money should come from the state’s $2 billion in cash reserves.',
      '$2 billion',
      {
        subject: ['acme'],
        named: [
          { entityId: 'springfield', kind: 'place' },
          { entityId: 'springfield', kind: 'place' },
          { entityId: 'shelbyville', kind: 'place' },
        ],
      },
      ['springfield'],
    ],
    [
      'The protest closed more than half of the state’s school districts.',
      'more than half',
      { subject: ['acme'], named: [{ entityId: 'springfield', kind: 'place' }] },
      ['springfield'],
    ],
    // Whom an amount costs, saves or is owed: "the state" before it is the place too.
    [
      'The drug campaign, Beta said, will cost the state roughly $449,000.',
      'roughly $449,000',
      { subject: ['acme'], named: [{ entityId: 'springfield', kind: 'place' }] },
      ['springfield'],
    ],
  ])('%s → %s (%j)', (sentence, figure, discourse, owners) => {
    expect(ownersOf(sentence, figure, discourse)).toEqual(owners);
  });
});

describe('headlineSubject', () => {
  it.each<[string, string | undefined]>([
    ['Acme inks $9 billion order for 30 Beta jets', 'acme'],
    ['Springfield dealers sell 30 Beta jets', undefined],
    ['Jane Roe on Acme being pulled into the enterprise', undefined],
    ['A glimpse of Acme’s strategy with Beta', undefined],
    ['Example Agency picks Acme and Beta', 'example-agency'],
  ])('%s → %s', (title, subject) => {
    expect(headlineSubject(title, mentionsIn(title))?.entityId).toBe(subject);
  });
});

describe('sentenceSubject', () => {
  it.each<[string, string | undefined]>([
    // The thing after a possessive, not its maker.
    ['Beta’s Game A SUV will go 300 miles per charge.', 'game-a'],
    ['Acme is rolling out a plug-in version.', 'acme'],
    ['The new Game B goes on sale in June.', 'game-b'],
    ['But Beta says the wagon will go far.', 'beta'],
    // A person, a place or a name in an adjunct opens no "it".
    ['Jane Roe said Acme would wait.', undefined],
    ['In Springfield, Acme opened a store.', undefined],
    ['According to analysts at Acme, prices will rise.', undefined],
  ])('%s → %s', (sentence, subject) => {
    expect(sentenceSubject(sentence, mentionsIn(sentence))).toBe(subject);
  });
});

describe('isAffiliation', () => {
  it.each<[string, string, boolean]>([
    ['Beta analyst Jane Roe points out two reasons.', 'Beta', true],
    ['Acme’s chief economist said so.', 'Acme', true],
    ['Beta bought Gamma for $5.', 'Beta', false],
    ['Beta bought Gamma for $5.', 'Gamma', false],
  ])('%s: %s → %s', (sentence, name, affiliation) => {
    const mention = mentionsIn(sentence).find((m) => sentence.slice(m.start, m.end) === name)!;
    expect(isAffiliation(sentence, mention)).toBe(affiliation);
  });
});

describe('figureOwners: clauses with subjects of their own after a comma', () => {
  it.each<[string, string, string[]]>([
    ['Jane Roe added a goal for Acme, and Beta stopped 27 shots.', '27 shots', ['beta']],
    ['Jane Roe scored twice, Beta made 30 saves and Gamma lost.', '30 saves', ['beta']],
    ['Acme and Beta reported $5 million in sales.', '$5 million', ['acme', 'beta']],
  ])('%s → %s', (sentence, figure, owners) => {
    expect(ownersOf(sentence, figure, { subject: [], named: [] })).toEqual(owners);
  });
});

describe('figureOwners: a product spoken of by its noun', () => {
  /** A story that named Beta's car Zeta ("Beta Zeta") and Acme's Acme One. */
  const CARS: Discourse = {
    subject: ['beta'],
    named: [
      { entityId: 'beta', kind: 'company' },
      { entityId: 'zeta', kind: 'product' },
      { entityId: 'acme-one', kind: 'product' },
    ],
    makers: new Map([['zeta', 'beta']]),
  };
  it.each<[string, string, Discourse, string[]]>([
    // The maker's product the story names: by the start of its name, or written after the maker's name.
    ['Acme’s $6.99-a-month service has a large catalogue.', '$6.99', CARS, ['acme-one']],
    ['Beta will offer the car in thirteen different finishes.', 'thirteen different finishes', CARS, ['zeta']],
    ['Beta fits the car with up to five radar sensors, five cameras and a display.', 'five cameras', CARS, ['zeta']],
    ['Beta fits the car with up to five radar sensors.', 'up to five radar sensors', CARS, ['zeta']],
    ['The only problem? Beta’s console launched at $400.', '$400', CARS, ['zeta']],
    // With no maker, "the car" of the figure's own clause is the product the story names most.
    [
      'The car has 12 speakers.',
      '12 speakers',
      { ...CARS, named: [...CARS.named, { entityId: 'zeta', kind: 'product' }] },
      ['zeta'],
    ],
    // A maker whose product the story does not name keeps the figure: its unnamed thing is its own.
    ['Gamma’s $6.99-a-month service has a large catalogue.', '$6.99', CARS, ['gamma']],
    // A business, not the thing: "its phone business", "the car market".
    ['Beta’s phone business grew 10% last year.', '10%', CARS, ['beta']],
    ['Acme says the car market grew 10% last year.', '10%', { subject: [], named: CARS.named }, []],
    // A clause set off between the noun and the figure: the figure is not the product's.
    [
      'You can try parts of the game, then you can pay $10 to get everything.',
      '$10',
      { subject: [], named: [{ entityId: 'game-a', kind: 'product' }] },
      [],
    ],
  ])('%s → %s', (sentence, figure, discourse, owners) => {
    expect(ownersOf(sentence, figure, discourse)).toEqual(owners);
  });

  it.each<[string, string, string[]]>([
    // A place inside the figure's noun phrase says whose they are, before the place the clause sets them in.
    ['Roughly 13,000 Springfield troops remain in Shelbyville.', 'Roughly 13,000 Springfield troops', ['springfield']],
    ['Two Springfield service members were killed.', 'Two Springfield service members', ['springfield']],
    // Not a currency named by its country.
    ['Investors were told 176 Springfield dollars is the final price.', '176 Springfield dollars', []],
  ])('a place inside the figure: %s', (sentence, figure, owners) => {
    const mentions = mentionsIn(sentence);
    const shelbyville = sentence.indexOf('Shelbyville');
    if (shelbyville >= 0)
      mentions.push({ entityId: 'shelbyville', kind: 'place', start: shelbyville, end: shelbyville + 11 });
    const start = sentence.indexOf(figure);
    expect(figureOwners(sentence, { start, end: start + figure.length }, mentions, { subject: [], named: [] })).toEqual(
      owners,
    );
  });

  it.each<[string, string]>([
    // A time between a verb of reporting and "that" does not stop it opening the clause it reports.
    ['Example Agency reported last year that 11 of the 12 cities in the world were polluted.', '11 of the 12 cities'],
    // "among the …": the amount counts the group the name is one of.
    ['Jane Roe was among the more than 12,000 in attendance.', 'more than 12,000'],
    ['Acme and Beta had been selected to join the nine companies already in the programme.', 'nine companies'],
    // ", and so the three writers …" opens a clause with a subject of its own.
    ['Jane Roe worships Acme, and so the three writers knew what to write.', 'three writers'],
  ])('gives no owner: %s', (sentence, figure) => {
    expect(ownersOf(sentence, figure, { subject: [], named: [] })).toEqual([]);
  });

  it('takes a product written right after a company, or after a lower-case word, as that company’s', () => {
    const text = 'Beta e-tron Zeta and Acme One are on sale in Springfield, as is Game A.';
    const makers = productMakers([{ text, mentions: mentionsIn(text) }]);
    expect([...makers]).toEqual([['zeta', 'beta']]);
  });
});
