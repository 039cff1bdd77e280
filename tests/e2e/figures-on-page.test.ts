/**
 * The page's figures checked against the stories, in real browsers (issue 15): on a page styled like a
 * news site that restates the seed stories' figures correctly, roughly and wrongly beside numbers that are
 * not figures, each figure is marked with its verdict (a highlight of its own, the DOM untouched), its
 * popover says "This page: … · Your stories: …", and the popup's list gives the differing ones first.
 * The checker is a script of its own the background loads on its first check (issue 16): the build keeps
 * its figure readers out of `background.js`, which stays at most 60 KB gzipped.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  askTabs,
  BROWSERS,
  BUILD_DIRS,
  collectPageErrors,
  highlightCentre,
  launchWithExtension,
  screenshotOnFailure,
  screenshotPath,
  startFixtureServer,
  waitFor,
  type ExtensionSession,
  writeSettings,
} from './harness';
import type { StaticServer } from './server';

const VERDICTS = ['agrees', 'close', 'differs'] as const;

/** The figures marked with each verdict, as the page's main world sees `CSS.highlights`, in page order. */
function figureMarks(page: Page): Promise<Record<(typeof VERDICTS)[number], string[]>> {
  return page.evaluate((verdicts: readonly string[]) => {
    const marks: Record<string, string[]> = {};
    for (const verdict of verdicts) {
      const ranges = [
        ...((CSS.highlights.get(`factlens-figure-${verdict}`) ?? []) as unknown as Iterable<AbstractRange>),
      ];
      marks[verdict] = ranges
        .map((range) => ({ range, id: range.startContainer.parentElement?.closest('[id]')?.id ?? '' }))
        .sort((a, b) => a.id.localeCompare(b.id))
        .map(({ range }) => (range.startContainer as Text).data.slice(range.startOffset, range.endOffset));
    }
    return marks as Record<'agrees' | 'close' | 'differs', string[]>;
  }, VERDICTS);
}

/**
 * The marked figures that no rule of the document's adopted sheets styles with their verdict's look, as
 * "verdict: text": the rule must match the very element holding the figure (Firefox passes no
 * `::highlight()` style down to children).
 */
function unstyledFigures(page: Page): Promise<string[]> {
  return page.evaluate((verdicts: readonly string[]) => {
    const selectors = document.adoptedStyleSheets.flatMap((sheet) =>
      [...sheet.cssRules].map((rule) => (rule as CSSStyleRule).selectorText ?? ''),
    );
    const unstyled: string[] = [];
    for (const verdict of verdicts) {
      const pseudo = `::highlight(factlens-figure-${verdict})`;
      const reaching = selectors.filter((selector) => selector.endsWith(pseudo)).map((s) => s.slice(0, -pseudo.length));
      const ranges = (CSS.highlights.get(`factlens-figure-${verdict}`) ?? []) as unknown as Iterable<AbstractRange>;
      for (const range of ranges) {
        const element = range.startContainer.parentElement;
        if (element && reaching.some((selector) => element.matches(selector))) continue;
        unstyled.push(`${verdict}: ${(range.startContainer as Text).data.slice(range.startOffset, range.endOffset)}`);
      }
    }
    return unstyled;
  }, VERDICTS);
}

function popoverText(page: Page): Promise<string> {
  return page.evaluate(
    () => document.querySelector('factlens-root')?.shadowRoot?.querySelector('.fl-open')?.textContent ?? '',
  );
}

/** The goal for the script every start of the background evaluates. */
const MAX_BACKGROUND_GZIP_BYTES = 60_000;
/** A piece of the numeral reader's pattern (src/ingest/figures.ts): the minifier keeps RegExp sources. */
const FIGURE_READER_PATTERN = '(?:tn|bn|mn)';

describe.each(BROWSERS)('the built background for %s', (browserName) => {
  const read = (name: string) => readFileSync(path.join(BUILD_DIRS[browserName], name));

  it(`is at most ${MAX_BACKGROUND_GZIP_BYTES} bytes gzipped, with the figure readers in a script of their own`, () => {
    const background = read('background.js');
    expect(gzipSync(background, { level: 9 }).length).toBeLessThanOrEqual(MAX_BACKGROUND_GZIP_BYTES);
    expect(background.toString('utf8')).not.toContain(FIGURE_READER_PATTERN);
    expect(read('figure-checker.js').toString('utf8')).toContain(FIGURE_READER_PATTERN);
  });
});

describe.each(BROWSERS)('figures on the page in %s', (browserName) => {
  let session: ExtensionSession;
  let server: StaticServer;
  let control: Page;

  beforeAll(async () => {
    server = await startFixtureServer();
    session = await launchWithExtension(browserName);
    control = await session.openExtensionPage('popup.html', 'body');
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('marks each restated figure with its verdict, nothing on years, addresses or phone numbers, and says why on hover', async () => {
    await writeSettings(control, {});
    const page = await session.browser.newPage();
    collectPageErrors(page);
    screenshotOnFailure(page, `figures-news-${browserName}`);
    await page.setViewport({ width: 1100, height: 720 });
    await page.goto(`${server.origin}/figures-news.html`, { waitUntil: 'load' });
    const before = await page.evaluate(() => document.documentElement.outerHTML);

    const expected = {
      agrees: ['$9 billion', 'about $240 million a year'],
      close: ['31%'],
      differs: ['300%', '80 global experts'],
    };
    const marks = await waitFor(
      () => figureMarks(page),
      (found) => VERDICTS.every((verdict) => found[verdict].length >= expected[verdict].length),
      15_000,
    );
    // Give a late wrong mark the time to appear.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await figureMarks(page)).toEqual(marks);
    // Sorted by the id of the paragraph: credo, doe, tiktok, vatican.
    expect(marks).toEqual(expected);
    // Each figure is drawn in its verdict's look: a rule reaches the element holding it.
    expect(await unstyledFigures(page)).toEqual([]);

    // The pointer on the differing figure: the popover says what the page says and what the story said.
    const centre = await highlightCentre(page, 'factlens-figure-differs', '300%');
    expect(centre).not.toBeNull();
    await page.mouse.move(centre!.x - 30, centre!.y + 25);
    await page.mouse.move(centre!.x, centre!.y, { steps: 4 });
    const text = await waitFor(
      () => popoverText(page),
      (shown) => shown.includes('On this page'),
      8000,
    );
    expect(text).toContain('Credo');
    expect(text).toContain('DiffersThis page: 300% · Your story of October 2025 said 245%');
    await new Promise((resolve) => setTimeout(resolve, 400));
    await page.screenshot({ path: screenshotPath(`figure-differs-${browserName}`) });

    // The popup's "On this page": the figures that differ first, each with both sides.
    interface ListedFigure {
      verdict: string;
      entityName: string;
      entityId: string;
      page: string;
      position: number;
    }
    const answers = (await askTabs(control, { type: 'page/list' })) as (
      | {
          ok: boolean;
          value?: { figures?: ListedFigure[] };
        }
      | undefined
    )[];
    const listed = answers.find((answer) => answer?.ok && answer.value?.figures?.length)?.value?.figures ?? [];
    expect(listed.map((figure) => `${figure.verdict} ${figure.entityName}: ${figure.page}`)).toEqual([
      'differs Credo: This page: 300%',
      expect.stringMatching(/^differs .+: This page: 80$/),
      'close Azure: This page: 31%',
      // The payments of one company to another: the figure is about both, and checked against either.
      expect.stringMatching(/^agrees (TikTok|Microsoft): This page: ≈\$240M \/ year$/),
      expect.stringMatching(/^agrees .*Energy.*: This page: \$9B$/),
    ]);

    // Choosing one in the popup's list: the page shows it and opens its popover, focus in it.
    await page.mouse.move(5, 5);
    const azure = listed.find((figure) => figure.page === 'This page: 31%')!;
    const jumped = (
      await askTabs(control, {
        type: 'page/jump-figure',
        position: azure.position,
        entityId: azure.entityId,
        page: azure.page,
      })
    ).includes(true);
    expect(jumped).toBe(true);
    const jumpedText = await waitFor(
      () => popoverText(page),
      (shown) => shown.includes('CloseThis page: 31%'),
      8000,
    );
    expect(jumpedText).toContain('Azure');
    expect(await page.evaluate(() => document.querySelector('factlens-root')?.shadowRoot?.activeElement !== null)).toBe(
      true,
    );

    // Switched off in the options: the figures' marks go at once; switched back on, they come back.
    await writeSettings(control, { checkFigures: false });
    await waitFor(
      () => figureMarks(page),
      (found) => VERDICTS.every((verdict) => found[verdict].length === 0),
      8000,
    );
    expect(await figureMarks(page)).toEqual({ agrees: [], close: [], differs: [] });
    await writeSettings(control, { checkFigures: true });
    expect(
      await waitFor(
        () => figureMarks(page),
        (found) => found.differs.length === expected.differs.length,
        15_000,
      ),
    ).toEqual(expected);

    // Marks and popover left the page as it was (our popover host aside).
    const after = await page.evaluate(() => {
      const clone = document.documentElement.cloneNode(true) as Element;
      for (const host of clone.querySelectorAll('factlens-root, factlens-marks')) host.remove();
      return clone.outerHTML;
    });
    expect(after).toBe(before);
    expect(await collectPageErrors(page).read()).toEqual([]);
    await page.close();
  });

  it('checks a figure again when the page updates the number beside a name', async () => {
    await writeSettings(control, {});
    const page = await session.browser.newPage();
    collectPageErrors(page);
    screenshotOnFailure(page, `figures-live-${browserName}`);
    await page.goto(`${server.origin}/figures-news.html`, { waitUntil: 'load' });
    await waitFor(
      () => figureMarks(page),
      (found) => found.close.length === 1,
      15_000,
    );
    // A live paragraph: the number in an element of its own, as tickers and live blogs write it.
    await page.evaluate(() => {
      const live = document.createElement('p');
      live.id = 'live';
      const name = document.createElement('a');
      name.href = '#azure';
      name.textContent = 'Azure';
      const number = document.createElement('span');
      number.textContent = '31%';
      live.append(name, ' revenue grew ', number, ' in the fourth quarter of 2024, Microsoft said.');
      document.querySelector('#not-figures')!.after(live);
    });
    await waitFor(
      () => figureMarks(page),
      (found) => found.close.length === 2,
      15_000,
    );
    // Only the number's text changes; the name's text node is untouched.
    await page.evaluate(() => {
      (document.querySelector('#live span')!.firstChild as Text).data = '29%';
    });
    const marks = await waitFor(
      () => figureMarks(page),
      (found) => found.agrees.includes('29%'),
      8_000,
    );
    expect(marks.close).toEqual(['31%']);
    expect(await collectPageErrors(page).read()).toEqual([]);
    await page.close();
  });
});
