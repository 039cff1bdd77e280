/**
 * The user's articles in `browser.storage.local`, under one versioned record.
 * Reading never writes and never throws on bad data: articles that fail their
 * schema are left out and reported, and the whole record is kept aside before
 * the next write overwrites it.
 */
import { describeIssue } from '../settings/issues';
import { keepAside } from '../settings/quarantine';
import type { ReadableArea, StorageArea } from '../settings/storage-area';
import { allocateArticleId, checkDraft, type DraftProblem } from './draft';
import { articleFromSamePage } from './page-address';
import { USER_ARTICLES_KEY, USER_ARTICLES_VERSION, UserArticle, type StoredUserArticles } from './schema';
import type { ArticleDraft } from '../messages/article-preview';

/** How the stored record was found; see `SettingsStatus` for the meaning of each. */
export type UserArticlesStatus = 'default' | 'current' | 'corrupt';

/** The outcome of reading the stored record. */
export interface UserArticlesReading {
  articles: UserArticle[];
  status: UserArticlesStatus;
  /** What could not be read, one sentence each. */
  problems: string[];
}

/** The record to store for `articles`, sorted by id so equal lists are stored identically. */
export function userArticlesRecord(articles: readonly UserArticle[]): StoredUserArticles {
  return { version: USER_ARTICLES_VERSION, articles: [...articles].sort((a, b) => (a.id < b.id ? -1 : 1)) };
}

/** Interpret whatever storage holds under {@link USER_ARTICLES_KEY}. Pure; never throws. */
export function readStoredUserArticles(stored: unknown): UserArticlesReading {
  if (stored === undefined) return { articles: [], status: 'default', problems: [] };
  const record = stored as { version?: unknown; articles?: unknown } | null;
  if (record === null || typeof record !== 'object' || Array.isArray(record)) {
    return { articles: [], status: 'corrupt', problems: ['the stored articles are not a record'] };
  }
  if (record.version !== USER_ARTICLES_VERSION) {
    return {
      articles: [],
      status: 'corrupt',
      problems: [`the stored articles have version ${JSON.stringify(record.version)}, not ${USER_ARTICLES_VERSION}`],
    };
  }
  if (!Array.isArray(record.articles)) {
    return { articles: [], status: 'corrupt', problems: ['the stored articles have no list of articles'] };
  }
  const articles: UserArticle[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  record.articles.forEach((candidate, index) => {
    const parsed = UserArticle.safeParse(candidate);
    if (!parsed.success) {
      problems.push(describeIssue(parsed.error.issues[0]!, candidate, `articles[${index}]`));
    } else if (seen.has(parsed.data.id)) {
      problems.push(`articles[${index}].id: '${parsed.data.id}' is used twice`);
    } else {
      seen.add(parsed.data.id);
      articles.push(parsed.data);
    }
  });
  return { articles, status: problems.length ? 'corrupt' : 'current', problems };
}

/** Read the user's articles with how they were found. */
export async function readUserArticles(area: ReadableArea): Promise<UserArticlesReading> {
  return readStoredUserArticles((await area.get(USER_ARTICLES_KEY))[USER_ARTICLES_KEY]);
}

/** Replace the stored list, keeping an unreadable record aside first. */
async function writeArticles(area: StorageArea, change: (articles: UserArticle[]) => UserArticle[], now: number) {
  const stored = (await area.get(USER_ARTICLES_KEY))[USER_ARTICLES_KEY];
  const reading = readStoredUserArticles(stored);
  const next = change(reading.articles);
  if (reading.status === 'corrupt') await keepAside(area, USER_ARTICLES_KEY, stored, now);
  await area.set({ [USER_ARTICLES_KEY]: userArticlesRecord(next) });
}

/**
 * The outcome of saving a draft: the stored article, or what is wrong with the draft. `samePage` is set
 * when a new draft's address was that of an article added before, which it then updated.
 */
export type SaveResult = { ok: true; article: UserArticle; samePage?: true } | { ok: false; problems: DraftProblem[] };

/**
 * Save a draft as a new article, or over the article `replacing` (keeping its
 * id and the time it was added). A new draft from a page the user added before
 * (same address once fragments, tracking parameters and `www.` are set aside)
 * updates that article, so one page never gives the fact base two copies of its
 * story and figures. Nothing is written when the draft has problems.
 */
export async function saveUserArticle(
  area: StorageArea,
  draft: ArticleDraft,
  options: { replacing?: string; now?: number } = {},
): Promise<SaveResult> {
  const checked = checkDraft(draft);
  if (!checked.ok) return checked;
  const now = options.now ?? Date.now();
  const stamp = new Date(now).toISOString();
  let saved: UserArticle | undefined;
  let updatedSamePage = false;
  await writeArticles(
    area,
    (articles) => {
      const samePage = options.replacing ? undefined : articleFromSamePage(articles, checked.article.url);
      if (samePage) updatedSamePage = true;
      const previous = options.replacing ? articles.find((article) => article.id === options.replacing) : samePage;
      saved = UserArticle.parse(
        previous
          ? { ...checked.article, id: previous.id, addedAt: previous.addedAt, updatedAt: stamp }
          : {
              ...checked.article,
              id: allocateArticleId(
                checked.article.title,
                articles.map((article) => article.id),
              ),
              addedAt: stamp,
            },
      );
      return [...articles.filter((article) => article.id !== saved!.id), saved];
    },
    now,
  );
  return updatedSamePage ? { ok: true, article: saved!, samePage: true } : { ok: true, article: saved! };
}

/** Delete one article; deleting one that is not there does nothing. */
export async function deleteUserArticle(area: StorageArea, id: string, now: number = Date.now()): Promise<void> {
  await writeArticles(area, (articles) => articles.filter((article) => article.id !== id), now);
}
