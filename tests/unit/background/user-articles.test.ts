import { describe, expect, it, vi } from 'vitest';
import { inProcessBuilder } from './in-process-builder';
import { createFactBaseStore } from '@/src/background/factbase-store';
import { createHandlers } from '@/src/background/handlers';
import { routeMessage } from '@/src/background/router';
import { PROTOCOL_VERSION } from '@/src/messages/client';
import { answerWhenReady, notifyAllTabs, startUserArticleSync } from '@/src/background/user-articles';
import { bundledDiscoveryRules } from '@/scripts/vite-plugins/discovery-rules';
import { draftOf } from '@/src/user-articles/draft';
import { USER_ARTICLES_KEY } from '@/src/user-articles/schema';
import { deleteUserArticle, saveUserArticle } from '@/src/user-articles/store';
import { memoryArea, type MemoryArea } from '../settings/memory-area';
import { bundled, catalog, quillfeather } from '../user-articles/fixtures';

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
  const handlers = answerWhenReady(sync.settled, createHandlers(store, { show() {} }, { userArticles: sync }));
  const ask = (message: object) =>
    routeMessage(
      handlers,
      { ...message, protocol: PROTOCOL_VERSION },
      { id: 'factlens' },
      'factlens',
    ) as Promise<unknown>;
  return { store, sync, notifyTabs, ask };
}

const waitFor = async (check: () => boolean) => {
  for (let tries = 0; tries < 200 && !check(); tries++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(check()).toBe(true);
};

describe('the background’s user-article sync', () => {
  it('merges the stored articles at start, before answering any request', async () => {
    const area = memoryArea({ [USER_ARTICLES_KEY]: { version: 1, articles: [quillfeather] } });
    const { ask, notifyTabs } = start(area);
    // Asked at once, as a page waking the background would: the answer already includes the user's article.
    const answer = (await ask({ type: 'entity/get', entityId: 'quillfeather-robotics' })) as {
      ok: boolean;
      value: { stories: { id: string }[] };
    };
    expect(answer.ok).toBe(true);
    expect(answer.value.stories.map((story) => story.id)).toEqual([quillfeather.id]);
    expect(notifyTabs).not.toHaveBeenCalled();
  });

  it('re-merges when the stored articles change, and tells the tabs', async () => {
    const area = memoryArea();
    const { store, sync, notifyTabs, ask } = start(area);
    await sync.ready;
    expect(store.current().entityDetails('quillfeather-robotics')).toBeNull();

    await saveUserArticle(area, draftOf(quillfeather));
    // Asked right after the save, before the merge is done: the answer waits for it.
    const listed = (await ask({ type: 'entities/list' })) as { value: { id: string }[] };
    expect(listed.value.map((entity) => entity.id)).toContain('quillfeather-robotics');
    await waitFor(() => notifyTabs.mock.calls.length === 1);
    expect(store.current().entityDetails('quillfeather-robotics')?.entity.name).toBe('Quillfeather Robotics');

    await deleteUserArticle(area, sync.articles()[0]!.id);
    await waitFor(() => notifyTabs.mock.calls.length === 2);
    expect(store.current().entityDetails('quillfeather-robotics')).toBeNull();
    expect(store.current().factBase).toEqual(bundled);
  });

  it('ignores changes to other keys', async () => {
    const area = memoryArea();
    const { sync, notifyTabs } = start(area);
    await sync.ready;
    await area.set({ settings: { version: 1, changes: { theme: 'dark' } } });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(notifyTabs).not.toHaveBeenCalled();
  });

  it('answers previews through the message router', async () => {
    const { ask } = start(memoryArea());
    const answer = (await ask({ type: 'article/preview', draft: draftOf(quillfeather) })) as {
      ok: boolean;
      value: { ok: boolean; preview: { entities: { id: string; isNew: boolean }[] } };
    };
    expect(answer.ok && answer.value.ok).toBe(true);
    expect(answer.value.preview.entities).toContainEqual(
      expect.objectContaining({ id: 'quillfeather-robotics', isNew: true }),
    );
  });

  it('still starts when storage can not be read', async () => {
    const area = memoryArea();
    area.get = async () => {
      throw new Error('storage is gone');
    };
    const log = vi.fn();
    const store = createFactBaseStore(bundled);
    const sync = startUserArticleSync({
      store,
      bundled,
      builder: inProcessBuilder(),
      storage: area,
      onChanged: area.onChanged,
      notifyTabs: async () => {},
      log,
    });
    await sync.ready;
    expect(log).toHaveBeenCalledWith(expect.stringContaining('storage is gone'));
    expect(store.current().factBase).toBe(bundled);
  });

  it('reads the bundled catalog’s discovery rules (at build time, for the background)', () => {
    expect(bundledDiscoveryRules()).toEqual(catalog.discovery);
  });
});

describe('notifyAllTabs', () => {
  it('sends factbase/changed to every tab, whether or not each answers', async () => {
    const sent: number[] = [];
    await notifyAllTabs({
      query: async () => [{ id: 1 }, {}, { id: 2 }],
      sendMessage: async (tabId, message) => {
        expect(message).toEqual({ type: 'factbase/changed', protocol: PROTOCOL_VERSION });
        sent.push(tabId);
        if (tabId === 1) throw new Error('Could not establish connection. Receiving end does not exist.');
      },
    });
    expect(sent).toEqual([1, 2]);
  });
});
