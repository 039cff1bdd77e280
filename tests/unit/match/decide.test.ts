/**
 * Per-mention decisions (issue #12), on the hard shapes a grown fact base
 * meets on real pages: names inside longer names, surnames of other people,
 * context words around the mention, names several entities share, and the
 * Title Case of menus and headlines.
 */
import { describe, expect, it } from 'vitest';
import { adjoin, decideMention, PageNames, surroundingsInText, type Surroundings } from '@/src/match/decide';
import { compileMatcher, type Matcher } from '@/src/match/matcher';
import { buildMatcherPayload } from '@/src/match/payload';
import { FACTBASE_FORMAT, type Entity } from '@/src/facts/schema';

function entity(id: string, kind: Entity['kind'], aliases: string[], contextWords?: string[]): Entity {
  return {
    id,
    name: aliases[0]!,
    kind,
    aliases,
    storyIds: [],
    figureIds: [],
    ...(contextWords ? { contextWords } : {}),
  };
}

const matcher: Matcher = compileMatcher(
  buildMatcherPayload({
    format: FACTBASE_FORMAT,
    entities: [
      entity('new-york', 'place', ['New York']),
      entity('carolina', 'place', ['Carolina']),
      entity('korea', 'place', ['Korea']),
      entity('boston', 'place', ['Boston']),
      entity('bill-gates', 'person', ['Bill Gates', 'Gates']),
      entity('apple', 'company', ['Apple', 'Apple Inc.']),
      entity('mit', 'organization', ['MIT']),
      entity('amazon', 'company', ['Amazon']),
      entity('microsoft', 'company', ['Microsoft', 'Microsoft Corp.']),
      entity('azure', 'product', ['Azure']),
      entity('credo', 'company', ['Credo', 'Credo Technology'], ['chip', 'chips', 'semiconductor', 'cables']),
      entity('boris-johnson', 'person', ['Boris Johnson', 'Johnson']),
      entity('mike-johnson', 'person', ['Mike Johnson', 'Johnson']),
      entity('donald-trump', 'person', ['Donald Trump', 'Trump']),
      entity('george-bush', 'person', ['George Bush', 'Bush']),
      entity('satya-nadella', 'person', ['Satya Nadella', 'Nadella']),
      // Two people each called "Mr Kessler" by his own story: a shared name that is no part of either's name.
      entity('wade-kessler', 'person', ['Wade Kessler', 'Mr Kessler']),
      entity('justin-kessler', 'person', ['Justin Kessler', 'Mr Kessler']),
    ],
    stories: [],
    figures: [],
  }),
);

/**
 * What a reader would see marked on a page of plain text: each name with the
 * entities its popover offers. Lines are blocks; `headings` are the lines set as headings.
 */
function marked(page: string, options: { title?: string; headings?: number[] } = {}): [string, readonly string[]][] {
  const names = new PageNames();
  const lineOf = (offset: number) => page.slice(0, offset).split('\n').length - 1;
  const found = matcher.findCandidates(page);
  const decided = found.flatMap((candidate, index) => {
    if (candidate.commonWord !== undefined) {
      names.noteCommonWord(candidate.commonWord);
      return [];
    }
    const around: Surroundings = {
      ...surroundingsInText(page, candidate.start, candidate.end, options.title),
      heading: options.headings?.includes(lineOf(candidate.start)) ?? false,
      nameBefore: adjoin(page, found, index - 1, index),
      nameAfter: adjoin(page, found, index, index + 1),
    };
    const text = page.slice(candidate.start, candidate.end);
    const decision = decideMention(text, candidate.senses, around, (nearby) => matcher.entitiesWithContext(nearby));
    names.note(decision);
    return [{ text, decision }];
  });
  return decided
    .map(({ text, decision }): [string, readonly string[]] => [text, names.resolve(decision)])
    .filter(([, ids]) => ids.length > 0);
}

describe('a name inside a longer proper name is not a mention of it', () => {
  it.each<[string, string, [string, string[]][]]>([
    ['a newspaper named after a city', 'The New York Times reported it first.', []],
    ['a state named after another', 'Voters in North Carolina went first.', []],
    ['a country', 'Exports from South Korea rose.', []],
    ['a newspaper after its city', 'He wrote for The Boston Globe for years.', []],
    ['a label named after a company', 'The Beatles signed with Apple Records.', []],
    ['a licence named after a university', 'The code is under the MIT License.', []],
    ['another person with the surname', 'Robert Gates, the former defense secretary, spoke.', []],
    ['a longer name with the surname last', 'Melinda French Gates gave a speech.', []],
    ['a middle initial', 'George W. Bush was president then.', []],
    ['a longer name that is itself an alias', 'Microsoft Corp. said so.', [['Microsoft Corp.', ['microsoft']]]],
  ])('%s', (_, page, expected) => {
    expect(marked(page)).toEqual(expected);
  });
});

describe('words that stand beside a name without extending it', () => {
  it.each<[string, string, [string, string[]][]]>([
    ['a title before a surname', 'President Trump spoke.', [['Trump', ['donald-trump']]]],
    [
      'a job title after a company',
      'Microsoft CEO Satya Nadella spoke.',
      [
        ['Microsoft', ['microsoft']],
        ['Satya Nadella', ['satya-nadella']],
      ],
    ],
    ['a legal form after a company', 'Shares of Apple Inc rose.', [['Apple', ['apple']]]],
    ['a sentence opener', 'In Boston, rents rose.', [['Boston', ['boston']]]],
    ['a comparison opener', 'Like Amazon, it sells books.', [['Amazon', ['amazon']]]],
    [
      'a possessive before a product',
      "Microsoft's Azure grew.",
      [
        ['Microsoft', ['microsoft']],
        ['Azure', ['azure']],
      ],
    ],
    ['a name at a line start', 'Gates said so.', [['Gates', ['bill-gates']]]],
    [
      'punctuation between names',
      'Amazon, Microsoft and Apple',
      [
        ['Amazon', ['amazon']],
        ['Microsoft', ['microsoft']],
        ['Apple', ['apple']],
      ],
    ],
  ])('%s', (_, page, expected) => {
    expect(marked(page)).toEqual(expected);
  });
});

describe('menus and Title Case headlines still show their names', () => {
  it('reads a menu of names as names', () => {
    expect(marked('Amazon Microsoft Technology')).toEqual([
      ['Amazon', ['amazon']],
      ['Microsoft', ['microsoft']],
    ]);
  });

  it('reads names in a Title Case headline', () => {
    expect(marked('Microsoft Says Azure Revenue Grew Again\nThe cloud grew.')).toEqual([
      ['Microsoft', ['microsoft']],
      ['Azure', ['azure']],
    ]);
  });

  it('reads names in a heading', () => {
    expect(marked('Boston Rents Soar\nRents rose.', { headings: [0] })).toEqual([['Boston', ['boston']]]);
  });

  it('drops a headline name that the prose shows to be part of a longer name', () => {
    const page = 'Inside The New York Times Newsroom\nReporters at The New York Times work late.';
    expect(marked(page)).toEqual([]);
  });
});

describe('a surname counts for the person the page names in full', () => {
  it('marks a bare surname when the page names the person in full', () => {
    expect(marked('Bill Gates spoke first.\nLater, Gates said it again.')).toEqual([
      ['Bill Gates', ['bill-gates']],
      ['Gates', ['bill-gates']],
    ]);
  });

  it('does not mark a bare surname that the page gives to someone else', () => {
    expect(marked('Robert Gates served two presidents.\nLater, Gates wrote a memoir.')).toEqual([]);
  });

  it('does not mark it either when the other full name comes later', () => {
    expect(marked('Gates wrote a memoir.\nIt is by Robert Gates, the former secretary.')).toEqual([]);
  });

  it('marks it when the page names both: the person named in full', () => {
    expect(marked('Robert Gates met Bill Gates.\nGates laughed.')).toEqual([
      ['Bill Gates', ['bill-gates']],
      ['Gates', ['bill-gates']],
    ]);
  });
});

describe('a name several entities share offers each of them', () => {
  it('offers both people when the page names neither in full', () => {
    expect(marked('Johnson said no.')).toEqual([['Johnson', ['boris-johnson', 'mike-johnson']]]);
  });

  it('offers the one the page names in full', () => {
    expect(marked('Speaker Mike Johnson arrived.\nJohnson said no.')).toEqual([
      ['Mike Johnson', ['mike-johnson']],
      ['Johnson', ['mike-johnson']],
    ]);
  });
});

describe('a shared name that is no part of a name ("Mr Kessler") is read the same way', () => {
  it('offers both people when the page names neither in full', () => {
    expect(marked('Mr Kessler said no.')).toEqual([['Mr Kessler', ['wade-kessler', 'justin-kessler']]]);
  });

  it('offers the one the page names in full', () => {
    expect(marked('Council chair Wade Kessler arrived.\nMr Kessler said no.')).toEqual([
      ['Wade Kessler', ['wade-kessler']],
      ['Mr Kessler', ['wade-kessler']],
    ]);
  });
});

describe('context words count around the mention, not anywhere on the page', () => {
  const CHIPMAKER = 'Credo shares jumped after the chip maker raised its forecast for cables.';
  const PETITION = 'Sign the petition from Credo today, the campaign says.';

  it('marks the chipmaker with chip words in its block', () => {
    expect(marked(CHIPMAKER)).toEqual([['Credo', ['credo']]]);
  });

  it('does not mark the other Credo in a block without them, on the same page', () => {
    expect(marked(`${CHIPMAKER}\n${PETITION}`)).toEqual([['Credo', ['credo']]]);
  });

  it('does not mark the CREDO Action group even next to chip words', () => {
    expect(marked('Credo Action asked chip makers to sign.')).toEqual([]);
  });

  it('marks a menu entry without words around when the page vouches for it elsewhere', () => {
    const page = `Credo\n${'Filler text here. '.repeat(30)}\n${CHIPMAKER}`;
    expect(marked(page)).toEqual([
      ['Credo', ['credo']],
      ['Credo', ['credo']],
    ]);
  });

  it('does not when the page uses the name in a longer name of something else', () => {
    const page = `Credo\n${'Filler text here. '.repeat(30)}\n${CHIPMAKER}\nCredo Action asked them to sign.`;
    expect(marked(page)).toEqual([['Credo', ['credo']]]);
  });

  it('counts context words in the page title', () => {
    expect(marked(PETITION, { title: 'Semiconductor stocks today' })).toEqual([['Credo', ['credo']]]);
  });
});

describe('resolving again as the page is read', () => {
  const gates = { entityId: 'bill-gates', kind: 'person', partial: true, needsContext: false } as const;
  const noContext = () => new Set<string>();

  it('gives a decision resolved early the answer the page has come to since', () => {
    const names = new PageNames();
    const surname = decideMention('Gates', [gates], surroundingsInText('Gates spoke.', 0, 5), noContext);
    names.note(surname);
    expect(names.resolve(surname)).toEqual(['bill-gates']);
    // The page then names someone else by it: the surname alone is no longer his…
    names.note(decideMention('Gates', [gates], surroundingsInText('Robert Gates said', 7, 12), noContext));
    expect(names.resolve(surname)).toEqual([]);
    // …until it names him in full.
    const full = { ...gates, partial: false };
    names.note(decideMention('Bill Gates', [full], surroundingsInText('Bill Gates wrote', 0, 10), noContext));
    expect(names.resolve(surname)).toEqual(['bill-gates']);
  });
});

describe('a short form (a name that means its entity only beside the full name)', () => {
  const cook = {
    entityId: 'tim-cook',
    kind: 'person',
    partial: true,
    fullNameOnly: true,
    needsContext: false,
  } as const;
  const noContext = () => new Set<string>();

  it('is no mention on a page that never names the entity in full, even with no one else to claim it', () => {
    const names = new PageNames();
    const alone = decideMention('Cook', [cook], surroundingsInText('Cook the pasta slowly.', 0, 4), noContext);
    names.note(alone);
    expect(names.resolve(alone)).toEqual([]);
  });

  it('is the entity once the page names it in full, before or after', () => {
    const names = new PageNames();
    const said = decideMention('Cook', [cook], surroundingsInText('Cook said so.', 0, 4), noContext);
    names.note(said);
    expect(names.resolve(said)).toEqual([]);
    const full = { ...cook, partial: false, fullNameOnly: false };
    names.note(decideMention('Tim Cook', [full], surroundingsInText('Tim Cook spoke', 0, 8), noContext));
    expect(names.resolve(said)).toEqual(['tim-cook']);
  });

  it('leaves a plain surname as it was: it counts while no one else is named by it', () => {
    const names = new PageNames();
    const plain = { ...cook, fullNameOnly: false };
    const said = decideMention('Cook', [plain], surroundingsInText('Cook said so.', 0, 4), noContext);
    names.note(said);
    expect(names.resolve(said)).toEqual(['tim-cook']);
  });
});

describe('two names side by side', () => {
  const found = [
    { start: 0, end: 6 },
    { start: 7, end: 13 },
  ];

  it.each([
    ['Google Stadia', true],
    ['Google\u00a0Stadia', true],
    ['Google\u0000Stadia', true],
    ['Google,Stadia', false],
    ['Google\u2014Stadia', false],
  ])('%j: %s', (text, expected) => {
    expect(adjoin(text, found, 0, 1)).toBe(expected);
  });

  it('are not side by side with nothing between them, or out of range', () => {
    expect(adjoin('GoogleStadia', [found[0]!, { start: 6, end: 12 }], 0, 1)).toBe(false);
    expect(adjoin('Google Stadia', found, -1, 0)).toBe(false);
    expect(adjoin('Google Stadia', found, 1, 2)).toBe(false);
  });
});
