/**
 * The message protocol, one call map per direction (after Hypothesis's named call maps):
 *
 * - `ContentToBackgroundCalls` (`content-to-background.ts`): content script → background;
 * - `PagesToBackgroundCalls` (`schema.ts`): popup, story page, options page → background;
 * - {@link ToContentCalls} (`to-content.ts`): background or popup → content script.
 *
 * Each maps a request `type` to the schema of its request and of its answer. Requests are sent only
 * through the client (`client.ts`), which stamps them with its `PROTOCOL_VERSION`; the background's
 * router (`src/background/router.ts`) parses each with {@link ToBackgroundCalls} and answers a request
 * of another version `outdated`. The content script's modules import their direction's map directly, so
 * its data module bundles none of the pages' schemas.
 */
import type * as z from 'zod/mini';
import { ContentToBackgroundCalls } from './content-to-background';
import { PagesToBackgroundCalls } from './schema';

export { ToContentCalls } from './to-content';

/** Every request the background answers: both directions that reach it. */
export const ToBackgroundCalls = { ...ContentToBackgroundCalls, ...PagesToBackgroundCalls };
export type ToBackgroundCalls = typeof ToBackgroundCalls;

/** Any request a context may send to the background. */
export type BackgroundRequest = {
  [Type in keyof ToBackgroundCalls]: z.infer<ToBackgroundCalls[Type]['request']>;
}[keyof ToBackgroundCalls];
