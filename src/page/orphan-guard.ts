/**
 * WXT's content-script context stops itself when a document event says a
 * newer copy of the script has started (an extension update or reload). Any
 * page can dispatch that event — the event name and payload are public — and
 * would switch Factlens off. A real newer copy only ever starts after this
 * copy is orphaned, when `runtime.id` is gone; so while our runtime still
 * answers, the event can only be forged, and we stop it before WXT sees it.
 *
 * A capturing listener on the window runs before WXT's listener on the
 * document, because the window is the first stop of an event dispatched on
 * the document.
 */
export function guardAgainstForgedRestarts(options: {
  window: Window;
  eventName: string;
  runtimeAlive: () => boolean;
  signal: AbortSignal;
}): void {
  options.window.addEventListener(
    options.eventName,
    (event) => {
      if (options.runtimeAlive()) event.stopImmediatePropagation();
    },
    { capture: true, signal: options.signal },
  );
}

/**
 * Remove popover hosts that an older copy of the content script left in the
 * document, and say how many went.
 *
 * When Firefox reloads or updates the extension it unloads the old copy
 * without running any of its teardown (its listeners simply stop), and injects
 * the new copy into the tabs already open. The old copy's host stays in the
 * page, and an open popover stays on screen with a close button that no longer
 * answers; the new copy would add a second host beside it. Measured on
 * tests/fixtures/cloud-deal-brief.html in Firefox ESR 153; Chromium tears the
 * old copy down itself (WXT's context notices `runtime.id` is gone) and injects
 * nothing into open tabs.
 *
 * Only one copy is live in a document (WXT stops an older live copy as a newer
 * one starts), so a host found before the live copy makes its own belongs to a
 * dead copy.
 * Elements that merely share the tag, without our layer inside, are the page's
 * and are left alone.
 */
export function removeOrphanedPopoverHosts(options: {
  document: Document;
  /** The host element's tag (`POPOVER_HOST_TAG`), passed in so this module stays tiny and import-free. */
  hostTag: string;
  /** What our host holds in its shadow root (the popover's layer by default; the boxes of drawn marks). */
  inside?: string;
}): number {
  let removed = 0;
  for (const host of options.document.querySelectorAll(options.hostTag)) {
    if (!host.shadowRoot?.querySelector(options.inside ?? '.fl-layer')) continue;
    host.remove();
    removed += 1;
  }
  return removed;
}
