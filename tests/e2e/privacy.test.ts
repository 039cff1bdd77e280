/**
 * Privacy and isolation in the built extension, in Chromium and Firefox: Factlens makes no network
 * request while it marks a page, shows a popover and searches; a page can not steer it through
 * `postMessage` or events; the background survives malformed messages; the built extension pages carry
 * no inline script and the manifest allows no eval or inline code.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '@/src/messages/client';
import {
  BROWSERS,
  BUILD_DIRS,
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

/** The extension API the control page uses (`browser` in Firefox, `chrome` in Chromium). */
interface RuntimeApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}

function filesUnder(dir: string, extension: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return filesUnder(full, extension);
    return name.endsWith(extension) ? [full] : [];
  });
}

describe.each(BROWSERS)('privacy in %s', (browserName) => {
  let session: ExtensionSession;
  let server: StaticServer;
  const buildDir = BUILD_DIRS[browserName];

  beforeAll(async () => {
    server = await startFixtureServer();
    session = await launchWithExtension(browserName);
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('makes no network request while marking a page, showing a popover and searching', async () => {
    const requests: string[] = [];
    const record = (page: Page) => page.on('request', (request) => requests.push(request.url()));

    if (browserName === 'chromium') {
      // The background service worker's own requests, seen through its DevTools session.
      const worker = await session.browser.waitForTarget(
        (target) => target.type() === 'service_worker' && target.url().startsWith(session.extensionBaseUrl),
      );
      const cdp = await worker.createCDPSession();
      cdp.on('Network.requestWillBeSent', (event) => requests.push(event.request.url));
      await cdp.send('Network.enable');
    }

    const page = await session.browser.newPage();
    record(page);
    collectPageErrors(page);
    // Anything posted to the page's window (by anyone) during the test is recorded in the main world.
    await page.evaluateOnNewDocument(() => {
      const posted: string[] = [];
      (window as unknown as { __posted: string[] }).__posted = posted;
      window.addEventListener('message', (event) => posted.push(JSON.stringify(event.data)));
    });
    await page.setViewport({ width: 1000, height: 700 });
    screenshotOnFailure(page, `privacy-network-${browserName}`);
    await page.goto(`${server.origin}/seed-entities.html`, { waitUntil: 'load' });
    await waitFor(
      () => markCount(page),
      (count) => count >= 10,
    );

    // Hover the first TikTok mark: the popover asks the background for its facts.
    const centre = await page.evaluate(() => {
      for (const range of (CSS.highlights.get('factlens-mention') ?? []) as unknown as Iterable<AbstractRange>) {
        const node = range.startContainer as Text;
        if (node.data.slice(range.startOffset, range.endOffset) !== 'TikTok') continue;
        node.parentElement?.scrollIntoView({ block: 'center' });
        const live = document.createRange();
        live.setStart(node, range.startOffset);
        live.setEnd(node, range.endOffset);
        const box = live.getClientRects()[0];
        if (box) return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      }
      return null;
    });
    expect(centre).not.toBeNull();
    await page.mouse.move(centre!.x - 30, centre!.y + 40);
    await page.mouse.move(centre!.x, centre!.y, { steps: 4 });
    const shown = await waitFor(
      () =>
        page.evaluate(
          () =>
            document.querySelector('factlens-root')?.shadowRoot?.querySelector('.fl-layer.fl-open')?.textContent ?? '',
        ),
      (text) => text.includes('TikTok'),
      8000,
    );
    expect(shown).toContain('TikTok');

    const popup = await session.openExtensionPage('popup.html', '#fl-search-input');
    record(popup);
    await popup.type('#fl-search-input', 'TikTok');
    await popup.waitForFunction(() => document.querySelectorAll('[role=option]').length > 0, { timeout: 15_000 });
    await sleep(500);

    // Chromium serves the content script's modules at the extension's per-session URL (use_dynamic_url).
    const dynamicBase = await popup.evaluate(() => {
      const id = (globalThis as { chrome?: { runtime?: { dynamicId?: string } } }).chrome?.runtime?.dynamicId;
      return id ? `chrome-extension://${id}/` : null;
    });
    const allowed = (url: string) =>
      url.startsWith(`${server.origin}/`) ||
      url.startsWith(session.extensionBaseUrl) ||
      (dynamicBase !== null && url.startsWith(dynamicBase)) ||
      url.startsWith('data:') ||
      url === 'about:blank';
    expect(requests.filter((url) => !allowed(url))).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __posted: string[] }).__posted)).toEqual([]);
    // The recording worked: the page's own load was seen.
    expect(requests).toContain(`${server.origin}/seed-entities.html`);
    expect(await collectPageErrors(page).read()).toEqual([]);
  });

  it('ignores forged window messages and events from the page', async () => {
    const page = await session.browser.newPage();
    collectPageErrors(page);
    await page.setViewport({ width: 1000, height: 700 });
    await page.goto(`${server.origin}/seed-entities.html`, { waitUntil: 'load' });
    await waitFor(
      () => markCount(page),
      (count) => count >= 10,
    );
    const before = await page.evaluate(() => window.scrollY);
    await page.evaluate(() => {
      for (const type of ['mentions/navigate', 'page/jump', 'page/jump-figure', 'page/list', 'factbase/changed']) {
        window.postMessage({ type, direction: 'next', entityId: 'tiktok' }, '*');
        document.dispatchEvent(new CustomEvent(type, { detail: { direction: 'next' } }));
        window.dispatchEvent(new CustomEvent('factlens', { detail: { type, direction: 'next' } }));
      }
    });
    await sleep(1000);
    expect(await markCount(page, 'factlens-active')).toBe(0);
    expect(
      await page.evaluate(() => !!document.querySelector('factlens-root')?.shadowRoot?.querySelector('.fl-open')),
    ).toBe(false);
    expect(await page.evaluate(() => window.scrollY)).toBe(before);

    // WXT's content-script context stops itself when a document event says a newer copy of the script
    // started. The event's name is built from the extension id, which is public (the gecko id is in the
    // manifest; a Chrome id is in the store URL), so a page can forge it. Factlens must keep marking.
    // Control: text added before any forgery is marked.
    await page.evaluate(() => {
      const added = document.createElement('p');
      added.id = 'added-before-forgery';
      added.textContent = 'Added first: Microsoft.';
      document.body.append(added);
    });
    const markedAdded = (id: string) =>
      page.evaluate(
        (id: string) =>
          [...((CSS.highlights.get('factlens-mention') ?? []) as unknown as Iterable<AbstractRange>)].some(
            (range) => (range.startContainer.parentElement as Element | null)?.id === id,
          ),
        id,
      );
    expect(
      await waitFor(
        () => markedAdded('added-before-forgery'),
        (found) => found,
        4000,
      ),
    ).toBe(true);

    const extensionId =
      browserName === 'firefox' ? 'factlens@factlens.dev' : new URL(session.extensionBaseUrl).hostname;
    await page.evaluate((extensionId: string) => {
      document.dispatchEvent(
        new CustomEvent(`${extensionId}:content:wxt:content-script-started`, {
          detail: { contentScriptName: 'content', messageId: 'forged-by-the-page' },
        }),
      );
      const added = document.createElement('p');
      added.id = 'added-after-forgery';
      added.textContent = 'Added later: Microsoft.';
      document.body.append(added);
    }, extensionId);
    const markedLater = await waitFor(
      () => markedAdded('added-after-forgery'),
      (found) => found,
      4000,
    );
    expect(markedLater, 'text added after a forged "newer script" event is still marked').toBe(true);
    expect(await collectPageErrors(page).read()).toEqual([]);
  });

  it('keeps answering after malformed messages to the background', async () => {
    const popup = await session.openExtensionPage('popup.html', 'body');
    const answers = await popup.evaluate(async (protocol: number) => {
      const { browser, chrome } = globalThis as unknown as { browser?: RuntimeApi; chrome: RuntimeApi };
      const api = browser ?? chrome;
      const malformed: unknown[] = [
        'stats/get',
        null,
        { type: 42 },
        { type: 'entity/get' },
        { type: 'search/query', query: { toString: 1 } },
        { type: 'no/such/type' },
        { type: 'mentions/report', counts: 'all' },
      ];
      const results: string[] = [];
      for (const message of malformed) {
        try {
          results.push(JSON.stringify((await api.runtime.sendMessage(message)) ?? null));
        } catch (error) {
          results.push(`rejected: ${String(error)}`);
        }
      }
      const stats = (await api.runtime.sendMessage({ type: 'stats/get', protocol })) as { ok?: boolean };
      return { results, statsOk: stats?.ok === true };
    }, PROTOCOL_VERSION);
    expect(answers.results).toHaveLength(7);
    // None of them was answered as a success.
    expect(answers.results.filter((result) => result.includes('"ok":true'))).toEqual([]);
    expect(answers.statsOk).toBe(true);
  });

  it('answers a request of another protocol version outdated, as to a content script left by an update', async () => {
    const popup = await session.openExtensionPage('popup.html', 'body');
    const answers = await popup.evaluate(async (protocol: number) => {
      const { browser, chrome } = globalThis as unknown as { browser?: RuntimeApi; chrome: RuntimeApi };
      const api = browser ?? chrome;
      return Promise.all([
        api.runtime.sendMessage({ type: 'matcher/get' }),
        api.runtime.sendMessage({ type: 'entity/get', entityId: 'tiktok', protocol: protocol + 1 }),
        api.runtime.sendMessage({ type: 'stats/get', protocol }),
      ]);
    }, PROTOCOL_VERSION);
    expect(answers[0]).toMatchObject({ ok: false, outdated: true, error: expect.stringMatching(/^outdated: /) });
    expect(answers[1]).toMatchObject({ ok: false, outdated: true });
    expect(answers[2]).toMatchObject({ ok: true });
  });

  it('ships no postMessage channel, no inline scripts and no unsafe CSP', () => {
    expect(existsSync(path.join(buildDir, 'manifest.json'))).toBe(true);
    const contentScripts = filesUnder(path.join(buildDir, 'content-scripts'), '.js');
    expect(contentScripts.length).toBeGreaterThan(0);
    for (const file of contentScripts) {
      const code = readFileSync(file, 'utf8');
      // (A private MessageChannel, used to yield to the page, is no channel to the page: not matched here.)
      expect(code, file).not.toMatch(/addEventListener\(\s*["'`]message["'`]/);
      expect(code, file).not.toMatch(/window\.onmessage\s*=/);
    }

    const pages = filesUnder(buildDir, '.html');
    expect(pages.length).toBeGreaterThan(0);
    for (const file of pages) {
      const html = readFileSync(file, 'utf8');
      const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter(
        ([, attributes, body]) => !/\bsrc\s*=/.test(attributes ?? '') && (body ?? '').trim() !== '',
      );
      expect(inline, file).toEqual([]);
      expect(html, file).not.toMatch(/\son[a-z]+\s*=/i);
    }

    const manifest = JSON.parse(readFileSync(path.join(buildDir, 'manifest.json'), 'utf8')) as {
      content_security_policy?: Record<string, string>;
    };
    for (const policy of Object.values(manifest.content_security_policy ?? {})) {
      expect(policy).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval|https?:/);
    }
  });
});
