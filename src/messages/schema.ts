/**
 * Every message that crosses a context boundary, one schema each,
 * discriminated by `type` and named by direction. Receivers parse with these
 * schemas; anything that does not parse is dropped and logged.
 *
 * We send everything through `browser.runtime` messaging, never
 * `window.postMessage`, so a page can neither read nor forge our traffic.
 */
import * as z from 'zod/mini';
import { Entity, EntityKind, Figure, Story } from '../facts/schema';
import { ArticleDraft, PreviewOutcome } from '../user-articles/schema';
import { SearchResults, SearchSuggestions } from '../search/results';

// ---------------------------------------------------------------------------
// Results

/** Answers carry a result, never a thrown error, so they stay serialisable. */
export function resultOf<T extends z.ZodMiniType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: z.string() }),
  ]);
}

// ---------------------------------------------------------------------------
// Any context → background

/** How large is the fact base? */
export const GetStatsRequest = z.object({ type: z.literal('stats/get') });

/** Content script → background: the compact alias payload to compile a matcher from. */
export const GetMatcherRequest = z.object({ type: z.literal('matcher/get') });

/** Content script or popup → background: everything a popover shows for one entity. */
export const GetEntityRequest = z.object({ type: z.literal('entity/get'), entityId: z.string() });

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

/**
 * The matcher payload is validated by its own schema in `src/match/payload.ts`
 * on receipt; here it is carried opaquely so this module stays independent.
 */
export const GetMatcherResponse = resultOf(z.unknown());
export type GetMatcherResponse = z.infer<typeof GetMatcherResponse>;

/** A story as a popover lists it: its summary and what it says about one entity. */
export const StoryForEntity = z.object({
  id: Story.shape.id,
  title: Story.shape.title,
  date: Story.shape.date,
  source: Story.shape.source,
  url: Story.shape.url,
  excerpt: Story.shape.excerpt,
  summary: Story.shape.summary,
  /** The story's sentences that name the entity. */
  sentences: z.array(z.string()),
});
export type StoryForEntity = z.infer<typeof StoryForEntity>;

/** Everything a popover shows for one entity. */
export const EntityDetails = z.object({
  entity: Entity,
  figures: z.array(Figure),
  stories: z.array(StoryForEntity),
});
export type EntityDetails = z.infer<typeof EntityDetails>;
export const GetEntityResponse = resultOf(EntityDetails);
export type GetEntityResponse = z.infer<typeof GetEntityResponse>;

export const GetStoryResponse = resultOf(Story);
export type GetStoryResponse = z.infer<typeof GetStoryResponse>;

export const ReportMentionsResponse = resultOf(z.null());

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

// ---------------------------------------------------------------------------
// Background → content script

/** Move to the next or previous mention (from the keyboard commands). */
export const NavigateRequest = z.object({
  type: z.literal('mentions/navigate'),
  direction: z.enum(['next', 'previous']),
});

/** Popup → content script: which entities does this page mention, and how often? */
export const ListPageMentionsRequest = z.object({ type: z.literal('page/list') });

/** One entity on the page, for the popup's "On this page" list. */
export const PageEntity = z.object({
  entityId: z.string(),
  name: z.string(),
  count: z.number(),
});
export type PageEntity = z.infer<typeof PageEntity>;

/** What the page marks, and how many mentions were left out by the per-page cap. */
export const PageMentions = z.object({
  entities: z.array(PageEntity),
  /** Mentions found but not marked because of the per-page cap. */
  leftOut: z.number(),
  /** False when Factlens is paused on this page. */
  active: z.boolean(),
});
export type PageMentions = z.infer<typeof PageMentions>;
export const ListPageMentionsResponse = resultOf(PageMentions);

/** Popup → content script: scroll to an entity's first (or next/previous) mention and open its popover. */
export const JumpToMentionRequest = z.object({
  type: z.literal('page/jump'),
  entityId: z.string(),
  direction: z.enum(['first', 'next', 'previous']),
});

/**
 * Background → every frame of every tab: the fact base changed (the user
 * added, edited or deleted an article). Ask for the matcher payload again and
 * re-mark the page, so new entities show without a reload. No answer expected.
 */
export const FactBaseChangedNotice = z.object({ type: z.literal('factbase/changed') });

/** Any request the background or popup may send to a content script. */
export const ContentRequest = z.discriminatedUnion('type', [
  FactBaseChangedNotice,
  NavigateRequest,
  ListPageMentionsRequest,
  JumpToMentionRequest,
]);
export type ContentRequest = z.infer<typeof ContentRequest>;
