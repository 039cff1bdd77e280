import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFactBase, leadOf } from '@/src/ingest/build';
import { parseCatalog } from '@/src/ingest/catalog';
import { IngestError, formatProblem } from '@/src/ingest/errors';
import { serialiseFactBase } from '@/src/ingest/cli';
import type { FactBase, Figure } from '@/src/facts/schema';

const ARTICLES = 'assets/articles';
const readArticles = () =>
  readdirSync(ARTICLES)
    .filter((name) => name.endsWith('.md'))
    .map((name) => ({ path: join(ARTICLES, name), text: readFileSync(join(ARTICLES, name), 'utf8') }));
const catalog = () => parseCatalog('assets/entities.yaml', readFileSync('assets/entities.yaml', 'utf8'));

describe('the fact base built from the seed digest', () => {
  let factBase: FactBase;
  beforeAll(() => {
    factBase = buildFactBase({ articles: readArticles(), catalog: catalog() }).factBase;
  });
  const story = (id: string) => factBase.stories.find((s) => s.id === id)!;
  const entity = (id: string) => factBase.entities.find((e) => e.id === id)!;
  const figureOf = (entityId: string, text: string): Figure | undefined =>
    factBase.figures.find((f) => f.entityIds.includes(entityId) && f.text.includes(text));

  it('has the four stories, dated where the digest prints a date', () => {
    expect(factBase.stories.map((s) => [s.id, s.date, s.excerpt ?? false])).toEqual([
      ['credo-purple-cables', '2025-10-17', true],
      ['doe-fusion-roadmap', '2025-10-17', true],
      ['tiktok-microsoft-ai-cloud', null, false],
      ['vatican-latin-american-ai-network', null, true],
    ]);
  });

  it('links Microsoft to the lead, the Credo and the Vatican stories', () => {
    expect(entity('microsoft').storyIds).toEqual([
      'credo-purple-cables',
      'tiktok-microsoft-ai-cloud',
      'vatican-latin-american-ai-network',
    ]);
  });

  it('links each story to the entities it names', () => {
    expect(story('tiktok-microsoft-ai-cloud').entityIds).toEqual(
      expect.arrayContaining(['azure', 'bytedance', 'chatgpt', 'microsoft', 'openai', 'tiktok']),
    );
    expect(story('doe-fusion-roadmap').entityIds).toContain('us-department-of-energy');
    expect(story('credo-purple-cables').entityIds).toEqual(
      expect.arrayContaining(['amazon', 'credo', 'elon-musk', 'microsoft', 'xai']),
    );
  });

  it.each([
    ['tiktok', 'nearly $20 million per month', { unit: 'USD', value: 20_000_000, per: 'month', qualifier: 'nearly' }],
    ['microsoft', '$1 billion', { unit: 'USD', value: 1_000_000_000, per: 'year' }],
    ['azure', '29 percent', { unit: 'percent', value: 29 }],
    ['azure', '30 to 31 percent', { unit: 'percent', value: 30, upper: 31 }],
    ['azure', '28–29 percent', { unit: 'percent', value: 28, upper: 29 }],
    ['us-department-of-energy', '$9B', { unit: 'USD', value: 9_000_000_000 }],
    ['credo', '$143.61', { unit: 'USD', value: 143.61 }],
    ['credo', '245%', { unit: 'percent', value: 245 }],
    ['credo', '$300-$500', { unit: 'USD', value: 300, upper: 500, per: 'unit' }],
  ])('gives %s the figure %s', (entityId, text, expected) => {
    const figure = figureOf(entityId, text);
    expect(figure, `no figure '${text}' linked to ${entityId}`).toBeDefined();
    expect(figure).toMatchObject(expected);
    expect(figure!.sentence).toContain(figure!.text);
    expect(entity(entityId).figureIds).toContain(figure!.id);
  });

  it.each([
    ['nearly $20 million per month', ['microsoft', 'tiktok']],
    ['between $300-$500 each', ['credo']],
    ['$143.61', ['credo']],
    ['$9B', ['us-department-of-energy']],
    ['50 global experts', ['vatican']],
  ])('gives %s to the entities the sentence is about, not to every name in it', (text, owners) => {
    expect(factBase.figures.find((f) => f.text === text)?.entityIds).toEqual(owners);
  });

  it('does not count years, quarters or dates as amounts', () => {
    const texts = factBase.figures.map((f) => f.text);
    for (const trap of ['2024', 'Q4 2024', 'Q1 2025', 'Oct 17', '2030s', 'October 16-17']) {
      expect(texts.filter((t) => t === trap || t.startsWith(trap))).toEqual([]);
    }
  });

  it('summarises each story by its lead', () => {
    expect(story('doe-fusion-roadmap').summary).toMatch(/^The Department of Energy has released a new roadmap/);
    for (const s of factBase.stories) expect(s.summary.length).toBeGreaterThan(40);
  });

  it('keeps, per entity, the sentences of a story that name it', () => {
    const mention = story('credo-purple-cables').mentions.find((m) => m.entityId === 'credo')!;
    expect(mention.sentences.length).toBeGreaterThanOrEqual(2);
    expect(mention.sentences.every((sentence) => sentence.includes('Credo'))).toBe(true);
  });

  it('discovers entities the catalog lacks, without headings or sentence starts', () => {
    const discovered = factBase.entities.filter((e) => e.origin === 'discovered').map((e) => e.name);
    for (const junk of ['Why', 'The company', 'Recent Stories', 'What you should know', 'However', 'October']) {
      expect(discovered).not.toContain(junk);
    }
  });

  it('is deterministic: the same input gives byte-identical output', () => {
    const again = buildFactBase({ articles: readArticles().reverse(), catalog: catalog() }).factBase;
    expect(serialiseFactBase(again)).toBe(serialiseFactBase(factBase));
  });

  it('matches the committed src/facts/factbase.json (run npm run facts after changing articles)', () => {
    expect(readFileSync('src/facts/factbase.json', 'utf8')).toBe(serialiseFactBase(factBase));
  });
});

describe('build errors', () => {
  const article = (path: string, frontMatter: string) => ({
    path,
    text: `---\n${frontMatter}\n---\nText about TikTok.\n`,
  });

  it('lists every bad article with file and line, and returns no fact base', () => {
    let error: unknown;
    try {
      buildFactBase({
        articles: [
          article('a/one.md', 'title: One\ndate: Oct 17'),
          article('a/two.md', 'date: 2025-01-01'),
          article('a/three.md', 'title: Fine'),
        ],
        catalog: catalog(),
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).problems.map(formatProblem)).toEqual([
      "a/one.md:3: date 'Oct 17' is not YYYY-MM-DD",
      'a/two.md:2: title is missing',
    ]);
  });

  it('refuses two files that give the same story id', () => {
    expect(() =>
      buildFactBase({
        articles: [article('a/Same.md', 'title: A'), article('b/same.md', 'title: B')],
        catalog: catalog(),
      }),
    ).toThrow("b/same.md:1: story id 'same' is already used by a/Same.md: rename one of the files");
  });
});

describe('articles as pages give them', () => {
  const PAGE = [
    '---',
    'title: TikTok signs a cloud deal with Microsoft',
    '---',
    '',
    'TikTok signs a cloud deal with Microsoft',
    '',
    'A server hall in a desert town. (AP Photo/Jane Roe)',
    '',
    'SAN FRANCISCO (AP) — TikTok has signed a cloud deal with Microsoft worth $2 billion over five years.',
    '',
    'Advertisement',
    '',
    'The company said its users grew to 1 billion. More than 450,000 people in Texas lost power last week.',
    '',
    'Jane Roe covers technology. Follow her on Twitter @janeroe',
    '',
  ].join('\n');
  let factBase: FactBase;
  beforeAll(() => {
    factBase = buildFactBase({ articles: [{ path: 'user/page.md', text: PAGE }], catalog: catalog() }).factBase;
  });

  it('summarises the story by its lead, not the repeated headline, a caption or a dateline', () => {
    expect(factBase.stories[0]!.summary).toMatch(/^TikTok has signed a cloud deal with Microsoft worth \$2 billion/);
  });

  it('keeps the body as stored, but reads figures and mentions from the prose alone', () => {
    const story = factBase.stories[0]!;
    expect(story.body).toContain('(AP Photo/Jane Roe)');
    expect(story.body).toContain('Advertisement');
    const sentences = story.mentions.flatMap((mention) => mention.sentences);
    expect(sentences.join(' ')).not.toMatch(/AP Photo|SAN FRANCISCO|Follow her/);
  });

  it.each([
    // "with Microsoft" is an adjunct: the deal is TikTok's.
    ['$2 billion', ['tiktok']],
    ['1 billion', ['tiktok']],
    ['450,000', []],
  ])('gives %s to %j', (text, owners) => {
    expect(factBase.figures.find((figure) => figure.text.includes(text))?.entityIds).toEqual(owners);
  });
});

describe('a story about the market of a place', () => {
  const CATALOG = [
    'entities:',
    '  - id: springfield',
    '    name: Springfield',
    '    kind: place',
    '    aliases: [Springfield]',
    '  - id: acme-data',
    '    name: Acme Data',
    '    kind: company',
    '    aliases: [Acme Data]',
  ].join('\n');
  const ARTICLE = [
    '---',
    'title: New car sales fall 10 percent in October',
    '---',
    '',
    'New car sales in the Springfield area fell 10 percent last month. Dealers sold 3,000 cars, according to',
    'Acme Data. Acme Data expects 16 million cars will be sold nationally. Nationally, dealers sold 17 million',
    'cars. More than 4,000 people lined up at the dealers.',
    '',
  ].join('\n');
  let factBase: FactBase;
  beforeAll(() => {
    factBase = buildFactBase({
      articles: [{ path: 'user/cars.md', text: ARTICLE }],
      catalog: parseCatalog('test.yaml', CATALOG),
      discover: false,
    }).factBase;
  });

  it.each([
    ['3,000', ['springfield']],
    ['16 million', []],
    ['17 million', []],
    ['4,000', []],
  ])('gives %s to %j', (text, owners) => {
    expect(factBase.figures.find((figure) => figure.text.includes(text))?.entityIds).toEqual(owners);
  });

  // The title's "10 percent" is the lead's, given again: one figure, the lead's, owned by the place. (This
  // expected two figures once, the title's and the lead's: the same fact counted twice.)
  it('gives the title’s figure to the place its lead reports on', () => {
    expect(factBase.figures.filter((figure) => figure.text === '10 percent').map((f) => f.entityIds)).toEqual([
      ['springfield'],
    ]);
  });
});

/** An article file with only a title and a body. */
const article = (path: string, title: string, body: string) => ({
  path,
  text: ['---', `title: ${title}`, '---', '', body, ''].join('\n'),
});

describe('a figure the title gives too', () => {
  // A headline names whoever fits its few words: the body's "$10" is the game's, which the title does not name.
  it('is not given to the title’s names when the body’s sentence names nobody', () => {
    const CATALOG = [
      'entities:',
      '  - id: zorblet',
      '    name: Zorblet',
      '    kind: company',
      '    aliases: [Zorblet]',
    ].join('\n');
    const factBase = buildFactBase({
      articles: [
        article(
          'game.md',
          'Zorblet’s first phone game will launch in June for $10',
          'The game is a puzzle of many levels. You can play the first level free, or pay $10 to get everything.',
        ),
      ],
      catalog: parseCatalog('test.yaml', CATALOG),
      discover: false,
    }).factBase;
    const figures = factBase.figures.filter((figure) => figure.text.includes('$10'));
    expect(figures.length).toBeGreaterThan(0);
    for (const figure of figures) expect(figure.entityIds).toEqual([]);
  });
});

describe('a name two entities carry', () => {
  // Two people addressed alike: each story's "Mr Kessler" is the Kessler it names in full.
  const CATALOG = [
    'entities:',
    '  - id: justin-kessler',
    '    name: Justin Kessler',
    '    kind: person',
    '    aliases: [Justin Kessler, Mr Kessler]',
    '  - id: wade-kessler',
    '    name: Wade Kessler',
    '    kind: person',
    '    aliases: [Wade Kessler, Mr Kessler]',
  ].join('\n');
  let factBase: FactBase;
  beforeAll(() => {
    factBase = buildFactBase({
      articles: [
        article(
          'harbour.md',
          'Harbour council approves a ferry terminal',
          'Council chair Wade Kessler backed the terminal. Mr Kessler said the vote was the largest yet.',
        ),
        article(
          'marlow.md',
          'Marlow names a chief engineer',
          'Marlow has named Justin Kessler as chief engineer. Mr Kessler joined in 2019.',
        ),
        article('quote.md', 'A quote from the council', 'Mr Kessler said the ferries would run all night.'),
      ],
      catalog: parseCatalog('test.yaml', CATALOG),
      discover: false,
    }).factBase;
  });
  const mentions = (storyId: string) =>
    factBase.stories
      .find((story) => story.id === storyId)!
      .mentions.map(({ entityId, sentences }) => [entityId, sentences.length]);

  it('means, in a story, the entity the story names by a name of its own', () => {
    expect(mentions('harbour')).toEqual([['wade-kessler', 2]]);
    expect(mentions('marlow')).toEqual([['justin-kessler', 2]]);
  });

  it('means the first of them in a story that names none of them otherwise, as before', () => {
    expect(mentions('quote')).toEqual([['justin-kessler', 1]]);
  });
});

describe('a short form (a family name that is an English word)', () => {
  let factBase: FactBase;
  beforeAll(() => {
    factBase = buildFactBase({
      articles: [
        article(
          'keynote.md',
          'Orbex chief Tim Baker opens the keynote',
          'Orbex chief executive Tim Baker opened the keynote on Monday. Baker said sales rose 4% in the quarter. ' +
            'Tim Baker then left the stage.',
        ),
        article(
          'loaves.md',
          'A village bakery sells out',
          'The village bakery sold out by noon on Saturday. Baker and owner Mia Lund said the rye loaves went first.',
        ),
      ],
      catalog: parseCatalog('test.yaml', 'entities: []'),
    }).factBase;
  });
  const story = (id: string) => factBase.stories.find((s) => s.id === id)!;

  it('is kept as the entity’s short form', () => {
    const baker = factBase.entities.find((entity) => entity.name === 'Tim Baker');
    expect(baker?.aliases).toContain('Baker');
    expect(baker?.shortForms).toEqual(['Baker']);
  });

  it('names the entity in a story that names it in full', () => {
    const sentences = story('keynote').mentions.find((m) => m.entityId === 'tim-baker')?.sentences;
    expect(sentences).toContain('Baker said sales rose 4% in the quarter.');
  });

  it('names no one in a story that never names the entity in full', () => {
    expect(story('loaves').entityIds).not.toContain('tim-baker');
  });
});

describe('leadOf', () => {
  it.each([
    [
      'skips a heading and a caption',
      ['Hardware', 'Jane Roe at her desk', 'The council met on Tuesday.'],
      'The council met on Tuesday.',
    ],
    [
      'skips the title repeated at the top',
      ['Council approves budget.', 'The council approved its budget on Tuesday.'],
      'The council approved its budget on Tuesday.',
    ],
    [
      'takes two sentences of prose',
      ['The council met.', 'It voted twice.', 'It left.'],
      'The council met. It voted twice.',
    ],
    [
      'stops at a heading after the first sentence',
      ['The council met.', 'Background', 'It voted.'],
      'The council met.',
    ],
    ['falls back to the first sentences when none is prose', ['Hardware', 'Pros'], 'Hardware Pros'],
    [
      'skips a standfirst the body repeats further down',
      ['The clerk had been out of work since May.', 'The council met.', 'The clerk had been out of work since May.'],
      'The council met. The clerk had been out of work since May.',
    ],
    [
      'starts after an opening quotation, at the reporter’s own words',
      ['"We have waited ten years for this," says the mayor.', 'The council met on Tuesday.', 'It voted twice.'],
      'The council met on Tuesday. It voted twice.',
    ],
    [
      'skips a publisher’s disclaimer and the author’s lines about themselves',
      [
        'Opinions expressed by Daily Ledger Contributors are their own.',
        'I am a reporter, teacher, gardener and cook, not always in that order.',
        'The council met on Tuesday.',
      ],
      'The council met on Tuesday.',
    ],
    [
      'keeps a first sentence in the first person that is no list of roles',
      ['I am a council member, and I voted no.', 'The council met on Tuesday.'],
      'I am a council member, and I voted no. The council met on Tuesday.',
    ],
    [
      'keeps an opening quotation when the reporter’s words do not follow it soon',
      ['"We have waited ten years," says the mayor.', '"So have we," says the clerk.', '"And we," says a voter.'],
      '"We have waited ten years," says the mayor. "So have we," says the clerk.',
    ],
  ])('%s', (_, sentences, lead) => {
    expect(leadOf(sentences, 'Council approves budget')).toBe(lead);
  });
});

describe('leadOf and the title', () => {
  it('keeps a first sentence that shares only the title’s little words and a few of its others', () => {
    const sentences = ['Picture a deck of tarot cards.', 'What do you see?', 'Maybe the Magician in red robes.'];
    expect(leadOf(sentences, 'The Deck of Cards That Made Tarot A Global Phenomenon')).toBe(
      'Picture a deck of tarot cards. What do you see?',
    );
  });
});

describe('a family name with another given name before it', () => {
  it('names someone else: "Tavierre Quillby" is not Chad Quillby, and his figure is not Chad’s', () => {
    const page = (title: string, body: string) => ['---', `title: ${title}`, '---', '', body, ''].join('\n');
    const articles = [
      {
        path: 'a/one.md',
        text: page(
          'Rams hold on',
          'Chad Quillby, the linebacker, made 9 tackles on Sunday. Quillby said he was proud.',
        ),
      },
      {
        path: 'a/two.md',
        text: page(
          'Rams stats',
          'The Rams won again, and Chad Quillby was proud.\n\nCB Tavierre Quillby 61 4 tackles (4 combined).',
        ),
      },
    ];
    const { factBase } = buildFactBase({ articles, catalog: catalog() });
    const chad = factBase.entities.find((entity) => entity.name === 'Chad Quillby')!;
    expect(chad.aliases).toContain('Quillby');
    const owners = (figure: string) => factBase.figures.find((f) => f.text.startsWith(figure))?.entityIds;
    expect(owners('9 tackles')).toEqual([chad.id]);
    expect(owners('4 tackles')).toEqual([]);
  });
});
