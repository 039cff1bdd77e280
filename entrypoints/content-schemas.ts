/**
 * The part of the content script that reads what it receives with schemas: zod and the schemas of a
 * stored settings record, of the background's answers (entity details, figure verdicts) and of requests
 * from the background and popup, with the protocol's client. An ES module, imported by the content script
 * (see `entrypoints/content/parts.ts`) the first time a frame has something of these to read: a stored
 * settings record, a popover's details, a message, the counts for the toolbar badge (the top frame, after
 * its first marks). A frame that marks nothing and whose user never changed a setting never loads it.
 */
import type { ClientOptions, Send } from '@/src/messages/client';
import type { ContentRequest } from '@/src/messages/to-content';
import { createBackgroundRequests, parseContentRequest, type BackgroundRequests } from '@/src/page/messaging';
import type { Settings } from '@/src/settings/schema';
import { resolveSettings, saveSettings, type SettingsStorageArea } from '@/src/settings/store';

/** What the content script gets from this module. */
export interface ContentSchemasModule {
  /** The content script's requests to the background, their answers read with the protocol's schemas. */
  createBackgroundRequests(send: Send, options: ClientOptions): BackgroundRequests;
  /** A request from the background or popup, or null when the message is none the content script answers. */
  parseContentRequest(message: unknown): ContentRequest | null;
  /** The settings a stored record holds, defaults for whatever can not be read. */
  resolveSettings(stored: unknown): Settings;
  /** Save a settings change (checked against the schema first). */
  saveSettings(area: SettingsStorageArea, patch: Partial<Settings>): Promise<Settings>;
}

export default defineUnlistedScript((): ContentSchemasModule => ({
  createBackgroundRequests,
  parseContentRequest,
  resolveSettings,
  saveSettings,
}));
