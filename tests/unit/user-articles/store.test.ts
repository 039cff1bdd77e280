import { describe, expect, it } from 'vitest';
import { USER_ARTICLES_KEY } from '@/src/user-articles/schema';
import type { ArticleDraft } from '@/src/messages/article-preview';
import {
  deleteUserArticle,
  readStoredUserArticles,
  readUserArticles,
  saveUserArticle,
} from '@/src/user-articles/store';
import { listKeptAside } from '@/src/settings/quarantine';
import { memoryArea } from '../settings/memory-area';
import { quillfeather } from './fixtures';

const NOW = Date.UTC(2025, 9, 20, 9, 0);

/** The stored articles, unreadable ones left out. */
const loadUserArticles = async (area: Parameters<typeof readUserArticles>[0]) =>
  (await readUserArticles(area)).articles;
const draft: ArticleDraft = {
  title: 'Quillfeather Robotics raises $12 million',
  date: '2025-10-20',
  source: '',
  url: '',
  body: 'Quillfeather Robotics raised money.',
};

describe('stored user articles', () => {
  it('saves a draft as a new article with a namespaced id, in a versioned record', async () => {
    const area = memoryArea();
    const result = await saveUserArticle(area, draft, { now: NOW });
    expect(result).toEqual({
      ok: true,
      article: {
        id: 'user-quillfeather-robotics-raises-12-million',
        title: draft.title,
        date: '2025-10-20',
        body: draft.body,
        addedAt: '2025-10-20T09:00:00.000Z',
      },
    });
    expect(area.data.get(USER_ARTICLES_KEY)).toEqual({
      version: 1,
      articles: [result.ok && result.article],
    });
  });

  it('gives a second article with the same title its own id', async () => {
    const area = memoryArea();
    await saveUserArticle(area, draft, { now: NOW });
    await saveUserArticle(area, { ...draft, body: 'Another text.' }, { now: NOW });
    expect((await loadUserArticles(area)).map((article) => article.id)).toEqual([
      'user-quillfeather-robotics-raises-12-million',
      'user-quillfeather-robotics-raises-12-million-2',
    ]);
  });

  it('editing keeps the id and the time added, and records the edit', async () => {
    const area = memoryArea();
    const first = await saveUserArticle(area, draft, { now: NOW });
    const id = first.ok ? first.article.id : '';
    await saveUserArticle(area, { ...draft, title: 'A new title' }, { replacing: id, now: NOW + 60_000 });
    expect(await loadUserArticles(area)).toEqual([
      {
        id,
        title: 'A new title',
        date: '2025-10-20',
        body: draft.body,
        addedAt: '2025-10-20T09:00:00.000Z',
        updatedAt: '2025-10-20T09:01:00.000Z',
      },
    ]);
  });

  it('updates the article added from the same page instead of adding a second copy', async () => {
    const area = memoryArea();
    const page = { ...draft, url: 'https://ledger.example/news/quillfeather' };
    const first = await saveUserArticle(area, page, { now: NOW });
    const again = await saveUserArticle(
      area,
      { ...page, url: 'https://www.ledger.example/news/quillfeather/?utm_source=feed#top', body: 'Updated text.' },
      { now: NOW + 60_000 },
    );
    expect(again).toMatchObject({ ok: true, samePage: true });
    const articles = await loadUserArticles(area);
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({
      id: first.ok ? first.article.id : '',
      body: 'Updated text.',
      addedAt: '2025-10-20T09:00:00.000Z',
      updatedAt: '2025-10-20T09:01:00.000Z',
    });
    // Another page of the same site is another article.
    await saveUserArticle(area, { ...page, url: 'https://ledger.example/news/other' }, { now: NOW });
    expect(await loadUserArticles(area)).toHaveLength(2);
  });

  it('writes nothing for a draft with problems', async () => {
    const area = memoryArea();
    const result = await saveUserArticle(area, { ...draft, date: '20/10/2025' });
    expect(result.ok).toBe(false);
    expect(area.writes).toEqual([]);
  });

  it('deletes by id', async () => {
    const area = memoryArea({ [USER_ARTICLES_KEY]: { version: 1, articles: [quillfeather] } });
    await deleteUserArticle(area, quillfeather.id);
    expect(await loadUserArticles(area)).toEqual([]);
  });

  it('leaves out unreadable articles, names them, and keeps the record aside before the next write', async () => {
    const broken = { ...quillfeather, id: 'user-broken', date: 'Oct 17' };
    const stored = { version: 1, articles: [quillfeather, broken] };
    expect(readStoredUserArticles(stored)).toEqual({
      articles: [quillfeather],
      status: 'corrupt',
      problems: ["articles[1].date: 'Oct 17' is not YYYY-MM-DD"],
    });
    const area = memoryArea({ [USER_ARTICLES_KEY]: stored });
    await saveUserArticle(area, draft, { now: NOW });
    const kept = await listKeptAside(area);
    expect(kept).toEqual([
      {
        key: 'userArticles.corrupt.2025-10-20T09:00:00.000Z',
        from: 'userArticles',
        at: '2025-10-20T09:00:00.000Z',
        value: stored,
      },
    ]);
    expect((await loadUserArticles(area)).map((article) => article.id)).toEqual([
      quillfeather.id,
      // The kept article already has the title's id.
      'user-quillfeather-robotics-raises-12-million-2',
    ]);
  });

  it.each([
    ['text', 'oops'],
    ['another version', { version: 2, articles: [] }],
    ['no list', { version: 1 }],
  ])('reads %s as no articles, flagged as corrupt', (_label, stored) => {
    const reading = readStoredUserArticles(stored);
    expect(reading.articles).toEqual([]);
    expect(reading.status).toBe('corrupt');
  });
});
