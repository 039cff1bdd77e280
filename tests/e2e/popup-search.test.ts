/**
 * The popup's search, story view, the story page's lookup and the pause
 * switches, in the built extension in Chromium and Firefox. Expected texts come
 * from the bundled fact base, the source of what the background serves.
 * Screenshots of the popup go to test-results/ (popup-search, popup-story,
 * popup-dark; Firefox's with a -firefox suffix).
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FactBase } from '@/src/facts/schema';
import type { StaticServer } from './server';
import {
  BROWSERS,
  collectPageErrors,
  launchWithExtension,
  REPO_ROOT,
  screenshotOnFailure,
  screenshotPath,
  startFixtureServer,
  type ExtensionSession,
} from './harness';

const bundled = FactBase.parse(JSON.parse(readFileSync(`${REPO_ROOT}/src/facts/factbase.json`, 'utf8')) as unknown);
const storyTitle = (id: string) => bundled.stories.find((story) => story.id === id)?.title ?? `(no story ${id})`;
const TIKTOK_TITLE = storyTitle('tiktok-microsoft-ai-cloud');
const DOE_TITLE = storyTitle('doe-fusion-roadmap');
const DOE_FIGURES = bundled.figures.filter((figure) => figure.storyId === 'doe-fusion-roadmap');

const SEARCH_INPUT = '#fl-search-input';

/** The text of every result row, in order. */
function optionTexts(page: Page): Promise<string[]> {
  return page.$$eval('[role=option]', (options) => options.map((option) => option.textContent ?? ''));
}

/** Wait until some result row contains `text`. */
async function waitForOption(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    (wanted: string) =>
      [...document.querySelectorAll('[role=option]')].some((option) => option.textContent?.includes(wanted)),
    { timeout: 15_000 },
    text,
  );
}

/** The popup's own box, without the rest of the tab it was opened in. */
async function screenshotPopup(page: Page, name: string): Promise<void> {
  const app = await page.$('.fl-app');
  await app!.screenshot({ path: screenshotPath(name) });
}

/** Wait until the checkbox at `selector` is (un)checked. */
async function waitForChecked(page: Page, selector: string, checked: boolean): Promise<void> {
  await page.waitForFunction(
    (wanted: string, state: boolean) => (document.querySelector(wanted) as HTMLInputElement | null)?.checked === state,
    { timeout: 10_000 },
    selector,
    checked,
  );
}

/** Whether an extension page can read the address of the active tab. */
function activeTabUrlVisible(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    type Tabs = { tabs: { query(query: object): Promise<{ url?: string }[]> } };
    const scope = globalThis as unknown as { browser?: Tabs; chrome?: Tabs };
    const [tab] = await (scope.browser ?? scope.chrome!).tabs.query({ active: true, currentWindow: true });
    return Boolean(tab?.url);
  });
}

/**
 * Turn the page dark: through the system preference where the harness can
 * emulate it (Chromium), else through Factlens's own theme setting (Firefox's
 * WebDriver BiDi has no media emulation). Returns how to undo it.
 */
async function darken(page: Page): Promise<() => Promise<void>> {
  try {
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    return () => page.emulateMediaFeatures([]);
  } catch {
    const writeSettings = (record: unknown) =>
      page.evaluate(async (value: unknown) => {
        type Storage = { storage: { local: { set(items: object): Promise<void> } } };
        const scope = globalThis as unknown as { browser?: Storage; chrome?: Storage };
        await (scope.browser ?? scope.chrome!).storage.local.set({ settings: value });
      }, record);
    await writeSettings({ version: 1, changes: { theme: 'dark' } });
    return () => writeSettings({ version: 1, changes: {} });
  }
}

type ActionAndTabs = {
  tabs: { query(query: object): Promise<{ id?: number; url?: string }[]> };
  action: {
    getBadgeText(details: { tabId: number }): Promise<string>;
    getTitle(details: { tabId: number }): Promise<string>;
  };
};

/** The id of the active tab, read from one of the extension's pages. */
function activeTabId(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const scope = globalThis as unknown as { browser?: ActionAndTabs; chrome?: ActionAndTabs };
    const [tab] = await (scope.browser ?? scope.chrome!).tabs.query({ active: true, currentWindow: true });
    return tab!.id!;
  });
}

/** The toolbar button's badge text and title on a tab. */
function badgeOf(page: Page, tabId: number): Promise<{ text: string; title: string }> {
  return page.evaluate(async (id: number) => {
    const scope = globalThis as unknown as { browser?: ActionAndTabs; chrome?: ActionAndTabs };
    const { action } = scope.browser ?? scope.chrome!;
    return { text: await action.getBadgeText({ tabId: id }), title: await action.getTitle({ tabId: id }) };
  }, tabId);
}

/** Wait until the badge on a tab satisfies `accept`. */
async function waitForBadge(page: Page, tabId: number, accept: (text: string) => boolean): Promise<void> {
  const deadline = Date.now() + 15_000;
  let text = '';
  while (Date.now() < deadline) {
    text = (await badgeOf(page, tabId)).text;
    if (accept(text)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The badge on tab ${tabId} stayed "${text}"`);
}

/** The extension's stored settings record, read from one of its pages. */
function storedSettings(page: Page): Promise<unknown> {
  return page.evaluate(async () => {
    type Storage = { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };
    const scope = globalThis as unknown as { browser?: Storage; chrome?: Storage };
    const api = scope.browser ?? scope.chrome!;
    return (await api.storage.local.get('settings')).settings;
  });
}

describe.each(BROWSERS)('popup search in %s', (browserName) => {
  let session: ExtensionSession | undefined;
  let server: StaticServer | undefined;
  const suffix = browserName === 'chromium' ? '' : `-${browserName}`;

  beforeAll(async () => {
    [session, server] = await Promise.all([launchWithExtension(browserName), startFixtureServer()]);
  });

  afterAll(async () => {
    await Promise.all([session?.close(), server?.close()]);
  });

  it('opens with the search box focused and lists the TikTok/Microsoft story for "Azure"', async () => {
    const popup = await session!.openExtensionPage('popup.html', SEARCH_INPUT);
    screenshotOnFailure(popup, `popup-search${suffix}`);
    expect(await popup.evaluate(() => document.activeElement?.id)).toBe('fl-search-input');

    await popup.type(SEARCH_INPUT, 'Azure');
    await waitForOption(popup, TIKTOK_TITLE);
    const texts = await optionTexts(popup);
    expect(texts[0]).toContain('Azure');
    expect(texts.some((text) => text.includes(TIKTOK_TITLE))).toBe(true);
    expect(await popup.$eval('[role=status]', (status) => status.textContent)).toMatch(/found$/);

    await screenshotPopup(popup, `popup-search${suffix}`);
    expect(await collectPageErrors(popup).read()).toEqual([]);
  });

  it('finds the DOE story for "fusion" and opens it with Enter, showing its figures', async () => {
    const popup = await session!.openExtensionPage('popup.html', SEARCH_INPUT);
    screenshotOnFailure(popup, `popup-story${suffix}`);
    await popup.type(SEARCH_INPUT, 'fusion');
    await waitForOption(popup, DOE_TITLE);

    // Walk down to the story with the arrow keys, as a keyboard user would.
    const texts = await optionTexts(popup);
    const storyRow = texts.findIndex((text) => text.includes(DOE_TITLE));
    for (let step = 0; step <= storyRow; step++) await popup.keyboard.press('ArrowDown');
    const active = await popup.$eval(SEARCH_INPUT, (input) => input.getAttribute('aria-activedescendant'));
    expect(await popup.$eval(`#${active}`, (row) => row.textContent)).toContain(DOE_TITLE);
    await popup.keyboard.press('Enter');

    await popup.waitForSelector('#fl-story-title', { timeout: 15_000 });
    expect(await popup.$eval('#fl-story-title', (title) => title.textContent)).toBe(DOE_TITLE);
    const figureSentences = await popup.$$eval('.fl-figure-sentence', (rows) => rows.map((row) => row.textContent));
    expect(figureSentences).toEqual(DOE_FIGURES.map((figure) => figure.sentence));
    // Focus moved to the story's title, so a screen reader starts reading there.
    expect(await popup.evaluate(() => document.activeElement?.id)).toBe('fl-story-title');

    await screenshotPopup(popup, `popup-story${suffix}`);

    await popup.keyboard.press('Escape');
    await waitForOption(popup, DOE_TITLE);
    expect(await popup.$eval(SEARCH_INPUT, (input) => (input as HTMLInputElement).value)).toBe('fusion');
    expect(await collectPageErrors(popup).read()).toEqual([]);
  });

  it('shows results in the dark theme', async () => {
    const popup = await session!.openExtensionPage('popup.html', SEARCH_INPUT);
    screenshotOnFailure(popup, `popup-dark${suffix}`);
    const restore = await darken(popup);
    try {
      await popup.type(SEARCH_INPUT, 'azure growth');
      await waitForOption(popup, '29%');
      await popup.waitForFunction(() => getComputedStyle(document.body).backgroundColor === 'rgb(22, 24, 28)');
      await screenshotPopup(popup, `popup-dark${suffix}`);
      expect(await collectPageErrors(popup).read()).toEqual([]);
    } finally {
      await restore();
    }
  });

  it('looks up a selection on the story page: story.html?q=Credo shows Credo', async () => {
    const page = await session!.openExtensionPage('story.html?q=Credo', '[role=option]');
    screenshotOnFailure(page, `story-lookup${suffix}`);
    await waitForOption(page, 'Credo');
    const texts = await optionTexts(page);
    expect(texts[0]).toMatch(/^Credo/);
    expect(await page.$eval(SEARCH_INPUT, (input) => (input as HTMLInputElement).value)).toBe('Credo');
    expect(await collectPageErrors(page).read()).toEqual([]);
  });

  it('writes "Pause everywhere" to settings, and the toolbar button says "off" on a marked page until resumed', async () => {
    const article = await session!.openPage(`${server!.origin}/seed-entities.html`);
    const popup = await session!.openExtensionPage('popup.html', SEARCH_INPUT);
    screenshotOnFailure(popup, `popup-pause-everywhere${suffix}`);
    await article.bringToFront();
    const articleTab = await activeTabId(popup);
    // Pages in background tabs do not paint, and clicks wait for a paint.
    await popup.bringToFront();
    // The content script reports the entities it marked; the badge shows how many.
    await waitForBadge(popup, articleTab, (text) => /^\d+$/.test(text));

    const everywhere = '.fl-switch:last-child input';
    await popup.waitForSelector(`${everywhere}:not([disabled])`);
    await popup.click(everywhere);
    await waitForChecked(popup, everywhere, true);
    expect(await storedSettings(popup)).toMatchObject({ changes: { enabled: false } });
    await waitForBadge(popup, articleTab, (text) => text === 'off');
    expect(await badgeOf(popup, articleTab)).toEqual({ text: 'off', title: 'Factlens — paused everywhere' });

    await popup.click(everywhere);
    await waitForChecked(popup, everywhere, false);
    expect(await storedSettings(popup)).not.toMatchObject({ changes: { enabled: expect.anything() } });
    await waitForBadge(popup, articleTab, (text) => text !== 'off');
    expect(await collectPageErrors(popup).read()).toEqual([]);
  });

  it('writes "Pause on this site" for the page in the active tab to settings, and back', async () => {
    const article = await session!.openPage(`${server!.origin}/seed-entities.html`);
    const popup = await session!.openExtensionPage('popup.html', SEARCH_INPUT);
    screenshotOnFailure(popup, `popup-pause-site${suffix}`);
    // The popup reads the active tab when it opens: make the article active, then open the popup again.
    await article.bringToFront();
    await popup.evaluate(() => location.reload());
    const siteSwitch = 'label.fl-switch:nth-of-type(1) input';
    await popup.waitForSelector('.fl-on-page li', { timeout: 15_000 });
    // A popup opened from the toolbar may read the active tab's address (activeTab); one opened as a
    // tab, as here, only where the browser grants it for the content script's hosts (Firefox).
    const urlVisible = await activeTabUrlVisible(popup);
    const articleTab = await activeTabId(popup);
    // Pages in background tabs do not paint, and clicks wait for a paint.
    await popup.bringToFront();

    if (!urlVisible) {
      expect(await popup.$eval(siteSwitch, (input) => (input as HTMLInputElement).disabled)).toBe(true);
      expect(await popup.$eval('label.fl-switch:nth-of-type(1)', (label) => label.textContent)).toBe(
        'Pause on this site',
      );
      return;
    }
    expect(await popup.$eval('label.fl-switch:nth-of-type(1)', (label) => label.textContent)).toBe(
      'Pause on 127.0.0.1',
    );
    await popup.click(siteSwitch);
    await waitForChecked(popup, siteSwitch, true);
    expect(await storedSettings(popup)).toMatchObject({ changes: { disabledSites: ['127.0.0.1'] } });
    await waitForBadge(popup, articleTab, (text) => text === 'off');
    expect(await badgeOf(popup, articleTab)).toEqual({ text: 'off', title: 'Factlens — paused on 127.0.0.1' });
    await popup.click(siteSwitch);
    await waitForChecked(popup, siteSwitch, false);
    expect(await storedSettings(popup)).not.toMatchObject({ changes: { disabledSites: expect.anything() } });
    expect(await collectPageErrors(popup).read()).toEqual([]);
  });
});
