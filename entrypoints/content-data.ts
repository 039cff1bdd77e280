/**
 * The part of the content script that takes in data: zod and the schemas of everything the content
 * script receives (a stored settings record, the matcher's plan, entity details, requests from the
 * background and popup), the code that builds the matcher and the per-mention decisions. An ES module, imported by the content
 * script (see `entrypoints/content/parts.ts`) the first time a frame has something to parse: a page with
 * text asks for the matcher. The script every frame runs stays small, and a frame without text (and
 * without a stored settings record) never loads this.
 */
import type { Matcher } from '@/src/match/matcher';
import { pageMatching, type Matching } from '@/src/page/chunk-mentions';
import { createDetailsCache, type DetailsCache } from '@/src/messages/details';
import type { ContentRequest } from '@/src/messages/content';
import type { CheckFiguresRequest, FigureVerdict } from '@/src/messages/figures';
import {
  checkFigures,
  matcherFromAnswer,
  parseContentRequest,
  reportMentionCounts,
  type MessageSender,
} from '@/src/page/messaging';
import type { Settings } from '@/src/settings/schema';
import { resolveSettings, saveSettings, type SettingsStorageArea } from '@/src/settings/store';

/** What the content script gets from this module. */
export interface ContentDataModule {
  /** Parse the background's answer to `matcher/get` and build the matcher; throws on an error or malformed answer. */
  matcherFromAnswer(answer: unknown): Matcher;
  /** The page's matching with that matcher: the per-mention decisions live here, not in every frame. */
  pageMatching(matcher: Matcher, document: Document): Matching;
  /** A request from the background or popup, or null when the message is none the content script answers. */
  parseContentRequest(message: unknown): ContentRequest | null;
  /** The settings a stored record holds, defaults for whatever can not be read. */
  resolveSettings(stored: unknown): Settings;
  /** Save a settings change (checked against the schema first). */
  saveSettings(area: SettingsStorageArea, patch: Partial<Settings>): Promise<Settings>;
  /** Entity details asked of the background once per entity, parsed on receipt. */
  createDetailsCache(runtime: MessageSender): DetailsCache;
  /** Tell the background which entities the frame marks; never throws. */
  reportMentionCounts(runtime: MessageSender, counts: Record<string, number>): Promise<void>;
  /** Check the page's sentences against the stories; the answer parsed on receipt. */
  checkFigures(runtime: MessageSender, request: CheckFiguresRequest): Promise<FigureVerdict[]>;
}

export default defineUnlistedScript((): ContentDataModule => ({
  matcherFromAnswer,
  pageMatching,
  parseContentRequest,
  resolveSettings,
  saveSettings,
  createDetailsCache,
  reportMentionCounts,
  checkFigures,
}));
