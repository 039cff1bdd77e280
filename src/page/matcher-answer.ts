/**
 * The frame's matcher from the background's answer to `matcher/get`, read without zod: the first marks
 * wait for this, and the content script's schemas part (zod and every schema it reads, about 20 ms to
 * evaluate in each frame, issue 16) then loads after them, or never in a frame that marks nothing. The
 * plan is the background's own output (a page can not answer `runtime.sendMessage`), read by hand
 * (`src/match/plan-decode.ts`), and the result around it with the protocol's zod-free reader.
 */
import { readResult, type ClientOptions } from '../messages/client';
import { instantiateMatcher, type Matcher } from '../match/matcher';
import { decodeMatcherPlan } from '../match/plan-decode';

/** Build the matcher from an answer to `matcher/get`; throws a `RequestError` or a malformed-plan error. */
export function matcherFromAnswer(answer: unknown, options: ClientOptions = {}): Matcher {
  return instantiateMatcher(decodeMatcherPlan(readResult('matcher/get', answer, options)));
}
