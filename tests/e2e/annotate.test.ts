/**
 * The page layer in real browsers: marks on the fixture pages, hover and keyboard popovers, pages
 * that change, settings that change, strict CSP, frames. Marks are read from the page's own
 * `CSS.highlights` (the registry is per document, so the page's main world sees what the content
 * script registered, in Chromium and in Firefox).
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FactBase } from '../../src/facts/schema';
import { formatFigure } from '../../src/format/figures';
import { settingsRecord } from '../../src/settings/store';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Settings } from '../../src/settings/schema';
import {
  BROWSERS,
  collectPageErrors,
  launchWithExtension,
  REPO_ROOT,
  screenshotOnFailure,
  startFixtureServer,
  type ExtensionSession,
  waitFor as pollUntil,
} from './harness';
import type { StaticServer } from './server';

const factBase = FactBase.parse(JSON.parse(readFileSync(`${REPO_ROOT}/src/facts/factbase.json`, 'utf8')) as unknown);

/** Seed-entities mentions that must be marked, in page order (the shadow root's text comes where its host is). */
const SEED_MARKS = [
  'TikTok',
  'OpenAI',
  'Microsoft',
  'Microsoft',
  'TikTok',
  'Azure',
  'Microsoft',
  'ByteDance',
  'ChatGPT',
  'OpenAI',
  'ByteDance',
  'Credo',
  'Credo',
  'Department of Energy',
  'DOE',
  'OpenAI',
  'ByteDance',
];

/** The extension APIs the control page uses (`browser` in Firefox, `chrome` in Chromium). */
interface ControlApi {
  storage: { local: { set(items: Record<string, unknown>): Promise<void> } };
  tabs: {
    getCurrent(): Promise<{ id?: number } | undefined>;
    query(query: object): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown>;
  };
}

/** What a mark covers, as the main world sees it: its text and where it is. */
interface MarkInfo {
  text: string;
  /** The id of the nearest ancestor element with one (or of the shadow host). */
  near: string;
}

/** The marks of `name` in the page, in page order. */
function readMarks(page: Page, name = 'factlens-mention'): Promise<MarkInfo[]> {
  return page.evaluate((name: string) => {
    const highlight = CSS.highlights.get(name);
    if (!highlight) return [];
    // A mark over a node the page has removed paints nothing (and is dropped on the next rescan).
    const ranges = [...(highlight as unknown as Iterable<AbstractRange>)].filter(
      (range) => range.startContainer.isConnected,
    );
    // Where a mark starts, for sorting: text in a shadow root sorts where its host is.
    const rangeOf = (range: AbstractRange) => {
      const live = document.createRange();
      const host = (range.startContainer.getRootNode() as ShadowRoot).host;
      if (host) live.selectNode(host);
      else live.setStart(range.startContainer, range.startOffset);
      return live;
    };
    ranges.sort((a, b) => rangeOf(a).compareBoundaryPoints(Range.START_TO_START, rangeOf(b)));
    return ranges.map((range) => {
      const text = range.startContainer as Text;
      let element: Element | null = text.parentElement;
      while (element && !element.id) element = element.parentElement;
      const host = (text.getRootNode() as ShadowRoot).host;
      return { text: text.data.slice(range.startOffset, range.endOffset), near: element?.id ?? host?.id ?? '' };
    });
  }, name);
}

/** Poll every 25 ms: these tests time how soon marks follow page changes. */
const waitFor = <T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 5000): Promise<T> =>
  pollUntil(probe, done, timeoutMs, 25);

/** The centre of the first box of the mark of `text` near the element `near`, in viewport coordinates. */
function markCentre(page: Page, text: string, near: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate(
    (text: string, near: string) => {
      const highlight = CSS.highlights.get('factlens-mention');
      for (const range of (highlight ?? []) as unknown as Iterable<AbstractRange>) {
        const node = range.startContainer as Text;
        if (node.data.slice(range.startOffset, range.endOffset) !== text) continue;
        if (!node.parentElement?.closest(`#${near}`)) continue;
        const live = document.createRange();
        live.setStart(node, range.startOffset);
        live.setEnd(node, range.endOffset);
        live.startContainer.parentElement!.scrollIntoView({ block: 'center' });
        const box = live.getClientRects()[0]!;
        return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      }
      return null;
    },
    text,
    near,
  );
}

/** The text the popover shows, or '' when there is none. */
function popoverText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const host = document.querySelector('factlens-root');
    const layer = host?.shadowRoot?.querySelector('.fl-layer');
    return layer && layer.matches('.fl-open') ? (layer.textContent ?? '') : '';
  });
}

/**
 * Record, from before the page's own scripts run, its serialisation once parsed and every mutation
 * after that, leaving out Factlens's popover host. A page that Factlens leaves alone records nothing.
 */
async function watchForChanges(page: Page): Promise<void> {
  await page.evaluateOnNewDocument(() => {
    const record = { parsed: '', mutations: [] as string[] };
    (window as unknown as { __pageRecord: typeof record }).__pageRecord = record;
    const ours = (node: Node | null) => {
      for (let current = node; current; current = current.parentNode) {
        if ((current as Element).localName === 'factlens-root') return true;
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

/** What changed since the page was parsed: mutations, and whether its serialisation differs (ours left out). */
function pageChanges(page: Page): Promise<{ mutations: string[]; sameSerialisation: boolean }> {
  return page.evaluate(() => {
    const record = (window as unknown as { __pageRecord: { parsed: string; mutations: string[] } }).__pageRecord;
    const clone = document.documentElement.cloneNode(true) as Element;
    for (const host of clone.querySelectorAll('factlens-root')) host.remove();
    return { mutations: record.mutations, sameSerialisation: clone.outerHTML === record.parsed };
  });
}

describe.each(BROWSERS)('annotation in %s', (browserName) => {
  let session: ExtensionSession;
  let server: StaticServer;
  /** An extension page: it writes settings and sends the keyboard command's message, as the background would. */
  let control: Page;

  async function saveSettings(changes: Partial<Settings>): Promise<void> {
    const record = settingsRecord({ ...DEFAULT_SETTINGS, ...changes });
    await control.evaluate(
      async (key: string, value: unknown) => {
        const { browser, chrome } = globalThis as unknown as { browser?: ControlApi; chrome: ControlApi };
        const api = browser ?? chrome;
        await api.storage.local.set({ [key]: value });
      },
      SETTINGS_KEY,
      record,
    );
  }

  async function sendToPages(message: unknown): Promise<void> {
    await control.evaluate(async (message: unknown) => {
      const { browser, chrome } = globalThis as unknown as { browser?: ControlApi; chrome: ControlApi };
      const api = browser ?? chrome;
      const self = await api.tabs.getCurrent();
      for (const tab of await api.tabs.query({})) {
        if (tab.id === undefined || tab.id === self?.id) continue;
        await api.tabs.sendMessage(tab.id, message, { frameId: 0 }).catch(() => {});
      }
    }, message);
  }

  /** Send `message` to the top frame of the tab showing `url`, as the popup does, and return its answer. */
  async function askPage(url: string, message: unknown): Promise<unknown> {
    return control.evaluate(
      async (url: string, message: unknown) => {
        const { browser, chrome } = globalThis as unknown as { browser?: ControlApi; chrome: ControlApi };
        const api = browser ?? chrome;
        const self = await api.tabs.getCurrent();
        const answers: unknown[] = [];
        for (const tab of await api.tabs.query({})) {
          if (tab.id === undefined || tab.id === self?.id) continue;
          answers.push(await api.tabs.sendMessage(tab.id, message, { frameId: 0 }).catch(() => undefined));
        }
        void url;
        return answers.find((answer) => answer !== undefined);
      },
      url,
      message,
    );
  }

  async function open(path: string, options: { watch?: boolean } = {}): Promise<Page> {
    const page = await session.browser.newPage();
    collectPageErrors(page);
    if (options.watch) await watchForChanges(page);
    await page.setViewport({ width: 1000, height: 700 });
    await page.goto(`${server.origin}/${path}`, { waitUntil: 'load' });
    return page;
  }

  beforeAll(async () => {
    server = await startFixtureServer();
    session = await launchWithExtension(browserName);
    control = await session.openExtensionPage('popup.html', 'body');
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  beforeEach(async () => {
    await saveSettings({});
    // Only the page under test and the control page stay open.
    for (const page of await session.browser.pages()) if (page !== control) await page.close();
  });

  it('marks the seed entities, in shadow roots too, and nothing in code, fields or editors, leaving the DOM as it was', async () => {
    const page = await open('seed-entities.html', { watch: true });
    screenshotOnFailure(page, `seed-marks-${browserName}`);
    const marks = await waitFor(
      () => readMarks(page),
      (found) => found.length >= SEED_MARKS.length,
    );
    expect(marks.map((mark) => mark.text)).toEqual(SEED_MARKS);
    expect(marks.filter((mark) => mark.near === 'shadow-host').map((mark) => mark.text)).toEqual(['ByteDance']);
    const inTraps = await page.evaluate(() => {
      const found: string[] = [];
      for (const range of (CSS.highlights.get('factlens-mention') ?? []) as unknown as Iterable<AbstractRange>) {
        const trap = (range.startContainer.parentElement as Element | null)?.closest(
          'textarea, input, [contenteditable], script, style',
        );
        if (trap) found.push(trap.getAttribute('data-fixture') ?? trap.localName);
      }
      return found;
    });
    expect(inTraps).toEqual([]);
    // The marks are not part of the page: no node, attribute or text changed.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await pageChanges(page)).toEqual({ mutations: [], sameSerialisation: true });
    expect(await collectPageErrors(page).read()).toEqual([]);
  });

  it('leaves "Credo" unmarked on a page with no chip context', async () => {
    const page = await open('credo-petition.html');
    // Let a scan happen: the page has text, and nothing on it may be marked.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await readMarks(page)).map((mark) => mark.text)).not.toContain('Credo');
    // With nothing to mark, the page is not even restyled for marks.
    expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(0);
    expect(await collectPageErrors(page).read()).toEqual([]);
  });

  it('opens a popover with the figures and stories when the pointer rests on a mention, and closes it after', async () => {
    const page = await open('seed-entities.html', { watch: true });
    screenshotOnFailure(page, `seed-hover-${browserName}`);
    await waitFor(
      () => readMarks(page),
      (found) => found.length >= SEED_MARKS.length,
    );
    const centre = await markCentre(page, 'TikTok', 'cloud');
    expect(centre).not.toBeNull();
    await page.mouse.move(centre!.x - 40, centre!.y + 30);
    await page.mouse.move(centre!.x, centre!.y, { steps: 4 });
    const text = await waitFor(
      () => popoverText(page),
      (shown) => shown.includes('TikTok') && shown.includes('month'),
      8000,
    );
    const figure = factBase.figures.find((one) => one.entityIds.includes('tiktok') && one.text.includes('$20 million'));
    const story = factBase.stories.find((one) => one.entityIds.includes('tiktok'));
    expect(formatFigure(figure!).value).toBe('≈$20M / month');
    expect(text).toContain('≈$20M / month');
    expect(text).toContain(story!.title);
    // The mark under the pointer is the active one.
    expect((await readMarks(page, 'factlens-active')).map((mark) => mark.text)).toEqual(['TikTok']);

    // Away from both the mention and the popover: it closes after the grace time.
    await page.mouse.move(5, 5, { steps: 3 });
    expect(
      await waitFor(
        () => popoverText(page),
        (shown) => shown === '',
      ),
    ).toBe('');
    // Showing the popover added our host element and nothing else.
    expect(await pageChanges(page)).toEqual({ mutations: [], sameSerialisation: true });
    expect(await collectPageErrors(page).read()).toEqual([]);
  });

  it('opens a popover on a tap, and lets a tap on a mention inside a link follow the link', async () => {
    // A long hover delay: only the tap itself can open the popover within the wait below.
    await saveSettings({ hoverDelayMs: 2000 });
    const page = await open('seed-entities.html');
    screenshotOnFailure(page, `seed-tap-${browserName}`);
    await waitFor(
      () => readMarks(page),
      (found) => found.length >= SEED_MARKS.length,
    );
    const plain = await markCentre(page, 'ByteDance', 'cloud');
    await page.touchscreen.tap(plain!.x, plain!.y);
    const shown = await waitFor(
      () => popoverText(page),
      (text) => text.includes('ByteDance'),
      1500,
    );
    expect(shown).toContain('ByteDance');

    const link = await markCentre(page, 'OpenAI', 'links');
    await page.touchscreen.tap(link!.x, link!.y);
    expect(
      await waitFor(
        () => page.evaluate(() => location.hash),
        (hash) => hash === '#openai',
      ),
    ).toBe('#openai');
    expect(await collectPageErrors(page).read()).toEqual([]);
  });

  it('moves to the next mention and opens its popover with focus on the keyboard command', async () => {
    const page = await open('seed-entities.html');
    screenshotOnFailure(page, `seed-keyboard-${browserName}`);
    await waitFor(
      () => readMarks(page),
      (found) => found.length >= SEED_MARKS.length,
    );
    await page.bringToFront();
    // The current mark's place among all marks, in page order (-1: none).
    const currentPlace = () =>
      page.evaluate(() => {
        const [current] = [...((CSS.highlights.get('factlens-current') ?? []) as unknown as Iterable<AbstractRange>)];
        if (!current) return -1;
        const point = (range: AbstractRange) => {
          const live = document.createRange();
          const host = (range.startContainer.getRootNode() as ShadowRoot).host;
          if (host) live.selectNode(host);
          else live.setStart(range.startContainer, range.startOffset);
          return live;
        };
        const all = [...(CSS.highlights.get('factlens-mention') as unknown as Iterable<AbstractRange>)];
        return all.filter((range) => point(range).compareBoundaryPoints(Range.START_TO_START, point(current)) < 0)
          .length;
      });
    const navigate = async (direction: 'next' | 'previous', expected: number) => {
      await sendToPages({ type: 'mentions/navigate', direction });
      return waitFor(currentPlace, (place) => place === expected);
    };
    const firstCredo = SEED_MARKS.indexOf('Credo');

    // Start at the chips section: "next" goes to the first mention below the top of the view.
    await page.evaluate(() => document.getElementById('chips')!.scrollIntoView({ block: 'start' }));
    expect(await navigate('next', firstCredo)).toBe(firstCredo);
    expect(
      await waitFor(
        () => popoverText(page),
        (shown) => shown.includes('Credo'),
        8000,
      ),
    ).toContain('Credo');
    const focus = await page.evaluate(() => {
      const active = document.activeElement;
      return [active?.localName, active?.shadowRoot?.activeElement?.getAttribute('role')];
    });
    expect(focus).toEqual(['factlens-root', 'dialog']);

    expect(await navigate('next', firstCredo + 1)).toBe(firstCredo + 1);
    expect(await navigate('previous', firstCredo)).toBe(firstCredo);
    expect(await navigate('previous', firstCredo - 1)).toBe(firstCredo - 1);
    // The mention reached is scrolled into view.
    const inView = await page.evaluate(() => {
      const [range] = [...(CSS.highlights.get('factlens-current') as unknown as Iterable<AbstractRange>)];
      const live = document.createRange();
      live.setStart(range!.startContainer, range!.startOffset);
      live.setEnd(range!.endContainer, range!.endOffset);
      const box = live.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= innerHeight;
    });
    expect(inView).toBe(true);
    expect(
      await waitFor(
        () => popoverText(page),
        (shown) => shown.includes('ByteDance'),
        8000,
      ),
    ).toContain('ByteDance');
    expect(await collectPageErrors(page).read()).toEqual([]);
  });

  it('marks text added after load within half a second, and follows renamed and removed text', async () => {
    const page = await open('dynamic.html');
    screenshotOnFailure(page, `dynamic-${browserName}`);
    await waitFor(
      () => readMarks(page),
      (found) => found.length >= 3,
    );
    expect((await readMarks(page)).map((mark) => mark.text)).toEqual(['Microsoft', 'TikTok', 'Department of Energy']);

    const elapsed = await page.evaluate(async () => {
      const started = performance.now();
      (window as unknown as { fixture: { add(): HTMLElement } }).fixture.add();
      for (;;) {
        const texts = [...((CSS.highlights.get('factlens-mention') ?? []) as unknown as Iterable<AbstractRange>)].map(
          (range) => (range.startContainer as Text).data.slice(range.startOffset, range.endOffset),
        );
        if (texts.includes('OpenAI')) return performance.now() - started;
        if (performance.now() - started > 3000) return Infinity;
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
    });
    expect(elapsed).toBeLessThan(500);

    await page.evaluate(() => {
      const fixture = (window as unknown as { fixture: { rename(): void; remove(): void } }).fixture;
      fixture.rename();
      fixture.remove();
    });
    const after = await waitFor(
      () => readMarks(page),
      (found) => found.some((mark) => mark.text === 'ByteDance'),
    );
    expect(after.map((mark) => `${mark.text}@${mark.near}`)).toEqual([
      'Microsoft@static',
      'ByteDance@renamed',
      'OpenAI@feed',
      'Microsoft@feed',
    ]);

    // A single-page app's navigation: a new URL and new content, marked like any other change.
    await page.evaluate(() => (window as unknown as { fixture: { navigate(): void } }).fixture.navigate());
    const navigated = await waitFor(
      () => readMarks(page),
      (found) => found.some((mark) => mark.near === 'page-two'),
    );
    expect(navigated.map((mark) => `${mark.text}@${mark.near}`)).toEqual(['ByteDance@page-two', 'ChatGPT@page-two']);
    expect(await collectPageErrors(page).read()).toEqual([]);
  });

  it('backs off from a page that rewrites its text every frame', async () => {
    const page = await open('dynamic.html');
    await waitFor(
      () => readMarks(page),
      (found) => found.length >= 3,
    );
    await page.bringToFront();
    // Count the distinct marks the ticker gets over three seconds of a rewrite every frame: each comes from
    // a rescan. A mark lives from its rescan to the next frame's rewrite, so look between frames too.
    const observed = await page.evaluate(async () => {
      const fixture = (window as unknown as { fixture: { startStorm(): void; stopStorm(): void } }).fixture;
      const ticker = document.getElementById('ticker')!;
      const seen = new Set<AbstractRange>();
      let frames = 0;
      const countFrames = () => {
        frames++;
        if (!done) requestAnimationFrame(countFrames);
      };
      let done = false;
      requestAnimationFrame(countFrames);
      fixture.startStorm();
      const started = performance.now();
      while (performance.now() - started < 3000) {
        await new Promise((resolve) => setTimeout(resolve, 2));
        for (const range of (CSS.highlights.get('factlens-mention') ?? []) as unknown as Iterable<AbstractRange>) {
          if (ticker.contains(range.startContainer)) seen.add(range);
        }
      }
      done = true;
      fixture.stopStorm();
      return { rescans: seen.size, frames };
    });
    expect(observed.frames).toBeGreaterThan(60);
    expect(observed.rescans).toBeGreaterThan(0);
    expect(observed.rescans).toBeLessThan(20);
    // Once the page is still again, its last text is marked.
    const settled = await waitFor(
      () => readMarks(page),
      (found) => found.some((mark) => mark.near === 'ticker'),
      10_000,
    );
    expect(settled.filter((mark) => mark.near === 'ticker')).toHaveLength(1);
  });

  it('follows the marking settings as they change: muted entities, first mention only, the per-page cap', async () => {
    const page = await open('seed-entities.html');
    screenshotOnFailure(page, `seed-settings-${browserName}`);
    const texts = () => readMarks(page).then((marks) => marks.map((mark) => mark.text));
    await waitFor(texts, (found) => found.length >= SEED_MARKS.length);

    await saveSettings({ mutedEntities: ['tiktok', 'microsoft'] });
    const muted = SEED_MARKS.filter((text) => text !== 'TikTok' && text !== 'Microsoft');
    expect(await waitFor(texts, (found) => found.length === muted.length)).toEqual(muted);

    await saveSettings({ firstMentionOnly: true });
    // "DOE" is the Department of Energy again.
    const entityOf = (text: string) => (text === 'DOE' ? 'Department of Energy' : text);
    const firsts = SEED_MARKS.filter(
      (text, index) => SEED_MARKS.findIndex((other) => entityOf(other) === entityOf(text)) === index,
    );
    expect(await waitFor(texts, (found) => found.length === firsts.length)).toEqual(firsts);

    await saveSettings({ maxMentionsPerPage: 3 });
    expect(await waitFor(texts, (found) => found.length === 3)).toEqual(SEED_MARKS.slice(0, 3));
    // The popup hears what the page marks and how many mentions the cap left out.
    const listed = (await askPage(page.url(), { type: 'page/list' })) as {
      ok: boolean;
      value: { entities: { entityId: string; name: string; count: number }[]; leftOut: number; active: boolean };
    };
    expect(listed.ok).toBe(true);
    expect(listed.value.active).toBe(true);
    expect(listed.value.leftOut).toBe(SEED_MARKS.length - 3);
    expect(listed.value.entities.find((entity) => entity.entityId === 'tiktok')).toEqual({
      entityId: 'tiktok',
      name: 'TikTok',
      count: SEED_MARKS.filter((text) => text === 'TikTok').length,
    });
    expect(await collectPageErrors(page).read()).toEqual([]);
  });

  it('stops marking an ambiguous name on this site when the reader says "Not this …"', async () => {
    const page = await open('seed-entities.html');
    screenshotOnFailure(page, `seed-mute-${browserName}`);
    const texts = () => readMarks(page).then((marks) => marks.map((mark) => mark.text));
    await waitFor(texts, (found) => found.length >= SEED_MARKS.length);
    const centre = await markCentre(page, 'Credo', 'chips');
    await page.mouse.move(centre!.x, centre!.y, { steps: 3 });
    await waitFor(
      () => popoverText(page),
      (shown) => shown.includes('Not this Credo'),
      8000,
    );
    await page.evaluate(() =>
      (document.querySelector('factlens-root')!.shadowRoot!.querySelector('.fl-mute') as HTMLElement).click(),
    );
    const remaining = await waitFor(texts, (found) => !found.includes('Credo'));
    expect(remaining).toEqual(SEED_MARKS.filter((text) => text !== 'Credo'));
    expect(await collectPageErrors(page).read()).toEqual([]);
  });

  it('drops every mark when the site is switched off, and marks again when it is switched back on', async () => {
    const page = await open('seed-entities.html');
    await waitFor(
      () => readMarks(page),
      (found) => found.length >= SEED_MARKS.length,
    );
    await saveSettings({ disabledSites: ['127.0.0.1'] });
    const registered = await waitFor(
      () => page.evaluate(() => [...CSS.highlights.keys()].filter((name) => name.startsWith('factlens-'))),
      (names) => names.length === 0,
    );
    expect(registered).toEqual([]);
    expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(0);

    await saveSettings({});
    const marks = await waitFor(
      () => readMarks(page),
      (found) => found.length >= SEED_MARKS.length,
    );
    expect(marks.map((mark) => mark.text)).toEqual(SEED_MARKS);
    expect(await collectPageErrors(page).read()).toEqual([]);
  });

  it('paints its marks under a strict Content Security Policy', async () => {
    await saveSettings({ highlightStyle: 'tint' });
    const page = await open('strict-csp.html');
    screenshotOnFailure(page, `strict-csp-${browserName}`);
    expect(
      (
        await waitFor(
          () => readMarks(page),
          (found) => found.length > 0,
        )
      ).map((mark) => mark.text),
    ).toEqual(['TikTok']);
    const box = await page.evaluate(() => {
      const text = document.getElementById('mention')!.firstChild!;
      const range = document.createRange();
      range.setStart(text, 0);
      range.setEnd(text, 6);
      const { x, y, width, height } = range.getBoundingClientRect();
      return { x, y, width, height };
    });
    // Let the mark paint, then compare the mention's pixels with and without it.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const marked = Buffer.from(await page.screenshot({ clip: box, encoding: 'binary' }));
    await page.evaluate(() => CSS.highlights.delete('factlens-mention'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const unmarked = Buffer.from(await page.screenshot({ clip: box, encoding: 'binary' }));
    expect(marked.equals(unmarked)).toBe(false);
  });

  it('paints marks in a page of 3,000 paragraphs (in Chromium through rules for those paragraphs alone), and keeps painting them when the page moves them', async () => {
    await saveSettings({ highlightStyle: 'tint' });
    const page = await open('crowded.html');
    screenshotOnFailure(page, `crowded-${browserName}`);
    /** Whether the mark over the first six characters of `paragraph`'s text changes its pixels. */
    const paints = async (paragraph: number): Promise<boolean> => {
      const box = await page.evaluate((index: number) => {
        const text = document.querySelectorAll('main p')[index]!.firstChild!;
        const start = (text as Text).data.search(/TikTok|OpenAI/);
        const range = document.createRange();
        range.setStart(text, start);
        range.setEnd(text, start + 6);
        (text.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
        const { x, y, width, height } = range.getBoundingClientRect();
        // Screenshot clips are in page coordinates.
        return { x: x + window.scrollX, y: y + window.scrollY, width, height };
      }, paragraph);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const marked = Buffer.from(await page.screenshot({ clip: box, encoding: 'binary' }));
      // The page's own !important rule hides the mark without taking it (Factlens would put a taken one back).
      await page.evaluate(() => {
        const style = document.createElement('style');
        style.id = 'hide-marks';
        style.textContent = '::highlight(factlens-mention) { background-color: transparent !important; }';
        document.head.append(style);
      });
      await new Promise((resolve) => setTimeout(resolve, 200));
      const unmarked = Buffer.from(await page.screenshot({ clip: box, encoding: 'binary' }));
      await page.evaluate(() => document.getElementById('hide-marks')!.remove());
      return !marked.equals(unmarked);
    };
    const texts = await waitFor(
      () => readMarks(page),
      (found) => found.length === 3,
    );
    expect(texts.map((mark) => mark.text)).toEqual(['TikTok', 'Microsoft', 'OpenAI']);
    expect(await paints(0)).toBe(true);
    expect(await paints(1499)).toBe(true);
    const selectors = await page.evaluate(() =>
      document.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText.split('::')[0]!)),
    );
    if (browserName === 'chromium') {
      // A rule per marked paragraph's place, not one for every <p> on the page.
      expect(selectors.some((selector) => selector.includes(':nth-child('))).toBe(true);
      expect(selectors).not.toContain('p');
    } else {
      // Firefox restyles every <p> for a rule ending in p:nth-child() too: the tag's rule, once, is cheaper.
      expect(selectors).toContain('p');
    }
    await page.click('#insert-before');
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(await paints(1)).toBe(true);
    expect(await paints(1500)).toBe(true);
  });

  it('marks same-origin frames in their own documents, each once', async () => {
    const page = await open('frames.html');
    screenshotOnFailure(page, `frames-${browserName}`);
    const frameMarks = () =>
      page.evaluate(() => {
        const texts = (doc: Document) =>
          [
            ...((doc.defaultView!.CSS.highlights.get('factlens-mention') ?? []) as unknown as Iterable<AbstractRange>),
          ].map((range) => (range.startContainer as Text).data.slice(range.startOffset, range.endOffset));
        const frame = (id: string) => (document.getElementById(id) as HTMLIFrameElement).contentDocument!;
        return { top: texts(document), child: texts(frame('child')), inline: texts(frame('inline')) };
      });
    const marks = await waitFor(
      frameMarks,
      (found) => found.top.length > 0 && found.child.length > 0 && found.inline.length > 0,
    );
    expect(marks).toEqual({ top: ['Microsoft'], child: ['OpenAI'], inline: ['ByteDance'] });
    expect(await collectPageErrors(page).read()).toEqual([]);
  });
});
