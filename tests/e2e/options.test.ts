/**
 * The options page in real Chromium and Firefox with the built extension:
 * settings survive a reload, an article added by paste reaches the fact base
 * and the pages already open, "Add this page" reads a tab, and backups
 * round-trip while a bad file is refused without changing anything.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '@/src/messages/client';
import type { Page } from 'puppeteer-core';
import {
  BROWSERS,
  collectPageErrors,
  launchWithExtension,
  screenshotOnFailure,
  screenshotPath,
  startFixtureServer,
  type ExtensionSession,
} from './harness';
import type { StaticServer } from './server';

const FIXTURE = 'article-to-add.html';
const NEW_ENTITY = 'quillfeather-robotics';
const ARTICLE = {
  title: 'Quillfeather Robotics raises $12 million for warehouse robots',
  date: '2025-10-20',
  source: 'The Leeds Ledger',
  body:
    'Warehouse automation start-up Quillfeather Robotics said on Monday that it had raised $12 million in a funding ' +
    'round led by a group of Yorkshire investors.\n\nChief executive Maya Tran said the money would let Quillfeather ' +
    'Robotics hire 40 engineers over the next year.',
};

/** The WebExtension API as these tests use it inside an extension page. */
interface PageApi {
  storage: { local: { get(keys: null): Promise<Record<string, unknown>> } };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  tabs: {
    query(query: object): Promise<{ id?: number; url?: string }[]>;
    getCurrent(): Promise<{ id?: number } | undefined>;
    sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown>;
  };
}

/**
 * `browser` in Firefox, `chrome` in Chromium. Passed into the page as a string
 * and evaluated there, since functions given to `page.evaluate` can not close over ours.
 */
declare function extensionApi(): PageApi;
const DEFINE_API = `globalThis.extensionApi = () => globalThis.browser ?? globalThis.chrome;`;

/** Everything the extension stored, read inside one of its pages. */
function readStorage(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(() => {
    const api = extensionApi();
    return api.storage.local.get(null);
  });
}

/** Ask the background, from one of the extension's pages. */
function askBackground(page: Page, message: unknown): Promise<{ ok: boolean; value?: unknown; error?: string }> {
  return page.evaluate(
    (request, protocol) => {
      const api = extensionApi();
      return api.runtime.sendMessage({ ...(request as object), protocol }) as Promise<{
        ok: boolean;
        value?: unknown;
        error?: string;
      }>;
    },
    message,
    PROTOCOL_VERSION,
  );
}

/**
 * The id of the tab showing `urlPart`, found from an extension page. Chromium hides tab addresses from an
 * extension without the "tabs" permission (which Factlens does not ask for), so there the tab is the newest
 * other tab whose content script answers.
 */
async function tabIdOf(page: Page, urlPart: string): Promise<number> {
  const id = await page.evaluate(async (part) => {
    const api = extensionApi();
    const tabs = await api.tabs.query({});
    const byUrl = tabs.find((tab) => tab.url?.includes(part));
    if (byUrl?.id !== undefined) return byUrl.id;
    const own = (await api.tabs.getCurrent())?.id;
    const others = tabs.map((tab) => tab.id).filter((tabId): tabId is number => tabId !== undefined && tabId !== own);
    for (const tabId of others.sort((a, b) => b - a)) {
      const answered = await api.tabs.sendMessage(tabId, { type: 'page/list' }, { frameId: 0 }).then(
        () => true,
        () => false,
      );
      if (answered) return tabId;
    }
    return null;
  }, urlPart);
  if (id === null) throw new Error(`no tab shows ${urlPart}`);
  return id;
}

/** The entity ids a tab's content script marks now (the popup's "On this page" question). */
function entitiesMarkedIn(page: Page, tabId: number): Promise<string[]> {
  return page.evaluate(async (id) => {
    const api = extensionApi();
    const answer = (await api.tabs.sendMessage(id, { type: 'page/list' }, { frameId: 0 })) as {
      ok: boolean;
      value?: { entities: { entityId: string }[] };
    };
    return answer.ok ? answer.value!.entities.map((entity) => entity.entityId) : [];
  }, tabId);
}

async function waitUntil<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, ms = 15_000) {
  const deadline = Date.now() + ms;
  let value = await read();
  while (!done(value)) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}; last seen: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    value = await read();
  }
  return value;
}

/** Type into a labelled field: replaces what is there, as a user selecting all and typing would. */
async function fill(page: Page, selector: string, text: string) {
  await page.$eval(
    selector,
    (element, value) => {
      const field = element as HTMLInputElement | HTMLTextAreaElement;
      field.value = value;
      field.dispatchEvent(new Event('input', { bubbles: true }));
    },
    text,
  );
}

async function clickButton(page: Page, name: string) {
  const clicked = await page.evaluate((label) => {
    const button = [...document.querySelectorAll('button')].find(
      (candidate) => (candidate.getAttribute('aria-label') ?? candidate.textContent?.trim()) === label,
    );
    button?.click();
    return Boolean(button);
  }, name);
  if (!clicked) throw new Error(`no button named ${name}`);
}

/** Hand the import field a file, as choosing it in the file picker does. */
async function chooseBackup(page: Page, text: string) {
  await page.evaluate((content) => {
    const input = document.querySelector<HTMLInputElement>('#backup input[type=file]')!;
    const transfer = new DataTransfer();
    transfer.items.add(new File([content], 'factlens-backup.json', { type: 'application/json' }));
    input.files = transfer.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, text);
}

/** Click "Export to a file" and return the file's text (the download itself is caught in the page). */
async function exportBackup(page: Page): Promise<string> {
  await page.evaluate(() => {
    const store = window as unknown as { __exported?: Promise<string> };
    // A second export on the same page must not read the first one's file.
    delete store.__exported;
    const original = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      store.__exported = (blob as Blob).text();
      return original(blob);
    };
    HTMLAnchorElement.prototype.click = function () {};
  });
  await clickButton(page, 'Export to a file');
  return waitUntil(
    'the export is ready',
    () => page.evaluate(() => (window as unknown as { __exported?: Promise<string> }).__exported ?? null),
    (text) => text !== null,
  ) as Promise<string>;
}

const withoutExportTime = (text: string) => ({ ...(JSON.parse(text) as object), exportedAt: null });

describe.each(BROWSERS)('options page in %s', (browserName) => {
  let session: ExtensionSession;
  let server: StaticServer;

  const openOptions = async (hash = '') => {
    const page = await session.openExtensionPage(`options.html${hash}`, '#highlighting');
    screenshotOnFailure(page, `options-${browserName}`);
    await page.evaluate(DEFINE_API);
    return page;
  };

  beforeAll(async () => {
    server = await startFixtureServer();
    session = await launchWithExtension(browserName);
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('saves a highlight style chosen with the keyboard, and shows it after a reload', async () => {
    const page = await openOptions();
    await page.focus('input[name=highlight-style][value=underline]');
    await page.keyboard.press('ArrowDown');
    await waitUntil(
      'the style is stored',
      () => readStorage(page),
      (stored) => (stored.settings as { changes?: { highlightStyle?: string } })?.changes?.highlightStyle === 'tint',
    );
    expect((await readStorage(page)).settings).toEqual({ version: 1, changes: { highlightStyle: 'tint' } });
    await page.close();

    const again = await openOptions();
    expect(
      await again.$eval('input[name=highlight-style][value=tint]', (input) => (input as HTMLInputElement).checked),
    ).toBe(true);
    expect(await collectPageErrors(again).read()).toEqual([]);
    await again.close();
  });

  it('adds an article by paste: the new company reaches the fact base and a page already open, without reloading it', async () => {
    const article = await session.openPage(`${server.origin}/${FIXTURE}`);
    const page = await openOptions();
    const tabId = await tabIdOf(page, FIXTURE);
    expect(await entitiesMarkedIn(page, tabId)).not.toContain(NEW_ENTITY);

    await clickButton(page, 'Add an article');
    await page.waitForSelector('.fo-article-form');
    await fill(page, '.fo-article-form [name=title]', ARTICLE.title);
    await fill(page, '.fo-article-form [name=date]', ARTICLE.date);
    await fill(page, '.fo-article-form [name=source]', ARTICLE.source);
    await fill(page, '.fo-article-form [name=body]', ARTICLE.body);
    await clickButton(page, 'Preview what Factlens finds');
    await page.waitForSelector('.fo-preview-entities');
    const found = await page.$$eval('.fo-preview-entities li', (items) => items.map((item) => item.textContent));
    // The kind is discovery's guess; what matters here is that the company is found and flagged as new.
    expect(found).toContainEqual(expect.stringMatching(/^Quillfeather Robotics .*new$/));
    expect(await page.$eval('.fo-preview-figures', (table) => table.textContent)).toContain('$12M');

    await page.screenshot({ path: screenshotPath(`options-preview-${browserName}`), fullPage: true });
    await clickButton(page, 'Save article');
    await page.waitForSelector('.fo-article-list');

    const details = await waitUntil(
      'the background knows the new entity',
      () => askBackground(page, { type: 'entity/get', entityId: NEW_ENTITY }),
      (answer) => answer.ok,
    );
    expect((details.value as { entity: { name: string } }).entity.name).toBe('Quillfeather Robotics');

    // The page opened before the article existed marks the new company once the background says the fact base changed.
    await waitUntil(
      'the open page marks Quillfeather Robotics',
      () => entitiesMarkedIn(page, tabId),
      (ids) => ids.includes(NEW_ENTITY),
    );
    expect(await collectPageErrors(page).read()).toEqual([]);
    await page.close();
    await article.close();
  });

  /**
   * The options page as "Add this page" opens it for the tab showing `address` (a path on the fixture server),
   * once the form is filled in from that tab.
   */
  const addThisPage = async (article: Page, address: string) => {
    if (browserName === 'chromium') {
      // Chromium lets the extension read the tab only after the user clicks its toolbar button there (activeTab):
      // click it, as the user does before choosing "Add this page" in the popup.
      const extension = (await session.browser.extensions()).get(new URL(session.extensionBaseUrl).host)!;
      await article.bringToFront();
      await article.triggerExtensionAction(extension);
    }
    // Firefox grants a temporary add-on the hosts of its content script at install, so no click is needed there.
    const finder = await openOptions();
    const tabId = await tabIdOf(finder, address);
    await finder.close();

    const page = await openOptions(`#add-page?tab=${tabId}`);
    await page.waitForFunction(
      () => document.querySelector<HTMLInputElement>('.fo-article-form [name=title]')?.value !== '',
      { timeout: 15_000 },
    );
    return page;
  };

  it('“Add this page” fills the form from the tab, without the page’s clutter', async () => {
    const article = await session.openPage(`${server.origin}/${FIXTURE}?again`);
    const page = await addThisPage(article, `${FIXTURE}?again`);
    const values = await page.$$eval('.fo-article-form [name]', (fields) =>
      Object.fromEntries(fields.map((field) => [field.getAttribute('name'), (field as HTMLInputElement).value])),
    );
    expect(values).toMatchObject({
      title: 'Quillfeather Robotics raises $12 million for warehouse robots',
      date: '2025-10-20',
      source: 'The Leeds Ledger',
      url: `${server.origin}/${FIXTURE}?again`,
    });
    expect(values.body).toContain('Quillfeather Robotics said on Monday that it had raised $12 million');
    expect(values.body).toMatch(/^Warehouse automation start-up Quillfeather Robotics/);
    expect(values.body).not.toMatch(/newsletter|Most read|All rights reserved/);
    await page.close();
    await article.close();
  });

  it('exports, then imports the file back: storage ends as it was exported', async () => {
    const page = await openOptions();
    const exported = await exportBackup(page);
    const backup = JSON.parse(exported) as { format: string; articles: { title: string }[] };
    expect(backup.format).toBe('factlens.backup/1');
    expect(backup.articles.map((entry) => entry.title)).toEqual([ARTICLE.title]);

    // Change things after the export: delete the article, pick another style.
    await clickButton(page, `Delete “${ARTICLE.title}”`);
    await clickButton(page, 'Delete');
    await page.click('input[name=highlight-style][value=hover]');
    await waitUntil(
      'the changes are stored',
      () => readStorage(page),
      (stored) => (stored.userArticles as { articles: unknown[] } | undefined)?.articles.length === 0,
    );

    await chooseBackup(page, exported);
    await page.waitForSelector('.fo-plan');
    expect(await page.$eval('.fo-plan', (plan) => plan.textContent)).toContain(`Adds 1 article: “${ARTICLE.title}”`);
    await clickButton(page, 'Import');
    // Done when the page says so (the plan goes as soon as the import starts).
    await page.waitForFunction(() => document.querySelector('.fo-status')?.textContent?.startsWith('Imported:'), {
      timeout: 15_000,
    });

    expect(withoutExportTime(await exportBackup(page))).toEqual(withoutExportTime(exported));
    await page.close();
  });

  it('refuses a bad backup with a message naming the problem, and changes nothing', async () => {
    const page = await openOptions();
    const before = await readStorage(page);
    const exported = JSON.parse(await exportBackup(page)) as { articles: { date: string | null }[] };
    exported.articles[0]!.date = 'Oct 17';
    await chooseBackup(page, JSON.stringify(exported));
    await page.waitForSelector('#backup [role=alert]');
    const message = await page.$eval('#backup [role=alert]', (alert) => alert.textContent);
    expect(message).toContain('was not imported. Nothing was changed.');
    expect(message).toContain("articles[0].date: 'Oct 17' is not YYYY-MM-DD");
    expect(await readStorage(page)).toEqual(before);

    await page.screenshot({
      path: screenshotPath(browserName === 'chromium' ? 'options' : `options-${browserName}`),
      fullPage: true,
    });
    expect(await collectPageErrors(page).read()).toEqual([]);

    // The dark theme, chosen on the page itself, applies at once.
    await page.select('#highlighting select', 'dark');
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(22, 24, 28)');
    await page.screenshot({ path: screenshotPath(`options-dark-${browserName}`) });
    await page.close();
  });

  it('“Add this page” on a page added before updates that article instead of adding a copy', async () => {
    const address = `${FIXTURE}?twice`;
    const article = await session.openPage(`${server.origin}/${address}#comments`);
    const countFrom = async (page: Page) => {
      const stored = (await readStorage(page)).userArticles as { articles: { url?: string }[] } | undefined;
      return (stored?.articles ?? []).filter((entry) => entry.url?.includes(address)).length;
    };

    for (const visit of ['first', 'again']) {
      const page = await addThisPage(article, address);
      if (visit === 'again') {
        await page.waitForSelector('.fo-same-page');
        expect(await page.$eval('.fo-same-page', (notice) => notice.textContent)).toContain(
          `saving updates “${ARTICLE.title}” instead of adding a copy`,
        );
      }
      await clickButton(page, 'Preview what Factlens finds');
      await page.waitForSelector('.fo-preview');
      await clickButton(page, 'Save article');
      await waitUntil(
        'the article is stored',
        () => countFrom(page),
        (count) => count === 1,
      );
      await page.waitForFunction(() => document.querySelector('.fo-preview') === null);
      if (visit === 'again') expect(await page.$eval('body', (body) => body.textContent)).toContain('Updated “');
      expect(await countFrom(page)).toBe(1);
      await page.close();
    }
    await article.close();
  });
});
