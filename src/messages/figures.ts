/**
 * The page's figures, checked: the content script sends the sentences of the
 * page that hold a mention and a number; the background reads their figures
 * with the builder's readers and answers a verdict for each one it can compare
 * with the stories (`src/figures/`). Kept in a module of its own so the content
 * script's data module bundles these two schemas and nothing else of the
 * background's protocol.
 */
import * as z from 'zod/mini';
import { MAX_CHECKED_SENTENCE_LENGTH, MAX_CHECKED_SENTENCES } from './figure-limits';
import { resultOf } from './result';

/** A sentence of the page with the mentions the content script found in it (offsets within the sentence). */
export const CheckedSentence = z.object({
  text: z.string().check(z.maxLength(MAX_CHECKED_SENTENCE_LENGTH)),
  mentions: z.array(z.object({ entityId: z.string(), start: z.number(), end: z.number() })),
});
export type CheckedSentence = z.infer<typeof CheckedSentence>;

/** Content script → background: check the figures of these sentences against the stories. */
export const CheckFiguresRequest = z.object({
  type: z.literal('figures/check'),
  sentences: z.array(CheckedSentence).check(z.maxLength(MAX_CHECKED_SENTENCES)),
  /** The page's publication date, `YYYY-MM-DD`, when it gives one: places "this year", tells a newer page. */
  pageDate: z.optional(z.nullable(z.string())),
});
export type CheckFiguresRequest = z.infer<typeof CheckFiguresRequest>;

/** One checked figure of the page. */
export const FigureVerdict = z.object({
  /** Which of the request's sentences, and where in it (UTF-16 offsets). */
  sentence: z.number(),
  start: z.number(),
  end: z.number(),
  entityId: z.string(),
  verdict: z.enum(['agrees', 'close', 'differs']),
  /** "This page: $30M / month". */
  page: z.string(),
  /** "Your stories: ≈$20M / month" or "Your story of March 2025 said ≈$20M / month". */
  stories: z.string(),
  /** The story figure compared with: its story, title and sentence. */
  storyId: z.string(),
  storyTitle: z.string(),
  storySentence: z.string(),
  pageIsNewer: z.boolean(),
});
export type FigureVerdict = z.infer<typeof FigureVerdict>;

export const CheckFiguresResponse = resultOf(z.array(FigureVerdict));
export type CheckFiguresResponse = z.infer<typeof CheckFiguresResponse>;
