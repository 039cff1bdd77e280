/**
 * The content script's thin wrapper over the protocol's client (`src/messages/client.ts`): what it asks
 * the background, each answer read with its call map's schema (`src/messages/content-to-background.ts`),
 * so a background from another build, or anything else that answers, can not feed the page code
 * malformed data; and what it reads of the requests the background and popup send it.
 *
 * Not part of the script every frame runs: this module (and zod with it) is bundled into the content
 * script's lazily loaded schemas part (see `entrypoints/content/parts.ts`). The matcher's answer, which the
 * first marks wait for, is read without it (`./matcher-answer.ts`).
 */
import { createClient, isOutdated, type ClientOptions, type Send, type Stamped } from '../messages/client';
import { ContentToBackgroundCalls } from '../messages/content-to-background';
import type { EntityDetails } from '../messages/details';
import type { CheckFiguresRequest, FigureVerdict } from '../messages/figures';
import { ContentRequest } from '../messages/to-content';
import type { Matcher } from '../match/matcher';
import { matcherFromAnswer } from './matcher-answer';

/** What the content script asks the background. */
export interface BackgroundRequests {
  /** Ask for the matcher's plan and build the matcher from it (`./matcher-answer.ts`). */
  requestMatcher(): Promise<Matcher>;
  /** Everything a popover shows for one entity, asked once per entity; a failed request is asked again next time. */
  loadDetails(entityId: string): Promise<EntityDetails>;
  /** Tell the background which entities this frame marks, for the toolbar badge. Never throws. */
  reportMentionCounts(counts: Record<string, number>): Promise<void>;
  /** Check the page's sentences against the stories; throws on an error or malformed answer. */
  checkFigures(request: CheckFiguresRequest): Promise<FigureVerdict[]>;
}

/**
 * The content script's requests over `send` (`runtime.sendMessage`). `options.alive` and
 * `options.onOutdated` stop the script once it is outdated (see {@link ClientOptions}).
 */
export function createBackgroundRequests(
  send: Send<Stamped<ContentToBackgroundCalls>>,
  options: ClientOptions = {},
): BackgroundRequests {
  const client = createClient(ContentToBackgroundCalls, send, options);
  const details = new Map<string, Promise<EntityDetails>>();
  return {
    requestMatcher: async () => matcherFromAnswer(await client.post('matcher/get', {}), options),
    loadDetails(entityId) {
      let pending = details.get(entityId);
      if (!pending) {
        pending = client.request('entity/get', { entityId }).catch((error: unknown) => {
          details.delete(entityId);
          throw error;
        });
        details.set(entityId, pending);
      }
      return pending;
    },
    async reportMentionCounts(counts) {
      try {
        await client.request('mentions/report', { counts });
      } catch {
        // The background may be restarting (an MV3 service worker) or the extension reloading: the badge
        // is a courtesy, and the next report corrects it.
      }
    },
    checkFigures: (request) =>
      client
        .request('figures/check', { sentences: request.sentences, pageDate: request.pageDate })
        .catch((error: unknown) => {
          // An outdated script has stopped (its context is invalidated, the checks see it): nothing to say.
          if (isOutdated(error)) return [];
          throw error;
        }),
  };
}

/** A request from the background or popup, or null when `message` is none this script answers. */
export function parseContentRequest(message: unknown): ContentRequest | null {
  const request = ContentRequest.safeParse(message);
  return request.success ? request.data : null;
}
