/**
 * The content script every frame runs is small, and its other parts load only when a frame needs them.
 *
 * The build (both browsers): `content.js` stays at most 20 KB gzipped, without zod or the popover; the
 * parts it imports are ES modules listed in `web_accessible_resources`, at a per-session URL in Chromium.
 * In the browser: a frame without text loads neither part, a frame with text but no mention only the
 * data part, a frame with a mention fetches the popover before the first hover; the popover's code runs
 * in the content script's world, out of the page's reach, under the page's strictest CSP; and a page can
 * not find Factlens by fetching a part at a fixed URL.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { HTTPRequest, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POPOVER_CSS } from '@/src/ui/popover/styles';
import {
  BROWSERS,
  BUILD_DIRS,
  FIXTURES_DIR,
  collectPageErrors,
  launchWithExtension,
  screenshotOnFailure,
  startFixtureServer,
  type ExtensionSession,
  waitFor,
  sleep,
  markCount,
} from './harness';
import type { StaticServer } from './server';

/** The goal for the script every page and frame evaluates. */
const MAX_CONTENT_SCRIPT_GZIP_BYTES = 20_000;
const PARTS = ['content-data.js', 'content-popover.js', 'content-schemas.js'];

interface WebAccessibleResource {
  resources: string[];
  matches?: string[];
  use_dynamic_url?: boolean;
}

function readBuild(browserName: (typeof BROWSERS)[number]) {
  const dir = BUILD_DIRS[browserName];
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as {
    web_accessible_resources?: WebAccessibleResource[];
  };
  return {
    contentScript: readFileSync(path.join(dir, 'content-scripts/content.js')),
    part: (name: string) => readFileSync(path.join(dir, name), 'utf8'),
    webAccessible: manifest.web_accessible_resources ?? [],
  };
}

describe.each(BROWSERS)('the built content script for %s', (browserName) => {
  it(`is at most ${MAX_CONTENT_SCRIPT_GZIP_BYTES} bytes gzipped, without zod or the popover`, () => {
    const { contentScript } = readBuild(browserName);
    expect(gzipSync(contentScript).length).toBeLessThanOrEqual(MAX_CONTENT_SCRIPT_GZIP_BYTES);
    const code = contentScript.toString('utf8');
    // Zod's schema classes keep their names through minification; the popover's sheet is a string.
    expect(code).not.toContain('ZodMini');
    expect(code).not.toContain(POPOVER_CSS.trim().slice(0, 40));
  });

  it('imports parts that are ES modules pages may load, at a per-session URL where the browser has one', () => {
    const { part, webAccessible } = readBuild(browserName);
    expect(webAccessible).toHaveLength(1);
    const [entry] = webAccessible;
    expect(entry!.resources.sort()).toEqual(PARTS);
    expect(entry!.matches).toEqual(['<all_urls>']);
    // Firefox has no such key: its extension URLs are random per install.
    expect(entry!.use_dynamic_url).toBe(browserName === 'chromium' ? true : undefined);
    expect(part('content-popover.js')).toContain(POPOVER_CSS.trim().slice(0, 40));
    // The first marks wait for the data part only: zod and the schemas are in a part of their own.
    expect(part('content-schemas.js')).toContain('ZodMini');
    expect(part('content-data.js')).not.toContain('ZodMini');
    for (const name of PARTS) {
      const code = part(name);
      expect(code, name).toMatch(/\bexport\s*\{[^}]*\bdefault\b[^}]*\}\s*;?\s*$/);
      // They run in pages too: no channel a page could post to.
      expect(code, name).not.toMatch(/addEventListener\(\s*["'`]message["'`]/);
      expect(code, name).not.toMatch(/window\.onmessage\s*=/);
    }
  });
});

/** Rest the pointer on the first marked `text` and resolve with the popover's text once it shows it. */
async function hoverMention(page: Page, text: string): Promise<string> {
  const centre = await page.evaluate((text: string) => {
    for (const range of (CSS.highlights.get('factlens-mention') ?? []) as unknown as Iterable<AbstractRange>) {
      const node = range.startContainer as Text;
      if (node.data.slice(range.startOffset, range.endOffset) !== text) continue;
      const live = document.createRange();
      live.setStart(node, range.startOffset);
      live.setEnd(node, range.endOffset);
      const box = live.getClientRects()[0];
      if (box) return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    }
    return null;
  }, text);
  expect(centre, `a mark of ${text}`).not.toBeNull();
  await page.mouse.move(centre!.x - 30, centre!.y + 40);
  await page.mouse.move(centre!.x, centre!.y, { steps: 4 });
  return waitFor(
    () =>
      page.evaluate(
        () =>
          document.querySelector('factlens-root')?.shadowRoot?.querySelector('.fl-layer.fl-open')?.textContent ?? '',
      ),
    (shown) => shown.includes(text),
    8000,
  );
}

describe.each(BROWSERS)('the content script parts in %s', (browserName) => {
  let session: ExtensionSession;
  let server: StaticServer;
  let pagesDir: string;

  beforeAll(async () => {
    pagesDir = mkdtempSync(path.join(tmpdir(), 'factlens-parts-'));
    writeFileSync(path.join(pagesDir, 'no-text.html'), '<!doctype html><body><div><img alt=""></div></body>');
    writeFileSync(
      path.join(pagesDir, 'no-mention.html'),
      '<!doctype html><meta charset="utf-8"><body><p>Plain words about the weather, and nothing else.</p></body>',
    );
    server = await startFixtureServer({ '/': FIXTURES_DIR, '/gen/': pagesDir });
    session = await launchWithExtension(browserName);
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
    if (pagesDir) rmSync(pagesDir, { recursive: true, force: true });
  });

  // Chromium reports a content script's module loads among the page's requests; Firefox does not.
  if (browserName === 'chromium') {
    it('loads no part in a frame without text, only the data part for text without mentions, the popover and the schemas once a mention is marked', async () => {
      const page = await session.browser.newPage();
      const loaded: string[] = [];
      page.on('request', (request: HTTPRequest) => {
        const url = request.url();
        if (/^chrome-extension:\/\//.test(url)) loaded.push(url);
      });
      const partsLoaded = () => PARTS.filter((name) => loaded.some((url) => url.endsWith(`/${name}`)));

      await page.goto(`${server.origin}/gen/no-text.html`, { waitUntil: 'load' });
      await sleep(1500);
      expect(partsLoaded()).toEqual([]);

      await page.goto(`${server.origin}/gen/no-mention.html`, { waitUntil: 'load' });
      expect(
        await waitFor(
          async () => partsLoaded(),
          (parts) => parts.length > 0,
        ),
      ).toEqual(['content-data.js']);
      await sleep(1500);
      expect(partsLoaded()).toEqual(['content-data.js']);

      loaded.length = 0;
      await page.goto(`${server.origin}/seed-entities.html`, { waitUntil: 'load' });
      await waitFor(
        () => markCount(page),
        (count) => count >= 10,
      );
      // The popover fetched while the page is idle after the first marks, before any pointer moves; the
      // schemas to send the toolbar badge's counts.
      expect(
        await waitFor(
          async () => partsLoaded(),
          (parts) => parts.length === 3,
          5000,
        ),
      ).toEqual(PARTS);
      // First from the per-session URL: the fixed one is only ever Chromium's own mapping of it.
      expect(loaded[0]).not.toContain(session.extensionBaseUrl);
      await page.close();
    });
  }

  it("runs the popover in the content script's world, out of the page's reach, under default-src 'none'", async () => {
    const page = await session.browser.newPage();
    collectPageErrors(page);
    screenshotOnFailure(page, `content-parts-world-${browserName}`);
    // The page wraps attachShadow in its own world: code running there would be seen calling it.
    await page.evaluateOnNewDocument(() => {
      const calls: string[] = [];
      (window as unknown as { __shadowCalls: string[] }).__shadowCalls = calls;
      const original = Element.prototype.attachShadow;
      Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
        calls.push(this.localName);
        return original.call(this, init);
      };
    });
    await page.setViewport({ width: 1000, height: 700 });
    await page.goto(`${server.origin}/hostile/strict-csp.html`, { waitUntil: 'load' });
    await waitFor(
      () => markCount(page),
      (count) => count >= 2,
    );
    expect(await hoverMention(page, 'TikTok')).toContain('TikTok');
    const shadowCalls = () => page.evaluate(() => (window as unknown as { __shadowCalls: string[] }).__shadowCalls);
    expect(await shadowCalls()).toEqual([]);
    // The page's wrapper works: its own call is seen.
    await page.evaluate(() => void document.createElement('section').attachShadow({ mode: 'open' }));
    expect(await shadowCalls()).toEqual(['section']);
    const errors = await collectPageErrors(page).read();
    // Firefox reports the page's own favicon request, blocked by the page's policy; that is not Factlens.
    expect(errors.filter((error) => !/\(img-src\) at \S+\/favicon\.ico/.test(error))).toEqual([]);
    await page.close();
  });

  // Firefox's extension URLs hold a random per-install id, which a page can not know.
  if (browserName === 'chromium') {
    it('does not let a page load its parts at the fixed extension URL', async () => {
      const page = await session.browser.newPage();
      await page.goto(`${server.origin}/gen/no-mention.html`, { waitUntil: 'load' });
      const outcomes = await page.evaluate(
        (urls: string[]) =>
          Promise.all(
            urls.map((url) =>
              fetch(url).then(
                (response) => `loaded (${response.status})`,
                () => 'refused',
              ),
            ),
          ),
        PARTS.map((name) => `${session.extensionBaseUrl}${name}`),
      );
      expect(outcomes).toEqual(PARTS.map(() => 'refused'));
      await page.close();
    });
  }
});
