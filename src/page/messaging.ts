/**
 * What the content script asks the background, with each answer parsed by
 * its schema on receipt: a background from another build, or anything else
 * that answers, can not feed the page code malformed data.
 */
import * as z from 'zod/mini';
import {
  GetEntityResponse,
  GetMatcherResponse,
  type EntityDetails,
  type GetEntityRequest,
  type GetMatcherRequest,
  type ReportMentionsRequest,
} from '../messages/schema';
import { instantiateMatcher, type Matcher } from '../match/matcher';
import { MatcherPlanSchema } from '../match/payload';

/** The part of `browser.runtime` the content script uses to talk to the background. */
export interface MessageSender {
  sendMessage(message: unknown): Promise<unknown>;
}

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: string }, what: string): T {
  if (!result.ok) throw new Error(`${what}: ${result.error}`);
  return result.value;
}

function parseOrThrow<S extends z.ZodMiniType>(schema: S, value: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new Error(`${what}: malformed answer (${parsed.error.issues[0]?.message ?? 'invalid'})`);
  return parsed.data;
}

/** Ask for the matcher's plan (worked out once, in the background) and build the matcher from it. */
export async function requestMatcher(runtime: MessageSender): Promise<Matcher> {
  const request: z.infer<typeof GetMatcherRequest> = { type: 'matcher/get' };
  const answer = parseOrThrow(GetMatcherResponse, await runtime.sendMessage(request), 'matcher/get');
  const plan = parseOrThrow(MatcherPlanSchema, unwrap(answer, 'matcher/get'), 'matcher/get plan');
  return instantiateMatcher(plan);
}

/** Ask for everything a popover shows about `entityId`. */
export async function requestEntityDetails(runtime: MessageSender, entityId: string): Promise<EntityDetails> {
  const request: z.infer<typeof GetEntityRequest> = { type: 'entity/get', entityId };
  const answer = parseOrThrow(GetEntityResponse, await runtime.sendMessage(request), 'entity/get');
  return unwrap(answer, 'entity/get');
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

/** Entity details fetched once per entity per frame. */
export interface DetailsCache {
  load(entityId: string): Promise<EntityDetails>;
}

/** A {@link DetailsCache} over `runtime`; failed requests are not cached, so a later hover retries. */
export function createDetailsCache(runtime: MessageSender): DetailsCache {
  const byEntity = new Map<string, Promise<EntityDetails>>();
  return {
    load(entityId) {
      let pending = byEntity.get(entityId);
      if (!pending) {
        pending = requestEntityDetails(runtime, entityId).catch((error: unknown) => {
          byEntity.delete(entityId);
          throw error;
        });
        byEntity.set(entityId, pending);
      }
      return pending;
    },
  };
}
