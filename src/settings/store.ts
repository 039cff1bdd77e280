import { DEFAULT_SETTINGS, SETTINGS_KEY, SETTINGS_VERSION, Settings, StoredSettings } from './schema';

/** The part of `browser.storage.local` settings need; tests pass their own. */
export interface SettingsStorageArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/**
 * Merge stored changes over the defaults. A record that fails its schema is
 * not trusted field by field: each changed field is kept only if it parses
 * on its own, so one bad field never costs the user the others.
 */
export function resolveSettings(stored: unknown): Settings {
  const parsed = StoredSettings.safeParse(stored);
  if (parsed.success) return { ...DEFAULT_SETTINGS, ...parsed.data.changes } as Settings;
  const result: Settings = { ...DEFAULT_SETTINGS };
  const changes = (stored as { changes?: unknown } | null)?.changes;
  if (changes && typeof changes === 'object') {
    for (const [key, value] of Object.entries(changes)) {
      if (!(key in DEFAULT_SETTINGS)) continue;
      const candidate = Settings.safeParse({ ...result, [key]: value });
      if (candidate.success) Object.assign(result, { [key]: value });
    }
  }
  return result;
}

/** Read the user's settings. */
export async function loadSettings(area: SettingsStorageArea): Promise<Settings> {
  const record = await area.get(SETTINGS_KEY);
  return resolveSettings(record[SETTINGS_KEY]);
}

/**
 * Save a change. Only values that differ from the defaults are stored, so a
 * setting put back to its default follows future default changes again.
 */
export async function saveSettings(area: SettingsStorageArea, patch: Partial<Settings>): Promise<Settings> {
  const next = Settings.parse({ ...(await loadSettings(area)), ...patch });
  const changes: Partial<Settings> = {};
  for (const key of Object.keys(next) as (keyof Settings)[]) {
    if (JSON.stringify(next[key]) !== JSON.stringify(DEFAULT_SETTINGS[key])) {
      (changes as Record<string, unknown>)[key] = next[key];
    }
  }
  await area.set({ [SETTINGS_KEY]: { version: SETTINGS_VERSION, changes } });
  return next;
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

/** Whether Factlens should mark anything on `site` under `settings`. */
export function isActiveOn(settings: Settings, site: string | null): boolean {
  return settings.enabled && !(site && settings.disabledSites.includes(site));
}

/** Entity ids muted on `site`: muted everywhere plus "Not this entity" on this site. */
export function mutedOn(settings: Settings, site: string | null): Set<string> {
  return new Set([...settings.mutedEntities, ...((site && settings.mutedOnSites[site]) || [])]);
}
