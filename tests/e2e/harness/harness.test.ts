/**
 * Checks of the harness itself, so that a browser test that passes means what it says: the content
 * script really runs on served pages, and errors really reach `collectPageErrors` in both browsers.
 *
 * The real content script shows nothing yet, so these tests load a probe: a copy of the built extension
 * whose content script also marks `<html>` (and throws on request). Everything else, manifest included,
 * is the build under test.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, appendFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BROWSERS,
  BUILD_DIRS,
  collectPageErrors,
  findBrowserExecutable,
  FIXTURES_DIR,
  launchWithExtension,
  parseBrowserList,
  screenshotOnFailure,
  startFixtureServer,
  type BrowserName,
  type ExtensionSession,
} from '../harness';

const PROBE_ATTRIBUTE = 'data-factlens-harness-probe';
const PROBE_THROW_HASH = '#harness-probe-throw';

/** Copy the build and make its content scripts announce themselves. */
function buildProbeExtension(browserName: BrowserName): string {
  const probeDir = mkdtempSync(path.join(tmpdir(), `factlens-probe-${browserName}-`));
  cpSync(BUILD_DIRS[browserName], probeDir, { recursive: true });
  const manifest = JSON.parse(readFileSync(path.join(probeDir, 'manifest.json'), 'utf8')) as {
    content_scripts?: { js?: string[] }[];
  };
  const scripts = (manifest.content_scripts ?? []).flatMap((entry) => entry.js ?? []);
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) {
    appendFileSync(
      path.join(probeDir, script),
      `\n;document.documentElement.setAttribute(${JSON.stringify(PROBE_ATTRIBUTE)}, 'ran');` +
        `\nif (location.hash === ${JSON.stringify(PROBE_THROW_HASH)}) setTimeout(() => { throw new Error('harness-probe: content script threw'); });\n`,
    );
  }
  return probeDir;
}

describe.each(BROWSERS)('harness in %s', (browserName) => {
  let session: ExtensionSession | undefined;
  let server: Awaited<ReturnType<typeof startFixtureServer>> | undefined;
  let probeDir: string | undefined;

  beforeAll(async () => {
    probeDir = buildProbeExtension(browserName);
    server = await startFixtureServer();
    session = await launchWithExtension(browserName, { extensionDir: probeDir });
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
    if (probeDir) rmSync(probeDir, { recursive: true, force: true });
  });

  it('knows the extension base URL', () => {
    const pattern =
      browserName === 'chromium' ? /^chrome-extension:\/\/[a-p]{32}\/$/ : /^moz-extension:\/\/[0-9a-f-]{36}\/$/;
    expect(session!.extensionBaseUrl).toMatch(pattern);
  });

  it.each(['seed-entities.html', 'credo-petition.html'])(
    'runs the content script on %s served from 127.0.0.1',
    async (fixture) => {
      const page = await session!.openPage(`${server!.origin}/${fixture}`);
      screenshotOnFailure(page, `harness-${browserName}-${fixture}`);
      await page.waitForSelector(`html[${PROBE_ATTRIBUTE}=ran]`, { timeout: 10_000 });
      expect(await page.title()).not.toBe('');
      expect(await collectPageErrors(page).read()).toEqual([]);
      await page.close();
    },
  );

  it('the seed fixture builds its shadow-root widget', async () => {
    const page = await session!.openPage(`${server!.origin}/seed-entities.html`);
    const shadowText = await page.$eval('#shadow-host', (host) => host.shadowRoot?.textContent ?? '');
    expect(shadowText).toContain('ByteDance');
    await page.close();
  });

  it('collects console errors, uncaught errors and rejections of extension pages', async () => {
    const popup = await session!.openExtensionPage('popup.html', '[data-testid=stats]');
    const errors = collectPageErrors(popup);
    await popup.evaluate(() => {
      console.error('harness-probe: console');
      setTimeout(() => {
        throw new Error('harness-probe: thrown');
      });
      void Promise.reject(new Error('harness-probe: rejected'));
    });
    await expect
      .poll(() => errors.read(), { timeout: 10_000 })
      .toEqual(
        expect.arrayContaining([
          expect.stringContaining('harness-probe: console'),
          expect.stringContaining('harness-probe: thrown'),
          expect.stringContaining('harness-probe: rejected'),
        ]),
      );
    await popup.close();
  });

  it('collects console errors and uncaught errors of ordinary pages', async () => {
    const page = await session!.openPage(`${server!.origin}/credo-petition.html`);
    const errors = collectPageErrors(page);
    await page.evaluate(() => {
      console.error('harness-probe: page console');
      setTimeout(() => {
        throw new Error('harness-probe: page thrown');
      });
    });
    await expect
      .poll(() => errors.read(), { timeout: 10_000 })
      .toEqual(
        expect.arrayContaining([
          expect.stringContaining('harness-probe: page console'),
          expect.stringContaining('harness-probe: page thrown'),
        ]),
      );
    await page.close();
  });

  it('collects errors thrown by the content script on the page it runs in', async () => {
    const page = await session!.openPage(`${server!.origin}/credo-petition.html${PROBE_THROW_HASH}`);
    const errors = collectPageErrors(page);
    await expect
      .poll(() => errors.read(), { timeout: 10_000 })
      .toEqual([expect.stringContaining('harness-probe: content script threw')]);
    await page.close();
  });

  it('refuses a page the build does not contain, quickly and by name', async () => {
    await expect(session!.openExtensionPage('no-such-page.html', 'body')).rejects.toThrow(/no-such-page\.html/);
  });

  it('names the environment variable when the browser executable is missing', () => {
    const envVar = browserName === 'chromium' ? 'CHROMIUM_PATH' : 'FIREFOX_PATH';
    expect(() => findBrowserExecutable(browserName, { [envVar]: '/nonexistent/browser' })).toThrow(envVar);
  });
});

describe('browser list', () => {
  it.each([
    [undefined, ['chromium', 'firefox']],
    ['', ['chromium', 'firefox']],
    ['chromium', ['chromium']],
    ['firefox, chromium', ['firefox', 'chromium']],
  ])('FACTLENS_BROWSERS=%j means %j', (value, expected) => {
    expect(parseBrowserList(value)).toEqual(expected);
  });

  it('rejects an unknown browser name instead of skipping it', () => {
    expect(() => parseBrowserList('chromium,safari')).toThrow(/safari/);
  });
});

describe('fixture server', () => {
  let server: Awaited<ReturnType<typeof startFixtureServer>> | undefined;
  let extraDir: string | undefined;

  beforeAll(async () => {
    extraDir = mkdtempSync(path.join(tmpdir(), 'factlens-server-'));
    mkdirSync(path.join(extraDir, 'nested'));
    writeFileSync(path.join(extraDir, 'nested', 'index.html'), '<p>nested index</p>');
    server = await startFixtureServer({ '/': FIXTURES_DIR, '/extra/': extraDir });
  });

  afterAll(async () => {
    await server?.close();
    if (extraDir) rmSync(extraDir, { recursive: true, force: true });
  });

  it('serves fixture pages as HTML from 127.0.0.1', async () => {
    expect(server!.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${server!.origin}/seed-entities.html`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toContain('TikTok');
  });

  it('serves other directories under their prefix, with index.html for folders', async () => {
    const response = await fetch(`${server!.origin}/extra/nested/`);
    expect(await response.text()).toBe('<p>nested index</p>');
  });

  it('answers 404 for missing files and for paths that climb out of the served folder', async () => {
    expect((await fetch(`${server!.origin}/missing.html`)).status).toBe(404);
    // fetch() would normalise "..", so send the raw path.
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const { hostname, port } = new URL(server!.origin);
      request({ hostname, port, path: '/..%2F..%2Fpackage.json' }, (response) => {
        response.resume();
        resolve(response.statusCode);
      })
        .on('error', reject)
        .end();
    });
    expect(status).toBe(404);
  });
});
