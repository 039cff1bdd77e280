/**
 * The user's own articles: what they paste or add from a page, as stored in
 * `browser.storage.local` and carried in backups (the draft the options page
 * sends and the preview it gets back are message schemas, in
 * `src/messages/article-preview.ts`). Kept free of the ingest pipeline's
 * imports (yaml, compromise): the options page imports this file.
 */
import * as z from 'zod/mini';
import type { ArticleDraft } from '../messages/article-preview';

/** The storage key of the user's articles. */
export const USER_ARTICLES_KEY = 'userArticles';

/** The current version of the stored record. */
export const USER_ARTICLES_VERSION = 1;

/** Every story id of a user's article starts with this, so it never clashes with a bundled story. */
export const USER_STORY_PREFIX = 'user-';

/** Whether `text` is a real calendar date written `YYYY-MM-DD` (no 2025-02-30). */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A story id of a user's article: `user-` and a slug. */
export const UserArticleId = z
  .string()
  .check(z.regex(/^user-[a-z0-9]+(?:-[a-z0-9]+)*$/, 'is not an id of the form user-<lower-case-words>'));

/** A publication date, `YYYY-MM-DD`, or null when the article gives none. */
export const ArticleDate = z.nullable(
  z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'is not YYYY-MM-DD'), z.refine(isCalendarDate, 'is not a real date')),
);

/** An http(s) address. */
export const ArticleUrl = z.string().check(z.regex(/^https?:\/\/\S+$/i, 'is not an http(s) address'));

/** Non-empty text, with surrounding space ignored. */
const Text = z.string().check(z.refine((text) => text.trim().length > 0, 'is empty'));

/** One article the user added. */
export const UserArticle = z.strictObject({
  id: UserArticleId,
  title: Text.check(z.maxLength(500)),
  date: ArticleDate,
  source: z.optional(z.string()),
  url: z.optional(ArticleUrl),
  /** The article's text; paragraphs separated by blank lines. */
  body: Text,
  /** When it was added, ISO 8601. */
  addedAt: z.string(),
  /** When it was last edited, ISO 8601. */
  updatedAt: z.optional(z.string()),
});
export type UserArticle = z.infer<typeof UserArticle>;

/** What `browser.storage.local` holds under {@link USER_ARTICLES_KEY}. */
export const StoredUserArticles = z.object({
  version: z.literal(USER_ARTICLES_VERSION),
  articles: z.array(UserArticle),
});
export type StoredUserArticles = z.infer<typeof StoredUserArticles>;

/** An empty form. */
export const EMPTY_DRAFT: ArticleDraft = { title: '', date: '', source: '', url: '', body: '' };

/** A page's main article as extracted in its tab, to prefill the form. */
export const ExtractedPage = z.object({
  title: z.string(),
  byline: z.nullable(z.string()),
  siteName: z.nullable(z.string()),
  /** Paragraphs separated by blank lines. */
  text: z.string(),
  url: z.string(),
  /** `YYYY-MM-DD` when the page says when it was published. */
  publishedDate: z.nullable(z.string()),
  /** True when what the page holds is a list of stories (a front page, a section page), not one article. */
  listing: z.optional(z.boolean()),
});
export type ExtractedPage = z.infer<typeof ExtractedPage>;
