/**
 * The page layer in real browsers: marks on the fixture pages, hover and keyboard popovers, pages
 * that change, settings that change, strict CSP, frames. Marks are read from the page's own
 * `CSS.highlights` (the registry is per document, so the page's main world sees what the content
 * script registered, in Chromium and in Firefox).
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FactBase } from '@/src/facts/schema';
import { formatFigure } from '@/src/format/figures';
import type { Settings } from '@/src/settings/schema';
import {
  BROWSERS,
  askTabs,
  collectPageErrors,
  highlightCentre,
  launchWithExtension,
  MARK_HIGHLIGHTS,
  REPO_ROOT,
  screenshotOnFailure,
  screenshotPath,
  startFixtureServer,
  type ExtensionSession,
  waitFor as pollUntil,
  writeSettings,
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

/** The marks in the highlights `names` (Factlens's painted and drawn marks by default), in page order. */
function readMarks(page: Page, names: string | readonly string[] = MARK_HIGHLIGHTS): Promise<MarkInfo[]> {
  return page.evaluate(
    (names: string[]) => {
      // A mark over a node the page has removed paints nothing (and is dropped on the next rescan).
      const ranges = names
        .flatMap((name) => [...((CSS.highlights.get(name) ?? []) as unknown as Iterable<AbstractRange>)])
        .filter((range) => range.startContainer.isConnected);
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
    },
    [names].flat() as string[],
  );
}

/** Poll every 25 ms: these tests time how soon marks follow page changes. */
const waitFor = <T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 5000): Promise<T> =>
  pollUntil(probe, done, timeoutMs, 25);

/** The centre of the first box of the mark of `text` near the element `near`, in viewport coordinates. */
function markCentre(page: Page, text: string, near: string): Promise<{ x: number; y: number } | null> {
  return highlightCentre(page, 'factlens-mention', text, near);
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

/** What changed since the page was parsed: mutations, and whether its serialisation differs (ours left out). */
function pageChanges(page: Page): Promise<{ mutations: string[]; sameSerialisation: boolean }> {
  return page.evaluate(() => {
    const record = (window as unknown as { __pageRecord: { parsed: string; mutations: string[] } }).__pageRecord;
    const clone = document.documentElement.cloneNode(true) as Element;
    for (const host of clone.querySelectorAll('factlens-root, factlens-marks')) host.remove();
    return { mutations: record.mutations, sameSerialisation: clone.outerHTML === record.parsed };
  });
}

describe.each(BROWSERS)('annotation in %s', (browserName) => {
  let session: ExtensionSession;
  let server: StaticServer;
  /** An extension page: it writes settings and sends the keyboard command's message, as the background would. */
  let control: Page;

  function saveSettings(changes: Partial<Settings>): Promise<void> {
    return writeSettings(control, changes);
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
    void url;
    return (await askTabs(control, message)).find((answer) => answer !== undefined);
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

  it('decides each name where it stands: menus and headlines marked, longer names and far-off context not (issue #12)', async () => {
    const page = await open('names-in-context.html', { watch: true });
    screenshotOnFailure(page, `names-in-context-${browserName}`);
    const before = await page.evaluate(() => document.body.innerHTML);
    const expected = [
      { text: 'TikTok', near: 'menu' },
      { text: 'Microsoft', near: 'menu' },
      { text: 'OpenAI', near: 'menu' },
      { text: 'Microsoft', near: 'headline' },
      { text: 'Azure', near: 'headline' },
      { text: 'Credo', near: 'chips' },
    ];
    const marks = await waitFor(
      () => readMarks(page),
      (found) => found.length >= expected.length,
    );
    // Give a late wrong mark the time to appear.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await readMarks(page)).toEqual(expected);
    expect(marks).toEqual(expected);
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(before);
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

  it('paints marks in a page of 3,000 paragraphs (in Chromium through rules for those paragraphs alone, in Firefox drawn), and keeps painting them when the page moves them', async () => {
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
      // The 'hover' style shows no mark until the pointer is on one: the same words, unmarked.
      await saveSettings({ highlightStyle: 'hover' });
      await new Promise((resolve) => setTimeout(resolve, 300));
      const unmarked = Buffer.from(await page.screenshot({ clip: box, encoding: 'binary' }));
      await saveSettings({ highlightStyle: 'tint' });
      await new Promise((resolve) => setTimeout(resolve, 300));
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
    // Never one rule for every <p> on the page: it would restyle all 3,000.
    expect(selectors).not.toContain('p');
    if (browserName === 'chromium') {
      // A rule per marked paragraph's place.
      expect(selectors.some((selector) => selector.includes(':nth-child('))).toBe(true);
    } else {
      // Firefox restyles every <p> for a rule ending in p:nth-child() too, so the marks are drawn.
      expect((await readMarks(page, 'factlens-drawn')).length).toBeGreaterThan(0);
    }
    await page.click('#insert-before');
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(await paints(1)).toBe(true);
    expect(await paints(1500)).toBe(true);
  });

  /**
   * Drawn marks against the text they mark: every drawn mark in the viewport (cut to the scrolling
   * box it is in) has a box of its own at its text, and no box is anywhere else.
   */
  function drawnLayer(page: Page): Promise<{
    boxes: { kind: string; text: string }[];
    missing: string[];
    stray: string[];
  }> {
    return page.evaluate(() => {
      type Box = { left: number; top: number; right: number; bottom: number };
      /** What of `box` shows within `clip` and the viewport, or null. */
      const cut = (box: Box, clip: Box): Box | null => {
        const shown = {
          left: Math.max(box.left, clip.left, 0),
          top: Math.max(box.top, clip.top, 0),
          right: Math.min(box.right, clip.right, innerWidth),
          bottom: Math.min(box.bottom, clip.bottom, innerHeight),
        };
        return shown.right > shown.left && shown.bottom > shown.top ? shown : null;
      };
      const near = (a: Box, b: Box) =>
        Math.abs(a.left - b.left) <= 1 &&
        Math.abs(a.top - b.top) <= 1 &&
        Math.abs(a.right - b.right) <= 1 &&
        Math.abs(a.bottom - b.bottom) <= 1;
      const describe = (box: Box) => [box.left, box.top, box.right, box.bottom].map(Math.round).join(',');
      const viewport = { left: 0, top: 0, right: innerWidth, bottom: innerHeight };
      const host = document.querySelector('factlens-marks');
      const drawn = [...(host?.shadowRoot?.querySelectorAll('div') ?? [])].flatMap((box) => {
        const shown = cut(box.getBoundingClientRect(), viewport);
        return shown ? [{ kind: box.className, shown }] : [];
      });
      const expected: { text: string; shown: Box }[] = [];
      for (const range of (CSS.highlights.get('factlens-drawn') ?? []) as unknown as Iterable<AbstractRange>) {
        const live = document.createRange();
        live.setStart(range.startContainer, range.startOffset);
        live.setEnd(range.endContainer, range.endOffset);
        const scroller = range.startContainer.parentElement?.closest('#pinned')?.getBoundingClientRect();
        for (const rect of live.getClientRects()) {
          // A box may reach past the viewport (marks near it are drawn too): compare what is on screen.
          const shown = cut(rect, scroller ?? viewport);
          if (shown) expected.push({ text: live.toString(), shown });
        }
      }
      return {
        boxes: drawn.map(({ kind, shown }) => ({
          kind,
          text: expected.find((mark) => near(mark.shown, shown))?.text ?? `stray at ${describe(shown)}`,
        })),
        missing: expected
          .filter((mark) => !drawn.some((box) => near(box.shown, mark.shown)))
          .map((mark) => `${mark.text} at ${describe(mark.shown)}`),
        stray: drawn
          .filter((box) => !expected.some((mark) => near(mark.shown, box.shown)))
          .map((box) => describe(box.shown)),
      };
    });
  }

  const layerMatches = (layer: Awaited<ReturnType<typeof drawnLayer>>) =>
    layer.boxes.length > 0 && layer.missing.length === 0 && layer.stray.length === 0;

  it('draws its marks itself on a page too big to style: on their words, cut by scrolling boxes, following the page as it scrolls and changes', async () => {
    await saveSettings({ highlightStyle: 'tint' });
    const page = await open('drawn.html', { watch: true });
    screenshotOnFailure(page, `drawn-${browserName}`);
    // 72 Microsoft, 72 TikTok, one OpenAI: all of them marked, all drawn, and no stylesheet given to the page.
    const marks = await waitFor(
      () => readMarks(page, 'factlens-drawn'),
      (found) => found.length === 145,
      20_000,
    );
    expect(marks.length).toBe(145);
    expect(await readMarks(page, 'factlens-mention')).toEqual([]);
    expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(0);

    let layer = await waitFor(() => drawnLayer(page), layerMatches);
    expect(layer.missing).toEqual([]);
    expect(layer.stray).toEqual([]);
    expect(layer.boxes.map((box) => box.text)).toContain('Microsoft');
    // The OpenAI line is scrolled out of its box: not drawn over the page below it.
    expect(layer.boxes.map((box) => box.text)).not.toContain('OpenAI');
    expect(await pageChanges(page)).toEqual({ mutations: [], sameSerialisation: true });
    await page.screenshot({ path: screenshotPath(`drawn-marks-${browserName}`) });

    // The marks show: the same words with the 'hover' style (no mark until pointed at) look different.
    const clip = await page.evaluate(() => {
      // The first Microsoft of the log (the first drawn mark is the OpenAI hidden in the pinned box).
      const range = [...(CSS.highlights.get('factlens-drawn') as unknown as Iterable<AbstractRange>)].find(
        (mark) => !mark.startContainer.parentElement!.closest('#pinned'),
      )!;
      const live = document.createRange();
      live.setStart(range.startContainer, range.startOffset);
      live.setEnd(range.endContainer, range.endOffset);
      const { x, y, width, height } = live.getBoundingClientRect();
      return { x: x + scrollX, y: y + scrollY, width, height };
    });
    const tinted = Buffer.from(await page.screenshot({ clip, encoding: 'binary' }));
    await saveSettings({ highlightStyle: 'hover' });
    await waitFor(
      () => drawnLayer(page),
      (shown) => shown.boxes.length === 0,
    );
    expect(Buffer.from(await page.screenshot({ clip, encoding: 'binary' })).equals(tinted)).toBe(false);
    await saveSettings({ highlightStyle: 'tint' });

    // The window scrolls to line 2,003: its mark is drawn there.
    await page.evaluate(() => document.querySelectorAll('#log > div')[2003]!.scrollIntoView({ block: 'center' }));
    layer = await waitFor(
      () => drawnLayer(page),
      (shown) => layerMatches(shown) && shown.boxes.length >= 1,
    );
    expect(layer.missing).toEqual([]);
    expect(layer.stray).toEqual([]);

    // The pinned box scrolls its OpenAI line into view: drawn inside the box.
    await page.evaluate(() => {
      window.scrollTo(0, 0);
      const pinned = document.getElementById('pinned')!;
      const line = pinned.children[14]!.getBoundingClientRect();
      pinned.scrollTop += line.top - pinned.getBoundingClientRect().top - 20;
    });
    layer = await waitFor(
      () => drawnLayer(page),
      (shown) => layerMatches(shown) && shown.boxes.some((box) => box.text === 'OpenAI'),
    );
    expect(layer.boxes.map((box) => box.text)).toContain('OpenAI');
    expect(layer.stray).toEqual([]);

    // A line inserted above moves every line down: the marks move with them.
    await page.click('#insert');
    layer = await waitFor(() => drawnLayer(page), layerMatches);
    expect(layer.missing).toEqual([]);
    expect(layer.stray).toEqual([]);
    expect(await collectPageErrors(page).read()).toEqual([]);
  }, 60_000);

  it('opens the popover from a drawn mark, shows it as the active one, and puts back the layer the page removed', async () => {
    await saveSettings({ highlightStyle: 'underline' });
    const page = await open('drawn.html');
    screenshotOnFailure(page, `drawn-hover-${browserName}`);
    await waitFor(
      () => drawnLayer(page),
      (shown) => layerMatches(shown) && shown.boxes.some((box) => box.text === 'Microsoft'),
      20_000,
    );
    const centre = await page.evaluate(() => {
      for (const range of CSS.highlights.get('factlens-drawn') as unknown as Iterable<AbstractRange>) {
        const live = document.createRange();
        live.setStart(range.startContainer, range.startOffset);
        live.setEnd(range.endContainer, range.endOffset);
        const rect = live.getBoundingClientRect();
        // Below the sticky header, and not the OpenAI line hidden in the pinned box.
        if (live.toString() === 'Microsoft' && rect.top > 150 && rect.bottom < innerHeight) {
          return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
        }
      }
      return null;
    });
    expect(centre).not.toBeNull();
    await page.mouse.move(centre!.x - 40, centre!.y + 30);
    await page.mouse.move(centre!.x, centre!.y, { steps: 4 });
    expect(
      await waitFor(
        () => popoverText(page),
        (text) => text.includes('Microsoft'),
      ),
    ).toContain('Microsoft');
    const active = await waitFor(
      () => drawnLayer(page),
      (shown) => shown.boxes.some((box) => box.kind === 'a'),
    );
    expect(active.boxes.filter((box) => box.kind === 'a').map((box) => box.text)).toEqual(['Microsoft']);

    // The keyboard command moves to the first mark below the top of the window (line 250's TikTok, with the
    // pinned box scrolled away): drawn as the current one.
    await page.keyboard.press('Escape');
    await page.evaluate(() => document.querySelectorAll('#log > div')[240]!.scrollIntoView({ block: 'start' }));
    await sendToPages({ type: 'mentions/navigate', direction: 'next' });
    const current = await waitFor(
      () => drawnLayer(page),
      (shown) => layerMatches(shown) && shown.boxes.some((box) => box.kind === 'c'),
    );
    expect(current.boxes.filter((box) => box.kind === 'c').map((box) => box.text)).toEqual(['TikTok']);

    // The page takes the layer away; the next time the reader points at the page, it is back.
    await page.mouse.move(5, 5, { steps: 2 });
    await page.evaluate(() => document.querySelector('factlens-marks')!.remove());
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await page.mouse.move(centre!.x, centre!.y + 80, { steps: 3 });
    const back = await waitFor(() => drawnLayer(page), layerMatches);
    expect(back.missing).toEqual([]);
    expect(await page.evaluate(() => document.querySelectorAll('factlens-marks').length)).toBe(1);

    // The log goes fullscreen: the layer moves into it (nothing outside shows), and back to the root after.
    /** The drawn layer once its host is a child of `parent` (an id, or `html`) and its boxes match the marks. */
    const layerUnder = async (parent: string) => {
      const seen = await waitFor(
        async () => ({
          layer: await drawnLayer(page),
          parent: await page.evaluate(() => {
            const container = document.querySelector('factlens-marks')?.parentElement;
            return container?.id || container?.localName || '';
          }),
        }),
        (shown) => shown.parent === parent && layerMatches(shown.layer),
      );
      return { ...seen.layer, parent: seen.parent };
    };
    await page.click('#fullscreen');
    const fullscreen = await layerUnder('log');
    expect(fullscreen.parent).toBe('log');
    expect(fullscreen.missing).toEqual([]);
    await page.screenshot({ path: screenshotPath(`drawn-fullscreen-${browserName}`) });
    await page.evaluate(() => document.exitFullscreen());
    const after = await layerUnder('html');
    expect(after.parent).toBe('html');
    expect(await collectPageErrors(page).read()).toEqual([]);
  }, 60_000);

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
