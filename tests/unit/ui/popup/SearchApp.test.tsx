import { afterEach, describe, expect, it } from 'vitest';
import type { SearchResults } from '@/src/messages/search-results';
import type { FactlensClient } from '@/src/ui/popup/client';
import { SearchApp } from '@/src/ui/popup/SearchApp';
import type { Route } from '@/src/ui/views/routes';
import { FIXTURE_STORIES, fixtureFactBase } from '../../search/fixture-factbase';
import { axeViolations, fixtureClient, mount, press, settle, setValue, typeInto, unmount } from './fakes';

let container: HTMLElement;
afterEach(() => unmount(container));

const input = () => container.querySelector<HTMLInputElement>('#fl-search-input')!;
const options = () => [...container.querySelectorAll<HTMLElement>('[role=option]')];
const activeOption = () => {
  const id = input().getAttribute('aria-activedescendant');
  return id ? container.querySelector(`#${id}`) : null;
};
const heading = () => container.querySelector('h2[tabindex="-1"]');
const status = () => container.querySelector('[role=status]')!.textContent;

async function open(
  props: { client?: FactlensClient; initialRoute?: Route; onRouteChange?: (route: Route) => void } = {},
) {
  container = mount(<SearchApp client={props.client ?? fixtureClient()} layout="popup" {...props} />);
  await settle();
}

describe('searching', () => {
  it('opens with the search box focused, offering entities and stories to try', async () => {
    await open();
    expect(document.activeElement).toBe(input());
    expect(container.querySelector('[role=listbox]')?.getAttribute('aria-label')).toBe('Suggestions');
    expect(options()[0]?.textContent).toMatch(/^Microsoft/);
    expect(options().some((option) => option.textContent?.includes('DOE fusion roadmap'))).toBe(true);
  });

  it('updates the results on every keystroke and announces how many there are', async () => {
    const client = fixtureClient();
    await open({ client });
    await typeInto(input(), 'azure growth');
    expect(client.searches).toEqual(Array.from('azure growth', (_, at) => 'azure growth'.slice(0, at + 1)));
    const texts = options().map((option) => option.textContent);
    expect(texts[0]).toMatch(/^Azure/);
    expect(texts.some((text) => text?.includes('TikTok emerges'))).toBe(true);
    expect(texts.filter((text) => /^(≈28–29%|29%|30–31%)/.test(text ?? ''))).toHaveLength(3);
    expect(status()).toBe('1 entity, 1 story and 3 figures found');
    expect(input().getAttribute('aria-expanded')).toBe('true');
  });

  it('marks the matched words in rows, as <mark> elements', async () => {
    await open();
    await typeInto(input(), '20 million');
    const marks = [...container.querySelectorAll('[role=option] mark')].map((mark) => mark.textContent);
    expect(marks).toContain('$20 million');
  });

  it('says so when nothing matches', async () => {
    await open();
    await typeInto(input(), 'zebra');
    expect(options()).toEqual([]);
    expect(container.textContent).toContain('No stories, entities or figures match zebra');
    expect(status()).toBe('No results for zebra');
  });

  it('never steps back to an older query when answers arrive out of order', async () => {
    const real = fixtureClient();
    const pending: { query: string; resolve: () => void }[] = [];
    const client: FactlensClient = {
      ...real,
      search: (query, limit) =>
        new Promise<SearchResults>((resolve) => {
          pending.push({ query, resolve: () => void real.search(query, limit).then(resolve) });
        }),
    };
    await open({ client });
    await setValue(input(), 'credo');
    await setValue(input(), 'fusion');
    pending.find((request) => request.query === 'fusion')!.resolve();
    await settle();
    expect(options()[0]?.textContent).toMatch(/^US Department of Energy/);
    pending.find((request) => request.query === 'credo')!.resolve();
    await settle();
    expect(options()[0]?.textContent).toMatch(/^US Department of Energy/);
  });
});

describe('keyboard', () => {
  it('moves through the results with the arrow keys, wrapping around', async () => {
    await open();
    await typeInto(input(), 'credo');
    const count = options().length;
    press(input(), 'ArrowDown');
    expect(activeOption()).toBe(options()[0]);
    expect(options()[0]?.getAttribute('aria-selected')).toBe('true');
    press(input(), 'ArrowDown');
    expect(activeOption()).toBe(options()[1]);
    press(input(), 'ArrowUp');
    press(input(), 'ArrowUp');
    expect(activeOption()).toBe(options()[count - 1]);
  });

  it('opens the active row with Enter, and goes back with Esc, restoring the query', async () => {
    await open();
    await typeInto(input(), 'fusion');
    const storyRow = options().findIndex((option) => option.textContent?.includes('DOE fusion roadmap'));
    for (let step = 0; step <= storyRow; step++) press(input(), 'ArrowDown');
    press(input(), 'Enter');
    await settle();
    expect(heading()?.textContent).toBe(fixtureFactBase.stories.find((s) => s.id === FIXTURE_STORIES.doe)!.title);
    expect(document.activeElement).toBe(heading());
    expect(container.querySelector('.fl-story .fl-figures')).toBeNull(); // the fixture's DOE story has no figures
    expect([...container.querySelectorAll('.fl-story mark')].map((mark) => mark.textContent)).toContain('fusion');

    press(heading()!, 'Escape');
    await settle();
    expect(input().value).toBe('fusion');
    expect(document.activeElement).toBe(input());
    expect(options().length).toBeGreaterThan(0);
  });

  it('opens the first row with Enter when none is active, and steps back and forward with Alt+arrows', async () => {
    await open();
    await typeInto(input(), 'credo');
    press(input(), 'Enter');
    await settle();
    expect(heading()?.textContent).toBe('Credo');
    press(heading()!, 'ArrowLeft', { altKey: true });
    await settle();
    expect(heading()).toBeNull();
    expect(input().value).toBe('credo');
    press(input(), 'ArrowRight', { altKey: true });
    await settle();
    expect(heading()?.textContent).toBe('Credo');
  });

  it('goes back with Backspace in an empty search box, and clears the box with Esc at the start', async () => {
    await open();
    await typeInto(input(), 'credo');
    press(input(), 'Enter');
    await settle();
    // Typing on a view starts a new search, reached from that view.
    await setValue(input(), '');
    expect(heading()).toBeNull();
    press(input(), 'Backspace');
    await settle();
    expect(heading()?.textContent).toBe('Credo');
    press(heading()!, 'Escape');
    await settle();
    expect(input().value).toBe('credo');
    press(input(), 'Escape');
    await settle();
    expect(input().value).toBe('');
  });

  it('links views to each other: story → entity → story', async () => {
    await open({ initialRoute: { view: 'story', id: FIXTURE_STORIES.credo } });
    const entityLink = [...container.querySelectorAll<HTMLAnchorElement>('.fl-chip')].find((link) =>
      link.textContent?.startsWith('Credo'),
    )!;
    expect(entityLink.getAttribute('href')).toBe('story.html?entity=credo');
    entityLink.click();
    await settle();
    expect(heading()?.textContent).toBe('Credo');
    const storyLink = container.querySelector<HTMLAnchorElement>('.fl-story-link')!;
    storyLink.click();
    await settle();
    expect(heading()?.textContent).toContain('Credo’s purple cables');
    (container.querySelector('button[aria-label=Back]') as HTMLButtonElement).click();
    await settle();
    expect(heading()?.textContent).toBe('Credo');
  });
});

describe('views', () => {
  it('shows a story: undated, source, excerpt flag, summary, figures with sentences, entities, full text', async () => {
    await open({ initialRoute: { view: 'story', id: FIXTURE_STORIES.tiktok } });
    expect(container.querySelector('.fl-view-meta')?.textContent).toBe('undated · AI news digest');
    const values = [...container.querySelectorAll('.fl-figure .fl-value')].map((value) => value.textContent);
    expect(values).toEqual(['≈$20M / month', '≈25%', '$1B / year', 'hundreds of $M', '29%', '30–31%', '≈28–29%']);
    expect(container.querySelector('.fl-figure-words')?.textContent).toBe('nearly $20 million per month');
    expect([...container.querySelectorAll('.fl-chip')].map((chip) => chip.getAttribute('aria-label'))).toContain(
      'ByteDance, Company',
    );
    expect(container.querySelector('.fl-story-text li')?.textContent).toMatch(/^TikTok’s payments to Microsoft/);
  });

  it('flags excerpts and links to the original in a new tab', async () => {
    await open({ initialRoute: { view: 'story', id: FIXTURE_STORIES.doe } });
    expect(container.querySelector('.fl-flag')?.textContent).toBe('Excerpt');
    expect(container.querySelector('.fl-view-meta time')?.textContent).toBe('Oct 17, 2025');
    const original = [...container.querySelectorAll<HTMLAnchorElement>('.fl-action')].find((link) =>
      link.textContent?.startsWith('Read the original'),
    )!;
    expect(original.href).toBe('https://example.com/doe-fusion-roadmap');
    expect(original.target).toBe('_blank');
    expect(original.rel).toContain('noopener');
  });

  it('shows an entity with its figures and what each story says about it', async () => {
    await open({ initialRoute: { view: 'entity', id: 'azure' } });
    expect(container.querySelector('.fl-kicker')?.textContent).toBe('Product');
    expect(container.querySelectorAll('.fl-figure')).toHaveLength(3);
    const says = [...container.querySelectorAll('.fl-says li')].map((item) => item.textContent);
    expect(says[0]).toContain('Azure revenue growth of 29 percent');
    expect([...container.querySelectorAll('.fl-says mark')].map((mark) => mark.textContent)).toContain('Azure');
  });

  it('says when a story can not be loaded', async () => {
    await open({ initialRoute: { view: 'story', id: 'no-such-story' } });
    expect(container.querySelector('[role=alert]')?.textContent).toBe("unknown story 'no-such-story'");
  });

  it('tells the page about every view, for its address', async () => {
    const routes: Route[] = [];
    await open({ onRouteChange: (route) => routes.push(route) });
    await typeInto(input(), 'credo');
    press(input(), 'Enter');
    await settle();
    expect(routes[0]).toEqual({ view: 'search', query: '' });
    expect(routes.at(-2)).toEqual({ view: 'search', query: 'credo' });
    expect(routes.at(-1)).toMatchObject({ view: 'entity', id: 'credo' });
  });
});

describe('text from stories is never markup', () => {
  const XSS = '<img src=x onerror=alert(1)>';
  const hostile = {
    ...fixtureFactBase,
    stories: fixtureFactBase.stories.map((story) =>
      story.id === FIXTURE_STORIES.credo
        ? { ...story, title: `${XSS} Credo cables`, summary: `${XSS} summary` }
        : story,
    ),
  };

  it('renders a story title with markup as text, in results and in the story view', async () => {
    await open({ client: fixtureClient(hostile) });
    await typeInto(input(), 'credo cables');
    expect(options().some((option) => option.textContent?.includes(XSS))).toBe(true);
    expect(container.querySelector('img')).toBeNull();
    const storyRow = options().findIndex((option) => option.textContent?.includes(XSS));
    for (let step = 0; step <= storyRow; step++) press(input(), 'ArrowDown');
    press(input(), 'Enter');
    await settle();
    expect(heading()?.textContent).toBe(`${XSS} Credo cables`);
    expect(container.querySelector('img')).toBeNull();
  });
});

describe('accessibility (axe-core in happy-dom)', () => {
  it.each<[string, Route, string | null]>([
    ['suggestions', { view: 'search', query: '' }, null],
    ['results', { view: 'search', query: '' }, 'azure growth'],
    ['no results', { view: 'search', query: '' }, 'zebra'],
    ['a story', { view: 'story', id: FIXTURE_STORIES.tiktok }, null],
    ['an entity', { view: 'entity', id: 'microsoft' }, null],
  ])('finds no violations in %s', async (_name, initialRoute, query) => {
    await open({ initialRoute });
    if (query) await typeInto(input(), query);
    if (query) press(input(), 'ArrowDown');
    expect(await axeViolations(container)).toEqual([]);
  });
});
