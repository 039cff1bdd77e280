/**
 * Extension pages (popup, story page, options page) → background: their requests, one schema each,
 * discriminated by `type`, their answers, and {@link PagesToBackgroundCalls}, the call map of this
 * direction (`protocol.ts` joins it with the content script's). The background parses requests with
 * these schemas; anything that does not parse is dropped and logged.
 *
 * We send everything through `browser.runtime` messaging, never
 * `window.postMessage`, so a page can neither read nor forge our traffic.
 */
import * as z from 'zod/mini';
import { EntityKind, Figure, Story } from '../facts/schema';
import { ArticleDraft, PreviewOutcome } from './article-preview';
import { SearchResults, SearchSuggestions } from './search-results';
import { GetEntityRequest, GetEntityResponse } from './details';
import { resultOf } from './result';

// What the content script sends and receives has modules of its own, so it can load those schemas without
// the rest; the ones other contexts use are re-exported here, so they import their schemas from one place.
export { ContentRequest, PageMentions } from './to-content';
export { EntityDetails, StoryForEntity } from './details';

/** How large is the fact base? */
export const GetStatsRequest = z.object({ type: z.literal('stats/get') });

/** Popup or story page → background: one whole story. */
export const GetStoryRequest = z.object({ type: z.literal('story/get'), storyId: z.string() });

/**
 * Options page → background: what saving this article would add to the fact
 * base (its entities, new or known, and its figures), found by the same
 * pipeline and merge the background runs on save. `replacing` names the
 * stored article being edited.
 */
export const PreviewArticleRequest = z.object({
  type: z.literal('article/preview'),
  draft: ArticleDraft,
  replacing: z.optional(z.string()),
});

/** Options page → background: every entity of the fact base served now, for the mute list. */
export const ListEntitiesRequest = z.object({ type: z.literal('entities/list') });

/** Popup or story page → background: search stories, entities and figures for what the reader typed. */
export const SearchRequest = z.object({
  type: z.literal('search/query'),
  query: z.string(),
  /** Rows per group, at most (the background's default when absent). */
  limit: z.optional(z.number()),
});

/** Popup or story page → background: entities and stories to offer before anything is typed. */
export const SearchSuggestionsRequest = z.object({ type: z.literal('search/suggestions') });

/** Popup or story page → background: a story with its figures and the names of its entities. */
export const GetStoryDetailsRequest = z.object({ type: z.literal('story/details'), storyId: z.string() });

/** Sizes of the fact base the background holds. */
export const FactBaseStats = z.object({
  stories: z.number(),
  entities: z.number(),
  figures: z.number(),
});
export type FactBaseStats = z.infer<typeof FactBaseStats>;
export const GetStatsResponse = resultOf(FactBaseStats);
export type GetStatsResponse = z.infer<typeof GetStatsResponse>;

export const GetStoryResponse = resultOf(Story);
export type GetStoryResponse = z.infer<typeof GetStoryResponse>;

export const SearchResponse = resultOf(SearchResults);
export type SearchResponse = z.infer<typeof SearchResponse>;
export const SearchSuggestionsResponse = resultOf(SearchSuggestions);
export type SearchSuggestionsResponse = z.infer<typeof SearchSuggestionsResponse>;

/** A story as the story view shows it: the story, its figures, and its entities by name. */
export const StoryDetails = z.object({
  story: Story,
  figures: z.array(Figure),
  entities: z.array(z.object({ id: z.string(), name: z.string(), kind: EntityKind })),
});
export type StoryDetails = z.infer<typeof StoryDetails>;
export const GetStoryDetailsResponse = resultOf(StoryDetails);
export type GetStoryDetailsResponse = z.infer<typeof GetStoryDetailsResponse>;

/** The answer to {@link PreviewArticleRequest}: a preview, or the draft's problems. */
export const PreviewArticleResponse = resultOf(PreviewOutcome);
export type PreviewArticleResponse = z.infer<typeof PreviewArticleResponse>;

/** One entity as the options page lists it. */
export const EntitySummary = z.object({
  id: z.string(),
  name: z.string(),
  kind: EntityKind,
  /** How many stories name it. */
  stories: z.number(),
  /** Ids it took over from names joined into it, renamed or merged (`Entity.formerIds`): their mutes are its. */
  formerIds: z.optional(z.array(z.string())),
});
export type EntitySummary = z.infer<typeof EntitySummary>;
export const ListEntitiesResponse = resultOf(z.array(EntitySummary));
export type ListEntitiesResponse = z.infer<typeof ListEntitiesResponse>;

/** Extension pages → background: each request type, its request and its answer. */
export const PagesToBackgroundCalls = {
  'stats/get': { request: GetStatsRequest, answer: GetStatsResponse },
  'story/get': { request: GetStoryRequest, answer: GetStoryResponse },
  'story/details': { request: GetStoryDetailsRequest, answer: GetStoryDetailsResponse },
  'search/query': { request: SearchRequest, answer: SearchResponse },
  'search/suggestions': { request: SearchSuggestionsRequest, answer: SearchSuggestionsResponse },
  'entity/get': { request: GetEntityRequest, answer: GetEntityResponse },
  'article/preview': { request: PreviewArticleRequest, answer: PreviewArticleResponse },
  'entities/list': { request: ListEntitiesRequest, answer: ListEntitiesResponse },
};
export type PagesToBackgroundCalls = typeof PagesToBackgroundCalls;
