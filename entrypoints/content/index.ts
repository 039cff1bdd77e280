import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { startAnnotator } from '@/src/page/annotator';
import { OVERLAY_HOST_TAG } from '@/src/page/mark-overlay';
import { guardAgainstForgedRestarts, removeOrphanedPopoverHosts } from '@/src/page/orphan-guard';
import { OWN_HOST_TAG } from '@/src/page/own-elements';
import { lazyEnvironment, loadSchemas } from './parts';

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
    // A copy unloaded without its teardown (Firefox, on an extension update) may have left an open popover,
    // and marks it drew.
    removeOrphanedPopoverHosts({ document, hostTag: OWN_HOST_TAG });
    removeOrphanedPopoverHosts({ document, hostTag: OVERLAY_HOST_TAG, inside: 'div' });
    guardAgainstForgedRestarts({
      window,
      // Private in WXT's types but public at run time; a WXT upgrade that renames it fails privacy.test.ts.
      eventName: (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string })
        .SCRIPT_STARTED_MESSAGE_TYPE,
      runtimeAlive: () => Boolean(browser.runtime?.id),
      signal: ctx.signal,
    });
    const isTopFrame = window === window.top;
    // Settings, the matcher and the popover come from parts loaded when first needed (see ./parts.ts).
    const annotator = startAnnotator({
      window,
      ctx,
      ...lazyEnvironment(ctx, isTopFrame),
      // Chromium restyles only the element a rule for its place matches; Firefox every element of its tag.
      markByPlace: !import.meta.env.FIREFOX,
    });

    // Keyboard commands and the popup talk to the top frame only; fact base changes concern every frame.
    const onMessage = (message: unknown) => {
      const answer = loadSchemas().then((schemas) => {
        const request = schemas.parseContentRequest(message);
        if (!request || (!isTopFrame && request.type !== 'factbase/changed')) return undefined;
        return annotator.handle(request);
      });
      return isTopFrame ? answer : void answer;
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  },
});
