import { loadBundledFactBase } from '@/src/facts/bundled';
import type { DiscoveryRules } from '@/src/ingest/catalog';
import { createFactBaseStore } from '@/src/background/factbase-store';
import { createHandlers } from '@/src/background/handlers';
import { routeMessage } from '@/src/background/router';
import { registerCommands } from '@/src/background/commands';
import { createActionState } from '@/src/background/action-state';
import { registerContextMenu } from '@/src/background/context-menu';
import { createBuilderClient } from '@/src/background/builder/client';
import { openBuilderChannel, type OffscreenApi, type WorkerLike } from '@/src/background/builder/channels';
import { answerWhenReady, notifyAllTabs, startUserArticleSync } from '@/src/background/user-articles';
import { serveKeptPlan } from '@/src/background/kept-plan';
import { indexedDbArea } from '@/src/background/idb-area';
import { loadFigureChecker, prepareFigureChecker, type BackgroundScope } from '@/src/background/figure-checker-script';
import { repairStoredSettings } from '@/src/settings/store';

export default defineBackground(() => {
  const getURL = (path: string) => browser.runtime.getURL(path as '/');
  // The figure checker is loaded on the first figure check (src/background/figure-checker-script.ts).
  const scope = globalThis as BackgroundScope;
  prepareFigureChecker(scope, getURL);
  const bundled = loadBundledFactBase();
  const store = createFactBaseStore(bundled);
  // The article analyser is loaded only when the user's articles need analysing (src/background/builder/).
  const builder = createBuilderClient(
    () =>
      openBuilderChannel({
        Worker: (globalThis as { Worker?: new (url: string) => WorkerLike }).Worker,
        chrome: (globalThis as { chrome?: Partial<OffscreenApi> }).chrome,
        getURL,
      }),
    { keepAlive: () => void browser.runtime.getPlatformInfo() },
  );
  const builderId = import.meta.env.FACTLENS_BUILDER_ID ?? 'unversioned';
  const notifyTabs = () => notifyAllTabs(browser.tabs);
  // The user's own articles are merged in now and on every change; requests wait for the first merge,
  // except a page's first (the matcher), answered with the plan kept from before a restart.
  const userArticles = startUserArticleSync({
    store,
    bundled,
    discovery: (import.meta.env.FACTLENS_DISCOVERY_RULES as DiscoveryRules | null) ?? undefined,
    builder,
    storage: browser.storage.local,
    keptArea: indexedDbArea('factlens-kept'),
    builderId,
    onChanged: browser.storage.onChanged,
    notifyTabs,
  });
  void repairStoredSettings(browser.storage.local);
  const handlers = serveKeptPlan(
    answerWhenReady(
      userArticles.settled,
      // The button state owns the badge: entity counts where active, "off" where paused.
      createHandlers(store, createActionState(browser), {
        userArticles,
        openStoryPage: (storyId, openerTabId) => {
          void browser.tabs.create({ url: getURL(`/story.html?id=${encodeURIComponent(storyId)}`), openerTabId });
        },
        loadFigureChecker: () => loadFigureChecker(scope, getURL),
      }),
    ),
    {
      area: browser.storage.session,
      builderId,
      ready: userArticles.ready,
      notifyTabs,
      log: (message) => console.warn(`Factlens: ${message}`),
    },
  );
  browser.runtime.onMessage.addListener((message, sender) => {
    const answer = routeMessage(handlers, message, sender, browser.runtime.id);
    return answer === undefined ? undefined : Promise.resolve(answer);
  });
  registerCommands(browser);
  registerContextMenu(browser);
});
