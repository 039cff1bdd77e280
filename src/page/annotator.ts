/**
 * The page layer of the content script: reads the page, marks mentions,
 * keeps up with changes, opens popovers on hover, tap and keyboard, and
 * answers the popup. One `PageSession` (`session.ts`) exists while Factlens
 * is active on the page; switching it off (globally or for the site)
 * disposes the session, which leaves the page exactly as it was, and
 * switching it back on starts a new one.
 */
import type { ContentRequest } from '../messages/schema';
import type { Settings } from '../settings/schema';
import { isActiveOn, siteOf } from '../settings/store';
import type { AnnotatorEnvironment } from './environment';
import { isOwnElement } from './own-elements';
import { hasReadableText } from './scanner';
import { PageSession } from './session';

/** The running page layer. */
export interface Annotator {
  /** Answer a request from the background or popup; undefined when this frame has no answer. */
  handle(request: ContentRequest): Promise<unknown> | undefined;
  /** Resolves once the first settings are applied (and the first scan, if any, has started). */
  readonly started: Promise<void>;
}

/**
 * Null when the document's body holds readable text (most pages); otherwise
 * a promise that resolves once it does, watching the page's changes until
 * then. The promise never resolves once `signal` is aborted.
 */
export function whenTextArrives(window: Window, signal: AbortSignal): Promise<void> | null {
  const document = window.document;
  const hasText = () => {
    const body = document.body ?? document.documentElement;
    return body !== null && hasReadableText(body, isOwnElement);
  };
  if (hasText()) return null;
  return new Promise((resolve) => {
    const globals = window as unknown as typeof globalThis;
    const observer = new globals.MutationObserver(() => {
      if (!hasText()) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(document, { childList: true, subtree: true, characterData: true });
    signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  });
}

/**
 * Start the page layer: read the settings, and run a {@link PageSession}
 * whenever Factlens is active on this page. Everything stops when the content
 * script context is invalidated.
 */
export function startAnnotator(env: AnnotatorEnvironment): Annotator {
  const { window, ctx } = env;
  let settings: Settings | null = null;
  let site = siteOf(window.location.href);
  let session: PageSession | null = null;

  const apply = () => {
    if (ctx.signal.aborted || !settings) return;
    const active = isActiveOn(settings, site);
    if (!active) {
      session?.dispose();
      session = null;
    } else if (session) {
      session.update(settings, site);
    } else {
      session = new PageSession(env, settings, site);
      session.start();
    }
  };

  // Single-page apps change the URL without reloading: the site's settings are looked at again.
  const onLocationMaybeChanged = () => {
    const now = siteOf(window.location.href);
    if (now === site) return;
    site = now;
    apply();
  };
  const listenerOptions = { signal: ctx.signal };
  window.addEventListener('popstate', onLocationMaybeChanged, listenerOptions);
  window.addEventListener('hashchange', onLocationMaybeChanged, listenerOptions);
  const navigation = (window as unknown as { navigation?: EventTarget }).navigation;
  navigation?.addEventListener?.('navigatesuccess', onLocationMaybeChanged, listenerOptions);

  const stopWatching = env.watchSettings((next) => {
    settings = next;
    apply();
  });
  ctx.onInvalidated(() => {
    stopWatching();
    session?.dispose();
    session = null;
  });

  const readSettings = () => {
    const unprepare = env.prepare?.();
    return env.loadSettings().then(
      (loaded) => {
        settings ??= loaded;
        apply();
        if (!session) unprepare?.();
      },
      (error: unknown) => {
        unprepare?.();
        console.warn('Factlens: could not read settings', error);
      },
    );
  };
  // Settings are read (and so parsed) only once the frame has text: an ad frame or an app shell
  // still loading costs a text walk, no storage read and no schema.
  const textArrives = whenTextArrives(window, ctx.signal);
  const started = textArrives ? (void textArrives.then(readSettings), Promise.resolve()) : readSettings();

  return {
    started,
    handle(request) {
      switch (request.type) {
        case 'factbase/changed':
          // A notice: nothing to answer, and the background need not wait for the page to be re-marked.
          void session?.refreshFactBase();
          return undefined;
        case 'mentions/navigate':
          return session ? session.navigate(request.direction) : Promise.resolve(false);
        case 'page/jump':
          return session ? session.navigate(request.direction, request.entityId) : Promise.resolve(false);
        case 'page/jump-figure':
          return session ? session.jumpToFigure(request) : Promise.resolve(false);
        case 'page/list':
          return session
            ? session.listMentions().then((value) => ({ ok: true, value }))
            : // No session: paused here, or (settings not read yet) a frame still without text.
              Promise.resolve({
                ok: true,
                value: { entities: [], leftOut: 0, active: settings ? isActiveOn(settings, site) : true },
              });
      }
    },
  };
}
