/** Opening pages and calling the in-page probes, the same way in Chromium and Firefox. */
import type { Page } from 'puppeteer-core';
import type { BenchBrowser } from './browsers';
import type { Probe } from './bundle';

const LOAD_TIMEOUT_MS = 60_000;

/**
 * Load `url` in `page` and wait for the load event. In Firefox a frame whose
 * navigation fails (a saved page's ad frames, refused here) makes BiDi's
 * `browsingContext.navigate` fail the whole load ("Address rejected") though
 * the page loaded fine; there the page navigates itself and we wait for it.
 */
export async function navigate(browser: BenchBrowser, page: Page, url: string): Promise<void> {
  if (browser.name === 'chromium') {
    await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
    return;
  }
  await page.evaluate((target) => void (location.href = target), url);
  const deadline = Date.now() + LOAD_TIMEOUT_MS;
  while (Date.now() < deadline) {
    // The old document's realm goes away under a pending evaluation: that is a "not yet".
    const loaded = await page
      .evaluate((target) => location.href === target && document.readyState === 'complete', url)
      .catch(() => false);
    if (loaded) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${url} did not load within ${LOAD_TIMEOUT_MS / 1000} s`);
}

/**
 * Open `url` in a new tab (a new tab gets a fresh renderer, so nothing is
 * warm from an earlier run), wait for the load event and two frames, so the
 * page has been styled, laid out and painted before anything is timed.
 */
export async function openFresh(browser: BenchBrowser, url: string, beforeLoad?: Probe): Promise<Page> {
  const page = await browser.browser.newPage();
  try {
    if (beforeLoad) await page.evaluateOnNewDocument(beforeLoad.source);
    await navigate(browser, page, url);
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
