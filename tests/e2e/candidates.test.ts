/**
 * A name two entities of the fact base carry, in real Chromium and Firefox with the built extension (issue 12):
 * two of the user's articles make two people each called "Mr Kessler" by his story, and a local news page
 * (tests/fixtures/shared-name.html) names only "Mr Kessler". The name is marked, its popover offers both
 * people ("This name may mean:"), choosing one shows that one's facts, with the pointer and with the keyboard,
 * and "Not this …" mutes the one shown on this site only: the name stays marked for the other. The Chromium run
 * saves test-results/candidates-chromium.png, the README's docs/screenshots/candidates.png. axe-core checks
 * the popover with its choice of candidates in both browsers.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SETTINGS_KEY } from '@/src/settings/schema';
import {
  addUserArticles,
  askTabs,
  BROWSERS,
  collectPageErrors,
  highlightCentre,
  launchWithExtension,
  markedTexts,
  screenshotOnFailure,
  screenshotPath,
  sleep,
  startFixtureServer,
  waitFor,
  writeSettings,
  type ExtensionSession,
} from './harness';
import { copyPopoverForContrast, expectReadableText, runAxe } from './axe';
import type { StaticServer } from './server';

/** Two stories, each calling its own Kessler "Mr Kessler": the name the fact base then gives both. */
const ARTICLES = [
  {
    id: 'user-portwell-council-backs-a-new-ferry-terminal',
    title: 'Portwell council backs a new ferry terminal',
    date: '2025-10-20',
    body:
      'The Portwell harbour council voted on Monday to build a new ferry terminal, which will cost $40 million and ' +
      'open next spring.\n\nCouncil chair Wade Kessler, who was re-elected in May with 62% of the vote, said the ' +
      "terminal would double the number of crossings. Mr Kessler said the vote was the largest in the council's history.",
    addedAt: '2025-10-20T09:00:00.000Z',
  },
  {
    id: 'user-marlow-tech-names-a-new-chief-engineer',
    title: 'Marlow Tech names a new chief engineer',
    date: '2025-11-03',
    body:
      'Marlow Tech, the battery maker, has named Justin Kessler as its chief engineer. Justin Kessler will hire 30 ' +
      'engineers next year, the company said.\n\nMr Kessler joined Marlow Tech in 2019 from a car maker and led its ' +
      'work on fast-charging cells.',
    addedAt: '2025-11-03T09:00:00.000Z',
  },
];
const [WADE_STORY, JUSTIN_STORY] = ARTICLES.map((article) => article.title) as [string, string];
const PAGE = 'shared-name.html';

/** The WebExtension API as the control page uses it. */
interface PageApi {
  storage: {
    local: { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void> };
  };
}
declare function extensionApi(): PageApi;
const DEFINE_API = `globalThis.extensionApi = () => globalThis.browser ?? globalThis.chrome;`;

/** What a reader sees of the popover, or null when it is closed. */
interface PopoverView {
  title: string;
  /** The group's accessible name, when the popover offers candidates. */
  group: string | null;
  candidates: { name: string; pressed: string | null }[];
  /** The "Not this …" button's text, when there is one. */
  mute: string | null;
  text: string;
  /** What has keyboard focus in the popover: a button's name, `dialog`, or null when focus is elsewhere. */
  focus: string | null;
}

function popoverView(page: Page): Promise<PopoverView | null> {
  return page.evaluate(() => {
    const root = document.querySelector('factlens-root')?.shadowRoot;
    const layer = root?.querySelector('.fl-layer');
    if (!root || !layer?.matches('.fl-open') || !root.querySelector('.fl-title')) return null;
    const group = root.querySelector('.fl-candidates');
    const active = root.activeElement;
    return {
      title: root.querySelector('.fl-title')!.textContent ?? '',
      group: group?.getAttribute('aria-label') ?? null,
      candidates: [...root.querySelectorAll('.fl-candidate')].map((button) => ({
        name: button.textContent ?? '',
        pressed: button.getAttribute('aria-pressed'),
      })),
      mute: root.querySelector('.fl-mute')?.textContent ?? null,
      text: layer.textContent ?? '',
      focus:
        active === null
          ? null
          : active.getAttribute('role') === 'dialog'
            ? 'dialog'
            : (active.getAttribute('aria-label') ?? active.textContent ?? ''),
    };
  });
}

/** Click, with the mouse, the popover's button whose text is `name`. */
async function clickPopoverButton(page: Page, name: string): Promise<void> {
  const buttons = await page.$$('factlens-root >>> button');
  for (const button of buttons) {
    if ((await button.evaluate((element) => element.textContent)) === name) {
      await button.click();
      return;
    }
  }
  throw new Error(`the popover has no button "${name}"`);
}

describe.each(BROWSERS)('a name two entities carry, in %s', (browserName) => {
  let session: ExtensionSession;
  let server: StaticServer;
  /** An extension page: it stores the articles and settings, and sends what the keyboard command would. */
  let control: Page;

  async function open(origin = server.origin): Promise<Page> {
    const page = await session.browser.newPage();
    collectPageErrors(page);
    await page.setViewport({ width: 1000, height: 720 });
    await page.goto(`${origin}/${PAGE}`, { waitUntil: 'load' });
    await waitFor(
      () => markedTexts(page),
      (texts) => texts.includes('Mr Kessler') && texts.includes('Microsoft'),
      15_000,
    );
    return page;
  }

  /** Rest the pointer on "Mr Kessler" and wait for its popover. */
  async function hoverName(page: Page): Promise<PopoverView | null> {
    const centre = await highlightCentre(page, 'factlens-mention', 'Mr Kessler', 'ferry');
    expect(centre).not.toBeNull();
    await page.mouse.move(centre!.x - 40, centre!.y + 40);
    await page.mouse.move(centre!.x, centre!.y, { steps: 4 });
    return waitFor(
      () => popoverView(page),
      (view) => view?.title.includes('Kessler') === true,
      8000,
    );
  }

  beforeAll(async () => {
    server = await startFixtureServer();
    session = await launchWithExtension(browserName);
    control = await session.openExtensionPage('options.html', '#highlighting');
    await control.evaluate(DEFINE_API);
    // The background has built the articles once it knows both people.
    expect(await addUserArticles(control, ARTICLES, ['wade-kessler', 'justin-kessler'])).toBe(true);
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  beforeEach(async () => {
    await writeSettings(control, {});
    for (const page of await session.browser.pages()) if (page !== control) await page.close();
  });

  it('offers both people on hover, and shows the facts of the one chosen', async () => {
    const page = await open();
    screenshotOnFailure(page, `candidates-hover-${browserName}`);

    const shown = await hoverName(page);
    // The first in the fact base's order is shown; both are offered by name, the shown one pressed.
    expect(shown).toMatchObject({
      title: 'Justin Kessler',
      group: 'This name may mean',
      candidates: [
        { name: 'Justin Kessler', pressed: 'true' },
        { name: 'Wade Kessler', pressed: 'false' },
      ],
      mute: 'Not this Justin Kessler',
    });
    expect(shown!.text).toContain('This name may mean:');
    expect(shown!.text).toContain(JUSTIN_STORY);
    expect(shown!.text).not.toContain(WADE_STORY);

    await clickPopoverButton(page, 'Wade Kessler');
    const chosen = await waitFor(
      () => popoverView(page),
      (view) => view?.title === 'Wade Kessler',
      8000,
    );
    expect(chosen).toMatchObject({
      title: 'Wade Kessler',
      candidates: [
        { name: 'Justin Kessler', pressed: 'false' },
        { name: 'Wade Kessler', pressed: 'true' },
      ],
      mute: 'Not this Wade Kessler',
    });
    // Wade Kessler's own facts: his figure and his story, none of Justin Kessler's.
    expect(chosen!.text).toContain('62%');
    expect(chosen!.text).toContain(WADE_STORY);
    expect(chosen!.text).not.toContain(JUSTIN_STORY);

    if (browserName === 'chromium') {
      // The README's screenshot (docs/screenshots/candidates.png), once the popover has settled in place.
      await sleep(400);
      await page.screenshot({ path: screenshotPath(`candidates-${browserName}`) });
    }
    // The choice of candidates passes every axe rule, inside the popover's shadow root, and its text is
    // readable (measured on a laid-out copy of the popover: see tests/e2e/axe.ts).
    const outcome = await runAxe(page, { include: ['factlens-root'] });
    expect(outcome.violations).toEqual([]);
    expect(outcome.shadowNodesChecked, 'axe examined nodes inside the popover’s shadow root').toBeGreaterThan(10);
    await expectReadableText(page, [null], { include: [await copyPopoverForContrast(page)] });
    expect(await collectPageErrors(page).read()).toEqual([]);
  });

  it('works from the keyboard: Tab reaches each name, Enter chooses one, Esc closes', async () => {
    const page = await open();
    screenshotOnFailure(page, `candidates-keyboard-${browserName}`);
    await page.bringToFront();
    // What the keyboard command (Alt+Shift+F) makes the background send: the next mention, its popover focused.
    await askTabs(control, { type: 'mentions/navigate', direction: 'next' });
    const opened = await waitFor(
      () => popoverView(page),
      (view) => view?.focus === 'dialog',
      8000,
    );
    expect(opened).toMatchObject({ title: 'Justin Kessler', focus: 'dialog' });

    const focusAfterTab = async () => {
      await page.keyboard.press('Tab');
      return (await popoverView(page))?.focus ?? null;
    };
    expect(await focusAfterTab()).toBe('Close');
    expect(await focusAfterTab()).toBe('Justin Kessler');
    expect(await focusAfterTab()).toBe('Wade Kessler');
    await page.keyboard.press('Enter');
    const chosen = await waitFor(
      () => popoverView(page),
      (view) => view?.title === 'Wade Kessler',
      8000,
    );
    expect(chosen!.candidates.map((candidate) => candidate.pressed)).toEqual(['false', 'true']);
    expect(chosen!.text).toContain(WADE_STORY);
    // Focus stays in the popover, so the reader can go on from the keyboard.
    // Focus stays on the name chosen, so the reader can go on comparing from there.
    expect(chosen!.focus).toBe('Wade Kessler');
    await page.keyboard.down('Shift');
    await page.keyboard.press('Tab');
    await page.keyboard.up('Shift');
    await page.keyboard.press('Enter');
    const back = await waitFor(
      () => popoverView(page),
      (view) => view?.title === 'Justin Kessler',
      8000,
    );
    expect(back).toMatchObject({ title: 'Justin Kessler', focus: 'Justin Kessler' });
    expect(back!.text).toContain(JUSTIN_STORY);

    await page.keyboard.press('Escape');
    expect(
      await waitFor(
        () => popoverView(page),
        (view) => view === null,
      ),
    ).toBeNull();
    // The name is still marked, and Esc muted nothing.
    expect(await markedTexts(page)).toContain('Mr Kessler');
    expect(await collectPageErrors(page).read()).toEqual([]);
  });

  it('“Not this …” mutes the one shown on this site only: the name stays marked for the other', async () => {
    const page = await open();
    screenshotOnFailure(page, `candidates-mute-${browserName}`);
    const before = await markedTexts(page);

    await hoverName(page);
    await clickPopoverButton(page, 'Wade Kessler');
    await waitFor(
      () => popoverView(page),
      (view) => view?.mute === 'Not this Wade Kessler',
      8000,
    );
    await clickPopoverButton(page, 'Not this Wade Kessler');
    expect(
      await waitFor(
        () => popoverView(page),
        (view) => view === null,
      ),
    ).toBeNull();

    // Stored: Wade Kessler on this site, nothing everywhere.
    const stored = await waitFor(
      () =>
        control.evaluate(
          async (key) =>
            (await extensionApi().storage.local.get(key))[key] as {
              changes: { mutedOnSites?: Record<string, string[]>; mutedEntities?: string[] };
            },
          SETTINGS_KEY,
        ),
      (record) => record.changes.mutedOnSites !== undefined,
    );
    expect(stored.changes.mutedOnSites).toEqual({ '127.0.0.1': ['wade-kessler'] });
    expect(stored.changes.mutedEntities ?? []).toEqual([]);

    // The page keeps every mark, "Mr Kessler" now for Justin Kessler alone.
    await sleep(500);
    expect(await markedTexts(page)).toEqual(before);
    await page.mouse.move(5, 5, { steps: 2 });
    await waitFor(
      () => popoverView(page),
      (view) => view === null,
    );
    const after = await hoverName(page);
    expect(after).toMatchObject({ title: 'Justin Kessler', group: null, candidates: [] });
    expect(after!.text).not.toContain('Wade Kessler');
    // The name is still one two people carry: Justin Kessler can be muted here too.
    expect(after!.mute).toBe('Not this Justin Kessler');

    // Another site still offers both.
    const elsewhere = await open(server.origin.replace('127.0.0.1', 'localhost'));
    screenshotOnFailure(elsewhere, `candidates-elsewhere-${browserName}`);
    const offered = await hoverName(elsewhere);
    expect(offered!.candidates.map((candidate) => candidate.name)).toEqual(['Justin Kessler', 'Wade Kessler']);
    expect(await collectPageErrors(page).read()).toEqual([]);
    expect(await collectPageErrors(elsewhere).read()).toEqual([]);
  });
});
