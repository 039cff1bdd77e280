/**
 * The messages a content script receives, and its answers to the popup.
 *
 * Kept apart from the other message schemas (`schema.ts` re-exports them all)
 * because the content script loads its schemas in every frame with text: this
 * module must not pull in the fact base, user article or search schemas (the
 * figure check's schemas, `figures.ts`, are as small and also the content script's).
 */
import * as z from 'zod/mini';
import { FigureVerdict } from './figures';
import { resultOf } from './result';

// ---------------------------------------------------------------------------
// Background → content script: answers

/**
 * What the matcher is built from is validated by its own schema in
 * `src/match/payload.ts` on receipt; here it is carried opaquely so this
 * module stays independent.
 */
export const GetMatcherResponse = resultOf(z.unknown());
export type GetMatcherResponse = z.infer<typeof GetMatcherResponse>;

// ---------------------------------------------------------------------------
// Background or popup → content script: requests

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
  /** The page's figures checked against the stories: those that differ first, then close, then agreeing. */
  figures: z.optional(z.array(z.extend(FigureVerdict, { entityName: z.string(), position: z.number() }))),
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
 * Popup → content script: scroll to one of the page's checked figures and open its popover. `position`
 * is its place among the page's figures in page order, as `page/list` gave it; `entityId` and `page`
 * (its words) make sure it is still the same figure.
 */
export const JumpToFigureRequest = z.object({
  type: z.literal('page/jump-figure'),
  position: z.number(),
  entityId: z.string(),
  page: z.string(),
});
export type JumpToFigureRequest = z.infer<typeof JumpToFigureRequest>;

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
  JumpToFigureRequest,
]);
export type ContentRequest = z.infer<typeof ContentRequest>;
