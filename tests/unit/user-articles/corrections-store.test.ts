import { describe, expect, it } from 'vitest';
import { listKeptAside } from '@/src/settings/quarantine';
import { CORRECTIONS_KEY } from '@/src/user-articles/corrections';
import {
  deleteCorrection,
  readCorrections,
  readStoredCorrections,
  saveCorrection,
  watchCorrections,
} from '@/src/user-articles/corrections-store';
import { USER_ARTICLES_KEY } from '@/src/user-articles/schema';
import { memoryArea } from '../settings/memory-area';
import { quillfeather } from './fixtures';

const NOW = Date.UTC(2025, 10, 1, 10, 0);
const maya = { id: 'maya-tran', name: 'Maya Tran' };
const drop = { type: 'entity/drop', entity: maya, at: '2025-11-01T10:00:00.000Z' } as const;

describe('stored corrections', () => {
  it('saves a correction in a versioned record of its own, leaving articles and settings alone', async () => {
    const articles = { version: 1, articles: [quillfeather] };
    const settings = { version: 2, changes: { theme: 'dark' } };
    const area = memoryArea({ [USER_ARTICLES_KEY]: articles, settings });
    await saveCorrection(area, { type: 'entity/drop', entity: maya }, NOW);
    expect(area.data.get(CORRECTIONS_KEY)).toEqual({ version: 1, corrections: [drop] });
    expect(area.data.get(USER_ARTICLES_KEY)).toEqual(articles);
    expect(area.data.get('settings')).toEqual(settings);
    expect(area.writes).toEqual([[CORRECTIONS_KEY]]);
  });

  it('removes one, and removing one that is not there changes nothing', async () => {
    const area = memoryArea({ [CORRECTIONS_KEY]: { version: 1, corrections: [drop] } });
    expect(await deleteCorrection(area, drop, NOW)).toEqual([]);
    expect(await deleteCorrection(area, drop, NOW)).toEqual([]);
    expect((await readCorrections(area)).status).toBe('current');
  });

  it.each<[string, unknown, string, number]>([
    ['nothing stored', undefined, 'default', 0],
    ['not a record', 'corrections', 'corrupt', 0],
    ['another version', { version: 9, corrections: [drop] }, 'corrupt', 0],
    ['no list', { version: 1 }, 'corrupt', 0],
    [
      'one bad correction among good ones',
      { version: 1, corrections: [drop, { type: 'entity/explode' }] },
      'corrupt',
      1,
    ],
    ['two in one slot', { version: 1, corrections: [drop, { ...drop, at: '2025-11-02T00:00:00.000Z' }] }, 'corrupt', 1],
  ])('reads %s without throwing', (_, stored, status, kept) => {
    const reading = readStoredCorrections(stored);
    expect(reading.status).toBe(status);
    expect(reading.corrections).toHaveLength(kept);
    expect(reading.problems.length > 0).toBe(status === 'corrupt');
  });

  it('keeps an unreadable record aside before the next write, never losing it', async () => {
    const unreadable = { version: 1, corrections: [drop, { type: 'entity/explode' }] };
    const area = memoryArea({ [CORRECTIONS_KEY]: unreadable });
    const reading = await readCorrections(area);
    expect(reading.problems).toEqual([expect.stringContaining('corrections[1]')]);
    await saveCorrection(area, { type: 'entity/kind', entity: maya, kind: 'organization' }, NOW);
    const kept = await listKeptAside(area);
    expect(kept).toEqual([expect.objectContaining({ from: CORRECTIONS_KEY, value: unreadable })]);
    const types = (await readCorrections(area)).corrections.map((correction) => correction.type);
    expect(types.sort()).toEqual(['entity/drop', 'entity/kind']);
  });

  it('tells a watcher of changes made elsewhere, until stopped', async () => {
    const area = memoryArea();
    const seen: number[] = [];
    const stop = watchCorrections(area.onChanged, (corrections) => seen.push(corrections.length));
    await saveCorrection(area, { type: 'entity/drop', entity: maya }, NOW);
    stop();
    await deleteCorrection(area, drop, NOW);
    expect(seen).toEqual([1]);
  });
});
