/**
 * Migrations of the stored settings record, one per version step: the
 * function at index N turns a version-N record into a version-N+1 record.
 * Each is pure and takes the record as it was stored, so it is tested with a
 * before/after pair and never depends on today's schema.
 *
 * Version 0 is the unversioned shape early builds wrote: the whole settings
 * object, flat, under `settings`, defaults included. Version 1 stores only the
 * changes, under a version number, so users who never touched a setting get
 * new defaults when we improve them.
 */
import { DEFAULT_SETTINGS } from './schema';

/** A stored settings record of some version, before validation. */
export type SettingsRecord = Record<string, unknown>;

/** Turns a record of one version into the next version's record. */
export type SettingsMigration = (record: SettingsRecord) => SettingsRecord;

/** v0 (flat, every setting) → v1 (`{ version: 1, changes }`, only what differs from the defaults). */
export function flatToChanges(record: SettingsRecord): SettingsRecord {
  const defaults = DEFAULT_SETTINGS as Record<string, unknown>;
  const changes: SettingsRecord = {};
  for (const [key, value] of Object.entries(record)) {
    // A value equal to the default was the default when it was saved: let it follow future defaults.
    if (key in defaults && JSON.stringify(value) === JSON.stringify(defaults[key])) continue;
    changes[key] = value;
  }
  return { version: 1, changes };
}

/** Index N migrates version N to N+1; the current version is this array's length. */
export const SETTINGS_MIGRATIONS: readonly SettingsMigration[] = [flatToChanges];

/** The version of a stored record: its `version` field, or 0 for the unversioned flat shape. */
export function versionOf(record: SettingsRecord): number | null {
  if (!('version' in record)) return 0;
  const { version } = record;
  return typeof version === 'number' && Number.isInteger(version) && version >= 1 ? version : null;
}

/**
 * Bring a record of version `from` up to the current version by running every
 * migration after it, in order. Throws when a migration throws.
 */
export function migrateSettingsRecord(record: SettingsRecord, from: number): SettingsRecord {
  let current = record;
  for (let version = from; version < SETTINGS_MIGRATIONS.length; version++) {
    current = SETTINGS_MIGRATIONS[version]!(current);
  }
  return current;
}
