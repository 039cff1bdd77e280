/**
 * Accessibility in real Chromium and Firefox with the built extension: axe-core finds no violation in the
 * popup (its home with "On this page", search results, a story view with its full text open), the options
 * page (with the article form open) and the popover on a web page, each in the light and the dark theme;
 * and Tab alone reaches every control of the popup and the options page.
 *
 * axe is injected with `page.evaluate` (DevTools/BiDi evaluation is not subject to the extension pages'
 * `script-src 'self'`, which would block a `<script>` element). The popover lives in an open shadow root,
 * which axe walks; the tests check that axe really looked inside it, not only at the host element.
 *
 * Contrast gets more care than one axe run: axe reports text it cannot measure (scrolled out of a list,
 * under a footer, or in the popover's 0×0 host) as "incomplete", which a check of violations alone would
 * let pass. So contrast is measured at every scroll position, the popover's contrast on a laid-out copy,
 * and any text left unmeasured fails the test. No axe rule is disabled.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SETTINGS_KEY, SETTINGS_VERSION } from '@/src/settings/schema';
import {
  BROWSERS,
  collectPageErrors,
  highlightCentre,
  launchWithExtension,
  screenshotOnFailure,
  screenshotPath,
  startFixtureServer,
  type ExtensionSession,
} from './harness';
import { copyPopoverForContrast, expectReadableText, runAxe } from './axe';
import type { StaticServer } from './server';

/**
 * Poll on a timer: puppeteer's default waits for animation frames, which never come in a background tab
 * (the popup sits behind the article while it reads the article's tab).
 */
const WAIT = { polling: 100, timeout: 15_000 };

const THEMES = ['light', 'dark'] as const;
type Theme = (typeof THEMES)[number];

/** Store the theme setting, from one of the extension's pages. */
function setTheme(page: Page, theme: Theme): Promise<void> {
  return page.evaluate(
    async (key: string, record: unknown) => {
      type Storage = { storage: { local: { set(items: object): Promise<void> } } };
      const scope = globalThis as unknown as { browser?: Storage; chrome?: Storage };
      await (scope.browser ?? scope.chrome!).storage.local.set({ [key]: record });
    },
    SETTINGS_KEY,
    { version: SETTINGS_VERSION, changes: { theme } },
  );
}

/**
 * The controls Tab should stop at, and the ones Tab reached, as descriptions like `button "Close"`.
 * Runs in the page and marks each candidate with a `data-tab-probe` number so the two lists compare.
 */
function tabStops(): string[] {
  const selector =
    'a[href], area[href], button, input, select, textarea, summary, iframe, [tabindex], [contenteditable="true"]';
  const visible = (element: Element) => {
    if (element.getClientRects().length === 0) return false;
    if (getComputedStyle(element).visibility === 'hidden') return false;
    // Content of a closed <details> is not rendered, except its summary.
    const closed = element.parentElement?.closest('details:not([open])');
    return !closed || element === closed.querySelector(':scope > summary');
  };
  for (const old of document.querySelectorAll<HTMLElement>('[data-tab-probe]')) delete old.dataset.tabProbe;
  const stops: string[] = [];
  const radioGroups = new Set<string>();
  document.querySelectorAll(selector).forEach((element, index) => {
    const control = element as HTMLElement & { disabled?: boolean };
    if (control.tabIndex < 0 || control.disabled || control.closest('[inert], fieldset:disabled')) return;
    if (!visible(control)) return;
    if (control instanceof HTMLInputElement && control.type === 'hidden') return;
    if (control instanceof HTMLInputElement && control.type === 'radio' && control.name) {
      // One Tab stop per radio group: the checked radio, or the first when none is checked.
      const group = [...document.querySelectorAll<HTMLInputElement>(`input[type=radio][name="${control.name}"]`)];
      const stop = group.find((radio) => radio.checked) ?? group[0];
      if (control !== stop || radioGroups.has(control.name)) return;
      radioGroups.add(control.name);
    }
    control.dataset.tabProbe = String(index);
    stops.push(index.toString());
  });
  return stops;
}

/** A description of the element with `data-tab-probe=probe`, for messages. */
function describeProbe(probe: string): string {
  const element = document.querySelector(`[data-tab-probe="${probe}"]`);
  if (!element) return `#${probe} (gone)`;
  const name =
    element.getAttribute('aria-label') ??
    (element as HTMLInputElement).labels?.[0]?.textContent ??
    element.textContent ??
    '';
  return `${element.localName}${element.id ? `#${element.id}` : ''} "${name.trim().replace(/\s+/g, ' ').slice(0, 50)}"`;
}

/** Press Tab until focus has gone round the page twice over, and return every probe it landed on. */
async function tabThrough(page: Page, expectedCount: number): Promise<Set<string>> {
  const reached = new Set<string>();
  // Twice the stops and a few more: enough to wrap past the browser's own UI and round again from any start.
  for (let press = 0; press < expectedCount * 2 + 4; press++) {
    await page.keyboard.press('Tab');
    const probe = await page.evaluate(() => {
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      if (!active || active === document.body || active === document.documentElement) return null;
      const probe = active.getAttribute('data-tab-probe');
      if (probe) return probe;
      // Browsers put scroll containers in the Tab order themselves (Firefox always, Chromium when they hold
      // no control), so keyboard users can scroll them: a stop of the browser's, not a control of ours.
      const { overflowY } = getComputedStyle(active);
      const scrolls = /auto|scroll/.test(overflowY) && active.scrollHeight > active.clientHeight;
      return `${scrolls ? 'scroller' : 'unexpected'} ${active.outerHTML.slice(0, 80)}`;
    });
    if (probe) reached.add(probe);
  }
  return reached;
}

/** Every control the page shows is reached by Tab, and Tab reaches nothing else. */
async function expectEveryControlReachedByTab(page: Page): Promise<number> {
  const expected = await page.evaluate(tabStops);
  expect(expected.length).toBeGreaterThan(0);
  const reached = await tabThrough(page, expected.length);
  const describe = (probes: string[]) =>
    Promise.all(probes.map((probe) => page.evaluate(describeProbe, probe))).then((names) => names.sort());
  const missed = expected.filter((probe) => !reached.has(probe));
  const extra = [...reached].filter((probe) => !expected.includes(probe) && !probe.startsWith('scroller '));
  expect({ missed: await describe(missed), extra }).toEqual({ missed: [], extra: [] });
  return expected.length;
}

describe.each(BROWSERS)('accessibility in %s', (browserName) => {
  let session: ExtensionSession;
  let server: StaticServer;
  /** An extension page kept open to write settings from. */
  let control: Page;

  beforeAll(async () => {
    [session, server] = await Promise.all([launchWithExtension(browserName), startFixtureServer()]);
    control = await session.openExtensionPage('options.html', '#highlighting');
  });

  afterAll(async () => {
    await Promise.all([session?.close(), server?.close()]);
  });

  /** The fixture page in a tab, with its marks in place. */
  async function openArticle(): Promise<Page> {
    const article = await session.openPage(`${server.origin}/cloud-deal-brief.html`);
    await article.waitForFunction(() => (CSS.highlights.get('factlens-mention')?.size ?? 0) >= 3, WAIT);
    return article;
  }

  let popupOverArticle: Promise<Page> | undefined;

  /**
   * The popup, reading the fixture article's tab as the active one: opened once per browser and shared,
   * since opening it over a tab means reloading it, which is slow in Firefox.
   */
  function sharedPopup(): Promise<Page> {
    popupOverArticle ??= (async () => {
      const article = await openArticle();
      const popup = await session.openExtensionPage('popup.html', '#fl-search-input');
      // The popup reads the active tab when it opens: make the article active, then open the popup again.
      await article.bringToFront();
      await popup.evaluate(() => location.reload());
      await popup.waitForSelector('.fl-on-page li', { timeout: 15_000 });
      return popup;
    })();
    return popupOverArticle;
  }

  /** Back to the popup's first view, in `theme`, as a keyboard user gets there: Esc until it shows. */
  async function popupHome(theme: Theme): Promise<Page> {
    const popup = await sharedPopup();
    // Pages in background tabs do not paint, and key presses wait for a paint.
    await popup.bringToFront();
    await popup.waitForFunction((wanted: string) => document.documentElement.dataset.theme === wanted, WAIT, theme);
    for (let press = 0; press < 6 && !(await popup.$('.fl-on-page li')); press++) {
      await popup.focus('#fl-search-input');
      await popup.keyboard.press('Escape');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await popup.waitForSelector('.fl-on-page li', WAIT);
    return popup;
  }

  it.each(THEMES)(
    'popup and story page: no axe violations and readable contrast at home, in results and in a story, %s theme',
    async (theme) => {
      await setTheme(control, theme);
      const popup = await popupHome(theme);
      screenshotOnFailure(popup, `a11y-popup-${theme}-${browserName}`);
      expect(await runAxe(popup)).toMatchObject({ violations: [] });
      await expectReadableText(popup, ['.fl-main']);

      await popup.type('#fl-search-input', 'Azure');
      await popup.waitForSelector('[role=option]', { timeout: 15_000 });
      expect(await runAxe(popup)).toMatchObject({ violations: [] });
      await expectReadableText(popup, ['.fl-main']);

      const storyRow = await popup.waitForSelector('.fl-row-story', { timeout: 15_000 });
      await storyRow!.click();
      await popup.waitForSelector('#fl-story-title', { timeout: 15_000 });
      await popup.$eval('details.fl-fulltext', (details) => ((details as HTMLDetailsElement).open = true));
      expect(await runAxe(popup)).toMatchObject({ violations: [] });
      await expectReadableText(popup, ['.fl-main']);
      await (await popup.$('.fl-app'))!.screenshot({
        path: screenshotPath(`a11y-popup-story-${theme}-${browserName}`),
      });
      expect(await collectPageErrors(popup).read()).toEqual([]);

      // The same views at full width on the story page.
      const storyPage = await session.openExtensionPage('story.html?id=doe-fusion-roadmap', '#fl-story-title');
      screenshotOnFailure(storyPage, `a11y-story-page-${theme}-${browserName}`);
      await storyPage.waitForFunction(
        (wanted: string) => document.documentElement.dataset.theme === wanted,
        WAIT,
        theme,
      );
      expect(await runAxe(storyPage)).toMatchObject({ violations: [] });
      await expectReadableText(storyPage, [null]);
      expect(await collectPageErrors(storyPage).read()).toEqual([]);
      await storyPage.close();
    },
  );

  it.each(THEMES)(
    'options page: no axe violations and readable contrast, with the article form open, %s theme',
    async (theme) => {
      await setTheme(control, theme);
      const page = await session.openExtensionPage('options.html', '#highlighting');
      screenshotOnFailure(page, `a11y-options-${theme}-${browserName}`);
      // A tall window: fewer scroll positions for the contrast check to visit.
      await page.setViewport({ width: 900, height: 1800 });
      await page.waitForFunction((wanted: string) => document.documentElement.dataset.theme === wanted, WAIT, theme);
      expect(await runAxe(page)).toMatchObject({ violations: [] });
      await expectReadableText(page, [null, '.fo-entity-list']);
      await page.evaluate(() =>
        [...document.querySelectorAll('button')]
          .find((button) => button.textContent?.trim() === 'Add an article')
          ?.click(),
      );
      await page.waitForSelector('.fo-article-form');
      expect(await runAxe(page)).toMatchObject({ violations: [] });
      await expectReadableText(page, [null, '.fo-entity-list']);
      expect(await collectPageErrors(page).read()).toEqual([]);
      await page.close();
    },
  );

  it.each(THEMES)('popover: no axe violations and readable contrast, figure opened, %s theme', async (theme) => {
    await setTheme(control, theme);
    const article = await openArticle();
    screenshotOnFailure(article, `a11y-popover-${theme}-${browserName}`);
    await article.setViewport({ width: 1000, height: 800 });
    const centre = await article.evaluate(() => {
      for (const range of (CSS.highlights.get('factlens-mention') ?? []) as unknown as Iterable<AbstractRange>) {
        const node = range.startContainer as Text;
        if (!node.parentElement?.closest('#lede') || node.data.slice(range.startOffset, range.endOffset) !== 'TikTok')
          continue;
        const live = document.createRange();
        live.setStart(node, range.startOffset);
        live.setEnd(node, range.endOffset);
        const box = live.getBoundingClientRect();
        return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      }
      return null;
    });
    expect(centre).not.toBeNull();
    await article.mouse.move(centre!.x - 30, centre!.y + 40);
    await article.mouse.move(centre!.x, centre!.y, { steps: 4 });
    await article.waitForFunction(
      (wanted: string) =>
        document
          .querySelector('factlens-root')
          ?.shadowRoot?.querySelector(`.fl-open .fl-popover[data-theme=${wanted}]`),
      { timeout: 10_000 },
      theme,
    );
    // Open the first figure's source sentence, so its expanded state is checked too.
    await article.evaluate(() =>
      document
        .querySelector('factlens-root')!
        .shadowRoot!.querySelector<HTMLElement>('.fl-popover [aria-expanded]')
        ?.click(),
    );
    const outcome = await runAxe(article, { include: ['factlens-root'] });
    expect(outcome.violations).toEqual([]);
    expect(outcome.shadowNodesChecked, 'axe examined nodes inside the popover’s shadow root').toBeGreaterThan(10);
    await article.screenshot({ path: screenshotPath(`a11y-popover-${theme}-${browserName}`) });
    await expectReadableText(article, [null], { include: [await copyPopoverForContrast(article)] });
    expect(await collectPageErrors(article).read()).toEqual([]);
    await article.close();
  });

  it.each(THEMES)(
    'figures over time: the chart in the popover and the entity view, no axe violations, readable, %s theme',
    async (theme) => {
      await setTheme(control, theme);
      const article = await openArticle();
      screenshotOnFailure(article, `a11y-chart-popover-${theme}-${browserName}`);
      await article.setViewport({ width: 1000, height: 900 });
      // Microsoft has three figures of Azure's revenue growth: a chart.
      const centre = await article.evaluate(() => {
        for (const range of (CSS.highlights.get('factlens-mention') ?? []) as unknown as Iterable<AbstractRange>) {
          const node = range.startContainer as Text;
          if (node.data.slice(range.startOffset, range.endOffset) !== 'Microsoft') continue;
          const live = document.createRange();
          live.setStart(node, range.startOffset);
          live.setEnd(node, range.endOffset);
          const box = live.getBoundingClientRect();
          if (box.top < 0 || box.bottom > innerHeight) continue;
          return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
        }
        return null;
      });
      expect(centre).not.toBeNull();
      await article.mouse.move(centre!.x - 30, centre!.y + 40);
      await article.mouse.move(centre!.x, centre!.y, { steps: 4 });
      await article.waitForFunction(
        (wanted: string) =>
          document
            .querySelector('factlens-root')
            ?.shadowRoot?.querySelector(`.fl-open .fl-popover[data-theme=${wanted}] .flc-chart`),
        { timeout: 10_000 },
        theme,
      );
      const rows = await article.evaluate(() =>
        [...document.querySelector('factlens-root')!.shadowRoot!.querySelectorAll('.flc-chart tbody tr')].map((row) =>
          [...row.children].map((cell) => cell.textContent),
        ),
      );
      expect(rows).toEqual([
        ['Q4 2024', '29 percent', 'reported'],
        ['Q4 2024', '30 to 31 percent', 'expected by Microsoft'],
        ['Q1 2025', 'around 28–29 percent', 'expected by Microsoft'],
      ]);
      const outcome = await runAxe(article, { include: ['factlens-root'] });
      expect(outcome.violations).toEqual([]);
      expect(outcome.shadowNodesChecked).toBeGreaterThan(10);
      await expectReadableText(article, [null], { include: [await copyPopoverForContrast(article)] });
      // The popover overflows its 0×0 host: a clip of the page around it, not an element screenshot.
      await article.evaluate(() => document.getElementById('a11y-popover-copy')?.remove());
      const box = await article.evaluate(() => {
        const rect = document
          .querySelector('factlens-root')!
          .shadowRoot!.querySelector('.fl-popover')!
          .getBoundingClientRect();
        return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
      });
      await article.screenshot({ path: screenshotPath(`chart-popover-${theme}-${browserName}`), clip: box });
      expect(await collectPageErrors(article).read()).toEqual([]);
      await article.close();

      const view = await session.openExtensionPage('story.html?entity=azure', '.flc-chart');
      screenshotOnFailure(view, `a11y-chart-entity-${theme}-${browserName}`);
      await view.waitForFunction((wanted: string) => document.documentElement.dataset.theme === wanted, WAIT, theme);
      // The chart's sheet is adopted: its marks are coloured, not the default black.
      expect(await view.$eval('.flc-reported .flc-dot', (dot) => getComputedStyle(dot).fill)).not.toBe('rgb(0, 0, 0)');
      expect(await runAxe(view)).toMatchObject({ violations: [] });
      await expectReadableText(view, [null]);
      await (await view.$('.flc-chart'))!.screenshot({ path: screenshotPath(`chart-entity-${theme}-${browserName}`) });
      expect(await collectPageErrors(view).read()).toEqual([]);
      await view.close();
    },
  );

  it.each(THEMES)(
    'the page’s figures checked: the popover opened from a differing figure, no axe violations, readable, %s theme',
    async (theme) => {
      await setTheme(control, theme);
      const article = await session.openPage(`${server.origin}/figures-news.html`);
      screenshotOnFailure(article, `a11y-figure-popover-${theme}-${browserName}`);
      await article.setViewport({ width: 1000, height: 900 });
      await article.waitForFunction(() => (CSS.highlights.get('factlens-figure-differs')?.size ?? 0) >= 2, WAIT);
      const centre = await highlightCentre(article, 'factlens-figure-differs', '300%');
      expect(centre).not.toBeNull();
      await article.mouse.move(centre!.x - 30, centre!.y + 40);
      await article.mouse.move(centre!.x, centre!.y, { steps: 4 });
      await article.waitForFunction(
        (wanted: string) =>
          document
            .querySelector('factlens-root')
            ?.shadowRoot?.querySelector(`.fl-open .fl-popover[data-theme=${wanted}] .fl-page-figure .fl-verdict`),
        { timeout: 10_000 },
        theme,
      );
      const outcome = await runAxe(article, { include: ['factlens-root'] });
      expect(outcome.violations).toEqual([]);
      expect(outcome.shadowNodesChecked).toBeGreaterThan(10);
      await expectReadableText(article, [null], { include: [await copyPopoverForContrast(article)] });
      expect(await collectPageErrors(article).read()).toEqual([]);
      await article.close();
    },
  );

  it('popup and options page: Tab reaches every control, and nothing else', async () => {
    await setTheme(control, 'light');
    const popup = await popupHome('light');
    screenshotOnFailure(popup, `a11y-tab-popup-${browserName}`);
    expect(await expectEveryControlReachedByTab(popup)).toBeGreaterThanOrEqual(3);

    // A story view adds links, entity chips and the full text's summary.
    await popup.type('#fl-search-input', 'fusion');
    const storyRow = await popup.waitForSelector('.fl-row-story', { timeout: 15_000 });
    // Results: rows are reached with the arrow keys from the search box, the list area itself by Tab.
    expect(await expectEveryControlReachedByTab(popup)).toBeGreaterThanOrEqual(3);
    await storyRow!.click();
    // The story view moves focus to its title once shown; Tab from there on.
    await popup.waitForFunction(() => document.activeElement?.id === 'fl-story-title', WAIT);
    expect(await expectEveryControlReachedByTab(popup)).toBeGreaterThanOrEqual(5);

    const options = await session.openExtensionPage('options.html', '#highlighting');
    screenshotOnFailure(options, `a11y-tab-options-${browserName}`);
    await options.bringToFront();
    expect(await expectEveryControlReachedByTab(options)).toBeGreaterThanOrEqual(8);
    await options.close();
  });
});
