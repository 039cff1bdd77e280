/**
 * Launching the browsers the benchmark drives: with the built extension, or
 * without it for the in-page measurements (so nothing else runs on the page's
 * main thread). Unlike the test harness, every host but 127.0.0.1 fails at
 * once: the saved pages reference hundreds of remote resources, and waiting
 * for each lookup to fail made a single page load take ten seconds.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { CHROMIUM_ARGS, findBrowserExecutable, type BrowserName } from '../tests/e2e/harness';

/** A launched browser and, when loaded, the extension's origin. */
export interface BenchBrowser {
  name: BrowserName;
  browser: Browser;
  /** `chrome-extension://<id>/` or `moz-extension://<uuid>/`; null without the extension. */
  extensionBaseUrl: string | null;
  close(): Promise<void>;
}

/** The viewport every page is opened in. */
export const VIEWPORT = { width: 1280, height: 800 };

/** The tests' flags, plus timers at full speed in background tabs and a lookup that fails at once for every remote host. */
const BENCH_CHROMIUM_ARGS = [
  ...CHROMIUM_ARGS,
  '--disable-renderer-backgrounding',
  '--disable-background-timer-throttling',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

/** Firefox sends every remote request to a closed local port, where it fails at once. */
const FIREFOX_OFFLINE_PREFS = {
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': 59_999,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': 59_999,
  'network.proxy.no_proxies_on': '127.0.0.1',
  'network.proxy.allow_hijacking_localhost': false,
};

/** Launch `name` headless, with the unpacked extension in `extensionDir` when given. */
export async function launchBenchBrowser(name: BrowserName, extensionDir: string | null): Promise<BenchBrowser> {
  const executablePath = findBrowserExecutable(name);
  const uuid = randomUUID();
  const geckoId = extensionDir && name === 'firefox' ? geckoIdOf(extensionDir) : null;
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    defaultViewport: VIEWPORT,
    timeout: 60_000,
    protocolTimeout: 180_000,
    ...(name === 'chromium'
      ? { browser: 'chrome' as const, enableExtensions: extensionDir !== null, args: BENCH_CHROMIUM_ARGS }
      : {
          browser: 'firefox' as const,
          args: ['--remote-allow-system-access'],
          extraPrefsFirefox: {
            ...FIREFOX_OFFLINE_PREFS,
            ...(geckoId ? { 'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }) } : {}),
          },
        }),
  });
  const close = async () => {
    await Promise.race([browser.close(), new Promise((resolve) => setTimeout(resolve, 10_000))]);
    const pid = browser.process()?.pid;
    if (pid && browser.connected) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  };
  if (!extensionDir) return { name, browser, extensionBaseUrl: null, close };
  try {
    const id = await browser.installExtension(path.resolve(extensionDir));
    const extensionBaseUrl = name === 'chromium' ? `chrome-extension://${id}/` : `moz-extension://${uuid}/`;
    if (name === 'chromium') {
      await browser.waitForTarget(
        (target) => target.type() === 'service_worker' && target.url().startsWith(extensionBaseUrl),
        { timeout: 30_000 },
      );
    }
    return { name, browser, extensionBaseUrl, close };
  } catch (error) {
    await close();
    throw error;
  }
}

function geckoIdOf(extensionDir: string): string {
  const manifest = JSON.parse(readFileSync(path.join(extensionDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${extensionDir}/manifest.json has no gecko id`);
  return id;
}
