/**
 * The user's own articles: what they paste or add from a page, as stored in
 * `browser.storage.local` and carried in messages and backups. Kept free of
 * the ingest pipeline's imports (yaml, compromise) because the message schema,
 * and through it every content script, imports this file.
 */
import * as z from 'zod/mini';
import { EntityKind, Figure } from '../facts/schema';

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

/**
 * An article as the form holds it, before it is checked: every field text,
 * empty meaning absent.
 */
export const ArticleDraft = z.object({
  title: z.string(),
  date: z.string(),
  source: z.string(),
  url: z.string(),
  body: z.string(),
});
export type ArticleDraft = z.infer<typeof ArticleDraft>;

/** An empty form. */
export const EMPTY_DRAFT: ArticleDraft = { title: '', date: '', source: '', url: '', body: '' };

/** One entity a preview found, and whether the fact base knew it before. */
export const PreviewEntity = z.object({
  id: z.string(),
  name: z.string(),
  kind: EntityKind,
  /** True when saving the article adds this entity to the fact base. */
  isNew: z.boolean(),
  /** Sentences of the article that name it. */
  sentences: z.number(),
});
export type PreviewEntity = z.infer<typeof PreviewEntity>;

/** What saving an article would add: found by the same pipeline the background merges with. */
export const ArticlePreview = z.object({
  storyId: z.string(),
  summary: z.string(),
  entities: z.array(PreviewEntity),
  figures: z.array(Figure),
});
export type ArticlePreview = z.infer<typeof ArticlePreview>;

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

/** One problem with one field of the article form. */
export const DraftProblem = z.object({
  field: z.enum(['title', 'date', 'source', 'url', 'body']),
  message: z.string(),
});
export type DraftProblem = z.infer<typeof DraftProblem>;

/** A preview, or what is wrong with the draft. */
export const PreviewOutcome = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), preview: ArticlePreview }),
  z.object({ ok: z.literal(false), problems: z.array(DraftProblem) }),
]);
export type PreviewOutcome = z.infer<typeof PreviewOutcome>;
