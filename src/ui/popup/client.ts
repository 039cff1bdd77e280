/**
 * What the popup's and the story page's views ask the background for: search, suggestions, a story, an
 * entity. Answers are read by the protocol's client (`src/messages/client.ts`); a failed answer becomes
 * a thrown error with a sentence a reader can act on.
 */
import type { EntityDetails, StoryDetails } from '../../messages/schema';
import type { BackgroundClient } from '../background-client';
import type { SearchResults, SearchSuggestions } from '../../messages/search-results';

/** The facts the views need, however they are fetched; tests pass their own. */
export interface FactlensClient {
  search(query: string, limit?: number): Promise<SearchResults>;
  suggestions(): Promise<SearchSuggestions>;
  story(storyId: string): Promise<StoryDetails>;
  entity(entityId: string): Promise<EntityDetails>;
}

/** A client over the extension pages' client of the background (`src/ui/background-client.ts`). */
export function createRuntimeClient(background: BackgroundClient): FactlensClient {
  return {
    search: (query, limit) => background.request('search/query', { query, ...(limit === undefined ? {} : { limit }) }),
    suggestions: () => background.request('search/suggestions', {}),
    story: (storyId) => background.request('story/details', { storyId }),
    entity: (entityId) => background.request('entity/get', { entityId }),
  };
}
