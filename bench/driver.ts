/** Opening pages and calling the in-page probes, the same way in Chromium and Firefox. */
import type { Page } from 'puppeteer-core';
import type { BenchBrowser } from './browsers';
import type { Probe } from './bundle';

const LOAD_TIMEOUT_MS = 60_000;

/**
 * Open `url` in a new tab (a new tab gets a fresh renderer, so nothing is
 * warm from an earlier run), wait for the load event and two frames, so the
 * page has been styled, laid out and painted before anything is timed.
 */
export async function openFresh(browser: BenchBrowser, url: string, beforeLoad?: Probe): Promise<Page> {
  const page = await browser.browser.newPage();
  try {
    if (beforeLoad) await page.evaluateOnNewDocument(beforeLoad.source);
    await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
    await page.evaluate(
      () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
    );
    return page;
  } catch (error) {
    await page.close().catch(() => {});
    throw error;
  }
}

/** Define a probe's global in the page's main world. */
export async function inject(page: Page, probe: Probe): Promise<void> {
  await page.evaluate(probe.source);
}

/**
 * Call `probe.<method>(...args)` in the page and resolve with its (awaited)
 * result. Arguments travel as JSON in the expression itself, which neither
 * browser's protocol limits the way it limits function arguments.
 */
export async function call<T>(page: Page, probe: Probe, method: string, ...args: unknown[]): Promise<T> {
  const expression = `${probe.global}.${method}(${args.map((arg) => JSON.stringify(arg)).join(',')})`;
  return (await page.evaluate(expression)) as T;
}

/** Close a page, ignoring a browser that already closed it. */
export async function closeQuietly(page: Page): Promise<void> {
  await page.close().catch(() => {});
}
