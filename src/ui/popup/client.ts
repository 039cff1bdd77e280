/**
 * How the popup and the story page ask the background for facts: search,
 * suggestions, a story, an entity. Answers are parsed with their schemas; a
 * failed answer becomes a thrown error with a sentence a reader can act on.
 */
import {
  GetEntityResponse,
  GetStoryDetailsResponse,
  SearchResponse,
  SearchSuggestionsResponse,
  type BackgroundRequest,
  type EntityDetails,
  type StoryDetails,
} from '../../messages/schema';
import type { SearchResults, SearchSuggestions } from '../../messages/search-results';

/** The facts the views need, however they are fetched; tests pass their own. */
export interface FactlensClient {
  search(query: string, limit?: number): Promise<SearchResults>;
  suggestions(): Promise<SearchSuggestions>;
  story(storyId: string): Promise<StoryDetails>;
  entity(entityId: string): Promise<EntityDetails>;
}

/** The part of `browser.runtime` the client needs. */
export interface MessageSender {
  sendMessage(message: BackgroundRequest): Promise<unknown>;
}

type Result<T> = { ok: true; value: T } | { ok: false; error: string };

async function ask<T>(
  runtime: MessageSender,
  request: BackgroundRequest,
  schema: { safeParse(value: unknown): { success: true; data: Result<T> } | { success: false } },
): Promise<T> {
  let answer: unknown;
  try {
    answer = await runtime.sendMessage(request);
  } catch (error) {
    throw new Error(`Factlens could not reach its fact base (${String(error)}).`, { cause: error });
  }
  const parsed = schema.safeParse(answer);
  if (!parsed.success) throw new Error('Factlens got an answer it could not read. Try reloading the extension.');
  if (!parsed.data.ok) throw new Error(parsed.data.error);
  return parsed.data.value;
}

/** A client over `browser.runtime` messaging to the background. */
export function createRuntimeClient(runtime: MessageSender): FactlensClient {
  return {
    search: (query, limit) =>
      ask(runtime, { type: 'search/query', query, ...(limit === undefined ? {} : { limit }) }, SearchResponse),
    suggestions: () => ask(runtime, { type: 'search/suggestions' }, SearchSuggestionsResponse),
    story: (storyId) => ask(runtime, { type: 'story/details', storyId }, GetStoryDetailsResponse),
    entity: (entityId) => ask(runtime, { type: 'entity/get', entityId }, GetEntityResponse),
  };
}
