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
