import { describe, expect, it, vi } from 'vitest';
import { inProcessBuilder } from './in-process-builder';
import { createFactBaseStore } from '@/src/background/factbase-store';
import { startUserArticleSync } from '@/src/background/user-articles';
import { CORRECTIONS_KEY, figureRef } from '@/src/user-articles/corrections';
import { deleteCorrection, readStoredCorrections, saveCorrection } from '@/src/user-articles/corrections-store';
import { draftOf } from '@/src/user-articles/draft';
import { USER_ARTICLES_KEY } from '@/src/user-articles/schema';
import { saveUserArticle } from '@/src/user-articles/store';
import { memoryArea, type MemoryArea } from '../settings/memory-area';
import { bundled, catalog, quillfeather } from '../user-articles/fixtures';

const quill = { id: 'quillfeather-robotics', name: 'Quillfeather Robotics' };

function start(area: MemoryArea) {
  const store = createFactBaseStore(bundled);
  const notifyTabs = vi.fn(async () => {});
  const sync = startUserArticleSync({
    store,
    bundled,
    discovery: catalog.discovery,
    builder: inProcessBuilder(),
    storage: area,
    onChanged: area.onChanged,
    notifyTabs,
    log: () => {},
  });
  return { store, sync, notifyTabs };
}

const waitFor = async (check: () => boolean) => {
  for (let tries = 0; tries < 200 && !check(); tries++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(check()).toBe(true);
};

describe('the background’s sync with corrections', () => {
  it('applies the stored corrections at start', async () => {
    const area = memoryArea({
      [USER_ARTICLES_KEY]: { version: 1, articles: [quillfeather] },
      [CORRECTIONS_KEY]: {
        version: 1,
        corrections: [{ type: 'entity/rename', entity: quill, name: 'Quill', at: '2025-11-01T00:00:00.000Z' }],
      },
    });
    const { store, sync } = start(area);
    await sync.ready;
    expect(store.current().entityDetails('quill')?.entity.name).toBe('Quill');
    expect(store.current().entityDetails('quillfeather-robotics')).toBeNull();
  });

  it('re-merges when the corrections change, tells the tabs, and keeps them when an article is edited', async () => {
    const area = memoryArea();
    const { store, sync, notifyTabs } = start(area);
    await sync.ready;
    await saveUserArticle(area, draftOf(quillfeather));
    await waitFor(() => notifyTabs.mock.calls.length === 1);
    const figure = store.current().factBase.figures.find((candidate) => candidate.text === '40 engineers')!;

    await saveCorrection(area, { type: 'entity/rename', entity: quill, name: 'Quill' });
    await saveCorrection(area, { type: 'figure/drop', figure: figureRef(figure) });
    await waitFor(() => notifyTabs.mock.calls.length === 3);
    expect(store.current().entityDetails('quill')?.entity.name).toBe('Quill');
    expect(store.current().factBase.figures.some((candidate) => candidate.text === '40 engineers')).toBe(false);

    // The article edited: the background re-merges it, and the corrections still apply.
    const article = sync.articles()[0]!;
    await saveUserArticle(
      area,
      draftOf({ ...article, body: `${article.body} Quillfeather Robotics plans a second warehouse.` }),
      { replacing: article.id },
    );
    await waitFor(() => notifyTabs.mock.calls.length === 4);
    expect(store.current().entityDetails('quill')?.stories[0]?.sentences.join(' ')).toContain('second warehouse');
    expect(store.current().factBase.figures.some((candidate) => candidate.text === '40 engineers')).toBe(false);

    // Undone: the builder's name comes back.
    const stored = readStoredCorrections(area.data.get(CORRECTIONS_KEY)).corrections;
    const rename = stored.find((correction) => correction.type === 'entity/rename')!;
    await deleteCorrection(area, rename);
    await waitFor(() => notifyTabs.mock.calls.length === 5);
    expect(store.current().entityDetails('quillfeather-robotics')?.entity.name).toBe('Quillfeather Robotics');
    expect(sync.articles()).toHaveLength(1);
  });
});
