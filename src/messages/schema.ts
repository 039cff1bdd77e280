/**
 * Every message that crosses a context boundary, one schema each,
 * discriminated by `type` and named by direction. Receivers parse with these
 * schemas; anything that does not parse is dropped and logged.
 *
 * We send everything through `browser.runtime` messaging, never
 * `window.postMessage`, so a page can neither read nor forge our traffic.
 */
import * as z from 'zod/mini';
import { EntityKind, Figure, Story } from '../facts/schema';
import { ArticleDraft, PreviewOutcome } from './article-preview';
import { SearchResults, SearchSuggestions } from './search-results';
import { GetEntityRequest } from './details';
import { CheckFiguresRequest } from './figures';
import { resultOf } from './result';

// What the content script receives has modules of its own, so it can load those schemas without the rest;
// the ones other contexts use are re-exported here, so they import their schemas from this one place.
export { ContentRequest, ListPageMentionsResponse, PageMentions } from './content';
export { EntityDetails, GetEntityResponse, StoryForEntity } from './details';
export { CheckFiguresResponse } from './figures';

// ---------------------------------------------------------------------------
// Any context → background

/** How large is the fact base? */
export const GetStatsRequest = z.object({ type: z.literal('stats/get') });

/** Content script → background: the compact alias payload to compile a matcher from. */
export const GetMatcherRequest = z.object({ type: z.literal('matcher/get') });

/**
 * Content script → background: which entities this frame marks, with counts,
 * so the toolbar badge can show the number of distinct entities on the tab.
 */
export const ReportMentionsRequest = z.object({
  type: z.literal('mentions/report'),
  counts: z.record(z.string(), z.number()),
});

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

/** Content script → background: open a story on the extension's own story page, in a new tab. */
export const OpenStoryRequest = z.object({ type: z.literal('story/open'), storyId: z.string() });

/** Any request a context may send to the background. */
export const BackgroundRequest = z.discriminatedUnion('type', [
  OpenStoryRequest,
  SearchRequest,
  SearchSuggestionsRequest,
  GetStoryDetailsRequest,
  PreviewArticleRequest,
  ListEntitiesRequest,
  GetStatsRequest,
  GetMatcherRequest,
  GetEntityRequest,
  GetStoryRequest,
  ReportMentionsRequest,
  CheckFiguresRequest,
]);
export type BackgroundRequest = z.infer<typeof BackgroundRequest>;

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
});
export type EntitySummary = z.infer<typeof EntitySummary>;
export const ListEntitiesResponse = resultOf(z.array(EntitySummary));
export type ListEntitiesResponse = z.infer<typeof ListEntitiesResponse>;
