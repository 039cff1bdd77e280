// Discovery's mechanisms one by one, each on invented text: what noise it must not turn into names, which
// names it must find, what kind it must give them and which forms it must keep as one entity.
import { describe, expect, it } from 'vitest';
import { discoverEntities, type DiscoveredEntity } from '@/src/ingest/discover';
import { splitGluedWord } from '@/src/ingest/discover/text';
import type { EntityKind } from '@/src/facts/schema';

/** The entity that has this surface form among its aliases (case-insensitive). */
function named(entities: DiscoveredEntity[], form: string): DiscoveredEntity | undefined {
  const wanted = form.toLowerCase();
  return entities.find((entity) => entity.aliases.some((alias) => alias.toLowerCase() === wanted));
}

describe('splitGluedWord', () => {
  it.each([
    ['deleteFacebook', ['delete', 'Facebook']],
    ['LucasNolan', ['Lucas', 'Nolan']],
    ['CreditJane', ['Credit', 'Jane']],
    ['iPhone', undefined],
    ['eBay', undefined],
    ['PlayStation', undefined],
    ['YouTube', undefined],
    ['SunExpress', undefined],
    ['McDonald', undefined],
    ['WhatsApp', undefined],
  ])('%s → %j', (word, parts) => {
    expect(splitGluedWord(word)).toEqual(parts);
  });
});

describe('text noise is no entity', () => {
  it.each([
    {
      rule: 'a hashtag glued to a name gives the name alone',
      text: 'Thousands joined #quitZorblet this week. Zorblet said its users stayed, and Zorblet shares rose.',
      present: ['Zorblet'],
      absent: ['quitZorblet'],
    },
    {
      rule: 'a photo credit glued to a name is no part of it',
      text:
        'Painter Marta Quillfeather said the harbour inspired her. CreditMarta Quillfeather for The Ledger\n\n' +
        'Quillfeather added that she paints at dawn. CreditMarta Quillfeather for The Ledger',
      present: ['Marta Quillfeather'],
      absent: ['CreditMarta Quillfeather', 'CreditMarta', 'Credit Marta Quillfeather'],
    },
    {
      rule: 'an institution head ends its name: "and" after it starts a list',
      text: 'It was checked by Zeta News and Quillfact. Zeta News said so, and the site Quillfact agreed with Quillfact readers.',
      present: ['Zeta News', 'Quillfact'],
      absent: ['Zeta News and Quillfact'],
    },
    {
      rule: 'a currency written with a capital after an amount is no name ("RRP: 49.95 Euro")',
      text: 'The Zorblet book costs 49.95 Euro (£40). Zorblet said the Euro price would hold.',
      present: ['Zorblet'],
      absent: ['Euro'],
    },
    {
      rule: 'a people’s adjective with a prefix is no part of the name after it ("the pan-European STOXX 600")',
      text: 'The pan-European Zorbex lost 0.12%, and Zorbex later closed lower. Anti-Quillish Zorbex traders sold.',
      present: ['Zorbex'],
      absent: ['European Zorbex', 'pan-European Zorbex'],
    },
    {
      rule: 'an English word after a hyphen makes a name an adjective ("Brexit-weary", "Olympic-size")',
      text: 'Zorblet-weary voters gathered at a Quillby-size pool. Zorblet said so, and Quillby agreed with Zorblet.',
      present: ['Zorblet', 'Quillby'],
      absent: ['Zorblet-weary', 'Quillby-size'],
    },
    {
      rule: 'two names the text writes alone, joined by a hyphen, are those two names ("the US-China trade war")',
      text: 'The Zorblet-Quillby merger closed. Zorblet said so, and Quillby agreed with Zorblet. Quillby is glad.',
      present: ['Zorblet', 'Quillby'],
      absent: ['Zorblet-Quillby'],
    },
    {
      rule: 'two countries joined by a hyphen are two places even when never written alone',
      text: 'Hopes of a China-US trade deal lifted Zorblet shares. Zorblet said its trade deal hopes were high.',
      present: ['China', 'US'],
      absent: ['China-US'],
    },
    {
      rule: 'a name written in hyphenated halves the text never writes alone stays one name',
      text: 'Patrick Quill-Zorn bought Take-Two. Quill-Zorn said Take-Two would grow, and Take-Two agreed.',
      present: ['Patrick Quill-Zorn', 'Take-Two'],
      absent: ['Quill', 'Zorn'],
    },
    {
      rule: 'a title written with a hyphen is cut off whole ("Vice-president elect Mike Pence")',
      text: 'The cast spoke to Vice-president elect Norah Quillby. Norah Quillby said she enjoyed it.',
      present: ['Norah Quillby'],
      absent: ['Vice', 'Vice-president'],
    },
    {
      rule: 'a number after a person’s name is an age, no part of the name ("Ryan S. Hollman 31, of Hope")',
      text: 'Deputies arrested Norah T. Quillby 34, of Dunmore. Norah T. Quillby was held without bond.',
      present: ['Norah T. Quillby'],
      absent: ['Norah T. Quillby 34'],
    },
    {
      rule: 'capitals joined by an ampersand are a name’s letters ("the S&P 500")',
      text: 'Stocks fell. The Z&Q 400 lost 2 points, and the Z&Q 400 closed lower again on Friday.',
      present: ['Z&Q 400'],
      absent: [],
    },
    {
      rule: 'an advertising metric’s initials are no entity ("the highest CTR")',
      text: 'Ads sold by Zorblet get the highest CTR, and CTR rose while CPM fell. HP said so, and HP agreed.',
      present: ['Zorblet', 'HP'],
      absent: ['CTR', 'CPM'],
    },
    {
      rule: 'a lawmaker’s party and state ("R-Neb.") is no entity',
      text: 'Sen. Jo Varnell, R-Neb., called it a crisis. Rep. Ann Lowe, D-Calif., and Varnell agreed.',
      present: ['Jo Varnell'],
      absent: ['R-Neb', 'R-Neb.', 'D-Calif', 'D-Calif.'],
    },
    {
      rule: 'a legal suffix after a comma is no entity of its own',
      text: 'Orbex Dynamics, Inc. won the contract. Orbex Dynamics said the Inc. filing was late.',
      present: ['Orbex Dynamics'],
      absent: ['Inc.', 'Inc'],
    },
    {
      rule: 'a plus sign closing a brand names its service, an entity apart from the brand',
      text: 'Zorblet Inc. launched Zorblet+ on Monday. Zorblet+ costs less, and Zorblet said Zorblet+ sold well to Zorblet fans.',
      present: ['Zorblet', 'Zorblet+'],
      absent: ['Zorblet+ Zorblet'],
    },
    {
      rule: 'a maker and its model number are not one name; a version number stays in its name',
      text: 'Skylinq flies Aerovex A410-200 jets. Aerovex said so. Gamers bought Vortaxia 4, and Vortaxia 4 sold out.',
      present: ['Aerovex', 'A410-200', 'Vortaxia 4'],
      absent: ['Aerovex A410-200'],
    },
    {
      rule: 'a city named like an English word is no place when nothing else says so',
      text: 'Analysts cut their forecast. Split decisions followed, and the board met again.',
      present: [],
      absent: ['Split'],
    },
    {
      rule: 'a known place in the possessive owns the next name rather than joining it',
      text: "Kenya's Savanna Skyways ordered jets, and analysts expect Kenya's Savanna Skyways to order more.",
      present: ['Savanna Skyways'],
      absent: ["Kenya's Savanna Skyways"],
    },
    {
      rule: 'an acronym defined after a quoted lower-case term is a term',
      text:
        'Brokers sell "personally identifiable information" (PII) to banks. Laws on PII vary, so firms ' +
        'store PII abroad and sell PII in bulk.',
      present: [],
      absent: ['PII'],
    },
  ])('$rule', ({ text, present, absent }) => {
    const found = discoverEntities(text);
    for (const form of present) expect(named(found, form), `${form} in ${JSON.stringify(found)}`).toBeDefined();
    for (const form of absent) expect(named(found, form), `${form} in ${JSON.stringify(found)}`).toBeUndefined();
  });
});

describe('names that look like English words by their ending', () => {
  it('finds a name the tagger takes for a verb by its "-ify" ending, written with a capital mid-sentence', () => {
    const found = discoverEntities(
      'A title\n\nAnalysts said that Quorbify would raise its prices, and users of Quorbify complained. Many British fans agreed.',
    );
    expect(named(found, 'Quorbify'), JSON.stringify(found)).toBeDefined();
    expect(named(found, 'British'), JSON.stringify(found)).toBeUndefined();
  });
});

describe('names behind job titles', () => {
  it.each([
    {
      text: 'Finance Minister Ana Ruiz said the budget held. Ruiz added that taxes would not rise.',
      person: 'Ana Ruiz',
      absent: ['Finance Minister Ana Ruiz', 'Finance Minister', 'Finance'],
    },
    {
      text: 'Orbital Survey Agency Administrator Tomas Vell said launches resume. Vell spoke in Denver.',
      person: 'Tomas Vell',
      absent: ['Orbital Survey Agency Administrator Tomas Vell', 'Agency Administrator'],
    },
    {
      text: 'The regulator agreed. ZPUC President Dara Oakes said rates would fall, and Oakes left.',
      person: 'Dara Oakes',
      absent: ['ZPUC President Dara Oakes', 'ZPUC President'],
    },
    {
      // Offices of the law and of public complaint are job titles too.
      text: 'Public Ombudsman Nadia Quell’s office counted the dead. Sheriff Matt Loyd said Quell was right.',
      person: 'Nadia Quell',
      absent: ['Public Ombudsman Nadia Quell', 'Ombudsman', 'Ombudsman Nadia Quell', 'Sheriff Matt Loyd'],
    },
    {
      text: 'Attorney-General Ned Brill defended the bill. Brill said the law was sound.',
      person: 'Ned Brill',
      absent: ['Attorney-General Ned Brill'],
    },
    {
      text: 'Zorblet Chief Executive Officer Mara Quint said sales rose. Quint spoke to Zorblet staff.',
      person: 'Mara Quint',
      absent: ['Officer Mara Quint', 'Zorblet Chief', 'Zorblet Chief Executive'],
    },
    {
      text: 'It was a test for Zorblet Deputy Director Ilse Varga. Varga told Zorblet staff it went well.',
      person: 'Ilse Varga',
      absent: ['Zorblet Deputy', 'Zorblet Deputy Director Ilse Varga'],
    },
    {
      text: 'Republican Gov. Ana Ruiz signed the bill. Teachers said Ruiz should have waited for Ruiz to decide.',
      person: 'Ana Ruiz',
      absent: ['Gov. Ana Ruiz', 'Republican Gov. Ana Ruiz'],
    },
    {
      text: 'Teachers rallied as Zorbia Gov. Tomas Vell watched. Vell said the schools would open.',
      person: 'Tomas Vell',
      absent: ['Zorbia Gov. Tomas Vell', 'Zorbia Gov.'],
    },
    {
      text: 'Later, Zorbia House Speaker Dara Oakes spoke before lawmakers. Oakes defended the budget.',
      person: 'Dara Oakes',
      absent: ['Zorbia House Speaker Dara Oakes'],
    },
    {
      // A military rank before a given name, an attorney and a team's leader are job titles too.
      text: 'The war goes on, but General Mara Quint, chairman of the staff, said so. Quint added more.',
      person: 'Mara Quint',
      absent: ['General Mara Quint', 'General'],
    },
    {
      text: 'The sentence was fair, said Zorbia Attorney Nealy Vorn. Vorn said the family was relieved.',
      person: 'Nealy Vorn',
      absent: ['Zorbia Attorney Nealy Vorn', 'Zorbia Attorney'],
    },
    {
      text: 'Sleep matters most, explains Zorblet Team Leader Jennifer Quill-Anh. Quill-Anh smiled.',
      person: 'Jennifer Quill-Anh',
      absent: ['Zorblet Team Leader Jennifer Quill-Anh'],
    },
    {
      // A post named by what it heads, in apposition: a job title, and the name before it a person's.
      text: 'Markets are mixed, said Rusmik Vorn, Head of Fundamental Research at Zorblet Securities.',
      person: 'Rusmik Vorn',
      absent: ['Head of Fundamental Research'],
    },
  ])('$person', ({ text, person, absent }) => {
    const found = discoverEntities(text);
    expect(named(found, person)?.kind, JSON.stringify(found)).toBe('person');
    for (const form of absent) expect(named(found, form), `${form} in ${JSON.stringify(found)}`).toBeUndefined();
  });
});

describe('two names joined by a plain "or"', () => {
  it('stay two: "Zorblet or Quillby may buy it"', () => {
    const found = discoverEntities(
      'Buyers such as Zorblet or Quillby may bid for the studio. Later, Zorblet and Quillby both declined to comment.',
    );
    expect(named(found, 'Quillby'), JSON.stringify(found)).toBeDefined();
    expect(named(found, 'Quillby')).not.toBe(named(found, 'Zorblet'));
  });
});

describe('text in another language', () => {
  it('gives no entities: a German article capitalises every noun', () => {
    const german =
      'Die elektronische Akte soll Ärzten und Patienten helfen. Seit Jahren reden Politiker, Kassen und Verbände ' +
      'über die Einführung, doch im Alltag der Praxen kommt wenig an. Befunde liegen noch immer auf Papier, Briefe ' +
      'werden gefaxt, und jede Behandlung beginnt mit denselben Fragen. Die Anbindung der Kliniken ist teuer, die ' +
      'Betreiber streiten über Zuständigkeiten, und viele Versicherte wissen nicht, welche Daten gespeichert werden. ' +
      'Fachleute fordern klare Regeln, einfache Anwendungen und eine Haftung, die Vertrauen schafft. Bis dahin bleibt ' +
      'die Akte ein Versprechen, das bei Zorblet Healthcare in Berlin noch getestet wird, während Kassen warten.';
    expect(discoverEntities(german)).toEqual([]);
  });
  it('still reads an English article that quotes a few foreign words', () => {
    const english =
      'Zorblet Healthcare said on Tuesday that its electronic record, which Germans call the elektronische ' +
      'Patientenakte, will reach clinics in Berlin next year. Zorblet Healthcare has tested the record with doctors ' +
      'and patients for two years, and the company said that most of them liked it. The rollout is expensive, and ' +
      'insurers still argue about who pays for it, but Zorblet Healthcare expects the first clinics to sign up soon.';
    expect(named(discoverEntities(english), 'Zorblet Healthcare')).toBeDefined();
  });
});

describe('a rank that names no person', () => {
  it('keeps "General Motors" whole: no given name follows the rank', () => {
    const found = discoverEntities('Shares of General Motors and Zorblet fell. General Motors agreed.');
    expect(named(found, 'General Motors')?.kind, JSON.stringify(found)).toBe('company');
  });
  it('reads no person after a title that a rank follows ("State Attorney General")', () => {
    const found = discoverEntities(
      'The office of the Zorbia State Attorney General wrote to Zorblet. Zorblet replied.',
    );
    expect(
      found.filter((entity) => entity.kind === 'person'),
      JSON.stringify(found),
    ).toEqual([]);
  });
});

describe('"and" inside a body\'s name', () => {
  it.each([
    {
      text: 'Zorblet is the subject of a U.S. Securities and Exchange Commission inquiry. Zorblet said so.',
      present: ['U.S. Securities and Exchange Commission'],
      absent: ['U.S. Securities', 'Exchange Commission'],
    },
    {
      text: 'The Quillon Trade and Tourism Council met on Monday. Zorblet joined the Quillon Trade and Tourism Council.',
      present: ['Quillon Trade and Tourism Council'],
      absent: ['Tourism Council'],
    },
    // A given name before "and" is a person of a list, not part of the body's name.
    {
      text: 'Marta and Trade Commission staff met on Monday. Marta Quillon said the Trade Commission agreed.',
      present: ['Trade Commission'],
      absent: ['Marta and Trade Commission'],
    },
    // A given name after "and" starts a person: the body's name ended before it.
    {
      text:
        'The Department of Coastal Safety and Alex Marlowe wrote to the council. Alex Marlowe said the ' +
        'Department of Coastal Safety agreed.',
      present: ['Department of Coastal Safety', 'Alex Marlowe'],
      absent: ['Department of Coastal Safety and Alex Marlowe'],
    },
  ])('$present', ({ text, present, absent }) => {
    const found = discoverEntities(text);
    for (const form of present) expect(named(found, form), `${form} in ${JSON.stringify(found)}`).toBeDefined();
    for (const form of absent) expect(named(found, form), `${form} in ${JSON.stringify(found)}`).toBeUndefined();
  });
});

describe('forms of one entity kept as one', () => {
  it.each([
    {
      rule: 'another name the text gives the same thing ("New Zealand – or Aotearoa as it is called")',
      text:
        'Experts regard Varnholt – or Tevaroa as it is called by its first people – as a whale capital. ' +
        'Tevaroa has seen 5,000 strandings, and Varnholt keeps the records.',
      name: 'Varnholt',
      forms: ['Tevaroa'],
    },
    {
      rule: 'the same, with "also known as"',
      text: 'The prison, Zorbex Hall, also known as Quillby Keep, held 300 men. Quillby Keep closed, and Zorbex Hall is a museum.',
      name: 'Zorbex Hall',
      forms: ['Quillby Keep'],
    },
    {
      rule: 'a family name written first, with an honorific, joins the one full name it opens (a person)',
      text:
        'The talks between the two leaders, Mr. Hale and his counterpart, Zhao Weimin, in Lima were called off. ' +
        'It was an awkward trip for Mr. Zhao, aides said.',
      name: 'Zhao Weimin',
      forms: ['Zhao', 'Mr. Zhao'],
    },
    {
      rule: 'a region named with and without its kind is one place ("… Autonomous Region", "… Province")',
      text:
        'Two patients from the Varnholt Autonomous Region were quarantined. Officials in Varnholt said more ' +
        'tests were done, and Varnholt closed its schools.',
      name: 'Varnholt Autonomous Region',
      forms: ['Varnholt'],
    },
    {
      rule: 'a person with a middle initial is called by the family name',
      text: 'The study’s author, Marta K. Oduya, said use rose in the state. Oduya added that it fell a year later.',
      name: 'Marta K. Oduya',
      forms: ['Oduya'],
    },
    {
      rule: 'a person with initials for given names is called by the family name',
      text: 'The first two films were directed by T.J. Varnell. Varnell was a producer on the third one as well.',
      name: 'T.J. Varnell',
      forms: ['Varnell'],
    },
    {
      rule: 'an agency’s name said both ways round, and without its head word, is one agency',
      text:
        'The Department of Coastal Safety said on Monday that it would close two beaches. A Coastal Safety ' +
        'Department spokesman said the closures would last a week, and Coastal Safety officials agreed.',
      name: 'Department of Coastal Safety',
      forms: ['Coastal Safety Department', 'Coastal Safety'],
    },
    {
      rule: 'a company name opening the story with its legal form joins its initials written later',
      text: 'Northern Gas & Power Co. began cutting power on Monday. NG&P officials said the cuts would last, and NG&P crews waited.',
      name: 'Northern Gas & Power',
      forms: ['NG&P', 'Northern Gas & Power Co.'],
    },
    {
      rule: 'a stock symbol in brackets that starts the name joins it',
      text: 'The Zorbex Index (ZORB) fell 0.5% on Monday. Traders said the Zorbex Index would recover, and ZORB rose later.',
      name: 'Zorbex Index',
      forms: ['ZORB'],
    },
    {
      rule: 'a symbol a label calls a ticker joins the name before it',
      text: 'Quillon Mart (ticker: QMRT) reported earnings. Quillon Mart said sales rose, and QMRT shares gained.',
      name: 'Quillon Mart',
      forms: ['QMRT'],
    },
    {
      rule: 'the short name of an institution, only ever opening sentences, joins its full name',
      text: 'The deal was backed by the Quillon Group on Monday. Quillon, which already held a stake, agreed to it.',
      name: 'Quillon Group',
      forms: ['Quillon'],
    },
    {
      rule: 'a company named after its founder joins the family name it is called by',
      text: 'Marta Quillon Corp. bought a studio. Quillon said the deal closed, and Quillon shares rose as Quillon grew.',
      name: 'Marta Quillon',
      forms: ['Quillon', 'Marta Quillon Corp.'],
    },
    {
      rule: 'a short name joins its institution name written in the singular and the plural',
      text:
        'Zorbia Airline ordered jets. Zorbia Airlines said the order was firm, and Zorbia flies to Paris. ' +
        'Analysts said Zorbia would grow.',
      name: 'Zorbia Airline',
      forms: ['Zorbia', 'Zorbia Airlines'],
    },
    {
      rule: 'a title before a family name keeps the titled form as another name of the person',
      text: 'President Dana Kolber spoke first. Later Mr Kolber said President Kolber would stay.',
      name: 'Dana Kolber',
      forms: ['Kolber', 'Mr Kolber', 'President Kolber'],
    },
    {
      rule: 'a family name that only ever opens sentences still joins the full name',
      text: 'The blogger Anna Brankovic said she erred. Brankovic later deleted it. Brankovic apologised.',
      name: 'Anna Brankovic',
      forms: ['Brankovic'],
    },
    {
      rule: 'a family name written alone joins the only full name that looks like a person and ends in it',
      text: 'Emmerson Ruvanga Chitepo spoke. Then Chitepo left, and Chitepo wrote a note.',
      name: 'Emmerson Ruvanga Chitepo',
      forms: ['Chitepo'],
    },
    {
      rule: 'an acronym never defined in brackets joins the one name whose initials it is',
      text: 'The Northern Valley Water Board raised rates. The NVWB said costs rose, and the NVWB will vote.',
      name: 'Northern Valley Water Board',
      forms: ['NVWB'],
    },
    {
      rule: 'an acronym of the words after a place joins that name',
      text: 'The Kenya Widget Standards Council met. The Kenya Widget Standards Council and the WSC agreed; WSC staff left.',
      name: 'Kenya Widget Standards Council',
      forms: ['WSC'],
    },
    {
      rule: 'a web address joins the name it is made of',
      text:
        'Prices came from Carquill.com this week, and analysts at Carquill.com said demand fell. ' +
        'Carquill said so, and analysts at Carquill agreed.',
      name: 'Carquill.com',
      forms: ['Carquill'],
    },
    {
      rule: 'a plural of a camel-case name joins the name',
      text: 'The new zPhone sold out. Buyers love zPhones, and the zPhone costs less than older zPhones.',
      name: 'zPhone',
      forms: ['zPhones'],
    },
    {
      rule: 'a short form with capitals and a model number joins the full name',
      text: 'The GameCube 5 Pro ships soon. The GC5 Pro costs more than the GameCube 5 Pro bundle, and the GC5 Pro sells.',
      name: 'GameCube 5 Pro',
      forms: ['GC5 Pro'],
    },
    {
      rule: 'a short name joins its institution name when ordinary words stand between them',
      text: 'Fortwell Investment Group bought the paper. Fortwell said so, and Fortwell Investment Group agreed with Fortwell.',
      name: 'Fortwell Investment Group',
      forms: ['Fortwell'],
    },
  ] as { rule: string; text: string; name: string; forms: string[]; kind?: EntityKind }[])(
    '$rule',
    ({ text, name, forms }) => {
      const found = discoverEntities(text);
      const entity = named(found, name);
      expect(entity, JSON.stringify(found)).toBeDefined();
      for (const form of forms) expect(named(found, form)?.name, `${form} in ${JSON.stringify(found)}`).toBe(name);
    },
  );
});

describe('kinds', () => {
  it.each([
    {
      rule: 'a country by the everyday name ICU does not give ("Britain", "Myanmar" of "Myanmar (Burma)") is a place',
      text: 'The ministry will dismiss any criticism, as it has that from Britain. Aid to Myanmar went on regardless.',
      name: 'Britain',
      kind: 'place',
    },
    {
      rule: 'a given name and an English adjective or verb, capitalised mid-sentence, is a person ("Tom Cook")',
      text: 'Fans said Nora Swift was right about the tour. Then Nora Swift left the room.',
      name: 'Nora Swift',
      kind: 'person',
    },
    {
      rule: 'a stock index named by its head word is a product ("Dow Jones Industrial Average", "Nasdaq Composite")',
      text: 'The Quillby Vorn Industrial Average fell 0.3%. Later the Quillby Vorn Industrial Average recovered.',
      name: 'Quillby Vorn Industrial Average',
      kind: 'product',
    },
    {
      rule: 'so is a name with "index" after it ("the STOXX 600 index")',
      text: 'The pan-European Zorbex index lost 0.12%, and Zorbex later closed lower as the Zorbex index slid.',
      name: 'Zorbex',
      kind: 'product',
    },
    {
      rule: 'a role in apposition after a name makes it a person’s ("…, a doctor at …")',
      text: 'Two patients fell ill, according to Ruan Qiwen, a doctor at the city hospital, who treated both of them.',
      name: 'Ruan Qiwen',
      kind: 'person',
    },
    {
      rule: 'a firm the lexicon knows is no town of the same name ("Toyota" is also a city in Japan)',
      text: 'Sales at Toyota rose in October, and Toyota said it would build more hybrids next year.',
      name: 'Toyota',
      kind: 'company',
    },
    {
      rule: 'a role in lower case right before a name makes it a person’s ("billionaire Warren Buffett")',
      text: 'Many savers follow billionaire Warren Quillby’s favourite investment: low-cost index funds.',
      name: 'Warren Quillby',
      kind: 'person',
    },
    {
      rule: 'a role in capitals in apposition makes it a person’s too ("…, CEO of …")',
      text: '"We will be where the players are," Torvald Quenby, CEO of the studio, said on Tuesday in Paris.',
      name: 'Torvald Quenby',
      kind: 'person',
    },
    {
      rule: 'a name whose family name takes an honorific is a person’s',
      text:
        'The talks between the two leaders, Mr. Hale and his counterpart, Zhao Weimin, in Lima were called off. ' +
        'It was an awkward trip for Mr. Zhao, aides said.',
      name: 'Zhao Weimin',
      kind: 'person',
    },
    {
      rule: 'a name a price stands before is a product, even written once ("the $1,000 Meta Quest Pro")',
      text: 'Reviewers liked it. The $1,000 Zorb Vista Pro, by contrast, has a sharper screen than most.',
      name: 'Zorb Vista Pro',
      kind: 'product',
    },
    {
      rule: 'a country the lexicon takes for a plural demonym is a place ("the Philippines", "Laos")',
      text: 'The car will arrive in the Philippines next year, and in Laos after that, Zorblet said.',
      name: 'Philippines',
      kind: 'place',
    },
    {
      rule: 'a jail, a prison or an infirmary is a body, not a person named after someone',
      text:
        'Quillby was taken to Harold Benton Jail on Monday. Harold Benton Jail holds 300 people, ' +
        'and the staff of Harold Benton Jail said so.',
      name: 'Harold Benton Jail',
      kind: 'organization',
    },
    {
      rule: 'a place’s head word inside a name makes a place’s office, not a person ("… County Sheriff")',
      text:
        'The Bartholomew County Sheriff said the road was closed. Bartholomew County Sheriff deputies stayed ' +
        'there all night, Bartholomew County officials said.',
      name: 'Bartholomew County Sheriff',
      kind: 'organization',
    },
    {
      rule: 'initials before a family name make a person’s name',
      text: 'The first two films were directed by T.J. Varnell. Varnell was a producer on the third one as well.',
      name: 'T.J. Varnell',
      kind: 'person',
    },
    {
      rule: 'a possessive before a lower-case group noun is no sign of an organisation',
      text: "Users leave Zorblet. The reach of Zorblet's network is vast, and Zorblet sells ads to Zorblet users.",
      name: 'Zorblet',
      kind: 'company',
    },
    {
      rule: "a legal form among an entity's forms outweighs a given name in front",
      text: 'Marta Vole Corp. won the bid. Marta Vole said its rockets fly, and Marta Vole hired staff.',
      name: 'Marta Vole',
      kind: 'company',
    },
    {
      rule: 'a lower-case "program" after a name makes it a programme',
      text: 'The agency runs the Zephyrine program. Under the Zephyrine program, crews train for Zephyrine flights.',
      name: 'Zephyrine',
      kind: 'program',
    },
    {
      rule: "an institution's head word written alone is an organisation",
      text: 'The bill went to Congress on Monday, and Congress passed it after Congress debated.',
      name: 'Congress',
      kind: 'organization',
    },
    {
      rule: 'a compass word before a known region is a place',
      text: 'Drought hit Northern Kenya hard. Herders in Northern Kenya moved, and Northern Kenya waits.',
      name: 'Northern Kenya',
      kind: 'place',
    },
    {
      rule: 'a product noun ending the name makes it a product',
      text: 'Install the Quillo Browser today. The Quillo Browser blocks trackers, and Quillo Browser is free.',
      name: 'Quillo Browser',
      kind: 'product',
    },
    {
      rule: 'company heads such as "Robotics" make a company',
      text: 'NASA picked Ceradon Robotics. Ceradon Robotics will fly, and the agency paid Ceradon Robotics.',
      name: 'Ceradon Robotics',
      kind: 'company',
    },
    {
      rule: 'with no stronger sign, the words around a name say it is a product',
      text: 'Gamers play Vortaxia daily. The game Vortaxia sold well, and players download Vortaxia updates.',
      name: 'Vortaxia',
      kind: 'product',
    },
    {
      rule: 'a model number after its maker is a product of its own',
      text: 'Skylinq ordered ten Aerovex A410-200 jets. Aerovex said the order was firm.',
      name: 'A410-200',
      kind: 'product',
    },
    {
      rule: 'the maker before a model number is a company',
      text: 'Skylinq ordered ten Aerovex A410-200 jets. Later Aerovex said the order was firm.',
      name: 'Aerovex',
      kind: 'company',
    },
    {
      rule: 'a listed city named once is a place',
      text: 'Quillo Labs, a Pasadena maker of drones, said its sales rose this year.',
      name: 'Pasadena',
      kind: 'place',
    },
    {
      rule: 'a listed city in a line of addresses is a place',
      text: 'Three firms won.\n\nQuillo Labs, Modesto, California\n\nQuillo Labs said the award helps.',
      name: 'Modesto',
      kind: 'place',
    },
    {
      rule: 'an institution head in lower case after a name ends it ("West Mercia police")',
      text: 'Dunmore Vale police said the road was shut. Dunmore Vale police asked drivers to wait.',
      name: 'Dunmore Vale police',
      kind: 'organization',
    },
    {
      rule: "a country's dotted initials are a place, even beside a known name that holds them",
      text: 'Sales in the U.S. fell, and the U.S. Zorblet Agency said the U.S. market would recover.',
      name: 'U.S.',
      kind: 'place',
    },
    {
      rule: 'a name with no sign of its own takes the kind of the names in a series with it',
      text: 'We played Vortaxia 3, Brisk Talon and Quell Ember. Brisk Talon looks sharp, and Quell Ember loads fast.',
      name: 'Brisk Talon',
      kind: 'product',
    },
    {
      rule: 'a name set beside another by a comma alone is no series ("Ann Lee, Zorblet\'s chief")',
      text: 'Ann Lee, Zorblet’s chief, spoke. Ann Lee said Zorblet grew, and Zorblet hired staff at Zorblet offices.',
      name: 'Zorblet',
      kind: 'company',
    },
    {
      rule: "a place in the possessive after a comma is the next name's owner, not the place of the name before",
      text: 'Buyers included Skylinq, Kenya’s Savanna Skyways and others. Skylinq ordered jets, and Skylinq paid cash.',
      name: 'Skylinq',
      kind: 'company',
    },
    {
      rule: 'a full name whose family name is also written alone is a person',
      text: 'Elder Hemi Tarawhiti spoke. Later Tarawhiti walked the beach with Hemi Tarawhiti supporters.',
      name: 'Hemi Tarawhiti',
      kind: 'person',
    },
  ] as { rule: string; text: string; name: string; kind: EntityKind }[])('$rule', ({ text, name, kind }) => {
    const found = discoverEntities(text);
    expect(named(found, name)?.kind, JSON.stringify(found)).toBe(kind);
  });
});

describe('forms kept out of an entity', () => {
  it.each([
    {
      rule: 'a family name two people of the story share joins neither',
      text:
        'Elder Hemi Tarawhiti spoke first. Later Te Aroha Tarawhiti, his niece, spoke. Hemi Tarawhiti said the ' +
        'beach was sacred. Te Aroha said so, and Te Aroha walked on. Tarawhiti said so again, and Tarawhiti left.',
      name: 'Hemi Tarawhiti',
      notForms: ['Tarawhiti', 'Te Aroha Tarawhiti'],
    },
    {
      rule: 'a county in front of a body’s head word is where the body is: the jail is not the county',
      text:
        'Bartholomew County said the jail was full. Two men were taken to Bartholomew County Jail, and ' +
        'Bartholomew County Jail staff said Bartholomew County would pay.',
      name: 'Bartholomew County Jail',
      notForms: ['Bartholomew County'],
    },
    {
      rule: 'a town in front of a newspaper word is no given name',
      text: 'The Dunmore Tribune reported it. Tribune editors agreed, and the Dunmore Tribune printed it.',
      name: 'Dunmore Tribune',
      notForms: ['Tribune'],
    },
  ])('$rule', ({ text, name, notForms }) => {
    const found = discoverEntities(text);
    const entity = named(found, name);
    expect(entity, JSON.stringify(found)).toBeDefined();
    for (const form of notForms) expect(entity!.aliases, JSON.stringify(found)).not.toContain(form);
  });
});

describe('short forms: names that mean the entity only beside its full name', () => {
  it.each([
    {
      rule: 'a family name that is an English word (other stories and pages would match it)',
      text: 'Apple chief Tim Baker spoke. Baker said sales rose, and Baker left the stage with Tim Baker fans.',
      name: 'Tim Baker',
      shortForms: ['Baker'],
    },
    {
      rule: 'a family name that is also a given name',
      text: 'The ranger Jamie Werner counted the whales. “It was a shock,” says Werner. Werner went back at dawn.',
      name: 'Jamie Werner',
      shortForms: ['Werner'],
    },
    {
      rule: 'a given name the story calls a person by',
      text: 'Eloise Parry died in April. Eloise had bought the pills online, and Eloise had told no one.',
      name: 'Eloise Parry',
      shortForms: ['Eloise'],
    },
  ])('$rule', ({ text, name, shortForms }) => {
    const found = discoverEntities(text);
    const entity = named(found, name);
    expect(entity, JSON.stringify(found)).toBeDefined();
    for (const form of shortForms) expect(entity!.aliases).toContain(form);
    expect(entity!.shortForms).toEqual(shortForms);
  });

  it('is not what a family name that is only a family name becomes: that is an alias like any other', () => {
    const text = 'Analyst Wade Kessler wrote the note. Kessler said prices would fall, and Kessler was right.';
    const entity = named(discoverEntities(text), 'Wade Kessler');
    expect(entity?.aliases).toContain('Kessler');
    expect(entity?.shortForms).toBeUndefined();
  });
});
