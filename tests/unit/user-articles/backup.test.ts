import { describe, expect, it } from 'vitest';
import {
  BACKUP_FORMAT,
  contentKey,
  exportBackup,
  importBackup,
  parseBackup,
  planImport,
  serialiseBackup,
  StorageWriteError,
  type ValidBackup,
} from '@/src/user-articles/backup';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from '@/src/settings/schema';
import { USER_ARTICLES_KEY, type UserArticle } from '@/src/user-articles/schema';
import { memoryArea } from '../settings/memory-area';
import { microsoftArticle, quillfeather } from './fixtures';

const NOW = Date.UTC(2025, 10, 1, 12, 0);

const fileWith = (change: Record<string, unknown>) =>
  JSON.stringify({
    format: BACKUP_FORMAT,
    exportedAt: '2025-11-01T12:00:00.000Z',
    settings: { version: 1, changes: {} },
    articles: [quillfeather],
    ...change,
  });

const valid = (text: string): ValidBackup => {
  const parsed = parseBackup(text);
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  return parsed.value;
};

describe('export', () => {
  it('holds the user’s articles and only the settings they changed, in a versioned format', async () => {
    const area = memoryArea({
      [SETTINGS_KEY]: { version: 1, changes: { highlightStyle: 'tint' } },
      [USER_ARTICLES_KEY]: { version: 1, articles: [quillfeather, microsoftArticle] },
      unrelated: 'not exported',
    });
    expect(await exportBackup(area, NOW)).toEqual({
      format: 'factlens.backup/1',
      exportedAt: '2025-11-01T12:00:00.000Z',
      settings: { version: 1, changes: { highlightStyle: 'tint' } },
      articles: [microsoftArticle, quillfeather],
    });
  });

  it('round-trips: importing an export into an empty profile recreates the same storage', async () => {
    const original = memoryArea({
      [SETTINGS_KEY]: { version: 1, changes: { theme: 'dark', disabledSites: ['a.example'] } },
      [USER_ARTICLES_KEY]: { version: 1, articles: [microsoftArticle, quillfeather] },
    });
    const text = serialiseBackup(await exportBackup(original, NOW));
    const fresh = memoryArea();
    await importBackup(fresh, valid(text), { includeSettings: true, now: NOW });
    expect(fresh.data.get(SETTINGS_KEY)).toEqual(original.data.get(SETTINGS_KEY));
    expect(fresh.data.get(USER_ARTICLES_KEY)).toEqual(original.data.get(USER_ARTICLES_KEY));
    expect(serialiseBackup(await exportBackup(fresh, NOW))).toBe(text);
  });
});

describe('parseBackup', () => {
  it.each([
    ['not JSON', '{"format": ', /^The file is not valid JSON/],
    ['a list', '[]', /^The file is not a Factlens backup: it does not hold a JSON object\.$/],
    ['another file', '{"name": "package"}', /^format is missing: this is not a Factlens backup/],
    [
      'a newer format',
      fileWith({ format: 'factlens.backup/2' }),
      /^format: 'factlens\.backup\/2' was made by a newer Factlens/,
    ],
  ])('refuses %s with a clear message', (_label, text, message) => {
    const parsed = parseBackup(text);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? [] : parsed.problems).toEqual([expect.stringMatching(message)]);
  });

  it('names every bad field by its place in the file', () => {
    const parsed = parseBackup(
      fileWith({
        settings: { version: 1, changes: { hoverDelayMs: 9000, highlightStyle: 'glow', colour: 'red' } },
        articles: [
          quillfeather,
          { ...microsoftArticle, title: '' },
          { ...microsoftArticle, id: 'user-third', date: 'Oct 17' },
          { ...microsoftArticle, id: 'user-fourth', url: 'ftp://x' },
          { id: 'user-fifth', title: 'T', date: null, addedAt: 'x' },
        ],
      }),
    );
    expect(parsed.ok ? [] : parsed.problems).toEqual([
      "articles[1].title: '' is empty",
      "articles[2].date: 'Oct 17' is not YYYY-MM-DD",
      "articles[3].url: 'ftp://x' is not an http(s) address",
      'articles[4].body is missing',
    ]);
  });

  it('checks the settings once the articles are fine', () => {
    const parsed = parseBackup(
      fileWith({ settings: { version: 1, changes: { hoverDelayMs: 9000, highlightStyle: 'glow', colour: 'red' } } }),
    );
    expect(parsed.ok ? [] : parsed.problems).toEqual([
      "settings.changes.highlightStyle: 'glow' is not one of 'underline', 'tint', 'hover'",
      'settings.changes.hoverDelayMs: 9000 is more than 2000',
      "settings.changes has unknown field 'colour'",
    ]);
  });

  it('refuses an id used twice', () => {
    const parsed = parseBackup(fileWith({ articles: [quillfeather, microsoftArticle, quillfeather] }));
    expect(parsed.ok ? [] : parsed.problems).toEqual([
      `articles[2].id: '${quillfeather.id}' is used twice (also articles[0])`,
    ]);
  });
});

describe('planImport', () => {
  const current = { settings: { ...DEFAULT_SETTINGS, theme: 'dark' as const }, articles: [quillfeather] };

  it('shows what is added, replaced, already here and what settings change', () => {
    const edited: UserArticle = { ...quillfeather, source: 'Another source' };
    const plan = planImport(current, valid(fileWith({ articles: [edited, microsoftArticle] })));
    expect(plan.added).toEqual([microsoftArticle]);
    expect(plan.replaced).toEqual([{ current: quillfeather, incoming: edited }]);
    expect(plan.unchanged).toEqual([]);
    expect(plan.settingChanges).toEqual([{ key: 'theme', from: 'dark', to: 'system' }]);
    expect(plan.articles).toEqual([microsoftArticle, edited]);
  });

  it('recognises the same article under another id by its title, date and text, and keeps the id it has here', () => {
    const sameUnderAnotherId = {
      ...quillfeather,
      id: 'user-q-copy',
      title: '  quillfeather robotics RAISES $12 million',
    };
    const plan = planImport(current, valid(fileWith({ articles: [sameUnderAnotherId] })));
    expect(plan.added).toEqual([]);
    expect(plan.replaced).toEqual([
      { current: quillfeather, incoming: { ...sameUnderAnotherId, id: quillfeather.id } },
    ]);
    expect(plan.articles.map((article) => article.id)).toEqual([quillfeather.id]);
  });

  it('counts an identical article as already here', () => {
    const plan = planImport(current, valid(fileWith({ articles: [{ ...quillfeather }] })));
    expect(plan.unchanged).toEqual([quillfeather]);
    expect(plan.added).toEqual([]);
    expect(plan.replaced).toEqual([]);
  });

  it('takes an article the file holds twice (different ids, same content) once', () => {
    const copy = { ...microsoftArticle, id: 'user-copy' };
    const plan = planImport(current, valid(fileWith({ articles: [microsoftArticle, copy] })));
    expect(plan.added).toEqual([microsoftArticle]);
    expect(plan.repeated).toEqual([copy]);
  });

  it('tells articles apart by text: same title and date, different body', () => {
    expect(contentKey(quillfeather)).not.toBe(contentKey({ ...quillfeather, body: `${quillfeather.body} More.` }));
    expect(contentKey(quillfeather)).toBe(
      contentKey({ ...quillfeather, body: ` ${quillfeather.body.replace(/ /g, '\n')} ` }),
    );
  });
});

describe('importing all or nothing', () => {
  const before = {
    [SETTINGS_KEY]: { version: 1, changes: { theme: 'dark' } },
    [USER_ARTICLES_KEY]: { version: 1, articles: [quillfeather] },
  };
  const incoming = () =>
    valid(fileWith({ settings: { version: 1, changes: { highlightStyle: 'tint' } }, articles: [microsoftArticle] }));

  it('writes articles and settings together', async () => {
    const area = memoryArea(before);
    await importBackup(area, incoming(), { includeSettings: true, now: NOW });
    expect(area.writes).toEqual([[USER_ARTICLES_KEY, SETTINGS_KEY]]);
    expect(area.data.get(SETTINGS_KEY)).toEqual({ version: 1, changes: { highlightStyle: 'tint' } });
    expect(area.data.get(USER_ARTICLES_KEY)).toEqual({ version: 1, articles: [microsoftArticle, quillfeather] });
  });

  it('leaves the settings alone when asked to', async () => {
    const area = memoryArea(before);
    await importBackup(area, incoming(), { includeSettings: false, now: NOW });
    expect(area.data.get(SETTINGS_KEY)).toEqual(before[SETTINGS_KEY]);
  });

  it('restores the previous state when the browser stores part of the import and then refuses (quota)', async () => {
    const area = memoryArea(before);
    area.failWrites = { keysBeforeFailure: 1, times: 1 };
    const error = await importBackup(area, incoming(), { includeSettings: true, now: NOW }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageWriteError);
    expect((error as StorageWriteError).restored).toBe(true);
    expect((error as Error).message).toBe(
      'The browser refused to store the import (QUOTA_BYTES quota exceeded). Nothing was changed.',
    );
    expect(Object.fromEntries(area.data)).toEqual(before);
  });

  it('removes keys the failed import created when there was nothing before', async () => {
    const area = memoryArea();
    area.failWrites = { keysBeforeFailure: 1, times: 1 };
    await expect(importBackup(area, incoming(), { includeSettings: true, now: NOW })).rejects.toThrow(
      'Nothing was changed',
    );
    expect(Object.fromEntries(area.data)).toEqual({});
  });

  it('says so when even restoring fails', async () => {
    const area = memoryArea(before);
    area.failWrites = { keysBeforeFailure: 1, times: 2 };
    const error = (await importBackup(area, incoming(), { includeSettings: true, now: NOW }).catch(
      (e: unknown) => e,
    )) as StorageWriteError;
    expect(error.restored).toBe(false);
    expect(error.message).toMatch(/restoring the previous state failed too/);
  });

  it('writes nothing when the file adds nothing new', async () => {
    const area = memoryArea(before);
    await importBackup(area, valid(fileWith({ settings: before[SETTINGS_KEY], articles: [quillfeather] })), {
      includeSettings: true,
      now: NOW,
    });
    expect(area.writes).toEqual([]);
  });
});
