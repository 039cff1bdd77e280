/**
 * Loads `figure-checker.js` (`./figure-checker.ts`) into the background when the first figure check needs
 * it, so a background that starts for anything else evaluates none of the figure readers (issue 16).
 *
 * The script is classic and leaves its one export on the global scope, because the two backgrounds can run
 * more code in one way each. Firefox's is an event page, a document: a script element loads it. Chromium's
 * is a service worker, which can not `import()`, start a worker or hold a script element; `importScripts`
 * is its way, and once the worker is installed it takes only the scripts it imported while installing
 * ("importScripts() of new scripts after service worker installation is not allowed", as the Service
 * Worker spec says: https://github.com/w3c/ServiceWorker/issues/1319). So the worker imports the checker
 * once in its `install` event ({@link prepareFigureChecker}: when Factlens is installed or updated), and
 * each later start imports it again from the worker's installed scripts on its first figure check.
 */
import type { CreateFigureChecker } from './figure-checker';

/** The checker's script, an unlisted entry point (`entrypoints/figure-checker.ts`). */
export const FIGURE_CHECKER_PATH = '/figure-checker.js';
/** The global the script leaves its `createFigureChecker` in. */
export const FIGURE_CHECKER_GLOBAL = 'factlensFigureChecker';

/** The background's global scope, typed by what we use: a service worker's or an event page's. */
export interface BackgroundScope {
  importScripts?: (...urls: string[]) => void;
  addEventListener?: (type: 'install', listener: () => void) => void;
  document?: Pick<Document, 'createElement' | 'documentElement'>;
  [FIGURE_CHECKER_GLOBAL]?: CreateFigureChecker;
}

/**
 * In a service worker, import the checker while installing, so later starts may import it again (see the
 * file's comment). Call while the background's script is first evaluated: the event is missed otherwise.
 */
export function prepareFigureChecker(scope: BackgroundScope, getURL: (path: string) => string): void {
  const { importScripts, addEventListener } = scope;
  if (typeof importScripts !== 'function' || typeof addEventListener !== 'function') return;
  addEventListener.call(scope, 'install', () => {
    try {
      importScripts.call(scope, getURL(FIGURE_CHECKER_PATH));
    } catch (error) {
      // Figure checks will fail with the same error when they load it; every other answer goes on.
      console.warn('Factlens: could not install the figure checker', error);
    }
  });
}

/** The checker's factory, loading its script into `scope` unless an earlier load (or install) left it there. */
export async function loadFigureChecker(
  scope: BackgroundScope,
  getURL: (path: string) => string,
): Promise<CreateFigureChecker> {
  const url = getURL(FIGURE_CHECKER_PATH);
  if (!scope[FIGURE_CHECKER_GLOBAL]) {
    if (typeof scope.importScripts === 'function') scope.importScripts(url);
    else if (scope.document) await appendScript(scope.document, url);
    else throw new Error('this background can load no script (no importScripts, no document)');
  }
  const create = scope[FIGURE_CHECKER_GLOBAL];
  if (typeof create !== 'function') throw new Error(`${FIGURE_CHECKER_PATH} left no figure checker`);
  return create;
}

function appendScript(document: NonNullable<BackgroundScope['document']>, url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = url;
    script.addEventListener('load', () => resolve());
    script.addEventListener('error', () => reject(new Error(`${url} did not load`)));
    document.documentElement.append(script);
  });
}
