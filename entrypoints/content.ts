import { ContentRequest } from '@/src/messages/schema';
import { startAnnotator } from '@/src/page/annotator';
import { createDetailsCache, reportMentionCounts, requestMatcher } from '@/src/page/messaging';
import { loadSettings, saveSettings, watchSettings } from '@/src/settings/store';

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
    const isTopFrame = window === window.top;
    const details = createDetailsCache(browser.runtime);
    const annotator = startAnnotator({
      window,
      ctx,
      loadSettings: () => loadSettings(browser.storage.local),
      watchSettings: (listener) => watchSettings(browser.storage.onChanged, listener),
      saveSettings: (patch) => saveSettings(browser.storage.local, patch),
      requestMatcher: () => requestMatcher(browser.runtime),
      loadDetails: (entityId) => details.load(entityId),
      // The top frame speaks for the tab's badge; frames would only overwrite each other.
      reportCounts: isTopFrame ? (counts) => void reportMentionCounts(browser.runtime, counts) : undefined,
      openStory: (storyId) => {
        const url = details.storyUrl(storyId);
        if (url) window.open(url, '_blank', 'noopener');
      },
      // Loaded on the first popover: most pages never show one, and its code is most of the script.
      createPopover: (options) => import('@/src/page/popover-host').then((module) => module.createPopoverHost(options)),
    });

    // Keyboard commands and the popup talk to the top frame only; fact base changes concern every frame.
    const onMessage = (message: unknown) => {
      const request = ContentRequest.safeParse(message);
      if (!request.success || (!isTopFrame && request.data.type !== 'factbase/changed')) return undefined;
      return annotator.handle(request.data);
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  },
});
