/**
 * The background's side of the user's articles: merge them, with the user's
 * corrections, into the fact base it serves at start-up and whenever either
 * changes in storage, tell every open tab to re-mark its page, and answer the
 * options page's previews. The analysis itself is the builder's
 * (`./builder/`), asked only when no kept analysis matches.
 */
import type { FactBase } from '../facts/schema';
import type { Catalog, DiscoveryRules } from '../ingest/catalog';
import type { ReadableArea, StorageArea, StorageChangedEvent } from '../settings/storage-area';
import { openKeptBuilds, type KeptUserBuilds } from '../user-articles/build-cache';
import { CORRECTIONS_KEY, type Correction } from '../user-articles/corrections';
import { readStoredCorrections } from '../user-articles/corrections-store';
import { mergeUserBuild, userBuildInput, type UserBuild } from '../user-articles/merge-built';
import type { PreviewResult } from '../user-articles/preview';
import type { UserArticle } from '../user-articles/schema';
import type { ArticleDraft } from '../messages/article-preview';
import { createPoster, type StampedRequest } from '../messages/client';
import type { ContentRequest, ToContentCalls } from '../messages/to-content';
import { USER_ARTICLES_KEY } from '../user-articles/schema';
import { readStoredUserArticles } from '../user-articles/store';
import type { ArticleBuilder } from './builder/client';
import type { FactBaseStore } from './factbase-store';

/** What the sync needs from the browser and the rest of the background. */
export interface UserArticleSyncOptions {
  store: FactBaseStore;
  /** The fact base shipped with the extension, before any user article. */
  bundled: FactBase;
  /** The bundled catalog's discovery rules (read from `assets/entities.yaml` at build time). */
  discovery?: DiscoveryRules;
  /** Analyses the articles when no kept analysis matches, and previews drafts. */
  builder: ArticleBuilder;
  storage: ReadableArea;
  /**
   * Where the analysis of the user's articles is kept across background restarts (IndexedDB, see
   * `./idb-area.ts`); absent: every start analyses them again.
   */
  keptArea?: StorageArea;
  /** Names the builder's code, so an analysis kept by another version is never served (default: 'unversioned'). */
  builderId?: string;
  onChanged: StorageChangedEvent;
  /** Tell every open tab the fact base changed. */
  notifyTabs(): Promise<void>;
  log?: (message: string) => void;
}

/** The running sync. */
export interface UserArticleSync {
  /** Settles once the stored articles are merged at start (or failed to be). */
  ready: Promise<void>;
  /** Settles once every merge started so far is done: requests wait for it, so none sees a stale fact base. */
  settled(): Promise<void>;
  /** The articles merged last. */
  articles(): readonly UserArticle[];
  /** What saving `draft` would add; see `previewArticle`. */
  preview(draft: ArticleDraft, replacing?: string): Promise<PreviewResult>;
}

/**
 * Merge the stored articles now and after every change to them. The storage
 * listener is added at once, because an MV3 background must add its listeners
 * in its first turn to be woken by them.
 */
export function startUserArticleSync(options: UserArticleSyncOptions): UserArticleSync {
  const log = options.log ?? ((message: string) => console.warn(`Factlens: ${message}`));
  let articles: readonly UserArticle[] = [];
  let corrections: readonly Correction[] = [];
  // Merges run one after another, so an older list can never overwrite a newer one.
  let queue: Promise<void> = Promise.resolve();
  // Read as the first task of the queue, so nothing is merged before it.
  let kept: KeptUserBuilds | null = null;

  /** The analysis of `articles`: kept from before, or the builder's (then kept for the next start). */
  const analyse = async (catalog: Catalog): Promise<UserBuild | null> => {
    if (articles.length === 0) {
      // Nothing of deleted articles' text is kept.
      kept?.clear();
      return null;
    }
    const current = articles;
    const found = kept?.find(current, catalog);
    if (found) return found;
    const built = await options.builder.build(current, catalog);
    kept?.keep(current, catalog, built);
    return built;
  };

  /** Merge with whichever of the two records `stored` holds; the other stays as merged last. */
  const apply = async (stored: Record<string, unknown>) => {
    if (USER_ARTICLES_KEY in stored) {
      const reading = readStoredUserArticles(stored[USER_ARTICLES_KEY]);
      for (const problem of reading.problems) log(`left out a stored article: ${problem}`);
      articles = reading.articles;
    }
    if (CORRECTIONS_KEY in stored) {
      const reading = readStoredCorrections(stored[CORRECTIONS_KEY]);
      for (const problem of reading.problems) log(`left out a stored correction: ${problem}`);
      corrections = reading.corrections;
    }
    const input = userBuildInput(options.bundled, options.discovery, corrections);
    const merged = mergeUserBuild(options.bundled, await analyse(input.catalog), corrections, input.bundledIds);
    for (const problem of merged.problems) log(`could not add an article: ${problem}`);
    for (const id of merged.skippedStories) log(`left out article ${id}: a bundled story has that id`);
    options.store.replace(merged.factBase);
  };

  const enqueue = (task: () => Promise<void>) => {
    queue = queue.then(task).catch((error: unknown) => log(`could not merge your articles: ${String(error)}`));
    return queue;
  };

  options.onChanged.addListener((changes, areaName) => {
    if (areaName !== 'local') return;
    const stored: Record<string, unknown> = {};
    for (const key of [USER_ARTICLES_KEY, CORRECTIONS_KEY]) if (key in changes) stored[key] = changes[key]!.newValue;
    if (Object.keys(stored).length === 0) return;
    // One merge for both when an import writes articles and corrections together.
    const merged = enqueue(() => apply(stored));
    // Outside the queue: a tab that answers by asking for the new matcher must not wait on its own notice.
    void merged.then(options.notifyTabs).catch((error: unknown) => log(`could not tell the tabs: ${String(error)}`));
  });

  const ready = enqueue(async () => {
    kept = await openKeptBuilds(options.keptArea, options.builderId ?? 'unversioned', log);
    const stored = await options.storage.get([USER_ARTICLES_KEY, CORRECTIONS_KEY]);
    if (Object.keys(stored).length > 0) await apply(stored);
  });

  return {
    ready,
    settled: () => queue,
    articles: () => articles,
    preview: (draft, replacing) =>
      options.builder.preview({
        bundled: options.bundled,
        discovery: options.discovery,
        stored: articles,
        // Only the ids are read: the rest of the served fact base need not cross to the builder.
        current: { entities: options.store.current().factBase.entities.map(({ id }) => ({ id })) },
        draft,
        ...(replacing !== undefined && { replacing }),
      }),
  };
}

/**
 * The same handlers, each waiting for `settled()` before it answers: a
 * background woken by a page's request must not answer from the bundled fact
 * base alone while the user's articles are still being merged in, and the
 * options page asking right after a save must see the saved article.
 */
export function answerWhenReady<Handlers extends Record<string, (...args: never[]) => unknown>>(
  settled: () => Promise<void>,
  handlers: Handlers,
): Handlers {
  const waiting: Record<string, (...args: never[]) => unknown> = {};
  for (const [type, handler] of Object.entries(handlers)) {
    waiting[type] = (...args) => settled().then(() => handler(...args));
  }
  return waiting as Handlers;
}

/** The slice of `browser.tabs` that {@link notifyAllTabs} uses. */
export interface TabsApi {
  query(query: Record<string, never>): Promise<{ id?: number }[]>;
  sendMessage(tabId: number, request: ContentRequest & StampedRequest): Promise<unknown>;
}

/**
 * Send `{type: 'factbase/changed'}` to every frame of every tab. Tabs without
 * our content script (browser pages, tabs opened before install) refuse; that
 * is expected and ignored.
 */
export async function notifyAllTabs(tabs: TabsApi): Promise<void> {
  const all = await tabs.query({});
  await Promise.all(
    all.map(({ id }) =>
      id === undefined
        ? undefined
        : createPoster<ToContentCalls>((request) => tabs.sendMessage(id, request))
            .post('factbase/changed', {})
            .catch(() => {
              // No content script in this tab.
            }),
    ),
  );
}
