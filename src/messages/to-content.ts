/**
 * Background or popup → content script: the requests a content script receives, their answers, and
 * {@link ToContentCalls}, the call map of this direction.
 *
 * Kept apart from the other message schemas because the content script loads its schemas in every frame
 * with text: this module must not pull in the fact base, user article or search schemas (the figure
 * check's schemas, `figures.ts`, are as small and also the content script's).
 *
 * A request carries the protocol version when the client sent it; one of another version is none the
 * content script answers (a popup of a newer Factlens asking an outdated page).
 */
import * as z from 'zod/mini';
import { PROTOCOL_VERSION } from './client';
import { FigureVerdict } from './figures';
import { resultOf } from './result';

const protocol = z.optional(z.literal(PROTOCOL_VERSION));

/** Move to the next or previous mention (from the keyboard commands). */
export const NavigateRequest = z.object({
  type: z.literal('mentions/navigate'),
  protocol,
  direction: z.enum(['next', 'previous']),
});

/** Popup → content script: which entities does this page mention, and how often? */
export const ListPageMentionsRequest = z.object({ type: z.literal('page/list'), protocol });

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
  protocol,
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
  protocol,
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
export const FactBaseChangedNotice = z.object({ type: z.literal('factbase/changed'), protocol });

/** Any request the background or popup may send to a content script. */
export const ContentRequest = z.discriminatedUnion('type', [
  FactBaseChangedNotice,
  NavigateRequest,
  ListPageMentionsRequest,
  JumpToMentionRequest,
  JumpToFigureRequest,
]);
export type ContentRequest = z.infer<typeof ContentRequest>;

/**
 * Background or popup → content script: each request type, its request and its answer. The keyboard's
 * and the popup's jumps answer whether they moved; a notice (`factbase/changed`) answers nothing.
 */
export const ToContentCalls = {
  'factbase/changed': { request: FactBaseChangedNotice, answer: z.unknown() },
  'mentions/navigate': { request: NavigateRequest, answer: z.boolean() },
  'page/list': { request: ListPageMentionsRequest, answer: ListPageMentionsResponse },
  'page/jump': { request: JumpToMentionRequest, answer: z.boolean() },
  'page/jump-figure': { request: JumpToFigureRequest, answer: z.boolean() },
};
export type ToContentCalls = typeof ToContentCalls;
