import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Settings } from '@/src/settings/schema';
import {
  isActiveOn,
  loadSettings,
  loadSettingsWith,
  mutedOn,
  readStoredSettings,
  repairStoredSettings,
  saveSettings,
  siteFromInput,
  siteOf,
  watchSettings,
  watchStoredSettings,
} from '@/src/settings/store';
import { listKeptAside } from '@/src/settings/quarantine';
import { memoryArea } from './memory-area';

const NOW = Date.UTC(2025, 9, 17, 8, 30);

describe('saving settings', () => {
  it('stores only what differs from the defaults, and reads it back whole', async () => {
    const area = memoryArea();
    await saveSettings(area, { highlightStyle: 'tint', hoverDelayMs: 400 });
    expect(area.data.get(SETTINGS_KEY)).toEqual({
      version: 1,
      changes: { highlightStyle: 'tint', hoverDelayMs: 400 },
    });
    expect(await loadSettings(area)).toEqual({ ...DEFAULT_SETTINGS, highlightStyle: 'tint', hoverDelayMs: 400 });
  });

  it('forgets a setting put back to its default, so it follows future defaults', async () => {
    const area = memoryArea();
    await saveSettings(area, { theme: 'dark', firstMentionOnly: true });
    await saveSettings(area, { theme: 'system' });
    expect(area.data.get(SETTINGS_KEY)).toEqual({ version: 1, changes: { firstMentionOnly: true } });
  });

  it('refuses an invalid change and leaves storage as it was', async () => {
    const area = memoryArea({ [SETTINGS_KEY]: { version: 1, changes: { theme: 'dark' } } });
    await expect(saveSettings(area, { hoverDelayMs: -5 })).rejects.toThrow();
    expect(area.data.get(SETTINGS_KEY)).toEqual({ version: 1, changes: { theme: 'dark' } });
  });

  it('gives open tabs the new settings through storage.onChanged', async () => {
    const area = memoryArea();
    const seen: Settings[] = [];
    const stop = watchSettings(area.onChanged, (settings) => seen.push(settings));
    await saveSettings(area, { highlightStyle: 'hover' });
    stop();
    await saveSettings(area, { highlightStyle: 'tint' });
    expect(seen.map((settings) => settings.highlightStyle)).toEqual(['hover']);
  });
});

// The content script reads settings through these, parsing with a module it loads only when there is a record.
describe('reading settings with a parser loaded on demand', () => {
  it('gives the defaults without parsing anything when nothing is stored', async () => {
    const parsed: unknown[] = [];
    const settings = await loadSettingsWith(memoryArea(), (stored) => {
      parsed.push(stored);
      return DEFAULT_SETTINGS;
    });
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(parsed).toEqual([]);
  });

  it('hands a stored record to the parser and uses what it makes of it', async () => {
    const record = { version: 1, changes: { theme: 'dark', hoverDelayMs: 'soon' } };
    const parsed: unknown[] = [];
    const settings = await loadSettingsWith(memoryArea({ [SETTINGS_KEY]: record }), async (stored) => {
      parsed.push(stored);
      return readStoredSettings(stored).settings;
    });
    expect(parsed).toEqual([record]);
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
  });

  it('passes each saved record on unparsed, and nothing once stopped', async () => {
    const area = memoryArea();
    const seen: unknown[] = [];
    const stop = watchStoredSettings(area.onChanged, (stored) => seen.push(stored));
    await saveSettings(area, { highlightStyle: 'hover' });
    await area.set({ unrelated: 1 });
    stop();
    await saveSettings(area, { highlightStyle: 'tint' });
    expect(seen).toEqual([{ version: 1, changes: { highlightStyle: 'hover' } }]);
  });
});

describe('unreadable settings', () => {
  it.each([
    ['text', 'garbage{'],
    ['a list', [1, 2]],
    ['null', null],
    ['a newer version', { version: 9, changes: { theme: 'dark' } }],
    ['a nonsense version', { version: 'x', changes: {} }],
    ['changes that are not an object', { version: 1, changes: 'dark' }],
  ])('falls back to the defaults when storage holds %s', (_label, stored) => {
    const reading = readStoredSettings(stored);
    expect(reading.status).toBe('corrupt');
    expect(reading.settings).toEqual(DEFAULT_SETTINGS);
    expect(reading.problems).toHaveLength(1);
  });

  it('keeps the fields it can read and names the ones it can not', () => {
    const reading = readStoredSettings({
      version: 1,
      changes: { theme: 'dark', hoverDelayMs: 99999, highlightStyle: 'sparkles', colour: 'red' },
    });
    expect(reading.status).toBe('corrupt');
    expect(reading.settings).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
    expect(reading.problems).toEqual([
      'hoverDelayMs: 99999 is more than 2000',
      "highlightStyle: 'sparkles' is not one of 'underline', 'tint', 'hover'",
      "'colour' is not a setting",
    ]);
  });

  it('loading never writes, even when the record is bad', async () => {
    const area = memoryArea({ [SETTINGS_KEY]: 'garbage{' });
    expect(await loadSettings(area)).toEqual(DEFAULT_SETTINGS);
    expect(area.writes).toEqual([]);
  });

  it('repair keeps the bad record aside under a stamped key, then stores a clean one', async () => {
    const bad = { version: 1, changes: { theme: 'dark', hoverDelayMs: 'slow' } };
    const area = memoryArea({ [SETTINGS_KEY]: bad });
    const reading = await repairStoredSettings(area, NOW);
    expect(reading.status).toBe('corrupt');
    expect(area.data.get('settings.corrupt.2025-10-17T08:30:00.000Z')).toEqual(bad);
    expect(area.data.get(SETTINGS_KEY)).toEqual({ version: 1, changes: { theme: 'dark' } });
    expect(await listKeptAside(area)).toEqual([
      {
        key: 'settings.corrupt.2025-10-17T08:30:00.000Z',
        from: 'settings',
        at: '2025-10-17T08:30:00.000Z',
        value: bad,
      },
    ]);
    // Once repaired there is nothing more to do.
    area.writes.length = 0;
    expect((await repairStoredSettings(area, NOW + 1)).status).toBe('current');
    expect(area.writes).toEqual([]);
  });

  it('repair writes a migrated record back in the current shape', async () => {
    const area = memoryArea({ [SETTINGS_KEY]: { theme: 'light', enabled: true } });
    await repairStoredSettings(area, NOW);
    expect(area.data.get(SETTINGS_KEY)).toEqual({ version: 1, changes: { theme: 'light' } });
    expect(await listKeptAside(area)).toEqual([]);
  });

  it('saving over a bad record keeps the bad record aside first', async () => {
    const area = memoryArea({ [SETTINGS_KEY]: [1, 2, 3] });
    await saveSettings(area, { theme: 'dark' }, NOW);
    expect(area.data.get('settings.corrupt.2025-10-17T08:30:00.000Z')).toEqual([1, 2, 3]);
    expect(area.data.get(SETTINGS_KEY)).toEqual({ version: 1, changes: { theme: 'dark' } });
  });
});

describe('sites', () => {
  it.each([
    ['https://www.example.com/news/1', 'www.example.com'],
    ['about:blank', null],
    ['not a url', null],
  ])('siteOf(%s) is %s', (url, site) => {
    expect(siteOf(url)).toBe(site);
  });

  it.each([
    ['example.com', 'example.com'],
    ['  Example.COM ', 'example.com'],
    ['https://www.Example.com/path?q=1', 'www.example.com'],
    ['localhost:8080', 'localhost'],
    ['', null],
    ['not a site', null],
  ])('the typed site %j is %s', (input, site) => {
    expect(siteFromInput(input)).toBe(site);
  });

  it('a site entry turns Factlens off on that host and its subdomains only', () => {
    const settings = { ...DEFAULT_SETTINGS, disabledSites: ['nytimes.com'] };
    expect(isActiveOn(settings, 'nytimes.com')).toBe(false);
    expect(isActiveOn(settings, 'www.nytimes.com')).toBe(false);
    expect(isActiveOn(settings, 'notnytimes.com')).toBe(true);
    expect(isActiveOn(settings, null)).toBe(true);
    expect(isActiveOn({ ...settings, enabled: false }, 'example.org')).toBe(false);
  });

  it('mutes entities everywhere and per site', () => {
    const settings = { ...DEFAULT_SETTINGS, mutedEntities: ['azure'], mutedOnSites: { 'a.com': ['credo'] } };
    expect([...mutedOn(settings, 'a.com')].sort()).toEqual(['azure', 'credo']);
    expect([...mutedOn(settings, 'b.com')]).toEqual(['azure']);
  });
});
