/**
 * A background that restarts does not analyse the user's articles again: their analysis is kept in
 * IndexedDB (src/background/idb-area.ts) under a key naming the builder, catalog and articles
 * (src/user-articles/build-cache.ts), in real Chromium and Firefox. Chromium's service worker is stopped through the DevTools protocol, as the
 * browser stops it after 30 s idle; the next request starts it again and must be answered from the kept
 * analysis, without starting the article builder (its offscreen document, src/background/builder/), and a
 * figure check must load the figure checker again (src/background/figure-checker-script.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '@/src/messages/client';
import type { Page } from 'puppeteer-core';
import { BROWSERS, launchWithExtension, waitFor, type ExtensionSession } from './harness';

const ARTICLE = {
  id: 'user-quillfeather-robotics-raises-12-million',
  title: 'Quillfeather Robotics raises $12 million for warehouse robots',
  date: '2025-10-20',
  body: 'Warehouse automation start-up Quillfeather Robotics said on Monday that it had raised $12 million.',
  addedAt: '2025-10-20T09:00:00.000Z',
};
const MARKED_SUMMARY = 'Served from the analysis kept across the restart.';

/** The WebExtension API as this test uses it inside an extension page. */
interface PageApi {
  storage: {
    local: { set(items: object): Promise<void> };
    session?: { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void> };
  };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}
declare function extensionApi(): PageApi;
/** The background's kept records (the extension's IndexedDB 'factlens-kept'), read and written as it does. */
declare function keptRecord(key: string, value?: unknown): Promise<unknown>;
const DEFINE_API = `globalThis.extensionApi = () => globalThis.browser ?? globalThis.chrome;
globalThis.keptRecord = (key, value) => new Promise((resolve, reject) => {
  const opening = indexedDB.open('factlens-kept', 1);
  opening.onupgradeneeded = () => opening.result.createObjectStore('kept');
  opening.onerror = () => reject(opening.error);
  opening.onsuccess = () => {
    const store = opening.result.transaction('kept', value === undefined ? 'readonly' : 'readwrite').objectStore('kept');
    const request = value === undefined ? store.get(key) : store.put(value, key);
    request.onerror = () => reject(request.error);
    request.onsuccess = () => { opening.result.close(); resolve(value === undefined ? request.result ?? null : null); };
  };
});`;

interface KeptBuild {
  key: string;
  factBase: { stories: { id: string; summary: string }[] };
}

function readKept(page: Page): Promise<KeptBuild | null> {
  return page.evaluate(() => keptRecord('userBuild')) as Promise<KeptBuild | null>;
}

function askStory(page: Page, storyId: string): Promise<{ ok: boolean; value?: { summary: string } }> {
  return page.evaluate(
    (id, protocol) => extensionApi().runtime.sendMessage({ type: 'story/get', storyId: id, protocol }),
    storyId,
    PROTOCOL_VERSION,
  ) as Promise<{ ok: boolean; value?: { summary: string } }>;
}

describe.each(BROWSERS)('background restarts in %s', (browserName) => {
  let session: ExtensionSession;
  let page: Page;

  beforeAll(async () => {
    session = await launchWithExtension(browserName);
    page = await session.openExtensionPage('options.html', '#highlighting');
    await page.evaluate(DEFINE_API);
  });

  afterAll(async () => {
    await session?.close();
  });

  /** Open offscreen documents of the article builder (Chromium). */
  const builderDocuments = () =>
    session.browser.targets().filter((target) => target.url().endsWith('/builder.html')).length;

  it('keeps the analysis of the user’s articles once they are merged', async () => {
    await page.evaluate(
      (article) => extensionApi().storage.local.set({ userArticles: { version: 1, articles: [article] } }),
      ARTICLE,
    );
    const kept = await waitFor(
      () => readKept(page),
      (value) => Boolean(value?.factBase.stories.some((story) => story.id === ARTICLE.id)),
      15_000,
    );
    expect(kept?.key).toMatch(/^[0-9a-f]{16}:/);
    const answer = await askStory(page, ARTICLE.id);
    expect(answer.ok).toBe(true);
    expect(answer.value!.summary).toContain('Quillfeather Robotics said on Monday');
    // Analysed by the builder, which Chromium's service worker runs in an offscreen document.
    if (browserName === 'chromium') expect(builderDocuments()).toBe(1);
  });

  // Only Chromium's background can be stopped from outside (its service worker, through the DevTools
  // protocol); Firefox suspends its event page by itself after idle, and nothing lets a test ask it to.
  if (browserName !== 'chromium') return;

  it('answers the first request after a restart from the kept analysis, without analysing again', async () => {
    // Mark the kept analysis: a background that analysed the articles again would not show the mark.
    await page.evaluate(async (summary) => {
      const kept = (await keptRecord('userBuild')) as KeptBuild;
      for (const story of kept.factBase.stories) story.summary = summary;
      await keptRecord('userBuild', kept);
    }, MARKED_SUMMARY);

    const devtools = await page.createCDPSession();
    await devtools.send('ServiceWorker.enable');
    await devtools.send('ServiceWorker.stopAllWorkers');
    await devtools.detach();

    // The builder's document ends with the background that opened it.
    await waitFor(
      async () => builderDocuments(),
      (open) => open === 0,
      10_000,
    );

    const answer = await askStory(page, ARTICLE.id);
    expect(answer).toMatchObject({ ok: true, value: { summary: MARKED_SUMMARY } });
    expect(builderDocuments()).toBe(0);
  });

  it('checks a page’s figures after a restart, importing the checker its worker installed', async () => {
    // A service worker may import a script after its installation only if it imported it while installing
    // (src/background/figure-checker-script.ts): a restarted worker must find the checker there.
    const text = 'Credo has seen its stock rise 300% in 2024.';
    const check = () =>
      page.evaluate(
        (sentence, protocol) =>
          extensionApi().runtime.sendMessage({
            type: 'figures/check',
            protocol,
            sentences: [{ text: sentence, mentions: [{ entityId: 'credo', start: 0, end: 5 }] }],
          }),
        text,
        PROTOCOL_VERSION,
      ) as Promise<{ ok: boolean; value?: { verdict: string; start: number; end: number }[]; error?: string }>;
    const before = await check();
    expect(before).toMatchObject({ ok: true, value: [{ verdict: 'differs' }] });

    const devtools = await page.createCDPSession();
    await devtools.send('ServiceWorker.enable');
    await devtools.send('ServiceWorker.stopAllWorkers');
    await devtools.detach();

    const after = await check();
    expect(after).toEqual(before);
    expect(text.slice(after.value![0]!.start, after.value![0]!.end)).toBe('300%');
  });

  it('answers a page’s first request after a restart with the matcher plan kept from before, then corrects it', async () => {
    const askMatcher = () =>
      page.evaluate(
        (protocol) => extensionApi().runtime.sendMessage({ type: 'matcher/get', protocol }),
        PROTOCOL_VERSION,
      ) as Promise<{
        ok: boolean;
        value: Record<string, unknown>;
      }>;
    const served = await askMatcher();
    expect(served.ok).toBe(true);
    const keptPlan = () =>
      page.evaluate(async () => (await extensionApi().storage.session!.get('matcherPlan')).matcherPlan) as Promise<{
        plan: Record<string, unknown>;
      } | null>;
    await waitFor(keptPlan, (kept) => kept !== null && JSON.stringify(kept.plan) === JSON.stringify(served.value));

    // Mark the kept plan: only a background that answers from it before merging shows the mark.
    await page.evaluate(async () => {
      const api = extensionApi();
      const kept = (await api.storage.session!.get('matcherPlan')).matcherPlan as { plan: object };
      await api.storage.session!.set({ matcherPlan: { ...kept, plan: { ...kept.plan, keptMark: true } } });
    });
    const devtools = await page.createCDPSession();
    await devtools.send('ServiceWorker.enable');
    await devtools.send('ServiceWorker.stopAllWorkers');
    await devtools.detach();

    const first = await askMatcher();
    expect(first.value.keptMark).toBe(true);
    // Once merged, the background finds its own plan differs, keeps it and serves it.
    await waitFor(keptPlan, (kept) => kept !== null && !('keptMark' in kept.plan), 15_000);
    expect((await askMatcher()).value).toEqual(served.value);
  });
});
