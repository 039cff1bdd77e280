/**
 * Content script → background: the requests a content script sends, and {@link ContentToBackgroundCalls},
 * the call map of this direction. The content script's data module bundles this map, so it imports only
 * the small schemas the content script reads (entity details, figure checks), none of the user article,
 * search or popup schemas.
 */
import * as z from 'zod/mini';
import { GetEntityRequest, GetEntityResponse } from './details';
import { CheckFiguresRequest, CheckFiguresResponse } from './figures';
import { resultOf } from './result';

/** Content script → background: the matcher's plan, to build the frame's matcher from. */
export const GetMatcherRequest = z.object({ type: z.literal('matcher/get') });

/**
 * The matcher's plan is read by hand on receipt (`src/match/plan-decode.ts`: zod's walk of it cost every
 * frame, issue 16); here it is carried opaquely.
 */
export const GetMatcherResponse = resultOf(z.unknown());
export type GetMatcherResponse = z.infer<typeof GetMatcherResponse>;

/**
 * Content script → background: which entities this frame marks, with counts,
 * so the toolbar badge can show the number of distinct entities on the tab.
 */
export const ReportMentionsRequest = z.object({
  type: z.literal('mentions/report'),
  counts: z.record(z.string(), z.number()),
});

/** Content script → background: open a story on the extension's own story page, in a new tab. */
export const OpenStoryRequest = z.object({ type: z.literal('story/open'), storyId: z.string() });

/** An answer that says only that the request was done. */
export const DoneResponse = resultOf(z.null());

/** Content script → background: each request type, its request and its answer. */
export const ContentToBackgroundCalls = {
  'matcher/get': { request: GetMatcherRequest, answer: GetMatcherResponse },
  'entity/get': { request: GetEntityRequest, answer: GetEntityResponse },
  'mentions/report': { request: ReportMentionsRequest, answer: DoneResponse },
  'story/open': { request: OpenStoryRequest, answer: DoneResponse },
  'figures/check': { request: CheckFiguresRequest, answer: CheckFiguresResponse },
};
export type ContentToBackgroundCalls = typeof ContentToBackgroundCalls;
