import { describe, expect, it } from 'vitest';
import { allocateArticleId, checkDraft, draftFromPage, draftOf } from '@/src/user-articles/draft';
import { EMPTY_DRAFT } from '@/src/user-articles/schema';

const good = {
  title: '  Quillfeather   Robotics raises $12 million ',
  date: '2025-10-20',
  source: 'The Leeds Ledger',
  url: 'https://ledger.example/q',
  body: 'Line one.\r\nLine two.\r\n\r\n',
};

describe('checkDraft', () => {
  it('tidies a good draft into article fields', () => {
    expect(checkDraft(good)).toEqual({
      ok: true,
      article: {
        title: 'Quillfeather Robotics raises $12 million',
        date: '2025-10-20',
        source: 'The Leeds Ledger',
        url: 'https://ledger.example/q',
        body: 'Line one.\nLine two.',
      },
    });
  });

  it('treats empty optional fields as absent', () => {
    const result = checkDraft({ ...EMPTY_DRAFT, title: 'T', body: 'B' });
    expect(result).toEqual({ ok: true, article: { title: 'T', date: null, body: 'B' } });
  });

  it.each([
    [{ title: '' }, 'title', 'Give the article a title.'],
    [{ body: '   ' }, 'body', 'Paste the text of the article.'],
    [{ date: 'Oct 17' }, 'date', "'Oct 17' is not a date written YYYY-MM-DD, like 2025-10-17."],
    [{ date: '2025-02-30' }, 'date', '2025-02-30 is not a real date.'],
    [
      { date: '0001-01-01' },
      'date',
      '0001-01-01 is before 1900, so it cannot be when this was published: correct it or leave the date empty.',
    ],
    [{ url: 'ledger.example/q' }, 'url', "'ledger.example/q' is not a web address starting with http:// or https://."],
    [
      { url: 'javascript:alert(1)' },
      'url',
      "'javascript:alert(1)' is not a web address starting with http:// or https://.",
    ],
    [{ title: 'x'.repeat(501) }, 'title', 'The title is longer than 500 characters.'],
  ])('refuses %j with a message on %s', (change, field, message) => {
    expect(checkDraft({ ...good, ...change })).toEqual({ ok: false, problems: [{ field, message }] });
  });

  it('reports every problem at once', () => {
    const result = checkDraft({ ...EMPTY_DRAFT, date: 'soon' });
    expect(result.ok ? [] : result.problems.map((problem) => problem.field)).toEqual(['title', 'date', 'body']);
  });
});

describe('a placeholder date from a page', () => {
  const page = { title: 'T', siteName: null, text: 'B', url: 'https://news.example/a' };

  it.each(['0001-01-01', '1899-12-31', '2025-02-30', 'soon'])(
    '%s is left out of the form, which then accepts the page',
    (date) => {
      const draft = draftFromPage({ ...page, publishedDate: date });
      expect(draft.date).toBe('');
      expect(checkDraft(draft).ok).toBe(true);
    },
  );

  it('a real date is kept', () => {
    expect(draftFromPage({ ...page, publishedDate: '2019-11-19' }).date).toBe('2019-11-19');
  });
});

describe('allocateArticleId', () => {
  it.each([
    ['Credo’s purple cables', [], 'user-credo-s-purple-cables'],
    ['Credo’s purple cables', ['user-credo-s-purple-cables'], 'user-credo-s-purple-cables-2'],
    [
      'Credo’s purple cables',
      ['user-credo-s-purple-cables', 'user-credo-s-purple-cables-2'],
      'user-credo-s-purple-cables-3',
    ],
    ['日本語のタイトル', [], 'user-article'],
    [
      'A very long title that goes on and on about many things in the world of AI and chips',
      [],
      'user-a-very-long-title-that-goes-on-and-on-about-many-things-in',
    ],
  ])('%s with %j taken → %s', (title, taken, id) => {
    expect(allocateArticleId(title, taken)).toBe(id);
  });
});

describe('form round trips', () => {
  it('an article edited without change checks back to itself', () => {
    const article = { title: 'T', date: null, source: 'S', body: 'B' };
    const check = checkDraft(draftOf(article));
    expect(check).toEqual({ ok: true, article });
  });

  it('prefills from an extracted page, using the host when the page names no site', () => {
    expect(
      draftFromPage({
        title: 'Title',
        siteName: null,
        text: 'Para one.\n\nPara two.',
        url: 'https://www.ledger.example/a',
        publishedDate: '2025-10-20',
      }),
    ).toEqual({
      title: 'Title',
      date: '2025-10-20',
      source: 'ledger.example',
      url: 'https://www.ledger.example/a',
      body: 'Para one.\n\nPara two.',
    });
  });
});
