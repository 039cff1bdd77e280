import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import type { PageMentions } from '@/src/messages/schema';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from '@/src/settings/schema';
import { loadSettings, saveSettings } from '@/src/settings/store';
import { Popup } from '@/src/ui/popup/Popup';
import { memoryArea, type MemoryArea } from '../../settings/memory-area';
import { axeViolations, fakePage, fixtureClient, mount, settle, typeInto, unmount } from './fakes';

let container: HTMLElement;
afterEach(() => unmount(container));

const MENTIONS: PageMentions = {
  entities: [
    { entityId: 'microsoft', name: 'Microsoft', count: 5 },
    { entityId: 'azure', name: 'Azure', count: 2 },
  ],
  leftOut: 0,
  active: true,
};

const STATS = { stories: 4, entities: 9, figures: 12 };

async function openPopup(page = fakePage(MENTIONS), storage: MemoryArea = memoryArea()) {
  container = mount(
    <Popup
      client={fixtureClient()}
      page={page}
      settings={{ area: storage, onChanged: storage.onChanged }}
      loadStats={async () => STATS}
    />,
  );
  await settle();
  return { page, storage };
}

const buttons = (label: string) =>
  [...container.querySelectorAll<HTMLButtonElement>('button')].filter(
    (button) => (button.getAttribute('aria-label') ?? button.textContent) === label,
  );
const click = (element: HTMLElement) => act(() => element.click());
const onThisPage = () => container.querySelector('.fl-on-page')!;
const switchNamed = (name: RegExp) =>
  [...container.querySelectorAll<HTMLLabelElement>('label.fl-switch')]
    .find((label) => name.test(label.textContent ?? ''))!
    .querySelector('input')!;

describe('On this page', () => {
  it('lists the entities the page marks, with counts', async () => {
    await openPopup();
    const rows = [...onThisPage().querySelectorAll('.fl-page-jump')].map((row) => row.textContent);
    expect(rows).toEqual(['Microsoft5', 'Azure2']);
    expect(onThisPage().querySelector('.fl-badge')?.getAttribute('aria-label')).toBe('5 mentions');
  });

  it('jumps to the first mention when one is chosen, then steps with next and previous', async () => {
    const { page } = await openPopup();
    click(onThisPage().querySelector<HTMLButtonElement>('.fl-page-jump')!);
    await settle();
    click(buttons('Next mention of Microsoft')[0]!);
    click(buttons('Previous mention of Microsoft')[0]!);
    await settle();
    expect(page.jumps).toEqual([
      ['microsoft', 'first'],
      ['microsoft', 'next'],
      ['microsoft', 'previous'],
    ]);
  });

  it('opens the chosen entity’s facts', async () => {
    await openPopup();
    click(onThisPage().querySelector<HTMLButtonElement>('.fl-page-jump')!);
    await settle();
    click(buttons('Facts about Microsoft')[0]!);
    await settle();
    expect(container.querySelector('h2[tabindex="-1"]')?.textContent).toBe('Microsoft');
  });

  it('says how many mentions the page cap left unmarked', async () => {
    await openPopup(fakePage({ ...MENTIONS, leftOut: 12 }));
    expect(onThisPage().textContent).toContain('12 mentions not marked (page cap)');
  });

  it.each<[string, PageMentions | null, string]>([
    ['no content script answers', null, 'Factlens can’t read this page.'],
    ['Factlens is paused there', { entities: [], leftOut: 0, active: false }, 'Factlens is paused on this page.'],
    ['nothing is marked', { entities: [], leftOut: 0, active: true }, 'No entities from the fact base on this page.'],
  ])('says so when %s', async (_case, mentions, text) => {
    await openPopup(fakePage(mentions));
    expect(onThisPage().textContent).toBe(`On this page${text}`);
  });

  it('lists the page’s checked figures as the page gives them (those that differ first), each with both sides, and shows one on the page when chosen', async () => {
    const verdict = (
      position: number,
      entityId: string,
      entityName: string,
      kind: 'agrees' | 'close' | 'differs',
      page: string,
      stories: string,
    ) => ({
      position,
      sentence: 0,
      start: 0,
      end: 3,
      entityId,
      entityName,
      verdict: kind,
      page,
      stories,
      storyId: 's',
      storyTitle: 'A story',
      storySentence: 'A sentence.',
      pageIsNewer: false,
    });
    const { page } = await openPopup(
      fakePage({
        ...MENTIONS,
        figures: [
          verdict(3, 'credo', 'Credo', 'differs', 'This page: 300%', 'Your story of October 2025 said 245%'),
          verdict(1, 'azure', 'Azure', 'close', 'This page: 31%', 'Your stories: 29%'),
        ],
      }),
    );
    const rows = [...onThisPage().querySelectorAll('.fl-page-figure')].map((row) => row.textContent);
    expect(rows).toEqual([
      'DiffersCredoThis page: 300% · Your story of October 2025 said 245%',
      'CloseAzureThis page: 31% · Your stories: 29%',
    ]);
    expect(await axeViolations(container)).toEqual([]);
    click(onThisPage().querySelector<HTMLButtonElement>('.fl-page-figure-jump')!);
    await settle();
    expect(page.figureJumps).toEqual([3]);
  });

  it('gives way to results once something is typed', async () => {
    await openPopup();
    await typeInto(container.querySelector<HTMLInputElement>('#fl-search-input')!, 'credo');
    expect(container.querySelector('.fl-on-page')).toBeNull();
  });
});

describe('pause switches', () => {
  it('pause and resume the active tab’s site in settings', async () => {
    const { storage } = await openPopup();
    const site = switchNamed(/news\.example\.com/);
    expect(site.checked).toBe(false);
    click(site);
    await settle();
    expect((await loadSettings(storage)).disabledSites).toEqual(['news.example.com']);
    expect(site.checked).toBe(true);
    click(site);
    await settle();
    expect((await loadSettings(storage)).disabledSites).toEqual([]);
  });

  it('resume a site paused by a parent domain entry', async () => {
    const storage = memoryArea();
    await saveSettings(storage, { disabledSites: ['example.com', 'other.org'] });
    await openPopup(fakePage(MENTIONS), storage);
    const site = switchNamed(/news\.example\.com/);
    expect(site.checked).toBe(true);
    click(site);
    await settle();
    expect((await loadSettings(storage)).disabledSites).toEqual(['other.org']);
  });

  it('pause everywhere, and follow a change made elsewhere', async () => {
    const { storage } = await openPopup();
    const everywhere = switchNamed(/Pause everywhere/);
    click(everywhere);
    await settle();
    expect((await loadSettings(storage)).enabled).toBe(false);
    await act(async () => {
      await saveSettings(storage, { enabled: true });
    });
    await settle();
    expect(everywhere.checked).toBe(false);
  });

  it('offer no site switch on pages without a web address', async () => {
    await openPopup(fakePage(null, { id: 3, url: 'chrome://extensions/' }));
    const site = switchNamed(/Pause on this site/);
    expect(site.disabled).toBe(true);
  });

  it('follow the reader’s theme choice', async () => {
    const storage = memoryArea({ [SETTINGS_KEY]: { version: 1, changes: { theme: 'dark' } } });
    await openPopup(fakePage(MENTIONS), storage);
    expect(document.documentElement.dataset.theme).toBe('dark');
    await act(async () => {
      await saveSettings(storage, { theme: DEFAULT_SETTINGS.theme });
    });
    await settle();
    expect(document.documentElement.dataset.theme).toBe('system');
  });
});

describe('the popup', () => {
  it('keeps the fact base size in its footer', async () => {
    await openPopup();
    expect(container.querySelector('[data-testid=story-count]')?.textContent).toBe('4');
  });

  it('finds no accessibility violations, with a chosen entity on the page', async () => {
    await openPopup();
    click(onThisPage().querySelector<HTMLButtonElement>('.fl-page-jump')!);
    await settle();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('finds no accessibility violations on a page it can not read', async () => {
    await openPopup(fakePage(null, null));
    expect(await axeViolations(container)).toEqual([]);
  });

  it('catches a real violation, so a clean result means something', async () => {
    await openPopup();
    const search = container.querySelector('#fl-search-input')!;
    search.removeAttribute('id');
    search.removeAttribute('placeholder');
    const violations = await axeViolations(container);
    expect(violations.join('\n')).toMatch(/label|aria-input-field-name/);
  });
});
