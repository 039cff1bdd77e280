/**
 * Corrections in real Chromium and Firefox with the built extension: an
 * article added by paste, a discovered company renamed and a figure dropped in
 * its preview; the fact base and the popup's entity view show the correction,
 * and it survives the background re-merging the article after an edit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '@/src/messages/client';
import type { Page } from 'puppeteer-core';
import {
  BROWSERS,
  collectPageErrors,
  launchWithExtension,
  screenshotOnFailure,
  waitFor,
  type ExtensionSession,
} from './harness';

const ARTICLE = {
  title: 'Quillfeather Robotics raises $12 million for warehouse robots',
  date: '2025-10-20',
  body:
    'Warehouse automation start-up Quillfeather Robotics said on Monday that it had raised $12 million in a funding ' +
    'round led by a group of Yorkshire investors.\n\nChief executive Maya Tran said the money would let Quillfeather ' +
    'Robotics hire 40 engineers over the next year.',
};

/** The WebExtension API as these tests use it inside an extension page. */
interface PageApi {
  storage: {
    local: { get(keys: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };
  };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}
declare function extensionApi(): PageApi;
const DEFINE_API = `globalThis.extensionApi = () => globalThis.browser ?? globalThis.chrome;`;

interface EntityAnswer {
  ok: boolean;
  value?: { entity: { name: string }; figures: { text: string }[]; stories: { sentences: string[] }[] };
}

function askEntity(page: Page, entityId: string): Promise<EntityAnswer> {
  return page.evaluate(
    (id, protocol) =>
      extensionApi().runtime.sendMessage({ type: 'entity/get', entityId: id, protocol }) as Promise<EntityAnswer>,
    entityId,
    PROTOCOL_VERSION,
  );
}

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

/** Click the button a screen reader announces as `name` (its aria-label, or its text). */
async function clickButton(page: Page, name: string | RegExp) {
  const clicked = await page.evaluate(
    (source, flags) => {
      const pattern = new RegExp(source, flags);
      const button = [...document.querySelectorAll('button')].find((candidate) =>
        pattern.test((candidate.getAttribute('aria-label') ?? candidate.textContent ?? '').replace(/\s+/g, ' ').trim()),
      );
      button?.click();
      return Boolean(button);
    },
    typeof name === 'string' ? `^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$` : name.source,
    typeof name === 'string' ? '' : name.flags,
  );
  if (!clicked) throw new Error(`no button named ${String(name)}`);
}

describe.each(BROWSERS)('corrections in %s', (browserName) => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchWithExtension(browserName);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('renames a discovered company and drops a figure in the preview; both last when the article is edited', async () => {
    const page = await session.openExtensionPage('options.html', '#highlighting');
    screenshotOnFailure(page, `corrections-${browserName}`);
    await page.evaluate(DEFINE_API);

    await clickButton(page, 'Add an article');
    await page.waitForSelector('.fo-article-form');
    await fill(page, '.fo-article-form [name=title]', ARTICLE.title);
    await fill(page, '.fo-article-form [name=date]', ARTICLE.date);
    await fill(page, '.fo-article-form [name=body]', ARTICLE.body);
    await clickButton(page, 'Preview what Factlens finds');
    await page.waitForSelector('.fo-correct-entities');

    // Rename with the keyboard: open the disclosure, type the name, press Enter.
    const summaries = await page.$$('.fo-correct-entities summary');
    const quill = (
      await Promise.all(
        summaries.map(async (summary) => [summary, await summary.evaluate((s) => s.textContent)] as const),
      )
    ).find(([, text]) => text?.includes('Quillfeather Robotics'))![0];
    await quill.focus();
    await page.keyboard.press('Enter');
    const nameField = await page.waitForSelector('details[open] input[id$="-name"]');
    await nameField!.click({ count: 3 });
    await page.keyboard.type('Quill Robotics');
    await page.keyboard.press('Enter');
    await clickButton(page, /^Drop figure “\$12 million/);

    const listed = await waitFor(
      () => page.$$eval('.fo-correction-list li', (items) => items.map((item) => item.textContent ?? '')),
      (items) => items.length === 2,
    );
    expect(listed).toEqual([
      expect.stringContaining('is not a figure'),
      expect.stringContaining('“Quillfeather Robotics” is called “Quill Robotics”'),
    ]);
    await clickButton(page, 'Save article');
    await page.waitForSelector('.fo-article-list');

    // The fact base: the new name, the old one gone, the figure dropped.
    const renamed = await waitFor(
      () => askEntity(page, 'quill-robotics'),
      (answer) => answer.ok,
      15_000,
    );
    expect(renamed.value!.entity.name).toBe('Quill Robotics');
    expect(renamed.value!.figures.map((figure) => figure.text)).not.toContainEqual(
      expect.stringContaining('12 million'),
    );
    expect((await askEntity(page, 'quillfeather-robotics')).ok).toBe(false);

    // The popup's entity view shows the corrected entity.
    const popup = await session.openExtensionPage('popup.html', '#fl-search-input');
    await popup.type('#fl-search-input', 'Quill Robotics');
    await popup.waitForSelector('[role=option]');
    await popup.keyboard.press('Enter');
    await popup.waitForSelector('#fl-entity-name');
    expect(await popup.$eval('#fl-entity-name', (heading) => heading.textContent)).toBe('Quill Robotics');
    await popup.close();

    // Edited: the background re-merges the article, and the corrections apply again.
    await page.evaluate(async () => {
      const api = extensionApi();
      const stored = (await api.storage.local.get('userArticles')).userArticles as {
        version: number;
        articles: { body: string }[];
      };
      stored.articles[0]!.body += '\n\nQuillfeather Robotics plans a second warehouse in Leeds.';
      await api.storage.local.set({ userArticles: stored });
    });
    const edited = await waitFor(
      () => askEntity(page, 'quill-robotics'),
      (answer) =>
        (answer.value?.stories.flatMap((story) => story.sentences).join(' ') ?? '').includes('second warehouse'),
      15_000,
    );
    expect(edited.value!.entity.name).toBe('Quill Robotics');
    expect(edited.value!.figures.map((figure) => figure.text)).not.toContainEqual(
      expect.stringContaining('12 million'),
    );
    expect((await askEntity(page, 'quillfeather-robotics')).ok).toBe(false);
    expect(await collectPageErrors(page).read()).toEqual([]);
    await page.close();
  });
});
