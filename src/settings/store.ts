/**
 * Reading and writing the user's settings. Storage holds only what the user
 * changed, under a version number; reading migrates old records and falls
 * back to defaults, field by field, for anything it can not trust.
 *
 * Reading never writes: every tab's content script reads settings, and many
 * tabs writing repairs at once would race. Repairs happen in one place at a
 * time: the background at start-up, the options page, and any save.
 */
import type * as z from 'zod/mini';
import { describeIssue } from './issues';
import { migrateSettingsRecord, versionOf, type SettingsRecord } from './migrations';
import { keepAside } from './quarantine';
import { DEFAULT_SETTINGS, SETTINGS_KEY, SETTINGS_VERSION, Settings, type StoredSettings } from './schema';
import type { StorageArea, StorageChange, StorageChangedEvent } from './storage-area';

/** The part of `browser.storage.local` that reading settings needs; tests pass their own. */
export interface SettingsStorageArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/**
 * How the stored record was found:
 * - `default`: nothing stored; the defaults apply.
 * - `current`: a valid record of the current version.
 * - `migrated`: a valid record of an older version, brought up to date in memory.
 * - `corrupt`: some or all of it could not be read; what could be read is used,
 *   defaults fill the rest, and the record should be kept aside before it is overwritten.
 */
export type SettingsStatus = 'default' | 'current' | 'migrated' | 'corrupt';

/** The outcome of reading a stored settings record. */
export interface SettingsReading {
  settings: Settings;
  status: SettingsStatus;
  /** The version the record was stored as (0: the unversioned flat shape), when known. */
  storedVersion: number | null;
  /** What could not be read, one sentence each; empty unless `status` is `corrupt`. */
  problems: string[];
  /** The record to store so the next read finds it current. */
  record: StoredSettings;
}

/** The stored record for `settings`: only the values that differ from the defaults. */
export function settingsRecord(settings: Settings): StoredSettings {
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    if (JSON.stringify(settings[key]) !== JSON.stringify(DEFAULT_SETTINGS[key])) changes[key] = settings[key];
  }
  return { version: SETTINGS_VERSION, changes };
}

function describeType(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return typeof value === 'string' ? 'text' : `a ${typeof value}`;
}

function corrupt(problem: string, storedVersion: number | null = null): SettingsReading {
  return {
    settings: { ...DEFAULT_SETTINGS },
    status: 'corrupt',
    storedVersion,
    problems: [problem],
    record: settingsRecord(DEFAULT_SETTINGS),
  };
}

/**
 * Interpret whatever storage holds under the settings key. Pure; never throws.
 * A field that fails its schema is dropped on its own, so one bad value never
 * costs the user their other settings.
 */
export function readStoredSettings(stored: unknown): SettingsReading {
  if (stored === undefined) {
    return {
      settings: { ...DEFAULT_SETTINGS },
      status: 'default',
      storedVersion: null,
      problems: [],
      record: settingsRecord(DEFAULT_SETTINGS),
    };
  }
  if (stored === null || typeof stored !== 'object' || Array.isArray(stored)) {
    return corrupt(`the stored settings are ${describeType(stored)}, not a settings record`);
  }
  const version = versionOf(stored as SettingsRecord);
  if (version === null) {
    return corrupt(`the stored settings have version ${JSON.stringify((stored as SettingsRecord).version)}`);
  }
  if (version > SETTINGS_VERSION) {
    return corrupt(`the stored settings are version ${version}, newer than this Factlens reads (${SETTINGS_VERSION})`);
  }
  let migrated: SettingsRecord;
  try {
    migrated = migrateSettingsRecord(stored as SettingsRecord, version);
  } catch (error) {
    return corrupt(`the stored settings (version ${version}) could not be upgraded: ${String(error)}`, version);
  }
  const changes = migrated.changes;
  if (changes === null || typeof changes !== 'object' || Array.isArray(changes)) {
    return corrupt(`the stored settings have no list of changes`, version);
  }

  const settings: Settings = { ...DEFAULT_SETTINGS };
  const problems: string[] = [];
  const fields: Record<string, z.ZodMiniType> = Settings.shape;
  for (const [key, value] of Object.entries(changes as Record<string, unknown>)) {
    const field = fields[key];
    if (!field) {
      problems.push(`'${key}' is not a setting`);
      continue;
    }
    const parsed = field.safeParse(value);
    if (parsed.success) Object.assign(settings, { [key]: parsed.data });
    else {
      const issue = parsed.error.issues[0]!;
      problems.push(describeIssue({ ...issue, path: [key, ...issue.path] }, { [key]: value }));
    }
  }
  return {
    settings,
    status: problems.length ? 'corrupt' : version < SETTINGS_VERSION ? 'migrated' : 'current',
    storedVersion: version,
    problems,
    record: settingsRecord(settings),
  };
}

/** Merge stored changes over the defaults; unreadable parts fall back to defaults. */
export function resolveSettings(stored: unknown): Settings {
  return readStoredSettings(stored).settings;
}

/** Read the user's settings. Never writes, never throws on bad data. */
export async function loadSettings(area: Pick<SettingsStorageArea, 'get'>): Promise<Settings> {
  return loadSettingsWith(area, resolveSettings);
}

/**
 * Read the user's settings, handing a stored record to `resolve` (normally {@link resolveSettings}). When
 * nothing is stored the defaults apply and `resolve` is not called: the content script passes a `resolve`
 * from a module it loads on demand, so a frame of a user who never changed a setting does not load zod.
 */
export async function loadSettingsWith(
  area: Pick<SettingsStorageArea, 'get'>,
  resolve: (stored: unknown) => Settings | Promise<Settings>,
): Promise<Settings> {
  const stored = (await area.get(SETTINGS_KEY))[SETTINGS_KEY];
  return stored === undefined ? { ...DEFAULT_SETTINGS } : resolve(stored);
}

/**
 * Make the stored record current: an old record is rewritten migrated, and an
 * unreadable one is first kept aside (see `quarantine.ts`), then replaced by
 * what could be read. Does nothing when the record is already current.
 */
export async function repairStoredSettings(area: StorageArea, now: number = Date.now()): Promise<SettingsReading> {
  const stored = (await area.get(SETTINGS_KEY))[SETTINGS_KEY];
  const reading = readStoredSettings(stored);
  if (reading.status === 'corrupt') await keepAside(area, SETTINGS_KEY, stored, now);
  if (reading.status === 'corrupt' || reading.status === 'migrated') await area.set({ [SETTINGS_KEY]: reading.record });
  return reading;
}

/**
 * Save a change. Only values that differ from the defaults are stored, so a
 * setting put back to its default follows future default changes again.
 * Throws when `patch` is not valid. An unreadable stored record is kept aside
 * before it is overwritten, when `area` can do that.
 */
export async function saveSettings(
  area: SettingsStorageArea | StorageArea,
  patch: Partial<Settings>,
  now: number = Date.now(),
): Promise<Settings> {
  const stored = (await area.get(SETTINGS_KEY))[SETTINGS_KEY];
  const reading = readStoredSettings(stored);
  const next = Settings.parse({ ...reading.settings, ...patch });
  if (reading.status === 'corrupt') await keepAside(area as StorageArea, SETTINGS_KEY, stored, now);
  await area.set({ [SETTINGS_KEY]: settingsRecord(next) });
  return next;
}

/**
 * Call `listener` with the new settings whenever another context saves them
 * (`browser.storage.onChanged`). Returns a function that stops listening.
 */
export function watchSettings(event: StorageChangedEvent, listener: (settings: Settings) => void): () => void {
  return watchStoredSettings(event, (stored) => listener(resolveSettings(stored)));
}

/**
 * Call `listener` with the stored settings record, unparsed (undefined once removed), whenever another
 * context saves it. Returns a function that stops listening. For a caller that parses it later:
 * everyone else wants {@link watchSettings}.
 */
export function watchStoredSettings(event: StorageChangedEvent, listener: (stored: unknown) => void): () => void {
  const onChanged = (changes: Record<string, StorageChange>, areaName: string) => {
    if (areaName !== 'local' || !(SETTINGS_KEY in changes)) return;
    listener(changes[SETTINGS_KEY]!.newValue);
  };
  event.addListener(onChanged);
  return () => event.removeListener(onChanged);
}

/** The site key for a URL: its hostname, or null for pages without one. */
export function siteOf(url: string): string | null {
  try {
    const { hostname } = new URL(url);
    return hostname || null;
  } catch {
    return null;
  }
}

/**
 * The site a user typed ("https://www.Example.com/news", "example.com") as a
 * hostname, or null when it names none.
 */
export function siteFromInput(input: string): string | null {
  const text = input.trim();
  if (!text) return null;
  const host = siteOf(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  if (!host || !/^[a-z0-9.[\]:-]+$/.test(host)) return null;
  return host;
}

/** Whether a site entry covers `site`: the host itself or any of its subdomains ("nytimes.com" covers "www.nytimes.com"). */
export function siteCovers(entry: string, site: string): boolean {
  return site === entry || site.endsWith(`.${entry}`);
}

/** Whether Factlens should mark anything on `site` under `settings`. */
export function isActiveOn(settings: Settings, site: string | null): boolean {
  return settings.enabled && !(site && settings.disabledSites.some((entry) => siteCovers(entry, site)));
}

/** Entity ids muted on `site`: muted everywhere plus "Not this entity" on this site. */
export function mutedOn(settings: Settings, site: string | null): Set<string> {
  return new Set([...settings.mutedEntities, ...((site && settings.mutedOnSites[site]) || [])]);
}
