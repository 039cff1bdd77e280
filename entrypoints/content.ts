import { startAnnotator } from '@/src/page/annotator';
import { loadSettings, saveSettings, watchSettings } from '@/src/settings/store';
import { guardAgainstForgedRestarts } from '@/src/page/orphan-guard';
import { ContentScriptContext } from 'wxt/utils/content-script-context';

// Loaded on first use, so starting on a page costs only the settings and the page layer: the message
// schemas and the matcher come when the page has text, the popover when one first opens.
const messaging = () => import('@/src/page/messaging');
let detailsCache: Promise<import('@/src/page/messaging').DetailsCache> | undefined;
const details = () => (detailsCache ??= messaging().then((module) => module.createDetailsCache(browser.runtime)));

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  // Every frame marks its own document (cross-origin frames can only be reached this way), so the
  // page layer never looks into iframes itself and nothing is marked twice.
  allFrames: true,
  matchAboutBlank: true,
  // WXT's legacy start-up postMessage would reach the page's own message listeners.
  noScriptStartedPostMessage: true,
  main(ctx) {
    guardAgainstForgedRestarts({
      window,
      // Private in WXT's types but public at run time; a WXT upgrade that renames it fails privacy.test.ts.
      eventName: (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string })
        .SCRIPT_STARTED_MESSAGE_TYPE,
      runtimeAlive: () => Boolean(browser.runtime?.id),
      signal: ctx.signal,
    });
    const isTopFrame = window === window.top;
    const annotator = startAnnotator({
      window,
      ctx,
      loadSettings: () => loadSettings(browser.storage.local),
      watchSettings: (listener) => watchSettings(browser.storage.onChanged, listener),
      saveSettings: (patch) => saveSettings(browser.storage.local, patch),
      requestMatcher: () => messaging().then((module) => module.requestMatcher(browser.runtime)),
      loadDetails: (entityId) => details().then((cache) => cache.load(entityId)),
      // The top frame speaks for the tab's badge; frames would only overwrite each other.
      reportCounts: isTopFrame
        ? (counts) => void messaging().then((module) => module.reportMentionCounts(browser.runtime, counts))
        : undefined,
      openStory: (storyId) => void browser.runtime.sendMessage({ type: 'story/open', storyId }),
      createPopover: (options) => import('@/src/page/popover-host').then((module) => module.createPopoverHost(options)),
    });

    // Keyboard commands and the popup talk to the top frame only; fact base changes concern every frame.
    const onMessage = (message: unknown) => {
      const answer = import('@/src/messages/schema').then(({ ContentRequest }) => {
        const request = ContentRequest.safeParse(message);
        if (!request.success || (!isTopFrame && request.data.type !== 'factbase/changed')) return undefined;
        return annotator.handle(request.data);
      });
      return isTopFrame ? answer : void answer;
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  },
});
