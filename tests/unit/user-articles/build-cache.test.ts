import { describe, expect, it, vi } from 'vitest';
import { inProcessBuilder } from '../background/in-process-builder';
import { createFactBaseStore } from '@/src/background/factbase-store';
import { startUserArticleSync } from '@/src/background/user-articles';
import { hashText, keptUserBuilder, USER_BUILD_KEY, userBuildKey } from '@/src/user-articles/build-cache';
import { buildUserFactBase, catalogForUserArticles } from '@/src/user-articles/merge';
import { USER_ARTICLES_KEY } from '@/src/user-articles/schema';
import { deleteUserArticle } from '@/src/user-articles/store';
import { memoryArea } from '../settings/memory-area';
import { bundled, catalog, microsoftArticle, quillfeather } from './fixtures';

const userCatalog = catalogForUserArticles(bundled, catalog.discovery);
const noLog = () => {};

describe('userBuildKey', () => {
  const key = userBuildKey('b1', [quillfeather, microsoftArticle], userCatalog);

  it('is the same for the same builder, catalog and articles in any order or with other edit times', () => {
    expect(
      userBuildKey('b1', [microsoftArticle, { ...quillfeather, updatedAt: '2026-01-01T00:00:00.000Z' }], userCatalog),
    ).toBe(key);
  });

  it.each([
    ['another builder', () => userBuildKey('b2', [quillfeather, microsoftArticle], userCatalog)],
    [
      'an edited text',
      () =>
        userBuildKey('b1', [{ ...quillfeather, body: `${quillfeather.body} More.` }, microsoftArticle], userCatalog),
    ],
    ['an article less', () => userBuildKey('b1', [quillfeather], userCatalog)],
    [
      'a correction in the discovery rules',
      () =>
        userBuildKey('b1', [quillfeather, microsoftArticle], {
          ...userCatalog,
          discovery: { suppress: ['Maya Tran'] },
        }),
    ],
  ])('changes with %s', (_what, other) => {
    expect(other()).not.toBe(key);
  });

  it('hashes texts apart that differ in one character', () => {
    expect(hashText('Quillfeather Robotics raised $12 million.')).not.toBe(
      hashText('Quillfeather Robotics raised $13 million.'),
    );
  });
});

describe('keptUserBuilder', () => {
  it('analyses once, keeps the result, and serves it to the next start without analysing', async () => {
    const session = memoryArea();
    const build = vi.fn(buildUserFactBase);
    const first = await keptUserBuilder(session, 'b1', noLog, build);
    const built = first.build([quillfeather], userCatalog);
    expect(build).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(session.data.has(USER_BUILD_KEY)).toBe(true));

    const restarted = await keptUserBuilder(session, 'b1', noLog, build);
    expect(restarted.build([quillfeather], userCatalog)).toEqual(JSON.parse(JSON.stringify(built)));
    expect(build).toHaveBeenCalledTimes(1);
    expect([restarted.hits(), restarted.misses()]).toEqual([1, 0]);

    // A changed article, or another builder, is analysed again.
    restarted.build([{ ...quillfeather, body: 'Quillfeather Robotics hired 40 engineers.' }], userCatalog);
    const upgraded = await keptUserBuilder(session, 'b2', noLog, build);
    upgraded.build([quillfeather], userCatalog);
    expect(build).toHaveBeenCalledTimes(3);
  });

  it('analyses every time where there is no session area, or its record is not one it wrote', async () => {
    const build = vi.fn(buildUserFactBase);
    const none = await keptUserBuilder(undefined, 'b1', noLog, build);
    none.build([quillfeather], userCatalog);
    const junk = await keptUserBuilder(memoryArea({ [USER_BUILD_KEY]: { version: 7, key: 3 } }), 'b1', noLog, build);
    junk.build([quillfeather], userCatalog);
    expect(build).toHaveBeenCalledTimes(2);
  });

  it('still answers when keeping fails (a full area): only the next start pays', async () => {
    const session = memoryArea();
    session.failWrites = { keysBeforeFailure: 0, times: 1 };
    const log = vi.fn();
    const builder = await keptUserBuilder(session, 'b1', log, buildUserFactBase);
    expect(builder.build([quillfeather], userCatalog).factBase.stories).toHaveLength(1);
    await vi.waitFor(() => expect(log).toHaveBeenCalledWith(expect.stringMatching(/could not keep the analysis/)));
  });
});

describe('the background after a restart', () => {
  it('serves the kept analysis of the user’s articles instead of analysing them again', async () => {
    const local = memoryArea({ [USER_ARTICLES_KEY]: { version: 1, articles: [quillfeather] } });
    const session = memoryArea();
    const start = () => {
      const store = createFactBaseStore(bundled);
      const sync = startUserArticleSync({
        store,
        bundled,
        discovery: catalog.discovery,
        builder: inProcessBuilder(),
        storage: local,
        keptArea: session,
        builderId: 'b1',
        onChanged: local.onChanged,
        notifyTabs: async () => {},
        log: noLog,
      });
      return { store, sync };
    };
    const first = start();
    await first.sync.ready;
    await vi.waitFor(() => expect(session.data.has(USER_BUILD_KEY)).toBe(true));

    // Mark the kept analysis, so that serving it (and not analysing again) shows in the fact base.
    const kept = session.data.get(USER_BUILD_KEY) as { factBase: { stories: { summary: string }[] } };
    kept.factBase.stories[0]!.summary = 'Served from the kept analysis.';
    const second = start();
    await second.sync.ready;
    const story = second.store.current().factBase.stories.find((entry) => entry.id === quillfeather.id);
    expect(story?.summary).toBe('Served from the kept analysis.');
  });

  it('forgets the kept analysis once the user has no article left', async () => {
    const local = memoryArea({ [USER_ARTICLES_KEY]: { version: 1, articles: [quillfeather] } });
    const keptArea = memoryArea();
    const sync = startUserArticleSync({
      store: createFactBaseStore(bundled),
      bundled,
      discovery: catalog.discovery,
      builder: inProcessBuilder(),
      storage: local,
      keptArea,
      builderId: 'b1',
      onChanged: local.onChanged,
      notifyTabs: async () => {},
      log: noLog,
    });
    await sync.ready;
    await vi.waitFor(() => expect(keptArea.data.has(USER_BUILD_KEY)).toBe(true));
    await deleteUserArticle(local, quillfeather.id);
    await vi.waitFor(() => expect(keptArea.data.has(USER_BUILD_KEY)).toBe(false));
  });
});
