import { describe, expect, it } from 'vitest';
import type { FactBase } from '@/src/facts/schema';
import { buildSearchIndex } from '@/src/search/search-index';
import { boundedEditDistance, createVocabulary } from '@/src/search/vocabulary';
import { FIXTURE_STORIES, fixtureFactBase } from './fixture-factbase';
import { syntheticFactBase } from './synthetic-factbase';

const index = buildSearchIndex(fixtureFactBase);

const figureText = (id: string) => fixtureFactBase.figures.find((figure) => figure.id === id)!.text;

describe('search over the fixture fact base', () => {
  it.each([
    {
      query: 'azure growth',
      entity: 'azure',
      story: FIXTURE_STORIES.tiktok,
      figures: ['29 percent', '30 to 31 percent', 'around 28–29 percent'],
    },
    {
      query: '20 million',
      entity: undefined,
      story: FIXTURE_STORIES.tiktok,
      figures: ['nearly $20 million per month'],
    },
    { query: '$20M', entity: undefined, story: FIXTURE_STORIES.tiktok, figures: ['nearly $20 million per month'] },
    { query: '29%', entity: undefined, story: FIXTURE_STORIES.tiktok, figures: ['29 percent', 'around 28–29 percent'] },
    { query: '29 percent', entity: undefined, story: FIXTURE_STORIES.tiktok, figures: ['29 percent'] },
    { query: 'fusion', entity: 'us-department-of-energy', story: FIXTURE_STORIES.doe, figures: [] },
    // Every Credo figure's sentence names its cables.
    {
      query: 'credo cable',
      entity: 'credo',
      story: FIXTURE_STORIES.credo,
      figures: ['more than double', '$143.61', '245%', '$300-$500 each'],
    },
    { query: 'bytedance', entity: 'bytedance', story: FIXTURE_STORIES.tiktok, figures: [] },
    { query: 'micro', entity: 'microsoft', story: FIXTURE_STORIES.tiktok, figures: [] },
    { query: 'microsfot', entity: 'microsoft', story: FIXTURE_STORIES.tiktok, figures: [] },
    // Azure's description: "whose growth Microsoft reports each quarter".
    { query: 'a quarter', entity: 'azure', story: FIXTURE_STORIES.tiktok, figures: ['almost a quarter'] },
    { query: '25%', entity: undefined, story: undefined, figures: ['almost a quarter'] },
  ])(
    '"$query" ranks $entity first among entities and $story among stories, and finds $figures',
    ({ query, entity, story, figures }) => {
      const results = index.search(query);
      expect(results.entities[0]?.id).toBe(entity);
      if (story) expect(results.stories[0]?.id).toBe(story);
      const found = results.figures.map((figure) => figure.text);
      expect(found).toEqual(expect.arrayContaining(figures));
      if (figures.length) expect(figures).toContain(found[0]);
    },
  );

  it('finds the exact percentage before ranges that only contain it', () => {
    const [first] = index.search('29%').figures;
    expect(first?.text).toBe('29 percent');
    expect(first?.value).toBe('29%');
  });

  it('finds only what matches every word', () => {
    const results = index.search('20 million');
    expect(results.figures.map((figure) => figure.text)).toEqual(['nearly $20 million per month']);
    expect(results.stories.map((story) => story.id)).toEqual([FIXTURE_STORIES.tiktok]);
    expect(results.total).toEqual({ entities: 0, stories: 1, figures: 1 });
  });

  it('falls back to any word when no row has all of them', () => {
    const results = index.search('vatican fusion');
    expect(results.stories.map((story) => story.id).sort()).toEqual([FIXTURE_STORIES.doe, FIXTURE_STORIES.vatican]);
  });

  it('reports the indexed terms each row matched, for highlighting', () => {
    const results = index.search('microsfot');
    expect(results.entities[0]?.terms).toEqual(['microsoft']);
    const [story] = index.search('20 million').stories;
    expect(story?.terms.sort()).toEqual(['20', 'million']);
    expect(story?.snippet).toContain('$20 million per month');
  });

  it('gives figures with their formatted value, story and entities', () => {
    const [figure] = index.search('20 million').figures;
    expect(figure).toMatchObject({
      value: '≈$20M / month',
      detail: 'nearly · as of March',
      storyId: FIXTURE_STORIES.tiktok,
      storyTitle: 'TikTok emerges as a major customer of Microsoft’s AI cloud services',
      entityNames: ['TikTok', 'Microsoft', 'OpenAI'],
    });
    expect(figure?.id).toBe(`${FIXTURE_STORIES.tiktok}#1`);
    expect(figureText(figure!.id)).toBe(figure!.text);
  });

  it('keeps groups in their order and cuts each at the limit', () => {
    const results = index.search('microsoft', { limit: 2 });
    expect(results.entities).toHaveLength(2);
    expect(results.figures).toHaveLength(2);
    expect(results.total.figures).toBeGreaterThan(2);
  });

  it('answers one letter with the entities whose names start with it', () => {
    const results = index.search('c');
    expect(results.entities.map((entity) => entity.name)).toContain('Credo');
    expect(results.stories).toEqual([]);
  });

  it.each(['', '   ', 'the of', '?!'])('answers %j with nothing', (query) => {
    expect(index.search(query).total).toEqual({ entities: 0, stories: 0, figures: 0 });
  });

  it('ignores a trailing single letter, the start of a word not yet typed', () => {
    expect(index.search('azure g').stories.map((story) => story.id)).toEqual([FIXTURE_STORIES.tiktok]);
  });

  it('answers the same query the same way after other queries (the word cache holds no state between queries)', () => {
    const first = index.search('cloud revenue');
    for (const query of ['c', 'cl', 'clo', 'cloud', 'cloud r', 'cloud re', 'azure', 'fusion']) index.search(query);
    expect(index.search('cloud revenue')).toEqual(first);
  });
});

describe('suggestions', () => {
  it('offers the most-covered entities and the newest stories, undated ones last', () => {
    const suggestions = buildSearchIndex(fixtureFactBase).suggestions({ entities: 2, stories: 4 });
    expect(suggestions.entities.map((entity) => entity.id)).toEqual(['microsoft', 'credo']);
    const dates = suggestions.stories.map((story) => story.date);
    expect(dates.slice(0, 2)).toEqual(['2025-10-17', '2025-10-17']);
    expect(dates.slice(2)).toEqual([null, null]);
  });
});

describe('an empty fact base', () => {
  const empty: FactBase = { format: 'factlens.factbase/1', entities: [], stories: [], figures: [] };
  it('builds and answers with nothing', () => {
    const emptyIndex = buildSearchIndex(empty);
    expect(emptyIndex.search('azure').total).toEqual({ entities: 0, stories: 0, figures: 0 });
    expect(emptyIndex.suggestions()).toEqual({ entities: [], stories: [] });
  });
});

describe('a generated fact base', () => {
  it('finds a story by a rare word of its body, and an entity by a typo in its name', () => {
    const factBase = syntheticFactBase(300, { seed: 7 });
    const large = buildSearchIndex(factBase);
    const story = factBase.stories[123]!;
    const rareWord = story.body.split(/\W+/).find((word) => word.length > 9)!;
    expect(large.search(rareWord).stories.map((hit) => hit.id)).toContain(story.id);
    const entity = factBase.entities[5]!;
    const typo = entity.name.slice(0, -2) + entity.name.slice(-1) + entity.name.slice(-2, -1);
    expect(large.search(typo).entities.map((hit) => hit.id)).toContain(entity.id);
  });
});

describe('vocabulary', () => {
  const vocabulary = createVocabulary();
  vocabulary.add(['microsoft', 'microsoft', 'microsoft', 'microchip', 'micron', 'million', 'million', 'mint']);

  it('completes a prefix to its most frequent terms', () => {
    expect(vocabulary.countWithPrefix('mic')).toBe(3);
    expect(vocabulary.completions('mi', 2)).toEqual(['microsoft', 'million']);
  });

  it('finds near spellings sharing the first letter', () => {
    expect(vocabulary.similar('microsfot', 2)).toEqual([{ term: 'microsoft', distance: 2 }]);
  });

  it.each([
    ['kitten', 'sitting', 3, 3],
    ['microsfot', 'microsoft', 2, 2],
    ['azure', 'azure', 1, 0],
    ['abc', 'xyz', 1, 2],
  ])('edit distance of %s and %s, bounded by %i, is %i', (a, b, max, expected) => {
    expect(boundedEditDistance(a, b, max)).toBe(expected);
  });
});
