import { describe, expect, it } from 'vitest';
import { articleIdFromPath, isIsoDate, parseArticle } from '@/src/ingest/articles';
import { formatProblem } from '@/src/ingest/errors';

const FILE = 'assets/articles/credo.md';
const article = (frontMatter: string, body = 'Credo makes cables.') => ({
  path: FILE,
  text: `---\n${frontMatter}\n---\n\n${body}\n`,
});
const messages = (text: { path: string; text: string }) => parseArticle(text).problems.map(formatProblem);

describe('parseArticle', () => {
  it('reads every front matter field and the body', () => {
    const { article: parsed, problems } = parseArticle(
      article(
        'title: "Credo’s purple cables"\ndate: 2025-10-17\nsource: AI news digest\nurl: https://example.com/a\nexcerpt: true',
      ),
    );
    expect(problems).toEqual([]);
    expect(parsed).toEqual({
      id: 'credo',
      path: FILE,
      title: 'Credo’s purple cables',
      date: '2025-10-17',
      source: 'AI news digest',
      url: 'https://example.com/a',
      excerpt: true,
      body: 'Credo makes cables.',
      bodyLine: 8,
    });
  });

  it('treats a missing date as undated', () => {
    expect(parseArticle(article('title: T')).article?.date).toBeNull();
  });

  it('accepts Windows line endings and a byte order mark', () => {
    const parsed = parseArticle({ path: FILE, text: '\uFEFF---\r\ntitle: T\r\n---\r\nBody\r\n' });
    expect(parsed.problems).toEqual([]);
    expect(parsed.article?.body).toBe('Body');
  });

  it.each([
    [
      'a date that is not YYYY-MM-DD',
      'title: T\ndate: Oct 17',
      "assets/articles/credo.md:3: date 'Oct 17' is not YYYY-MM-DD",
    ],
    [
      'an impossible date',
      'title: T\ndate: 2025-02-30',
      "assets/articles/credo.md:3: date '2025-02-30' is not YYYY-MM-DD",
    ],
    ['a missing title', 'source: X', 'assets/articles/credo.md:2: title is missing'],
    ['an empty title', 'title: ""', 'assets/articles/credo.md:2: title must be non-empty text'],
    [
      'a url that is not http',
      'title: T\nurl: ftp://x',
      "assets/articles/credo.md:3: url 'ftp://x' is not an http(s) address",
    ],
    [
      'a non-boolean excerpt',
      'title: T\n\nexcerpt: maybe',
      "assets/articles/credo.md:4: excerpt must be true or false, not 'maybe'",
    ],
    ['a non-text source', 'title: T\nsource: [a, b]', 'assets/articles/credo.md:3: source must be non-empty text'],
  ])('reports %s with file, line and field', (_case, frontMatter, expected) => {
    expect(messages(article(frontMatter))).toEqual([expected]);
  });

  it('reports every problem of a file at once', () => {
    expect(messages(article('date: yesterday\nexcerpt: 3'))).toEqual([
      'assets/articles/credo.md:2: title is missing',
      "assets/articles/credo.md:2: date 'yesterday' is not YYYY-MM-DD",
      "assets/articles/credo.md:3: excerpt must be true or false, not '3'",
    ]);
  });

  it('reports a file without front matter', () => {
    expect(messages({ path: FILE, text: 'Just text' })).toEqual([
      "assets/articles/credo.md:1: missing front matter: the file must start with a '---' line",
    ]);
  });

  it('reports front matter that is never closed', () => {
    expect(messages({ path: FILE, text: '---\ntitle: T\nBody' })).toEqual([
      "assets/articles/credo.md:1: front matter is not closed: add a '---' line after it",
    ]);
  });

  it('reports broken YAML on its line', () => {
    expect(messages(article('title: T\ndate: [2025'))[0]).toMatch(
      /^assets\/articles\/credo\.md:3: front matter is not valid YAML: \S/,
    );
  });

  it('reads an article with no text, with the line its text would start on, for the build to leave out', () => {
    // Issue 11: one empty file among many must not stop the build; the build leaves it out and says so.
    const parsed = parseArticle({ path: FILE, text: '---\ntitle: T\n---\n\n' });
    expect(parsed.problems).toEqual([]);
    expect(parsed.article).toMatchObject({ body: '', bodyLine: 4 });
  });

  it('warns about unknown fields without rejecting the article', () => {
    const parsed = parseArticle(article('title: T\nauthor: Someone'));
    expect(parsed.article).not.toBeNull();
    expect(parsed.warnings.map(formatProblem)).toEqual([
      "assets/articles/credo.md:3: unknown field 'author' is ignored (known: title, date, source, url, excerpt)",
    ]);
  });
});

describe('helpers', () => {
  it.each([
    ['2025-10-17', true],
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2025-13-01', false],
    ['25-10-17', false],
    ['Oct 17, 2025', false],
  ])('isIsoDate(%s) is %s', (text, expected) => expect(isIsoDate(text)).toBe(expected));

  it.each([
    ['assets/articles/Credo Cables.md', 'credo-cables'],
    ['a\\b\\Café.markdown', 'cafe'],
    ['x/tiktok-microsoft.md', 'tiktok-microsoft'],
  ])('articleIdFromPath(%s) is %s', (path, id) => expect(articleIdFromPath(path)).toBe(id));
});
