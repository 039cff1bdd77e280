/**
 * The extension is reloaded (as an update or a developer's reload does) while a marked page is open:
 * the page must keep its text and log no errors, the old content script must leave nothing that
 * misbehaves (at most one popover host, hovering throws nothing), a content script must work on the page
 * again, and the user's settings and articles must survive. Chromium and Firefox, with the built extension.
 *
 * How each browser reloads, as measured here (Chromium 156 headless over CDP, Firefox ESR 153 over BiDi):
 * - Chromium: `runtime.reload()` unloads an extension loaded through CDP (`Extensions.loadUnpacked`, which
 *   puppeteer's installExtension uses) and never brings it back (its pages fail with ERR_BLOCKED_BY_CLIENT).
 *   Loading the same directory again reloads it in place under the same id, as the reload button of
 *   chrome://extensions does, so that is what the test does. Chromium injects nothing into open tabs: the
 *   old copy tears itself down once it notices its runtime is gone, and the page is marked again on reload.
 * - Firefox: `runtime.reload()` from an extension page reloads the temporary add-on. Firefox unloads the old
 *   copy without running its teardown and injects the new copy into open tabs, which marks the page at once.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '@/src/messages/client';
import { SETTINGS_KEY, SETTINGS_VERSION } from '@/src/settings/schema';
import { USER_ARTICLES_KEY, USER_ARTICLES_VERSION, type UserArticle } from '@/src/user-articles/schema';
import {
  BROWSERS,
  collectPageErrors,
  launchWithExtension,
  screenshotOnFailure,
  screenshotPath,
  startFixtureServer,
  type BrowserName,
  type ExtensionSession,
  sleep,
} from './harness';
import type { StaticServer } from './server';

const ARTICLE: UserArticle = {
  id: 'user-brightwater-tiktok-renews-cloud-contract',
  title: 'Brightwater Ledger: TikTok renews its cloud contract for two more years',
  date: '2025-11-12',
  source: 'Brightwater Ledger',
  body: 'TikTok renewed its cloud computing contract with Microsoft for two more years, people familiar with the deal said.',
  addedAt: '2025-11-12T09:30:00.000Z',
};
const STORED = {
  [SETTINGS_KEY]: { version: SETTINGS_VERSION, changes: { highlightStyle: 'tint', hoverDelayMs: 150 } },
  [USER_ARTICLES_KEY]: { version: USER_ARTICLES_VERSION, articles: [ARTICLE] },
};

/** The extension API inside one of its pages. */
interface PageApi {
  storage: { local: { get(keys: null): Promise<Record<string, unknown>>; set(items: object): Promise<void> } };
  runtime: { sendMessage(message: unknown): Promise<unknown>; reload(): void };
}

/** Everything the extension stored, read in one of its pages. */
function readStorage(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(() => {
    const scope = globalThis as unknown as { browser?: PageApi; chrome?: PageApi };
    return (scope.browser ?? scope.chrome!).storage.local.get(null);
  });
}

/** Wait until the background serves the user's article (it merges stored articles at start and on change). */
async function waitForArticleServed(page: Page): Promise<void> {
  await page.waitForFunction(
    async (storyId: string, protocol: number) => {
      const scope = globalThis as unknown as { browser?: PageApi; chrome?: PageApi };
      const answer = (await (scope.browser ?? scope.chrome!).runtime.sendMessage({
        type: 'story/get',
        storyId,
        protocol,
      })) as {
        ok?: boolean;
      };
      return answer?.ok === true;
    },
    { polling: 200, timeout: 15_000 },
    ARTICLE.id,
    PROTOCOL_VERSION,
  );
}

/** What the page is, without Factlens: its serialised DOM with our hosts taken out, and its visible text. */
function pageWithoutFactlens(page: Page): Promise<{ html: string; text: string }> {
  return page.evaluate((hostTag: string) => {
    const copy = document.documentElement.cloneNode(true) as Element;
    for (const host of copy.querySelectorAll(hostTag)) host.remove();
    return { html: copy.outerHTML, text: document.body.innerText };
  }, 'factlens-root');
}

/** How Factlens shows on the page now: marks, hosts, and the text of each open popover. */
interface FactlensOnPage {
  marks: number;
  hosts: number;
  openPopovers: string[];
}

function factlensOnPage(page: Page): Promise<FactlensOnPage> {
  return page.evaluate(() => {
    const hosts = [...document.querySelectorAll('factlens-root')];
    return {
      marks: CSS.highlights.get('factlens-mention')?.size ?? 0,
      hosts: hosts.length,
      openPopovers: hosts
        .map((host) => host.shadowRoot?.querySelector('.fl-layer.fl-open:not(.fl-hidden)')?.textContent ?? null)
        .filter((text): text is string => text !== null),
    };
  });
}

async function waitForState(
  page: Page,
  accept: (state: FactlensOnPage) => boolean,
  timeoutMs = 10_000,
): Promise<FactlensOnPage> {
  const deadline = Date.now() + timeoutMs;
  let state = await factlensOnPage(page);
  while (!accept(state) && Date.now() < deadline) {
    await sleep(100);
    state = await factlensOnPage(page);
  }
  return state;
}

/** Rest the pointer on "TikTok" in the first paragraph (found in the text, so it works with or without marks). */
async function hoverTikTok(page: Page): Promise<void> {
  const centre = await page.evaluate(() => {
    const text = document.getElementById('lede')!.firstChild as Text;
    const start = text.data.indexOf('TikTok');
    const range = document.createRange();
    range.setStart(text, start);
    range.setEnd(text, start + 'TikTok'.length);
    const box = range.getBoundingClientRect();
    return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
  });
  await page.mouse.move(centre.x - 30, centre.y + 40);
  await page.mouse.move(centre.x, centre.y, { steps: 4 });
}

/** Reload the extension the way this browser allows under automation (see the header). */
async function reloadExtension(session: ExtensionSession, control: Page, browserName: BrowserName): Promise<void> {
  if (browserName === 'chromium') {
    await session.browser.installExtension(session.extensionDir);
    return;
  }
  await control.evaluate(() => {
    const scope = globalThis as unknown as { browser?: PageApi; chrome?: PageApi };
    const api = (scope.browser ?? scope.chrome!).runtime;
    // After this call returns: the page that asks is closed by the reload.
    setTimeout(() => api.reload(), 0);
  });
  // Firefox leaves the tab open but takes the extension out of it: wait until the page has lost its API.
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const alive = await control
      .evaluate(() => {
        const scope = globalThis as unknown as { browser?: { runtime?: { id?: string } } };
        return Boolean(scope.browser?.runtime?.id);
      })
      .catch(() => false);
    if (!alive) return;
    await sleep(100);
  }
  throw new Error('the extension did not reload within 15 s');
}

/** Open an extension page, retrying while the extension is still coming back from a reload. */
async function openWhenBack(session: ExtensionSession, pagePath: string, selector: string): Promise<Page> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      return await session.openExtensionPage(pagePath, selector);
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(500);
    }
  }
}

describe.each(BROWSERS)('extension reload in %s', (browserName) => {
  let session: ExtensionSession;
  let server: StaticServer;

  beforeAll(async () => {
    [session, server] = await Promise.all([launchWithExtension(browserName), startFixtureServer()]);
  });

  afterAll(async () => {
    await Promise.all([session?.close(), server?.close()]);
  });

  it('leaves an open page intact and working, with one popover host, and keeps settings and articles', async () => {
    // The user's data: changed settings and an article of their own that names TikTok.
    const control = await session.openExtensionPage('options.html', '#highlighting');
    await control.evaluate(async (items: object) => {
      const scope = globalThis as unknown as { browser?: PageApi; chrome?: PageApi };
      await (scope.browser ?? scope.chrome!).storage.local.set(items);
    }, STORED);
    await waitForArticleServed(control);
    const storedBefore = await readStorage(control);
    expect(storedBefore).toMatchObject(STORED);

    const page = await session.openPage(`${server.origin}/cloud-deal-brief.html`);
    screenshotOnFailure(page, `lifecycle-${browserName}`);
    await page.setViewport({ width: 1000, height: 800 });
    const errors = collectPageErrors(page);
    const marked = await waitForState(page, (state) => state.marks >= 3);
    expect(marked.marks).toBeGreaterThanOrEqual(3);
    await hoverTikTok(page);
    const shown = await waitForState(page, (state) => state.openPopovers.some((text) => text.includes(ARTICLE.title)));
    expect(shown.openPopovers).toEqual([expect.stringContaining(ARTICLE.title)]);
    await page.mouse.move(5, 5);
    await waitForState(page, (state) => state.openPopovers.length === 0);
    const pageBefore = await pageWithoutFactlens(page);
    if (browserName === 'firefox') {
      // The reader is looking at a popover when the extension updates.
      await hoverTikTok(page);
      await waitForState(page, (state) => state.openPopovers.length === 1);
    }

    await reloadExtension(session, control, browserName);
    const options = await openWhenBack(session, 'options.html', '#highlighting');
    screenshotOnFailure(options, `lifecycle-options-${browserName}`);

    // The old copy is orphaned now. The page's own content is untouched and a hover breaks nothing.
    await page.bringToFront();
    expect(await pageWithoutFactlens(page)).toEqual(pageBefore);
    if (browserName === 'firefox') {
      // The new copy takes the old copy's open popover away as it starts, before any hover.
      const cleared = await waitForState(page, (state) => state.marks >= 3 && state.openPopovers.length === 0);
      expect(cleared.openPopovers).toEqual([]);
    }
    await hoverTikTok(page);
    await page.keyboard.press('Escape');
    if (browserName === 'chromium') {
      // Nothing is injected into open tabs: the old copy takes its marks and host away at the first hover.
      const left = await waitForState(page, (state) => state.marks === 0 && state.hosts === 0);
      expect(left).toEqual({ marks: 0, hosts: 0, openPopovers: [] });
    } else {
      // The new copy marks the page and opens the only popover, with the user's article in it. It may start
      // a moment after the extension's pages are back, so the reader's pointer comes back once more.
      let served = await waitForState(page, (state) => state.openPopovers.length > 0, 3000);
      if (served.openPopovers.length === 0) {
        await page.mouse.move(5, 5);
        await hoverTikTok(page);
        served = await waitForState(page, (state) => state.openPopovers.some((text) => text.includes(ARTICLE.title)));
      }
      expect(served.marks).toBeGreaterThanOrEqual(3);
      expect(served.hosts).toBe(1);
      expect(served.openPopovers).toEqual([expect.stringContaining(ARTICLE.title)]);
    }
    await page.screenshot({ path: screenshotPath(`lifecycle-after-extension-reload-${browserName}`) });
    expect(await pageWithoutFactlens(page)).toEqual(pageBefore);
    expect(await errors.read()).toEqual([]);

    // Reloading the page runs the new copy from the start: marks, and a popover with the user's article.
    await page.mouse.move(5, 5);
    await page.reload({ waitUntil: 'load' });
    expect((await waitForState(page, (state) => state.marks >= 3)).marks).toBeGreaterThanOrEqual(3);
    await hoverTikTok(page);
    const again = await waitForState(page, (state) => state.openPopovers.some((text) => text.includes(ARTICLE.title)));
    expect(again.hosts).toBe(1);
    expect(again.openPopovers).toEqual([expect.stringContaining(ARTICLE.title)]);
    expect(await errors.read()).toEqual([]);

    // Every piece of user data is still there, and the background serves the article again.
    await options.bringToFront();
    expect(await readStorage(options)).toEqual(storedBefore);
    await waitForArticleServed(options);
    expect(
      await options.$eval('input[name=highlight-style][value=tint]', (input) => (input as HTMLInputElement).checked),
    ).toBe(true);
    expect(await collectPageErrors(options).read()).toEqual([]);
  });
});
