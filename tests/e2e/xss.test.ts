/**
 * Article text stays text: a user's article whose title and body hold markup (`<img src=x onerror=…>`,
 * `<script>…</script>`) is added through the options page's paste form, then looked at everywhere Factlens
 * shows article text: the options page's list, the popup's search results and story view, the story page,
 * and the popover on a web page that names an entity of the article. Each must show the characters as typed,
 * create no element from them, and open no dialog. Chromium and Firefox, with the built extension.
 */
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

/** A word no bundled article uses, so the search finds this article and nothing else first. */
const UNIQUE_WORD = 'Zephyrine';
const TITLE_MARKUP = '<img src=x onerror=alert(1)>';
const TITLE_SCRIPT = '<script>alert(2)</script>';
const BODY_MARKUP = '<img src=x onerror=alert(3)>';
const BODY_SCRIPT = '<script>alert(4)</script>';
const ARTICLE = {
  title: `${UNIQUE_WORD} audit ${TITLE_MARKUP} finds ${TITLE_SCRIPT} in TikTok cloud bills`,
  date: '2025-11-03',
  source: 'The <b>Bold</b> Gazette',
  body:
    `TikTok paid Microsoft for cloud computing, and the ${UNIQUE_WORD} audit found ${BODY_MARKUP} pasted into its ` +
    `records.\n\nThe auditors also quoted ${BODY_SCRIPT} from a ByteDance memo about the same contract.`,
};

/**
 * Elements that only markup from the article could have made, in the document and every open shadow root
 * under it: an `<img src="x">`, any element with an `on…` attribute, a `<script>` or `<b>` whose text is
 * from the article. Runs in the page; it refers to nothing outside itself.
 */
function elementsMadeFromArticleText(): string[] {
  const found: string[] = [];
  const visit = (root: Document | ShadowRoot) => {
    for (const element of root.querySelectorAll('*')) {
      const tag = element.localName;
      if (tag === 'img' && element.getAttribute('src') === 'x') found.push('img src=x');
      for (const attribute of element.getAttributeNames()) {
        if (attribute.startsWith('on')) found.push(`${tag} ${attribute}`);
      }
      if (tag === 'script' && /alert\(/.test(element.textContent ?? '')) found.push('script alert');
      if (tag === 'b' && element.textContent === 'Bold') found.push('b Bold');
      if (element.shadowRoot) visit(element.shadowRoot);
    }
  };
  visit(document);
  return found;
}

/** Record every dialog a page opens (and dismiss it, so the page does not hang). */
function watchDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => {});
  });
  return dialogs;
}

/** Replace a field's value and tell the page, as typing does. */
async function fill(page: Page, selector: string, text: string): Promise<void> {
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

/** Click the button whose accessible name (aria-label, else text) is `name`. */
async function clickButton(page: Page, name: string): Promise<void> {
  const clicked = await page.evaluate((label) => {
    const button = [...document.querySelectorAll('button')].find(
      (candidate) => (candidate.getAttribute('aria-label') ?? candidate.textContent?.trim()) === label,
    );
    button?.click();
    return Boolean(button);
  }, name);
  if (!clicked) throw new Error(`no button named ${name}`);
}

/** The ids of the stored user articles, read in an extension page. */
function storedArticleIds(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    type Storage = { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };
    const scope = globalThis as unknown as { browser?: Storage; chrome?: Storage };
    const stored = (await (scope.browser ?? scope.chrome!).storage.local.get('userArticles')).userArticles as
      { articles: { id: string }[] } | undefined;
    return stored?.articles.map((article) => article.id) ?? [];
  });
}

/** The popover's text once it is open and shows `wanted`, or what it showed last. */
async function popoverTextShowing(page: Page, wanted: string): Promise<string> {
  const read = () =>
    page.evaluate(() => {
      const layer = document.querySelector('factlens-root')?.shadowRoot?.querySelector('.fl-layer.fl-open');
      return layer?.textContent ?? '';
    });
  const deadline = Date.now() + 10_000;
  let text = await read();
  while (!text.includes(wanted) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    text = await read();
  }
  return text;
}

describe.each(BROWSERS)('article text stays text in %s', (browserName) => {
  let session: ExtensionSession;
  let server: StaticServer;
  let storyId: string | undefined;

  beforeAll(async () => {
    [session, server] = await Promise.all([launchWithExtension(browserName), startFixtureServer()]);
  });

  afterAll(async () => {
    await Promise.all([session?.close(), server?.close()]);
  });

  it('adds the article by paste, and the options page shows its markup as characters', async () => {
    const page = await session.openExtensionPage('options.html', '#articles');
    screenshotOnFailure(page, `xss-options-${browserName}`);
    const dialogs = watchDialogs(page);
    await clickButton(page, 'Add an article');
    await page.waitForSelector('.fo-article-form');
    await fill(page, '.fo-article-form [name=title]', ARTICLE.title);
    await fill(page, '.fo-article-form [name=date]', ARTICLE.date);
    await fill(page, '.fo-article-form [name=source]', ARTICLE.source);
    await fill(page, '.fo-article-form [name=body]', ARTICLE.body);
    await clickButton(page, 'Preview what Factlens finds');
    await page.waitForSelector('.fo-preview-entities');
    await clickButton(page, 'Save article');
    await page.waitForSelector('.fo-article-list');

    expect(await page.$eval('.fo-article-list', (list) => list.textContent)).toContain(ARTICLE.title);
    expect(await page.evaluate(elementsMadeFromArticleText)).toEqual([]);
    [storyId] = await storedArticleIds(page);
    expect(storyId).toMatch(/^user-/);
    expect(dialogs).toEqual([]);
    expect(await collectPageErrors(page).read()).toEqual([]);
    await page.close();
  });

  it('shows the markup as characters in the popup’s results and story view', async () => {
    expect(storyId, 'the article was added by the test before').toBeDefined();
    const popup = await session.openExtensionPage('popup.html', '#fl-search-input');
    screenshotOnFailure(popup, `xss-popup-${browserName}`);
    const dialogs = watchDialogs(popup);
    await popup.type('#fl-search-input', UNIQUE_WORD);
    const row = await popup.waitForFunction(
      (title: string) =>
        [...document.querySelectorAll('[role=option]')].find((option) => option.textContent?.includes(title)),
      { timeout: 15_000 },
      ARTICLE.title,
    );
    expect(await popup.evaluate(elementsMadeFromArticleText)).toEqual([]);

    await (row.asElement() as ElementHandle<Element>).click();
    await popup.waitForSelector('#fl-story-title', { timeout: 15_000 });
    expect(await popup.$eval('#fl-story-title', (title) => title.textContent)).toBe(ARTICLE.title);
    const fullText = await popup.$eval('.fl-story-text', (text) => text.textContent ?? '');
    expect(fullText).toContain(BODY_MARKUP);
    expect(fullText).toContain(BODY_SCRIPT);
    expect(await popup.$eval('.fl-view-meta', (meta) => meta.textContent)).toContain(ARTICLE.source);
    expect(await popup.evaluate(elementsMadeFromArticleText)).toEqual([]);
    await popup.$eval('.fl-app', (app) => app.scrollIntoView());
    await (await popup.$('.fl-app'))!.screenshot({ path: screenshotPath(`xss-popup-story-${browserName}`) });
    expect(dialogs).toEqual([]);
    expect(await collectPageErrors(popup).read()).toEqual([]);
    await popup.close();
  });

  it('shows the markup as characters on the story page', async () => {
    expect(storyId, 'the article was added by the test before').toBeDefined();
    const page = await session.openExtensionPage(`story.html?id=${storyId}`, '#fl-story-title');
    screenshotOnFailure(page, `xss-story-${browserName}`);
    const dialogs = watchDialogs(page);
    expect(await page.$eval('#fl-story-title', (title) => title.textContent)).toBe(ARTICLE.title);
    const fullText = await page.$eval('.fl-story-text', (text) => text.textContent ?? '');
    for (const payload of [BODY_MARKUP, BODY_SCRIPT]) expect(fullText).toContain(payload);
    expect(await page.evaluate(elementsMadeFromArticleText)).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(await collectPageErrors(page).read()).toEqual([]);
    await page.close();
  });

  it('shows the markup as characters in the popover on a page that names TikTok', async () => {
    expect(storyId, 'the article was added by the test before').toBeDefined();
    const page = await session.browser.newPage();
    const dialogs = watchDialogs(page);
    collectPageErrors(page);
    screenshotOnFailure(page, `xss-popover-${browserName}`);
    await page.setViewport({ width: 1000, height: 800 });
    await page.goto(`${server.origin}/cloud-deal-brief.html`, { waitUntil: 'load' });
    const centre = await page.waitForFunction(
      () => {
        for (const range of (CSS.highlights.get('factlens-mention') ?? []) as unknown as Iterable<AbstractRange>) {
          const node = range.startContainer as Text;
          if (!node.parentElement?.closest('#lede')) continue;
          if (node.data.slice(range.startOffset, range.endOffset) !== 'TikTok') continue;
          const live = document.createRange();
          live.setStart(node, range.startOffset);
          live.setEnd(node, range.endOffset);
          const box = live.getBoundingClientRect();
          return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
        }
        return null;
      },
      { timeout: 15_000 },
    );
    const { x, y } = (await centre.jsonValue())!;
    await page.mouse.move(x - 30, y + 40);
    await page.mouse.move(x, y, { steps: 4 });

    const text = await popoverTextShowing(page, ARTICLE.title);
    expect(text).toContain(ARTICLE.title);
    // The sentence that names TikTok is quoted under "What this story says about TikTok".
    expect(text).toContain(BODY_MARKUP);
    expect(await page.evaluate(elementsMadeFromArticleText)).toEqual([]);
    await page.screenshot({ path: screenshotPath(`xss-popover-${browserName}`) });
    expect(dialogs).toEqual([]);
    expect(await collectPageErrors(page).read()).toEqual([]);
    await page.close();
  });
});
