import { describe, expect, it, vi } from 'vitest';
import { createFigureChecker } from '@/src/background/figure-checker';
import {
  FIGURE_CHECKER_GLOBAL,
  FIGURE_CHECKER_PATH,
  loadFigureChecker,
  prepareFigureChecker,
  type BackgroundScope,
} from '@/src/background/figure-checker-script';

const getURL = (path: string) => `chrome-extension://factlens${path}`;
const URL_OF_SCRIPT = getURL(FIGURE_CHECKER_PATH);

/**
 * A service worker's scope as Chromium's behaves: `importScripts` runs the script (it leaves the checker
 * on the scope) while the worker installs, and once installed only imports what it imported then.
 */
function serviceWorker() {
  const installed = new Set<string>();
  let installing = false;
  let onInstall: (() => void) | undefined;
  const scope: BackgroundScope = {
    importScripts: vi.fn((url: string) => {
      if (installing) installed.add(url);
      else if (!installed.has(url))
        throw new Error(
          `Failed to import '${url}'. importScripts() of new scripts after service worker installation is not allowed.`,
        );
      scope[FIGURE_CHECKER_GLOBAL] = createFigureChecker;
    }),
    addEventListener: (type, listener) => {
      expect(type).toBe('install');
      onInstall = listener;
    },
  };
  return {
    scope,
    install() {
      installing = true;
      onInstall?.();
      installing = false;
    },
    /** The same worker started again: its installed scripts kept, its globals gone. */
    restart() {
      delete scope[FIGURE_CHECKER_GLOBAL];
    },
  };
}

/** An event page's scope (Firefox): a document whose script elements load when `settle` says. */
function eventPage() {
  const appended: (EventTarget & { src: string })[] = [];
  const scope: BackgroundScope = {
    document: {
      createElement: (() => Object.assign(new EventTarget(), { src: '' })) as unknown as Document['createElement'],
      documentElement: { append: (script: EventTarget & { src: string }) => appended.push(script) } as never,
    },
  };
  return {
    scope,
    appended,
    settle(outcome: 'load' | 'error') {
      if (outcome === 'load') scope[FIGURE_CHECKER_GLOBAL] = createFigureChecker;
      appended.at(-1)!.dispatchEvent(new Event(outcome));
    },
  };
}

describe('the figure checker’s script in a service worker (Chromium)', () => {
  it('is imported while the worker installs, and again from its installed scripts after a restart', async () => {
    const worker = serviceWorker();
    prepareFigureChecker(worker.scope, getURL);
    worker.install();
    expect(worker.scope.importScripts).toHaveBeenCalledWith(URL_OF_SCRIPT);
    // The worker that installed it has it already.
    expect(await loadFigureChecker(worker.scope, getURL)).toBe(createFigureChecker);
    expect(worker.scope.importScripts).toHaveBeenCalledTimes(1);

    worker.restart();
    expect(await loadFigureChecker(worker.scope, getURL)).toBe(createFigureChecker);
    expect(worker.scope.importScripts).toHaveBeenCalledTimes(2);
  });

  it('can not be imported after a start that did not import it while installing', async () => {
    const worker = serviceWorker();
    worker.install();
    await expect(loadFigureChecker(worker.scope, getURL)).rejects.toThrow(/after service worker installation/);
  });

  it('fails to load when the script leaves no checker', async () => {
    const scope: BackgroundScope = { importScripts: vi.fn() };
    await expect(loadFigureChecker(scope, getURL)).rejects.toThrow(`${FIGURE_CHECKER_PATH} left no figure checker`);
  });
});

describe('the figure checker’s script in an event page (Firefox)', () => {
  it('is loaded by a script element, once', async () => {
    const page = eventPage();
    prepareFigureChecker(page.scope, getURL);
    expect(page.appended).toEqual([]);
    const loading = loadFigureChecker(page.scope, getURL);
    expect(page.appended.map((script) => script.src)).toEqual([URL_OF_SCRIPT]);
    page.settle('load');
    expect(await loading).toBe(createFigureChecker);
    expect(await loadFigureChecker(page.scope, getURL)).toBe(createFigureChecker);
    expect(page.appended).toHaveLength(1);
  });

  it('fails when the script does not load', async () => {
    const page = eventPage();
    const loading = loadFigureChecker(page.scope, getURL);
    page.settle('error');
    await expect(loading).rejects.toThrow(`${URL_OF_SCRIPT} did not load`);
  });
});

it('fails in a scope that can load no script', async () => {
  await expect(loadFigureChecker({}, getURL)).rejects.toThrow('this background can load no script');
});
