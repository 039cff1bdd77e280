/**
 * The part of the content script that takes in data: zod and the schemas of everything the content
 * script receives (a stored settings record, the matcher's plan, entity details, requests from the
 * background and popup), the code that builds the matcher, the per-mention decisions and the figure checks. An ES module, imported by the content
 * script (see `entrypoints/content/parts.ts`) the first time a frame has something to parse: a page with
 * text asks for the matcher. The script every frame runs stays small, and a frame without text (and
 * without a stored settings record) never loads this.
 */
import type { Matcher } from '@/src/match/matcher';
import { pageMatching, type Matching } from '@/src/page/chunk-mentions';
import { FigureChecks, type FigureCheckOptions } from '@/src/page/figure-checks';
import type { ClientOptions, Send } from '@/src/messages/client';
import type { ContentRequest } from '@/src/messages/to-content';
import { createBackgroundRequests, parseContentRequest, type BackgroundRequests } from '@/src/page/messaging';
import type { Settings } from '@/src/settings/schema';
import { resolveSettings, saveSettings, type SettingsStorageArea } from '@/src/settings/store';

/** What the content script gets from this module. */
export interface ContentDataModule {
  /** The content script's requests to the background, their answers read with the protocol's schemas. */
  createBackgroundRequests(send: Send, options: ClientOptions): BackgroundRequests;
  /** The page's matching with that matcher: the per-mention decisions live here, not in every frame. */
  pageMatching(matcher: Matcher, document: Document): Matching;
  /** The page's figure checks: needed only once a frame has text, like the matching. */
  createFigureChecks(options: FigureCheckOptions): FigureChecks;
  /** A request from the background or popup, or null when the message is none the content script answers. */
  parseContentRequest(message: unknown): ContentRequest | null;
  /** The settings a stored record holds, defaults for whatever can not be read. */
  resolveSettings(stored: unknown): Settings;
  /** Save a settings change (checked against the schema first). */
  saveSettings(area: SettingsStorageArea, patch: Partial<Settings>): Promise<Settings>;
}

export default defineUnlistedScript((): ContentDataModule => ({
  createBackgroundRequests,
  pageMatching,
  createFigureChecks: (options) => new FigureChecks(options),
  parseContentRequest,
  resolveSettings,
  saveSettings,
}));
