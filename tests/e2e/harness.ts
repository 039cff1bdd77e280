/**
 * Browser-test harness: launches Chromium or Firefox with the built extension
 * loaded, opens extension pages and ordinary pages, collects their errors and
 * saves screenshots. Every browser test goes through this module so that both
 * browsers share one code path and the quirks live in one place.
 *
 * Typical use, one browser per test file:
 *
 * ```ts
 * describe.each(BROWSERS)('popup in %s', (browserName) => {
 *   let session: ExtensionSession;
 *   beforeAll(async () => (session = await launchWithExtension(browserName)));
 *   afterAll(async () => session?.close());
 *   it('…', async () => {
 *     const popup = await session.openExtensionPage('popup.html', '[data-testid=stats]');
 *     screenshotOnFailure(popup, `popup-${browserName}`);
 *     expect(await collectPageErrors(popup).read()).toEqual([]);
 *   });
 * });
 * ```
 *
 * Firefox quirks found while writing this (Firefox ESR 153, puppeteer-core 25 over WebDriver BiDi):
 * - `page.goto()` to a moz-extension:// page never settles (it rejects with "Frame detached" only when
 *   the browser closes), and to a missing moz-extension:// file it hangs rather than failing. So extension
 *   pages are opened by starting the navigation and waiting for a selector, and missing files are caught
 *   up front by looking in the build directory.
 * - BiDi reports neither console messages nor uncaught errors of moz-extension:// pages, and preload
 *   scripts (`evaluateOnNewDocument`) do not run there. Firefox does print uncaught errors and unhandled
 *   rejections of extension code to its stderr ("JavaScript error: moz-extension://…, line N: …"), so the
 *   harness reads those, and it wraps `console.error` in extension pages as soon as the page can be reached.
 *   Calls to `console.error` made before that moment (while the page's modules first run) are missed in
 *   Firefox; the same test in Chromium reports them.
 * - Console messages and errors of ordinary pages, including those of our content script, do arrive over
 *   BiDi, as in Chromium.
 * - A temporary add-on installed over BiDi gets the host permissions of its `<all_urls>` content script
 *   at install time: the content script runs on http://127.0.0.1 pages without any prompt. The harness
 *   self-test (tests/e2e/harness/harness.test.ts) checks this stays true.
 * - The extension's UUID is random per profile; pinning it with the `extensions.webextensions.uuids`
 *   pref (keyed by the gecko id in the manifest) gives a known moz-extension:// base URL.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { TimeoutError, type Browser, type LaunchOptions, type Page } from 'puppeteer-core';
import { onTestFailed } from 'vitest';
import { PROTOCOL_VERSION } from '@/src/messages/client';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Settings } from '@/src/settings/schema';
import { settingsRecord } from '@/src/settings/store';
import { startStaticServer, type StaticServer } from './server';

/** The browsers the harness can drive. */
export type BrowserName = 'chromium' | 'firefox';

/** The repository root, found from this file's place in it. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

const ALL_BROWSERS: readonly BrowserName[] = ['chromium', 'firefox'];

/**
 * The build the tests load: where `npm run build` puts each browser's unpacked extension, or the same
 * folders under `FACTLENS_OUTPUT_DIR` (a build made elsewhere, say while others rebuild `.output/` on a
 * shared machine).
 */
const OUTPUT_DIR = path.resolve(process.env.FACTLENS_OUTPUT_DIR ?? path.join(REPO_ROOT, '.output'));

/** Each browser's unpacked extension under the build the tests load. */
export const BUILD_DIRS: Record<BrowserName, string> = {
  chromium: path.join(OUTPUT_DIR, 'chrome-mv3'),
  firefox: path.join(OUTPUT_DIR, 'firefox-mv3'),
};

interface ExecutableSpec {
  label: string;
  envVar: string;
  aptPackage: string;
  candidates: string[];
}

const EXECUTABLES: Record<BrowserName, ExecutableSpec> = {
  chromium: {
    label: 'Chromium',
    envVar: 'CHROMIUM_PATH',
    aptPackage: 'chromium',
    candidates: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'],
  },
  firefox: {
    label: 'Firefox',
    envVar: 'FIREFOX_PATH',
    aptPackage: 'firefox-esr',
    candidates: ['/usr/bin/firefox-esr', '/usr/bin/firefox'],
  },
};

/**
 * Read a browser list such as `"chromium"` or `"chromium,firefox"`; empty or absent means both.
 * Unknown names throw, so a typo in `FACTLENS_BROWSERS` can not quietly skip a browser.
 */
export function parseBrowserList(value: string | undefined): BrowserName[] {
  const names = (value ?? '').split(/[\s,]+/).filter(Boolean);
  if (names.length === 0) return [...ALL_BROWSERS];
  const unknown = names.filter((name) => !(ALL_BROWSERS as readonly string[]).includes(name));
  if (unknown.length > 0) {
    throw new Error(
      `FACTLENS_BROWSERS names unknown browsers: ${unknown.join(', ')} (known: ${ALL_BROWSERS.join(', ')})`,
    );
  }
  return [...new Set(names as BrowserName[])];
}

/** The browsers to test in: both, unless the `FACTLENS_BROWSERS` environment variable lists fewer. */
export const BROWSERS: BrowserName[] = parseBrowserList(process.env.FACTLENS_BROWSERS);

/**
 * The browser executable to launch: the path in `CHROMIUM_PATH` / `FIREFOX_PATH` when set, else the first
 * usual install path that exists. Throws a message naming the variable and the Debian package otherwise.
 */
export function findBrowserExecutable(browserName: BrowserName, env: NodeJS.ProcessEnv = process.env): string {
  const spec = EXECUTABLES[browserName];
  const override = env[spec.envVar];
  if (override) {
    if (existsSync(override)) return override;
    throw new Error(`${spec.envVar} is set to ${override}, which does not exist.`);
  }
  const found = spec.candidates.find((candidate) => existsSync(candidate));
  if (found) return found;
  throw new Error(
    `${spec.label} is not installed: looked in ${spec.candidates.join(', ')}. ` +
      `Install it (Debian: apt-get install ${spec.aptPackage}) or set ${spec.envVar} to its executable.`,
  );
}

/** A browser running the extension, with helpers to open its pages and ordinary pages. */
export interface ExtensionSession {
  browserName: BrowserName;
  browser: Browser;
  /** The extension's origin with a trailing slash: `chrome-extension://<id>/` or `moz-extension://<uuid>/`. */
  extensionBaseUrl: string;
  /** The unpacked extension directory that was loaded. */
  extensionDir: string;
  /**
   * Open a page of the extension (e.g. `'popup.html'`) in a new tab and resolve once `waitForSelector`
   * matches. Errors of the page are collected from the start; read them with {@link collectPageErrors}.
   */
  openExtensionPage(pagePath: string, waitForSelector: string): Promise<Page>;
  /** Open an ordinary web page in a new tab and resolve once it has loaded; the content script runs there. */
  openPage(url: string): Promise<Page>;
  /** Close the browser; kills it when it does not close in time. Safe to call twice. */
  close(): Promise<void>;
}

/** Options for {@link launchWithExtension}. */
export interface LaunchWithExtensionOptions {
  /** Unpacked extension to load; defaults to this browser's directory in `.output/`. */
  extensionDir?: string;
}

const LAUNCH_TIMEOUT_MS = 60_000;
const PROTOCOL_TIMEOUT_MS = 60_000;
const CLOSE_TIMEOUT_MS = 10_000;
const PAGE_TIMEOUT_MS = 30_000;

/**
 * Launch a headless browser with the extension installed.
 * Throws (after killing the browser) when the build is missing or the extension does not install.
 */
export async function launchWithExtension(
  browserName: BrowserName,
  options: LaunchWithExtensionOptions = {},
): Promise<ExtensionSession> {
  const extensionDir = path.resolve(options.extensionDir ?? BUILD_DIRS[browserName]);
  const manifest = readManifest(extensionDir);
  const executablePath = findBrowserExecutable(browserName);
  const firefoxUuid = randomUUID();

  const browser = await puppeteer.launch({
    ...(browserName === 'chromium'
      ? chromiumLaunchOptions()
      : firefoxLaunchOptions(geckoIdOf(manifest, extensionDir), firefoxUuid)),
    executablePath,
    headless: true,
    timeout: LAUNCH_TIMEOUT_MS,
    protocolTimeout: PROTOCOL_TIMEOUT_MS,
  });

  try {
    const extensionId = await withTimeout(browser.installExtension(extensionDir), 30_000, 'installing the extension');
    let extensionBaseUrl: string;
    if (browserName === 'chromium') {
      extensionBaseUrl = `chrome-extension://${extensionId}/`;
      // A background that fails to load shows up here rather than as a popup that never answers.
      await browser.waitForTarget(
        (target) => target.type() === 'service_worker' && target.url().startsWith(extensionBaseUrl),
        { timeout: 30_000 },
      );
    } else {
      extensionBaseUrl = `moz-extension://${firefoxUuid}/`;
    }
    return createSession(browserName, browser, extensionDir, extensionBaseUrl);
  } catch (error) {
    await closeOrKill(browser);
    throw new Error(`Could not load the extension from ${extensionDir} into ${browserName}: ${messageOf(error)}`, {
      cause: error,
    });
  }
}

/** The flags every Chromium the tests and the benchmark start gets. */
export const CHROMIUM_ARGS: readonly string[] = [
  // CI runs as root, where Chromium refuses to start with its sandbox.
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

function chromiumLaunchOptions(): LaunchOptions {
  return {
    browser: 'chrome',
    // `true` only keeps puppeteer from passing --disable-extensions. We install the extension ourselves
    // afterwards: puppeteer 25's list form (`enableExtensions: [dir]`) does not await the installation, so
    // a broken build would surface as an unhandled rejection and a missing service worker.
    enableExtensions: true,
    args: [...CHROMIUM_ARGS],
  };
}

function firefoxLaunchOptions(geckoId: string, uuid: string): LaunchOptions {
  return {
    browser: 'firefox',
    // Needed for BiDi's webExtension.install, which puppeteer's installExtension uses.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
    },
  };
}

interface Manifest {
  browser_specific_settings?: { gecko?: { id?: string } };
}

function readManifest(extensionDir: string): Manifest {
  const manifestPath = path.join(extensionDir, 'manifest.json');
  if (!existsSync(manifestPath)) {
    throw new Error(
      `No built extension at ${extensionDir} (missing manifest.json). Run \`npm run build\` ` +
        '(or `npx wxt build && npx wxt build -b firefox`) first.',
    );
  }
  return JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
}

function geckoIdOf(manifest: Manifest, extensionDir: string): string {
  const id = manifest.browser_specific_settings?.gecko?.id;
  // Without a fixed id Firefox invents one, and the UUID pin (keyed by id) would not apply.
  if (!id) throw new Error(`${extensionDir}/manifest.json has no browser_specific_settings.gecko.id`);
  return id;
}

function createSession(
  browserName: BrowserName,
  browser: Browser,
  extensionDir: string,
  extensionBaseUrl: string,
): ExtensionSession {
  const extensionPageLogs = new Set<ErrorLog>();
  const stopWatchingStderr =
    browserName === 'firefox'
      ? watchFirefoxExtensionErrors(browser, extensionBaseUrl, (message) => {
          for (const log of extensionPageLogs) log.add(message);
        })
      : () => {};
  let closed = false;

  return {
    browserName,
    browser,
    extensionBaseUrl,
    extensionDir,

    async openExtensionPage(pagePath, waitForSelector) {
      const relative = pagePath.replace(/^\/+/, '');
      const file = path.join(extensionDir, relative.split(/[?#]/)[0]!);
      if (!existsSync(file)) throw new Error(`The build has no ${relative} (looked for ${file}).`);
      const url = extensionBaseUrl + relative;
      const page = await browser.newPage();
      const log = errorLogFor(page);
      if (browserName === 'firefox') {
        extensionPageLogs.add(log);
        page.once('close', () => extensionPageLogs.delete(log));
      }
      // Not awaited: in Firefox this navigation never settles (see the header). Its failure still counts.
      const navigation = page.goto(url).then(
        () => new Promise<never>(() => {}),
        (error: unknown) => {
          throw new Error(`Navigation to ${url} failed: ${messageOf(error)}`);
        },
      );
      navigation.catch(() => {});
      const shown = Promise.race([waitForSelectorThroughNavigation(page, waitForSelector), navigation]);
      const recorder = browserName === 'firefox' ? keepConsoleRecorderInstalled(page, log, url, shown) : null;
      try {
        await shown;
        if (recorder) await recorder;
      } catch (error) {
        const errors = await log.read().catch(() => []);
        await saveScreenshot(page, `open-${browserName}-${relative}-failed`);
        await page.close().catch(() => {});
        throw new Error(
          `${url} did not show ${waitForSelector}: ${messageOf(error)}` +
            (errors.length ? `\nPage errors:\n${errors.join('\n')}` : ''),
          { cause: error },
        );
      }
      return page;
    },

    async openPage(url) {
      const page = await browser.newPage();
      errorLogFor(page);
      try {
        await page.goto(url, { waitUntil: 'load', timeout: PAGE_TIMEOUT_MS });
      } catch (error) {
        await page.close().catch(() => {});
        throw new Error(`Could not open ${url} in ${browserName}: ${messageOf(error)}`, { cause: error });
      }
      return page;
    },

    async close() {
      if (closed) return;
      closed = true;
      stopWatchingStderr();
      await closeOrKill(browser);
    },
  };
}

/**
 * `page.waitForSelector`, retried when the page's realm goes away under it. While a Firefox tab moves
 * from about:blank to a moz-extension:// page, BiDi's script.evaluate sometimes fails inside Firefox
 * ("right-hand side of 'in' should be an object, got null"), which puppeteer reports as a failed wait
 * (2 of about 15 Firefox popup opens on a loaded 2-core machine, before this retry). Timeouts are not retried.
 */
async function waitForSelectorThroughNavigation(page: Page, selector: string): Promise<void> {
  const deadline = Date.now() + PAGE_TIMEOUT_MS;
  for (;;) {
    try {
      await page.waitForSelector(selector, { timeout: Math.max(1, deadline - Date.now()) });
      return;
    } catch (error) {
      if (error instanceof TimeoutError || Date.now() >= deadline || page.isClosed()) throw error;
      await sleep(50);
    }
  }
}

/** Errors seen on one page, in the order they happened. */
export interface PageErrorLog {
  /**
   * Every error so far: `console.error` calls and uncaught exceptions or rejections, each as one line
   * saying what it was and where it came from. Empty when the page behaved.
   */
  read(): Promise<string[]>;
}

class ErrorLog implements PageErrorLog {
  private readonly messages: string[] = [];
  /** Pulls messages recorded inside the page (Firefox extension pages only). */
  pullFromPage: (() => Promise<string[]>) | null = null;

  add(message: string): void {
    this.messages.push(message);
  }

  async read(): Promise<string[]> {
    if (this.pullFromPage) this.messages.push(...(await this.pullFromPage()));
    return [...this.messages];
  }
}

const errorLogs = new WeakMap<Page, ErrorLog>();

function errorLogFor(page: Page): ErrorLog {
  const existing = errorLogs.get(page);
  if (existing) return existing;
  const log = new ErrorLog();
  errorLogs.set(page, log);
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const { url, lineNumber } = message.location();
    // Chromium logs every failed subresource of the page as a console error. Saved real-world pages
    // reference images and scripts that can not load here; those failures are the page's, not ours.
    // A resource of the extension itself that fails to load still counts.
    if (message.text().startsWith('Failed to load resource') && !isExtensionUrl(url)) return;
    log.add(
      `console.error: ${message.text()}${url ? ` (${url}${lineNumber === undefined ? '' : `:${lineNumber}`})` : ''}`,
    );
  });
  page.on('pageerror', (error) => log.add(`uncaught: ${messageOf(error)}`));
  return log;
}

/**
 * The errors of a page: console errors and uncaught exceptions (failed loads of the page's own
 * resources are left out; failed loads of extension files are kept). Pages opened through an
 * {@link ExtensionSession} are watched from before they load; for any other page watching starts now.
 * Calling it twice for one page returns the same log.
 */
export function collectPageErrors(page: Page): PageErrorLog {
  return errorLogFor(page);
}

function isExtensionUrl(url: string | undefined): boolean {
  return url !== undefined && /^(chrome|moz)-extension:/.test(url);
}

const RECORDER_KEY = '__factlensHarnessConsoleErrors';
const RECORDER_POLL_MS = 20;

/**
 * Runs inside a Firefox extension page: wraps `console.error` so calls are kept in a window property.
 * Returns false while the tab is not yet on `expectedUrl`. Idempotent: a wrapper already in place is
 * kept, and a wrapper lost to a document swap (see {@link keepConsoleRecorderInstalled}) is put back.
 */
function installConsoleRecorder(expectedUrl: string, key: string): boolean {
  // Puppeteer sends this function's source text to the page, so it must not refer to anything outside
  // itself, and it avoids named inner functions, which some TypeScript transforms wrap in a helper call.
  if (location.href !== expectedUrl) return false;
  const store = window as unknown as Record<string, string[] | undefined>;
  const recorded = (store[key] ??= []);
  const current = console.error as typeof console.error & { [key: string]: unknown };
  if (current[key]) return true;
  console.error = Object.assign(
    function (...args: unknown[]) {
      recorded.push(
        args
          .map((value) => {
            if (value instanceof Error) return `${value.name}: ${value.message}`;
            if (typeof value !== 'object' || value === null) return String(value);
            try {
              return JSON.stringify(value);
            } catch {
              return String(value);
            }
          })
          .join(' '),
      );
      current.apply(console, args);
    },
    { [key]: true },
  );
  return true;
}

/**
 * Keep `console.error` wrapped in a Firefox extension page from the moment its URL is reachable until
 * `until` settles, because BiDi does not report the console of extension pages (see the header).
 *
 * It re-checks (idempotently) until the page shows its selector instead of installing once, so a document
 * that replaces the first one reachable at that URL still ends up wrapped. Calls made while the page's
 * scripts first run usually come before any install and are missed; Chromium still reports those.
 */
async function keepConsoleRecorderInstalled(page: Page, log: ErrorLog, url: string, until: Promise<unknown>) {
  let done = false;
  until.then(
    () => (done = true),
    () => (done = true),
  );
  const install = () => page.evaluate(installConsoleRecorder, url, RECORDER_KEY).catch(() => false);
  while (!done && !page.isClosed()) {
    await install();
    await sleep(RECORDER_POLL_MS);
  }
  if (!(await install())) return;
  log.pullFromPage = async () => {
    if (page.isClosed()) return [];
    const drained = await page
      .evaluate((key: string) => {
        const recorded = (window as unknown as Record<string, string[] | undefined>)[key];
        return recorded ? recorded.splice(0) : [];
      }, RECORDER_KEY)
      .catch(() => [] as string[]);
    return drained.map((message) => `console.error: ${message} (${url})`);
  };
}

/**
 * Firefox prints uncaught errors and unhandled rejections of extension code to stderr. Forward those
 * from our extension's pages and background; content-script errors are left out because BiDi already
 * reports them on the page they ran in.
 */
function watchFirefoxExtensionErrors(
  browser: Browser,
  extensionBaseUrl: string,
  report: (message: string) => void,
): () => void {
  const stderr = browser.process()?.stderr;
  if (!stderr) return () => {};
  const prefix = 'JavaScript error: ';
  let pending = '';
  const onData = (chunk: Buffer | string) => {
    const lines = (pending + chunk.toString()).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.startsWith(prefix + extensionBaseUrl)) continue;
      if (line.startsWith(`${prefix}${extensionBaseUrl}content-scripts/`)) continue;
      report(`uncaught: ${line.slice(prefix.length).trim()}`);
    }
  };
  stderr.on('data', onData);
  return () => stderr.off('data', onData);
}

/**
 * Save a screenshot of `page` to test-results/ if the current test fails. Call it inside a test, right
 * after the page exists; pass a function when the page is created later. Best effort: a screenshot that
 * can not be taken never hides the real failure.
 */
export function screenshotOnFailure(page: Page | (() => Page | undefined), name: string): void {
  onTestFailed(async () => {
    const target = typeof page === 'function' ? page() : page;
    if (target) await saveScreenshot(target, `${name}-failed`);
  });
}

async function saveScreenshot(page: Page, name: string): Promise<void> {
  if (page.isClosed()) return;
  const file = screenshotPath(name);
  await withTimeout(page.screenshot({ path: file }), 10_000, 'taking a screenshot').then(
    () => console.info(`Screenshot of the failure: ${file}`),
    (error: unknown) => console.warn(`Could not take a failure screenshot: ${messageOf(error)}`),
  );
}

/** Where a screenshot called `name` goes: `test-results/<name>.png` at the repository root (created if need be). */
export function screenshotPath(name: string): `${string}.png` {
  const dir = path.join(REPO_ROOT, 'test-results');
  mkdirSync(dir, { recursive: true });
  const safeName = name.replace(/[^A-Za-z0-9._-]+/g, '-');
  return path.join(dir, `${safeName}.png`) as `${string}.png`;
}

/** Fixture pages of this repository. */
export const FIXTURES_DIR = path.join(REPO_ROOT, 'tests/fixtures');
/** Saved real-world pages kept in the repository (origins and licences in its README). */
export const REAL_PAGES_DIR = path.join(FIXTURES_DIR, 'pages');

/**
 * Serve test pages on 127.0.0.1 at a random port: by default `tests/fixtures/` at `/`, which puts the saved
 * real-world pages (`tests/fixtures/pages/`) at `/pages/`. Pass `roots` (URL prefix → directory) to serve others.
 */
export function startFixtureServer(roots: Record<string, string> = { '/': FIXTURES_DIR }): Promise<StaticServer> {
  return startStaticServer(roots);
}

async function closeOrKill(browser: Browser): Promise<void> {
  try {
    await withTimeout(browser.close(), CLOSE_TIMEOUT_MS, 'closing the browser');
  } catch {
    killBrowserProcess(browser);
  }
}

function killBrowserProcess(browser: Browser): void {
  const pid = browser.process()?.pid;
  if (!pid) return;
  // Puppeteer starts the browser as a process-group leader: the negative pid takes its helpers along.
  for (const target of [-pid, pid]) {
    try {
      process.kill(target, 'SIGKILL');
      return;
    } catch {
      // Already gone, or not a group leader: try the next form.
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Ask `probe` until `done` accepts its answer or `timeoutMs` passes, every
 * `everyMs`; resolves with the last answer either way, so the caller's
 * assertion says what was seen.
 */
export async function waitFor<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 5000,
  everyMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await probe();
  while (!done(value) && Date.now() < deadline) {
    await sleep(everyMs);
    value = await probe();
  }
  return value;
}

/** Resolve after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * The highlights that hold Factlens's marks: those painted through `::highlight()` rules, and those
 * it draws in its own layer (on pages too crowded for rules; see src/page/mark-overlay.ts).
 */
export const MARK_HIGHLIGHTS = ['factlens-mention', 'factlens-drawn'] as const;

/** How many ranges the page's highlights `names` hold (all of Factlens's marks by default). */
export function markCount(page: Page, names: string | readonly string[] = MARK_HIGHLIGHTS): Promise<number> {
  return page.evaluate(
    (names: string[]) => names.reduce((sum, name) => sum + (CSS.highlights.get(name)?.size ?? 0), 0),
    typeof names === 'string' ? [names] : [...names],
  );
}

/** The texts Factlens marks on the page, in the order its highlights hold them. */
export function markedTexts(page: Page): Promise<string[]> {
  return page.evaluate(
    (names: string[]) =>
      names.flatMap((name) =>
        [...((CSS.highlights.get(name) ?? []) as unknown as Iterable<AbstractRange>)].map((range) =>
          (range.startContainer as Text).data.slice(range.startOffset, range.endOffset),
        ),
      ),
    [...MARK_HIGHLIGHTS],
  );
}

/**
 * Store `articles` as the user's articles from `control`, an extension page, as the options page would, and
 * wait until the background, having built them, answers for every one of `entityIds`. Returns whether it does.
 */
export async function addUserArticles(
  control: Page,
  articles: readonly object[],
  entityIds: readonly string[],
): Promise<boolean> {
  interface Api {
    storage: { local: { set(items: object): Promise<void> } };
    runtime: { sendMessage(message: unknown): Promise<unknown> };
  }
  await control.evaluate(async (articles: object[]) => {
    const { browser, chrome } = globalThis as unknown as { browser?: Api; chrome: Api };
    await (browser ?? chrome).storage.local.set({ userArticles: { version: 1, articles } });
  }, articles as object[]);
  const answers = await waitFor(
    () =>
      control.evaluate(
        (entityIds: string[], protocol: number) => {
          const { browser, chrome } = globalThis as unknown as { browser?: Api; chrome: Api };
          return Promise.all(
            entityIds.map(
              async (entityId) =>
                (
                  (await (browser ?? chrome).runtime.sendMessage({ type: 'entity/get', entityId, protocol })) as {
                    ok: boolean;
                  }
                ).ok,
            ),
          );
        },
        [...entityIds],
        PROTOCOL_VERSION,
      ),
    (known) => known.every(Boolean),
    30_000,
    200,
  );
  return answers.every(Boolean);
}

/**
 * Store Factlens's settings (the defaults with `changes`) from `control`, an extension page, as the
 * options page would: every content script hears of it through `storage.onChanged`.
 */
export async function writeSettings(control: Page, changes: Partial<Settings>): Promise<void> {
  const record = settingsRecord({ ...DEFAULT_SETTINGS, ...changes });
  await control.evaluate(
    async (key: string, value: unknown) => {
      const { browser, chrome } = globalThis as unknown as {
        browser?: { storage: { local: { set(items: object): Promise<void> } } };
        chrome: { storage: { local: { set(items: object): Promise<void> } } };
      };
      await (browser ?? chrome).storage.local.set({ [key]: value });
    },
    SETTINGS_KEY,
    record,
  );
}

/**
 * The centre, in viewport coordinates, of the first range of the page's highlight `name` that covers
 * `text` (inside the element with id `near`, when given), once its element is scrolled to the middle.
 */
export function highlightCentre(
  page: Page,
  name: string,
  text: string,
  near?: string,
): Promise<{ x: number; y: number } | null> {
  return page.evaluate(
    (name: string, text: string, near: string | null) => {
      for (const range of (CSS.highlights.get(name) ?? []) as unknown as Iterable<AbstractRange>) {
        const node = range.startContainer as Text;
        if (node.data.slice(range.startOffset, range.endOffset) !== text) continue;
        if (near !== null && !node.parentElement?.closest(`#${near}`)) continue;
        const live = document.createRange();
        live.setStart(node, range.startOffset);
        live.setEnd(node, range.endOffset);
        node.parentElement!.scrollIntoView({ block: 'center' });
        const box = live.getClientRects()[0]!;
        return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      }
      return null;
    },
    name,
    text,
    near ?? null,
  );
}

/**
 * Send `message` from `control` (an extension page) to the top frame of every other tab, as the popup
 * does, and return their answers (undefined where a tab has no content script to answer).
 */
export function askTabs(control: Page, message: unknown): Promise<unknown[]> {
  return control.evaluate(async (message: unknown) => {
    interface TabsApi {
      tabs: {
        getCurrent(): Promise<{ id?: number } | undefined>;
        query(query: object): Promise<{ id?: number }[]>;
        sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown>;
      };
    }
    const { browser, chrome } = globalThis as unknown as { browser?: TabsApi; chrome: TabsApi };
    const api = browser ?? chrome;
    const self = await api.tabs.getCurrent();
    const answers: unknown[] = [];
    for (const tab of await api.tabs.query({})) {
      if (tab.id === undefined || tab.id === self?.id) continue;
      answers.push(await api.tabs.sendMessage(tab.id, message, { frameId: 0 }).catch(() => undefined));
    }
    return answers;
  }, message);
}
