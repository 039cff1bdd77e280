import { describe, expect, it } from 'vitest';
import { createFactBaseStore } from '@/src/background/factbase-store';
import { createSearchHandlers } from '@/src/background/search';
import { SearchResponse, GetStoryDetailsResponse, SearchSuggestionsResponse } from '@/src/messages/schema';
import { FIXTURE_STORIES, fixtureFactBase } from '../search/fixture-factbase';

const sender = {};

describe('background search handlers', () => {
  it('build the index on the first search only, and again after the fact base changes', async () => {
    const store = createFactBaseStore(fixtureFactBase);
    const builds: number[] = [];
    const handlers = createSearchHandlers(store, { onBuilt: (_ms, size) => builds.push(size) });
    expect(builds).toEqual([]);
    const first = SearchResponse.parse(
      await handlers['search/query']({ type: 'search/query', query: 'fusion' }, sender),
    );
    await handlers['search/query']({ type: 'search/query', query: 'credo' }, sender);
    expect(builds).toHaveLength(1);
    expect(first.ok && first.value.stories[0]?.id).toBe(FIXTURE_STORIES.doe);

    store.replace({ ...fixtureFactBase, stories: fixtureFactBase.stories.filter((s) => s.id !== FIXTURE_STORIES.doe) });
    const after = SearchResponse.parse(
      await handlers['search/query']({ type: 'search/query', query: 'fusion' }, sender),
    );
    expect(builds).toHaveLength(2);
    expect(after.ok && after.value.stories).toEqual([]);
  });

  it('keep the row limit within bounds', async () => {
    const handlers = createSearchHandlers(createFactBaseStore(fixtureFactBase));
    const answer = SearchResponse.parse(
      await handlers['search/query']({ type: 'search/query', query: 'microsoft', limit: 1 }, sender),
    );
    expect(answer.ok && answer.value.figures).toHaveLength(1);
  });

  it('answer suggestions without waiting for the index, and build it right after', async () => {
    const store = createFactBaseStore(fixtureFactBase);
    const builds: number[] = [];
    const queued: (() => void)[] = [];
    const handlers = createSearchHandlers(store, {
      onBuilt: (_ms, size) => builds.push(size),
      later: (task) => queued.push(task),
    });
    const answer = SearchSuggestionsResponse.parse(
      await handlers['search/suggestions']({ type: 'search/suggestions' }, sender),
    );
    expect(answer.ok && answer.value.entities[0]?.name).toBe('Microsoft');
    expect(builds).toEqual([]);
    expect(queued).toHaveLength(1);
    queued[0]!();
    expect(builds).toHaveLength(1);
    // The first keystroke finds it built.
    await handlers['search/query']({ type: 'search/query', query: 'credo' }, sender);
    expect(builds).toHaveLength(1);
  });

  it('answer suggestions that parse', async () => {
    const handlers = createSearchHandlers(createFactBaseStore(fixtureFactBase));
    const answer = SearchSuggestionsResponse.parse(
      await handlers['search/suggestions']({ type: 'search/suggestions' }, sender),
    );
    expect(answer.ok && answer.value.entities[0]?.name).toBe('Microsoft');
  });

  it('answer a story with its figures and entity names, and an error for an unknown story', async () => {
    const handlers = createSearchHandlers(createFactBaseStore(fixtureFactBase));
    const answer = GetStoryDetailsResponse.parse(
      await handlers['story/details']({ type: 'story/details', storyId: FIXTURE_STORIES.credo }, sender),
    );
    if (!answer.ok) throw new Error(answer.error);
    expect(answer.value.figures.map((figure) => figure.text)).toEqual([
      'more than double',
      '$143.61',
      '245%',
      '$300-$500 each',
    ]);
    expect(answer.value.entities.map((entity) => entity.name)).toEqual(['Credo', 'Amazon', 'Microsoft']);
    const missing = GetStoryDetailsResponse.parse(
      await handlers['story/details']({ type: 'story/details', storyId: 'nope' }, sender),
    );
    expect(missing).toEqual({ ok: false, error: "unknown story 'nope'" });
  });
});
