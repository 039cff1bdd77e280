/**
 * Factlens on saved real-world pages (tests/fixtures/pages), in both browsers: it marks them without
 * changing their DOM and without errors.
 *
 * The pages are served with a Content Security Policy that forbids their own scripts and anything
 * remote, so they can not change themselves (nor redirect, nor wait on the network): any mutation is
 * then ours.
 * Content scripts are exempt from a page's CSP, so Factlens runs as usual. (Chromium could instead
 * disable JavaScript for the page, but Firefox's WebDriver BiDi can not, and the CSP works in both.)
 * A mutation observer installed before the page's first script, started once parsing is done,
 * records every change but those inside Factlens's popover host.
 */
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BROWSERS,
  collectPageErrors,
  launchWithExtension,
  screenshotOnFailure,
  screenshotPath,
  MARK_HIGHLIGHTS,
  REAL_PAGES_DIR,
  type ExtensionSession,
  writeSettings,
} from './harness';

const PAGES = readdirSync(REAL_PAGES_DIR)
  .filter((name) => name.endsWith('.html'))
  .sort();

/** Pages whose text names an entity of the catalog: marks must appear there, or the other checks prove nothing. */
const PAGES_WITH_MENTIONS: Record<string, string> = {
  'engadget.html': 'Microsoft',
  'nytimes-5.html': 'Microsoft',
  'seattletimes-1.html': 'Amazon',
};

/**
 * The policy the saved pages are served with: none of their scripts, and nothing from elsewhere (the
 * machine running the tests may have no network, and waiting for each remote image to fail takes
 * seconds a page).
 */
const PAGE_POLICY = [
  "default-src 'self'",
  "script-src 'none'",
  "object-src 'none'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "frame-src 'none'",
].join('; ');

/** Serve the saved pages under {@link PAGE_POLICY}. Charset is left to each page's own meta tag. */
async function startScriptlessServer(dir: string): Promise<{ origin: string; close(): Promise<void> }> {
  const server = createServer((request, response) => {
    const name = path.basename(decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname));
    readFile(path.join(dir, name)).then(
      (body) => {
        response.writeHead(200, {
          'content-type': name.endsWith('.html') ? 'text/html' : 'application/octet-stream',
          'content-security-policy': PAGE_POLICY,
        });
        response.end(body);
      },
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Record the page as parsed and every later mutation not inside Factlens's host. */
async function watchForChanges(page: Page): Promise<void> {
  await page.evaluateOnNewDocument(() => {
    const record = { parsed: '', mutations: [] as string[] };
    (window as unknown as { __pageRecord: typeof record }).__pageRecord = record;
    const ours = (node: Node | null) => {
      for (let current = node; current; current = current.parentNode) {
        const name = (current as Element).localName;
        if (name === 'factlens-root' || name === 'factlens-marks') return true;
      }
      return false;
    };
    document.addEventListener('DOMContentLoaded', () => {
      record.parsed = document.documentElement.outerHTML;
      new MutationObserver((records) => {
        for (const mutation of records) {
          const nodes = [...mutation.addedNodes, ...mutation.removedNodes];
          if (ours(mutation.target) || (nodes.length > 0 && nodes.every(ours))) continue;
          record.mutations.push(`${mutation.type} on ${mutation.target.nodeName}`);
        }
      }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
    });
  });
}

/** Mentions marked so far (painted or drawn), or null while Factlens has not registered its highlights. */
function markCount(page: Page): Promise<number | null> {
  return page.evaluate(
    (names: string[]) =>
      CSS.highlights.has(names[0]!)
        ? names.reduce((sum, name) => sum + (CSS.highlights.get(name)?.size ?? 0), 0)
        : null,
    [...MARK_HIGHLIGHTS],
  );
}

/** Wait until Factlens has registered its marks and their number has held still for a moment. */
async function settledMarkCount(page: Page): Promise<number | null> {
  const deadline = Date.now() + 15_000;
  let last = await markCount(page);
  let stableSince = Date.now();
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = await markCount(page);
    if (now !== last) {
      last = now;
      stableSince = Date.now();
    } else if (now !== null && Date.now() - stableSince >= 500) {
      return now;
    }
  }
  return last;
}

/** Errors that come from the extension rather than from the page's own (blocked) scripts and resources. */
async function extensionErrors(page: Page): Promise<string[]> {
  const errors = await collectPageErrors(page).read();
  return errors.filter((line) => /(chrome|moz)-extension:|factlens/i.test(line));
}

describe.each(BROWSERS)('real pages in %s', (browserName) => {
  let session: ExtensionSession;
  let server: Awaited<ReturnType<typeof startScriptlessServer>>;

  beforeAll(async () => {
    server = await startScriptlessServer(REAL_PAGES_DIR);
    session = await launchWithExtension(browserName);
    const control = await session.openExtensionPage('popup.html', 'body');
    await writeSettings(control, { theme: 'light' });
    await control.close();
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it.each(PAGES)('%s: marked without changing the DOM or causing errors', async (name) => {
    const page = await session.browser.newPage();
    screenshotOnFailure(page, `real-${name}-${browserName}`);
    collectPageErrors(page);
    await watchForChanges(page);
    await page.goto(`${server.origin}/${name}`, { waitUntil: 'load', timeout: 30_000 });
    const count = await settledMarkCount(page);
    // Every page has text, so Factlens asked for its matcher and registered its highlight.
    expect(count).not.toBeNull();
    if (PAGES_WITH_MENTIONS[name]) {
      const texts = await page.evaluate(
        (names: string[]) =>
          names.flatMap((name) =>
            [...((CSS.highlights.get(name) ?? []) as unknown as Iterable<AbstractRange>)].map((range) =>
              (range.startContainer as Text).data.slice(range.startOffset, range.endOffset),
            ),
          ),
        [...MARK_HIGHLIGHTS],
      );
      expect(texts).toContain(PAGES_WITH_MENTIONS[name]);
    }
    const changes = await page.evaluate(() => {
      const record = (window as unknown as { __pageRecord: { parsed: string; mutations: string[] } }).__pageRecord;
      const clone = document.documentElement.cloneNode(true) as Element;
      for (const host of clone.querySelectorAll('factlens-root, factlens-marks')) host.remove();
      return { mutations: record.mutations.slice(0, 5), sameSerialisation: clone.outerHTML === record.parsed };
    });
    expect(changes).toEqual({ mutations: [], sameSerialisation: true });
    expect(await extensionErrors(page)).toEqual([]);
    await page.close();
  });

  it('shows a popover over a real article (screenshot for the README)', async () => {
    const page = await session.browser.newPage();
    screenshotOnFailure(page, `real-popover-${browserName}`);
    await page.setViewport({ width: 1100, height: 720 });
    await page.goto(`${server.origin}/nytimes-5.html`, { waitUntil: 'load' });
    await settledMarkCount(page);
    const centre = await page.evaluate(() => {
      for (const range of (CSS.highlights.get('factlens-mention') ?? []) as unknown as Iterable<AbstractRange>) {
        const live = document.createRange();
        live.setStart(range.startContainer, range.startOffset);
        live.setEnd(range.endContainer, range.endOffset);
        const paragraph = live.startContainer.parentElement?.closest('p');
        if (live.toString() !== 'Microsoft' || !paragraph) continue;
        paragraph.scrollIntoView({ block: 'center' });
        const box = live.getClientRects()[0];
        if (box && box.width > 0) return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      }
      return null;
    });
    expect(centre).not.toBeNull();
    await page.mouse.move(centre!.x - 30, centre!.y + 20);
    await page.mouse.move(centre!.x, centre!.y, { steps: 4 });
    const deadline = Date.now() + 8000;
    let text = '';
    while (!text.includes('Microsoft') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      text = await page.evaluate(
        () => document.querySelector('factlens-root')?.shadowRoot?.querySelector('.fl-open')?.textContent ?? '',
      );
    }
    expect(text).toContain('Microsoft');
    // Let the popover settle in place before the picture.
    await new Promise((resolve) => setTimeout(resolve, 400));
    await page.screenshot({ path: screenshotPath(`popover-nytimes-${browserName}-light`) });
    expect(await extensionErrors(page)).toEqual([]);
    await page.close();
  });
});
