import { planMatcher } from '../match/matcher';
import { buildMatcherPayload, encodeMatcherPlan } from '../match/payload';
import type { BackgroundHandlers } from './router';
import type { FactBaseStore } from './factbase-store';
import { createUserArticleHandlers, type ArticlePreviewer } from './articles';
import { createSearchHandlers } from './search';
import { createFigureHandlers, type FigureCheckerLoader } from './figures';

/** What the handlers need from the browser: a place to show per-tab counts. */
export interface BadgeSink {
  show(tabId: number, distinctEntities: number): void;
}

/** The background's other parts the handlers use; each is optional in tests. */
export interface HandlerParts {
  /** Answers article previews; without it they answer with an error. */
  userArticles?: ArticlePreviewer;
  openStoryPage?: (storyId: string, openerTabId?: number) => void;
  /** Brings in the figure checker (`figure-checker.js`); without it figure checks answer with an error. */
  loadFigureChecker?: FigureCheckerLoader;
}

/** The background's answers, over one fact base index. */
export function createHandlers(
  store: FactBaseStore,
  badge: BadgeSink,
  {
    userArticles,
    openStoryPage = () => {},
    loadFigureChecker = () => Promise.reject(new Error('no figure checker was given')),
  }: HandlerParts = {},
): BackgroundHandlers {
  // Planned once per fact base: every frame of every tab asks for the same matcher.
  let plan: unknown = null;
  store.subscribe(() => {
    plan = null;
  });
  const index = () => store.current();
  return {
    ...createUserArticleHandlers(store, userArticles),
    ...createSearchHandlers(store),
    ...createFigureHandlers(store, loadFigureChecker),
    'stats/get': () => ({ ok: true, value: index().stats() }),
    'matcher/get': () => {
      plan ??= encodeMatcherPlan(planMatcher(buildMatcherPayload(index().factBase)));
      return { ok: true, value: plan };
    },
    'entity/get': ({ entityId }) => {
      const details = index().entityDetails(entityId);
      return details ? { ok: true, value: details } : { ok: false, error: `unknown entity '${entityId}'` };
    },
    'story/get': ({ storyId }) => {
      const story = index().story(storyId);
      return story ? { ok: true, value: story } : { ok: false, error: `unknown story '${storyId}'` };
    },
    'story/open': ({ storyId }, sender) => {
      // Content scripts cannot open extension pages themselves without exposing them to every site.
      if (!index().story(storyId)) return { ok: false, error: `unknown story '${storyId}'` };
      openStoryPage(storyId, sender.tab?.id);
      return { ok: true, value: null };
    },
    'mentions/report': ({ counts }, sender) => {
      // Only the top frame speaks for the tab, so frames don't overwrite each other.
      if (sender.tab?.id !== undefined && (sender.frameId ?? 0) === 0) {
        badge.show(sender.tab.id, Object.values(counts).filter((count) => count > 0).length);
      }
      return { ok: true, value: null };
    },
  };
}
