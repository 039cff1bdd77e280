import { describe, expect, it } from 'vitest';
import {
  flatToChanges,
  migrateSettingsRecord,
  SETTINGS_MIGRATIONS,
  versionOf,
  type SettingsRecord,
} from '@/src/settings/migrations';
import { SETTINGS_VERSION } from '@/src/settings/schema';
import { readStoredSettings } from '@/src/settings/store';

describe('settings migrations', () => {
  it('has one migration per version step up to the current version', () => {
    expect(SETTINGS_MIGRATIONS).toHaveLength(SETTINGS_VERSION);
  });

  it('v0 → v1: keeps only the flat values that differ from the defaults, under a version', () => {
    const before: SettingsRecord = {
      enabled: true,
      disabledSites: ['example.com'],
      highlightStyle: 'underline',
      firstMentionOnly: true,
      hoverDelayMs: 250,
      mutedEntities: [],
      mutedOnSites: {},
      maxMentionsPerPage: 5000,
      theme: 'dark',
    };
    expect(flatToChanges(before)).toEqual({
      version: 1,
      changes: { disabledSites: ['example.com'], firstMentionOnly: true, theme: 'dark' },
    });
  });

  it('v0 → v1: carries values it does not know, so validation can report them rather than lose them silently', () => {
    expect(flatToChanges({ hoverDelayMs: 400, colour: 'red' })).toEqual({
      version: 1,
      changes: { hoverDelayMs: 400, colour: 'red' },
    });
  });

  it('v0 → v1: does not change its input', () => {
    const before = { theme: 'dark' };
    flatToChanges(before);
    expect(before).toEqual({ theme: 'dark' });
  });

  it.each([
    [{ theme: 'dark' }, 0],
    [{}, 0],
    [{ version: 1, changes: {} }, 1],
    [{ version: 0, changes: {} }, null],
    [{ version: '1', changes: {} }, null],
    [{ version: 1.5, changes: {} }, null],
  ])('reads the version of %j as %s', (record, version) => {
    expect(versionOf(record)).toBe(version);
  });

  it('runs every step from the stored version', () => {
    expect(migrateSettingsRecord({ theme: 'light' }, 0)).toEqual({ version: 1, changes: { theme: 'light' } });
    const current = { version: 1, changes: { theme: 'light' } };
    expect(migrateSettingsRecord(current, 1)).toBe(current);
  });

  it('a legacy flat record is read as the settings it held', () => {
    const reading = readStoredSettings({ highlightStyle: 'tint', hoverDelayMs: 500, enabled: true });
    expect(reading.status).toBe('migrated');
    expect(reading.storedVersion).toBe(0);
    expect(reading.settings.highlightStyle).toBe('tint');
    expect(reading.settings.hoverDelayMs).toBe(500);
    expect(reading.record).toEqual({ version: 1, changes: { highlightStyle: 'tint', hoverDelayMs: 500 } });
  });
});
