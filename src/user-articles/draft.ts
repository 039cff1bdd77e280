/**
 * Checking what the user typed into the article form, field by field, with
 * messages that say how to fix it. Pure.
 */
import { slugify } from '../ingest/slug';
import { implausibleDateReason } from './extract/dates';
import { isCalendarDate, USER_STORY_PREFIX, type UserArticle } from './schema';
import type { ArticleDraft, DraftProblem } from '../messages/article-preview';

export type { DraftProblem };

/** The article fields a valid draft gives, ready to store. */
export type CheckedDraft = Pick<UserArticle, 'title' | 'date' | 'source' | 'url' | 'body'>;

/** The outcome of checking a draft. */
export type DraftCheck = { ok: true; article: CheckedDraft } | { ok: false; problems: DraftProblem[] };

/** Longest title we store; titles are shown in one line of a popover. */
export const MAX_TITLE_LENGTH = 500;

/** Check a draft: a title and a text are required, the date and address must be well formed. */
export function checkDraft(draft: ArticleDraft): DraftCheck {
  const problems: DraftProblem[] = [];
  const title = draft.title.replace(/\s+/g, ' ').trim();
  const date = draft.date.trim();
  const source = draft.source.trim();
  const url = draft.url.trim();
  const body = draft.body.replace(/\r\n?/g, '\n').trim();

  if (!title) problems.push({ field: 'title', message: 'Give the article a title.' });
  else if (title.length > MAX_TITLE_LENGTH)
    problems.push({ field: 'title', message: `The title is longer than ${MAX_TITLE_LENGTH} characters.` });
  const dateMessage = dateProblem(date);
  if (dateMessage) problems.push({ field: 'date', message: dateMessage });
  if (url && !/^https?:\/\/\S+$/i.test(url))
    problems.push({ field: 'url', message: `'${url}' is not a web address starting with http:// or https://.` });
  if (!body) problems.push({ field: 'body', message: 'Paste the text of the article.' });

  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    article: {
      title,
      date: date || null,
      ...(source && { source }),
      ...(url && { url }),
      body,
    },
  };
}

/**
 * What is wrong with the date field (`YYYY-MM-DD` or empty), as a message saying how to fix it, or null. A
 * placeholder a page's template left (`0001-01-01`) is told apart from a typing slip, since the user did not
 * type it.
 */
export function dateProblem(date: string): string | null {
  if (!date) return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return `'${date}' is not a date written YYYY-MM-DD, like 2025-10-17.`;
  const implausible = implausibleDateReason(date);
  if (implausible)
    return `${date} ${implausible}, so it cannot be when this was published: correct it or leave the date empty.`;
  if (!isCalendarDate(date)) return `${date} is not a real date.`;
  return null;
}

/** The form's view of a stored article, for editing it. */
export function draftOf(article: Pick<UserArticle, 'title' | 'date' | 'source' | 'url' | 'body'>): ArticleDraft {
  return {
    title: article.title,
    date: article.date ?? '',
    source: article.source ?? '',
    url: article.url ?? '',
    body: article.body,
  };
}

/** Story ids stay short enough to read in a URL or a log line. */
const MAX_SLUG_LENGTH = 60;

/**
 * A new article's id: `user-` and its title as a slug, with `-2`, `-3`, …
 * when another article already has it. Stable once given: editing the title
 * keeps the id, so figures and mutes that refer to it stay valid.
 */
export function allocateArticleId(title: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const full = slugify(title);
  // Cut at a word boundary: "…-things-in", never "…-things-in-t".
  const slug =
    (full.length > MAX_SLUG_LENGTH ? full.slice(0, MAX_SLUG_LENGTH + 1).replace(/-[^-]*$/, '') : full) || 'article';
  const base = `${USER_STORY_PREFIX}${slug}`;
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * The form prefilled from a page extracted in its tab. A date the form would refuse is left out (the extractor
 * already drops placeholders; this keeps a bad date from ever standing between the user and the page).
 */
export function draftFromPage(page: {
  title: string;
  siteName: string | null;
  text: string;
  url: string;
  publishedDate: string | null;
}): ArticleDraft {
  let host = '';
  try {
    host = new URL(page.url).hostname.replace(/^www\./, '');
  } catch {
    // A page without an address: leave the source for the user to fill in.
  }
  return {
    title: page.title,
    date: page.publishedDate && !dateProblem(page.publishedDate) ? page.publishedDate : '',
    source: page.siteName ?? host,
    url: /^https?:/i.test(page.url) ? page.url : '',
    body: page.text,
  };
}
