/**
 * Settings: one schema, one set of defaults. Storage holds only what the
 * user changed (`changes`), under a version number, so new defaults reach
 * users who never touched a setting and migrations stay small.
 */
import * as z from 'zod/mini';

/**
 * A whole number from `min` to `max`. Marked free of side effects, like zod's own constructors: the
 * content script imports this module only for the defaults, and its bundler can then leave zod out.
 */
// @__NO_SIDE_EFFECTS__
function wholeNumber(min: number, max: number) {
  return z.number().check(z.int(), z.minimum(min), z.maximum(max));
}

/** How mentions are marked on the page. */
export const HighlightStyle = z.enum(['underline', 'tint', 'hover']);
export type HighlightStyle = z.infer<typeof HighlightStyle>;

/** Every setting, fully populated. */
export const Settings = z.object({
  /** Factlens on or off everywhere. */
  enabled: z.boolean(),
  /** Hostnames where Factlens is off. */
  disabledSites: z.array(z.string()),
  highlightStyle: HighlightStyle,
  /** Mark only the first mention of each entity on a page. */
  firstMentionOnly: z.boolean(),
  /** Check the figures a page states against the stories, and mark them with the verdict. */
  checkFigures: z.boolean(),
  /** Pointer rest time before a popover opens, in milliseconds. */
  hoverDelayMs: wholeNumber(0, 2000),
  /** Entity ids never marked anywhere. */
  mutedEntities: z.array(z.string()),
  /** Hostname → entity ids marked "Not this entity" on that site. */
  mutedOnSites: z.record(z.string(), z.array(z.string())),
  /** At most this many mentions are marked on one page. */
  maxMentionsPerPage: wholeNumber(1, 100_000),
  theme: z.enum(['system', 'light', 'dark']),
});
export type Settings = z.infer<typeof Settings>;

/** The defaults every user starts from. */
export const DEFAULT_SETTINGS: Settings = {
  enabled: true,
  disabledSites: [],
  highlightStyle: 'underline',
  firstMentionOnly: false,
  checkFigures: true,
  hoverDelayMs: 250,
  mutedEntities: [],
  mutedOnSites: {},
  maxMentionsPerPage: 5000,
  theme: 'system',
};

/** The settings the user changed: any subset of {@link Settings}. */
export const SettingsChanges = z.partial(Settings);
export type SettingsChanges = z.infer<typeof SettingsChanges>;

/**
 * The current version of the stored settings record. It must equal the number
 * of migrations in `migrations.ts`; a unit test checks that it does.
 */
export const SETTINGS_VERSION = 1;

/** What `browser.storage.local` holds under {@link SETTINGS_KEY}. */
export const StoredSettings = z.object({
  version: z.number(),
  changes: SettingsChanges,
});
export type StoredSettings = z.infer<typeof StoredSettings>;

/** The storage key of the settings record. */
export const SETTINGS_KEY = 'settings';
