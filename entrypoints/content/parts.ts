/**
 * The content script's parts that are not in the script every frame runs: ES modules in the extension
 * (`entrypoints/content-data.ts`, `content-schemas.ts`, `content-popover.ts`, listed in
 * `web_accessible_resources`),
 * imported into the content script's own isolated world when first needed. WXT bundles a content script
 * into one classic script, where a bundled `import()` would be inlined and load nothing lazily.
 *
 * Checked in Chromium 156 and Firefox ESR 153: the modules run in the content script's world (they see
 * `browser.runtime`, not the page's globals), load under a page's `default-src 'none'`, in sandboxed and
 * `srcdoc` frames and on cross-origin isolated pages; without a web_accessible_resources entry both
 * browsers refuse the import. Chromium serves them at a per-session URL (`use_dynamic_url`), so a page can
 * not probe a fixed URL to learn that Factlens is installed; Firefox's extension URLs are per-install.
 */
import { browser, type PublicPath } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createPoster, type ClientOptions, type Send } from '@/src/messages/client';
import type { ContentToBackgroundCalls } from '@/src/messages/content-to-background';
import type { AnnotatorEnvironment } from '@/src/page/environment';
import { loadSettingsWith, watchStoredSettings } from '@/src/settings/store';
import type { ContentDataModule } from '../content-data';
import type { ContentPopoverModule } from '../content-popover';
import type { ContentSchemasModule } from '../content-schemas';

/** `load` once; a failed load is forgotten, so the next call tries again. */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}

// `chrome`, not the bundled `browser`: the Firefox linter accepts import() of `chrome.runtime.getURL(…)` as
// written, and a bundler renames the `browser` it imports. Both browsers give content scripts `chrome`.
declare const chrome: { runtime: { getURL(path: PublicPath): string } };

function importPart<T>(path: PublicPath): Promise<T> {
  return import(/* @vite-ignore */ chrome.runtime.getURL(path)).then((module: { default: T }) => module.default);
}

/** The matcher's builder, the per-mention decisions and the figure checks: what the first marks wait for. */
export const loadData = once(() => importPart<ContentDataModule>('/content-data.js'));
/** Zod, the schemas of what the content script receives (settings, entity details, requests) and its client. */
export const loadSchemas = once(() => importPart<ContentSchemasModule>('/content-schemas.js'));
/** Preact, Floating UI and the popover. */
export const loadPopover = once(() => importPart<ContentPopoverModule>('/content-popover.js'));

/** The one place the content script sends from: every request goes through the protocol's client. */
const send: Send = (request) => browser.runtime.sendMessage(request);

/**
 * How the content script's client learns it is outdated, and stops. After an extension update the
 * copy left in an open tab has lost its runtime (WXT's context notices: `ctx.isValid` reads
 * `runtime.id`), or, where it still reaches a newer background, gets `outdated` answers; either way
 * the context is invalidated, which tears the page's work down (marks, listeners, the popover) as an
 * update does, instead of every later hover failing with "Extension context invalidated".
 */
export function outdatedStops(ctx: Pick<ContentScriptContext, 'isValid' | 'notifyInvalidated'>): ClientOptions {
  return { alive: () => ctx.isValid, onOutdated: () => ctx.notifyInvalidated() };
}

/** What the page layer asks of the content script and the parts above provide, each loaded when first used. */
export type LazyEnvironment = Pick<
  AnnotatorEnvironment,
  | 'loadSettings'
  | 'watchSettings'
  | 'saveSettings'
  | 'requestMatcher'
  | 'prepare'
  | 'pageMatching'
  | 'loadDetails'
  | 'figureChecks'
  | 'reportCounts'
  | 'createPopover'
  | 'openStory'
>;

/**
 * The page layer's environment, through the lazily loaded parts: a frame loads the data part once it has
 * text (and asks for the matcher meanwhile), the schemas part when it has something to read with them (a
 * stored settings record, a message, an answer other than the matcher's, the badge's counts), and the
 * popover, while idle, once it marks a mention. `isTopFrame`: this frame reports the counts for the tab's
 * badge.
 */
export function lazyEnvironment(ctx: ContentScriptContext, isTopFrame: boolean): LazyEnvironment {
  const { local } = browser.storage;
  const options = outdatedStops(ctx);
  // Its sending half is here (no zod), to send the matcher's request while the data part loads.
  const { post } = createPoster<ContentToBackgroundCalls>(send, options);
  const requests = once(() => loadSchemas().then((schemas) => schemas.createBackgroundRequests(send, options)));
  // The matcher's answer asked for by `prepare`, until the first `requestMatcher` takes it.
  let earlyAnswer: Promise<unknown> | null = null;
  return {
    // A frame with text loads the data part and asks for the matcher while its settings are read: the
    // first marks then wait for the slower of the two, not for one after the other. On a site where
    // Factlens is off, that is one module load and one answer spent for nothing, then dropped.
    prepare: () => {
      void loadData().catch(() => {});
      const answer = (earlyAnswer = post('matcher/get', {}));
      // The session that takes the answer sees its failure; one nobody takes is no error.
      answer.catch(() => {});
      return () => {
        if (earlyAnswer === answer) earlyAnswer = null;
      };
    },
    loadSettings: () =>
      loadSettingsWith(local, (stored) => loadSchemas().then((schemas) => schemas.resolveSettings(stored))),
    watchSettings: (listener) =>
      watchStoredSettings(browser.storage.onChanged, (stored) => {
        void loadSchemas().then((schemas) => listener(schemas.resolveSettings(stored)));
      }),
    saveSettings: (patch) => loadSchemas().then((schemas) => schemas.saveSettings(local, patch)),
    // The payload is asked for while the module that parses it loads.
    requestMatcher: () => {
      const answer = earlyAnswer ?? post('matcher/get', {});
      earlyAnswer = null;
      return Promise.all([loadData(), answer]).then(([data, answer]) => data.matcherFromAnswer(answer, options));
    },
    pageMatching: (matcher, document) => loadData().then((data) => data.pageMatching(matcher, document)),
    loadDetails: (entityId) => requests().then((requests) => requests.loadDetails(entityId)),
    figureChecks: (options) =>
      loadData().then((data) =>
        data.createFigureChecks({
          ...options,
          check: (request) => requests().then((requests) => requests.checkFigures(request)),
        }),
      ),
    reportCounts: (counts) => {
      // Fetched while idle, so the first hover does not wait for the popover's code.
      if (Object.keys(counts).length > 0) ctx.requestIdleCallback(() => void loadPopover().catch(() => {}));
      // Frames would overwrite each other's counts on the badge.
      if (isTopFrame) void requests().then((requests) => requests.reportMentionCounts(counts));
    },
    // Content scripts cannot open extension pages themselves without exposing them to every site.
    openStory: (storyId) => void post('story/open', { storyId }).catch(() => {}),
    createPopover: (options) => loadPopover().then((module) => module.createPopoverHost(options)),
  };
}
