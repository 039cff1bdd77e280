/**
 * "Add this page"'s second opinion in real browsers: on a page where the extractor's own reading collapses (it
 * takes a list of other stories), Readability's reading of an inert copy of the page is taken instead, and the
 * markup Readability writes into that copy (an image unwrapped from `<noscript>`) neither loads nor runs, and the
 * page is left as it was. The built `extract.js` is evaluated in the page, as `scripting.executeScript` runs it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtractedPage } from '@/src/user-articles/schema';
import { BROWSERS, BUILD_DIRS, launchWithExtension, sleep, startFixtureServer, type ExtensionSession } from './harness';
import type { StaticServer } from './server';

describe.each(BROWSERS)('Add this page’s second opinion in %s', (browserName) => {
  let session: ExtensionSession;
  let server: StaticServer;

  beforeAll(async () => {
    server = await startFixtureServer();
    session = await launchWithExtension(browserName);
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('mends a collapsed reading from an inert copy: nothing it writes loads or runs, the page is unchanged', async () => {
    const page = await session.openPage(`${server.origin}/extract-second-opinion.html`);
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    const before = await page.evaluate(() => document.documentElement.outerHTML);

    const script = readFileSync(path.join(BUILD_DIRS[browserName], 'extract.js'), 'utf8');
    const article = (await page.evaluate(script)) as ExtractedPage;
    // An image that did load or fail would have done so by now.
    await sleep(500);

    expect(article.title).toBe('Harbour reopens after the storm');
    expect(article.text).toMatch(/^The harbour at Whitby Quay reopened on Tuesday/);
    expect(article.text.split('\n\n')).toHaveLength(6);
    expect(article.text).not.toContain('Another story');
    expect(requests.filter((url) => url.includes('second-opinion-pixel'))).toEqual([]);
    expect(
      await page.evaluate(() => (window as { __factlensSecondOpinionRan?: boolean }).__factlensSecondOpinionRan),
    ).toBeUndefined();
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(before);
    await page.close();
  });
});
