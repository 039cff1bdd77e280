/**
 * Backups: everything the user made (their articles, their settings and their
 * corrections) in one JSON file, `factlens.backup/1`, and back.
 *
 * Importing is careful in three ways: a bad file is refused with every
 * problem named by its place in the file (`articles[2].date: 'Oct 17' is not
 * YYYY-MM-DD`); what the import would add and replace is shown before
 * anything is written, with duplicates recognised; and the write is all or
 * nothing, restoring the previous state if the browser refuses part of it.
 */
import * as z from 'zod/mini';
import { describeIssues } from '../settings/issues';
import { migrateSettingsRecord, versionOf } from '../settings/migrations';
import { keepAside } from '../settings/quarantine';
import { DEFAULT_SETTINGS, SETTINGS_KEY, SETTINGS_VERSION, Settings, type StoredSettings } from '../settings/schema';
import { readStoredSettings, settingsRecord } from '../settings/store';
import type { StorageArea } from '../settings/storage-area';
import { CORRECTIONS_KEY, Correction, correctionSlot, correctionsRecord } from './corrections';
import { readStoredCorrections } from './corrections-store';
import { readStoredUserArticles, userArticlesRecord } from './store';
import { USER_ARTICLES_KEY, UserArticle } from './schema';

/** The format tag of a backup file. */
export const BACKUP_FORMAT = 'factlens.backup/1';

/** A backup file. */
export const Backup = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  /** When the file was made, ISO 8601. */
  exportedAt: z.string(),
  /** The settings the user changed, as stored: `{ version, changes }`. */
  settings: z.strictObject({
    version: z.number().check(z.int(), z.minimum(0)),
    changes: z.record(z.string(), z.unknown()),
  }),
  articles: z.array(UserArticle),
  /**
   * The user's corrections. Optional, so the format stays `factlens.backup/1`:
   * files made before corrections existed import as they always did, and a
   * backup without corrections is written exactly as before.
   */
  corrections: z.optional(z.array(Correction)),
});
export type Backup = z.infer<typeof Backup>;

/** Everything the user made, as a backup. */
export function makeBackup(
  settings: Settings,
  articles: readonly UserArticle[],
  now: number,
  corrections: readonly Correction[] = [],
): Backup {
  return {
    format: BACKUP_FORMAT,
    exportedAt: new Date(now).toISOString(),
    settings: settingsRecord(settings) as Backup['settings'],
    articles: userArticlesRecord(articles).articles,
    ...(corrections.length > 0 && { corrections: correctionsRecord(corrections).corrections }),
  };
}

/** Read storage and make a backup of it. Unreadable parts are left out (they are kept aside separately). */
export async function exportBackup(area: Pick<StorageArea, 'get'>, now: number = Date.now()): Promise<Backup> {
  const stored = await area.get([SETTINGS_KEY, USER_ARTICLES_KEY, CORRECTIONS_KEY]);
  return makeBackup(
    readStoredSettings(stored[SETTINGS_KEY]).settings,
    readStoredUserArticles(stored[USER_ARTICLES_KEY]).articles,
    now,
    readStoredCorrections(stored[CORRECTIONS_KEY]).corrections,
  );
}

/** The file's text: indented JSON, so a user can read and diff it. */
export function serialiseBackup(backup: Backup): string {
  return `${JSON.stringify(backup, null, 2)}\n`;
}

/** A file name for a backup made at `now`: `factlens-backup-2025-10-17.json`. */
export function backupFileName(now: number): string {
  return `factlens-backup-${new Date(now).toISOString().slice(0, 10)}.json`;
}

/** A parsed backup whose settings are brought up to the current version and checked. */
export interface ValidBackup {
  backup: Backup;
  settings: Settings;
}

/** The outcome of reading a file: a valid backup, or every problem found. */
export type BackupParse = { ok: true; value: ValidBackup } | { ok: false; problems: string[] };

/** Line and column of a character offset, 1-based. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${before.at(-1)!.length + 1}`;
}

function jsonProblem(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // V8 says "… at position 42 (line 3 column 5)"; Firefox says "… at line 3 column 5 of the JSON data".
  const position = /position (\d+)/.exec(message);
  const where = position ? ` (${lineAndColumn(text, Number(position[1]))})` : '';
  return `The file is not valid JSON${where}: ${message}`;
}

const StrictChanges = z.partial(z.strictObject(Settings.shape));

/** Parse and check a backup file's text. Never throws. */
export function parseBackup(text: string): BackupParse {
  let input: unknown;
  try {
    input = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, problems: [jsonProblem(text, error)] };
  }
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { ok: false, problems: ['The file is not a Factlens backup: it does not hold a JSON object.'] };
  }
  const format = (input as { format?: unknown }).format;
  if (typeof format === 'string' && format.startsWith('factlens.backup/') && format !== BACKUP_FORMAT) {
    return {
      ok: false,
      problems: [`format: '${format}' was made by a newer Factlens; this one reads ${BACKUP_FORMAT}.`],
    };
  }
  if (format !== BACKUP_FORMAT) {
    return {
      ok: false,
      problems: [
        format === undefined
          ? `format is missing: this is not a Factlens backup (${BACKUP_FORMAT}).`
          : `format: ${JSON.stringify(format)} is not ${BACKUP_FORMAT}: this is not a Factlens backup.`,
      ],
    };
  }

  const parsed = Backup.safeParse(input);
  const problems = parsed.success ? [] : describeIssues(parsed.error.issues, input);
  if (!parsed.success) return { ok: false, problems };
  const backup = parsed.data;

  const seen = new Map<string, number>();
  backup.articles.forEach((article, index) => {
    const first = seen.get(article.id);
    if (first === undefined) seen.set(article.id, index);
    else problems.push(`articles[${index}].id: '${article.id}' is used twice (also articles[${first}])`);
  });
  const slots = new Map<string, number>();
  (backup.corrections ?? []).forEach((correction, index) => {
    const first = slots.get(correctionSlot(correction));
    if (first === undefined) slots.set(correctionSlot(correction), index);
    else problems.push(`corrections[${index}]: corrects what corrections[${first}] does`);
  });

  let settings: Settings = DEFAULT_SETTINGS;
  const version = versionOf(backup.settings);
  if (version === null || version > SETTINGS_VERSION) {
    problems.push(
      `settings.version: ${backup.settings.version} is newer than this Factlens reads (${SETTINGS_VERSION})`,
    );
  } else {
    const migrated = migrateSettingsRecord(backup.settings, version) as StoredSettings;
    const changes = StrictChanges.safeParse(migrated.changes);
    if (changes.success) settings = { ...DEFAULT_SETTINGS, ...changes.data };
    else problems.push(...describeIssues(changes.error.issues, migrated.changes, 'settings.changes'));
  }
  return problems.length ? { ok: false, problems } : { ok: true, value: { backup, settings } };
}

/** FNV-1a, 32 bits, as 8 hex digits: a fast fingerprint of an article's text (not a security measure). */
export function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/**
 * What makes two articles the same article whatever their ids: title, date
 * and a fingerprint of the text, with white space and letter case of the
 * title evened out (a re-pasted article often differs only there).
 */
export function contentKey(article: Pick<UserArticle, 'title' | 'date' | 'body'>): string {
  const even = (text: string) => text.replace(/\s+/g, ' ').trim();
  return `${even(article.title).toLowerCase()}\n${article.date ?? ''}\n${fingerprint(even(article.body))}`;
}

function sameArticle(a: UserArticle, b: UserArticle): boolean {
  return JSON.stringify(userArticlesRecord([a])) === JSON.stringify(userArticlesRecord([b]));
}

/** One setting an import changes. */
export interface SettingChange {
  key: keyof Settings;
  from: unknown;
  to: unknown;
}

/** What an import would do, shown to the user before anything is written. */
export interface ImportPlan {
  /** Articles that are not here yet. */
  added: UserArticle[];
  /** Articles here (same id, or same title, date and text) that the file's version replaces. */
  replaced: { current: UserArticle; incoming: UserArticle }[];
  /** Articles of the file already here exactly as they are. */
  unchanged: UserArticle[];
  /** Articles the file holds twice (same title, date and text); only the first counts. */
  repeated: UserArticle[];
  /** Settings that differ between the file and now. */
  settingChanges: SettingChange[];
  /** The articles after the import: everything here, plus added, with replacements. */
  articles: UserArticle[];
  /** The settings after the import, if settings are imported. */
  settings: Settings;
  /** Corrections of the file not here yet, or here but different (the file's replaces ours). */
  correctionsAdded: Correction[];
  /** The corrections after the import: ours, with the file's added. */
  corrections: Correction[];
}

/** Work out what importing `incoming` over the current state would do. Pure. */
export function planImport(
  current: { settings: Settings; articles: readonly UserArticle[]; corrections?: readonly Correction[] },
  incoming: ValidBackup,
): ImportPlan {
  const byId = new Map(current.articles.map((article) => [article.id, article]));
  const byContent = new Map(current.articles.map((article) => [contentKey(article), article]));
  const next = new Map(current.articles.map((article) => [article.id, article]));
  const plan: ImportPlan = {
    added: [],
    replaced: [],
    unchanged: [],
    repeated: [],
    settingChanges: [],
    articles: [],
    settings: incoming.settings,
    correctionsAdded: [],
    corrections: [],
  };
  const seenContent = new Set<string>();
  for (const article of incoming.backup.articles) {
    const key = contentKey(article);
    if (seenContent.has(key)) {
      plan.repeated.push(article);
      continue;
    }
    seenContent.add(key);
    const match = byId.get(article.id) ?? byContent.get(key);
    if (!match) {
      plan.added.push(article);
      next.set(article.id, article);
      continue;
    }
    // The same article under another id keeps the id it has here, so nothing that refers to it breaks.
    const replacement = { ...article, id: match.id };
    if (sameArticle(match, replacement)) plan.unchanged.push(match);
    else {
      plan.replaced.push({ current: match, incoming: replacement });
      next.set(match.id, replacement);
    }
  }
  plan.articles = userArticlesRecord([...next.values()]).articles;
  // Corrections are matched by what they correct, so a file's correction replaces ours of the same thing.
  const corrections = new Map(
    (current.corrections ?? []).map((correction) => [correctionSlot(correction), correction]),
  );
  for (const correction of incoming.backup.corrections ?? []) {
    const slot = correctionSlot(correction);
    if (JSON.stringify(corrections.get(slot)) === JSON.stringify(correction)) continue;
    plan.correctionsAdded.push(correction);
    corrections.set(slot, correction);
  }
  plan.corrections = correctionsRecord([...corrections.values()]).corrections;
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    const from = current.settings[key];
    const to = incoming.settings[key];
    if (JSON.stringify(from) !== JSON.stringify(to)) plan.settingChanges.push({ key, from, to });
  }
  return plan;
}

/** Whether an import would change anything. */
export function planChangesSomething(plan: ImportPlan, includeSettings: boolean): boolean {
  return (
    plan.added.length > 0 ||
    plan.replaced.length > 0 ||
    plan.correctionsAdded.length > 0 ||
    (includeSettings && plan.settingChanges.length > 0)
  );
}

/** Thrown when storage refuses a write; says whether the previous state was restored. */
export class StorageWriteError extends Error {
  readonly restored: boolean;
  constructor(cause: unknown, restored: boolean) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      restored
        ? `The browser refused to store the import (${reason}). Nothing was changed.`
        : `The browser refused to store the import (${reason}), and restoring the previous state failed too.`,
      { cause },
    );
    this.name = 'StorageWriteError';
    this.restored = restored;
  }
}

/**
 * Write `items` as one change: if the browser refuses (a full quota, say),
 * put back what the keys held before, including removing keys that were new,
 * since a refused write may have stored some keys and not others.
 */
export async function writeAllOrNothing(area: StorageArea, items: Record<string, unknown>): Promise<void> {
  const keys = Object.keys(items);
  const before = await area.get(keys);
  try {
    await area.set(items);
  } catch (error) {
    try {
      if (Object.keys(before).length) await area.set(before);
      const added = keys.filter((key) => !(key in before));
      if (added.length) await area.remove(added);
    } catch {
      throw new StorageWriteError(error, false);
    }
    throw new StorageWriteError(error, true);
  }
}

/**
 * Import a checked backup: plan it against what storage holds now (which may
 * have changed since the user saw the plan), keep aside any unreadable record
 * it will overwrite, then write articles, settings and corrections all or nothing.
 * Returns the plan that was carried out.
 */
export async function importBackup(
  area: StorageArea,
  incoming: ValidBackup,
  options: { includeSettings: boolean; now?: number },
): Promise<ImportPlan> {
  const now = options.now ?? Date.now();
  const stored = await area.get([SETTINGS_KEY, USER_ARTICLES_KEY, CORRECTIONS_KEY]);
  const settingsReading = readStoredSettings(stored[SETTINGS_KEY]);
  const articlesReading = readStoredUserArticles(stored[USER_ARTICLES_KEY]);
  const correctionsReading = readStoredCorrections(stored[CORRECTIONS_KEY]);
  const plan = planImport(
    {
      settings: settingsReading.settings,
      articles: articlesReading.articles,
      corrections: correctionsReading.corrections,
    },
    incoming,
  );
  if (!planChangesSomething(plan, options.includeSettings)) return plan;

  const items: Record<string, unknown> = { [USER_ARTICLES_KEY]: userArticlesRecord(plan.articles) };
  if (options.includeSettings) items[SETTINGS_KEY] = settingsRecord(plan.settings);
  if (plan.correctionsAdded.length > 0) items[CORRECTIONS_KEY] = correctionsRecord(plan.corrections);
  if (articlesReading.status === 'corrupt') await keepAside(area, USER_ARTICLES_KEY, stored[USER_ARTICLES_KEY], now);
  if (plan.correctionsAdded.length > 0 && correctionsReading.status === 'corrupt') {
    await keepAside(area, CORRECTIONS_KEY, stored[CORRECTIONS_KEY], now);
  }
  if (options.includeSettings && settingsReading.status === 'corrupt') {
    await keepAside(area, SETTINGS_KEY, stored[SETTINGS_KEY], now);
  }
  await writeAllOrNothing(area, items);
  return plan;
}
