/**
 * What the content script asks the background, with each answer parsed by
 * its schema on receipt: a background from another build, or anything else
 * that answers, can not feed the page code malformed data. The same for the
 * requests the background and popup send the content script.
 *
 * Not part of the script every frame runs: this module (and zod with it) is
 * bundled into the content script's lazily loaded parts (see
 * `entrypoints/content/parts.ts`). Entity details are asked for in
 * `src/messages/details.ts`.
 */
import * as z from 'zod/mini';
import type { GetMatcherRequest, ReportMentionsRequest } from '../messages/schema';
import { ContentRequest, GetMatcherResponse } from '../messages/content';
import { CheckFiguresResponse, type CheckFiguresRequest, type FigureVerdict } from '../messages/figures';
import { parseOrThrow, unwrap } from '../messages/result';
import type { MessageSender } from '../messages/sender';
import { instantiateMatcher, type Matcher } from '../match/matcher';
import { decodeMatcherPlan } from '../match/plan-decode';

// Defined in src/messages (where the entity-details request uses it too); re-exported for the content script.
export type { MessageSender };

/** The request for the matcher's plan; its answer goes to {@link matcherFromAnswer}. */
export const MATCHER_REQUEST: z.infer<typeof GetMatcherRequest> = { type: 'matcher/get' };

/**
 * Parse the background's answer to {@link MATCHER_REQUEST} (the matcher's plan, worked out once in the
 * background) and build the matcher from it; throws on an error or malformed answer.
 */
export function matcherFromAnswer(answer: unknown): Matcher {
  const result = parseOrThrow(GetMatcherResponse, answer, 'matcher/get');
  // Read by hand: the plan is the background's own output, and zod's walk of it cost every frame (issue 16).
  const plan = decodeMatcherPlan(unwrap(result, 'matcher/get'));
  return instantiateMatcher(plan);
}

/** Ask for the matcher's plan and build the matcher from it. */
export async function requestMatcher(runtime: MessageSender): Promise<Matcher> {
  return matcherFromAnswer(await runtime.sendMessage(MATCHER_REQUEST));
}

/** A request from the background or popup, or null when `message` is none this script answers. */
export function parseContentRequest(message: unknown): ContentRequest | null {
  const request = ContentRequest.safeParse(message);
  return request.success ? request.data : null;
}

/** Tell the background which entities this frame marks, for the toolbar badge. Never throws. */
export async function reportMentionCounts(runtime: MessageSender, counts: Record<string, number>): Promise<void> {
  const request: z.infer<typeof ReportMentionsRequest> = { type: 'mentions/report', counts };
  try {
    await runtime.sendMessage(request);
  } catch {
    // The background may be restarting (an MV3 service worker) or the extension reloading: the badge
    // is a courtesy, and the next report corrects it.
  }
}

/** Ask the background to check the page's sentences against the stories; throws on an error or malformed answer. */
export async function checkFigures(runtime: MessageSender, request: CheckFiguresRequest): Promise<FigureVerdict[]> {
  const answer = await runtime.sendMessage(request);
  return unwrap(parseOrThrow(CheckFiguresResponse, answer, 'figures/check'), 'figures/check');
}
