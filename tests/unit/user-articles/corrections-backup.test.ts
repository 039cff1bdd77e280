import { describe, expect, it } from 'vitest';
import {
  BACKUP_FORMAT,
  exportBackup,
  importBackup,
  parseBackup,
  planChangesSomething,
  serialiseBackup,
  type ValidBackup,
} from '@/src/user-articles/backup';
import { SETTINGS_KEY } from '@/src/settings/schema';
import { CORRECTIONS_KEY, type Correction } from '@/src/user-articles/corrections';
import { USER_ARTICLES_KEY } from '@/src/user-articles/schema';
import { memoryArea } from '../settings/memory-area';
import { microsoftArticle, quillfeather } from './fixtures';

const NOW = Date.UTC(2025, 10, 1, 12, 0);
const at = '2025-11-01T10:00:00.000Z';
const quill = { id: 'quillfeather-robotics', name: 'Quillfeather Robotics' };
const rename: Correction = { type: 'entity/rename', entity: quill, name: 'Quill', at };
const dropFigure: Correction = {
  type: 'figure/drop',
  figure: { storyId: microsoftArticle.id, text: '40 percent', sentence: 'Demand grew 40 percent.' },
  at,
};

const valid = (text: string): ValidBackup => {
  const parsed = parseBackup(text);
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  return parsed.value;
};

describe('corrections in backups', () => {
  it('round-trips: an export with corrections imported into an empty profile recreates the same storage', async () => {
    const original = memoryArea({
      [SETTINGS_KEY]: { version: 1, changes: { theme: 'dark' } },
      [USER_ARTICLES_KEY]: { version: 1, articles: [microsoftArticle, quillfeather] },
      [CORRECTIONS_KEY]: { version: 1, corrections: [rename, dropFigure] },
    });
    const exported = await exportBackup(original, NOW);
    expect(exported.corrections).toEqual([rename, dropFigure]);
    const text = serialiseBackup(exported);
    const fresh = memoryArea();
    await importBackup(fresh, valid(text), { includeSettings: true, now: NOW });
    expect(fresh.data.get(CORRECTIONS_KEY)).toEqual(original.data.get(CORRECTIONS_KEY));
    expect(fresh.data.get(USER_ARTICLES_KEY)).toEqual(original.data.get(USER_ARTICLES_KEY));
    expect(serialiseBackup(await exportBackup(fresh, NOW))).toBe(text);
  });

  it('still imports a backup made before corrections existed, keeping the corrections here', async () => {
    const old = JSON.stringify({
      format: BACKUP_FORMAT,
      exportedAt: '2025-10-01T00:00:00.000Z',
      settings: { version: 1, changes: {} },
      articles: [quillfeather],
    });
    const area = memoryArea({ [CORRECTIONS_KEY]: { version: 1, corrections: [rename] } });
    const plan = await importBackup(area, valid(old), { includeSettings: false, now: NOW });
    expect(plan.added).toEqual([quillfeather]);
    expect(plan.correctionsAdded).toEqual([]);
    expect(area.data.get(CORRECTIONS_KEY)).toEqual({ version: 1, corrections: [rename] });
    expect(area.writes).toEqual([[USER_ARTICLES_KEY]]);
  });

  it('writes a backup without corrections exactly as before', async () => {
    const area = memoryArea({ [USER_ARTICLES_KEY]: { version: 1, articles: [quillfeather] } });
    expect(Object.keys(await exportBackup(area, NOW))).toEqual(['format', 'exportedAt', 'settings', 'articles']);
  });

  it('adds the file’s corrections to ours; the file’s wins for the same thing; one already here changes nothing', async () => {
    const ours: Correction = { ...rename, name: 'Quill Co' };
    const area = memoryArea({
      [USER_ARTICLES_KEY]: { version: 1, articles: [quillfeather] },
      [CORRECTIONS_KEY]: { version: 1, corrections: [ours, dropFigure] },
    });
    const file = (corrections: Correction[]) =>
      valid(
        JSON.stringify({
          format: BACKUP_FORMAT,
          exportedAt: at,
          settings: { version: 1, changes: {} },
          articles: [quillfeather],
          corrections,
        }),
      );
    const same = await importBackup(area, file([dropFigure]), { includeSettings: false, now: NOW });
    expect(planChangesSomething(same, false)).toBe(false);
    const plan = await importBackup(area, file([rename, dropFigure]), { includeSettings: false, now: NOW });
    expect(plan.correctionsAdded).toEqual([rename]);
    expect(area.data.get(CORRECTIONS_KEY)).toEqual({ version: 1, corrections: [rename, dropFigure] });
  });

  it.each<[string, unknown, string]>([
    ['an unknown kind of correction', [{ ...rename, type: 'entity/explode' }], 'corrections[0]'],
    ['a correction without its entity', [{ type: 'entity/drop', at }], 'corrections[0].entity'],
    [
      'two corrections of the same thing',
      [rename, { ...rename, name: 'Q' }],
      'corrections[1]: corrects what corrections[0] does',
    ],
  ])('refuses a file with %s, naming where', (_, corrections, where) => {
    const parsed = parseBackup(
      JSON.stringify({
        format: BACKUP_FORMAT,
        exportedAt: at,
        settings: { version: 1, changes: {} },
        articles: [],
        corrections,
      }),
    );
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problems.join('\n')).toContain(where);
  });
});
