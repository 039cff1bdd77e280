import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import axe from 'axe-core';
import { OptionsApp } from '@/src/ui/options/OptionsApp';
import { SETTINGS_KEY } from '@/src/settings/schema';
import { USER_ARTICLES_KEY, type UserArticle } from '@/src/user-articles/schema';
import { BACKUP_FORMAT } from '@/src/user-articles/backup';
import { ENTITIES, fakeEnvironment, NOW, type FakeEnvironment } from './environment';
import { pageDriver, settle } from './page-driver';

const XSS_TITLE = '<img src=x onerror=alert(1)>';

const article = (id: string, title: string, extra: Partial<UserArticle> = {}): UserArticle => ({
  id,
  title,
  date: '2025-10-20',
  source: 'The Leeds Ledger',
  body: `${title}. Some text.`,
  addedAt: '2025-10-20T09:00:00.000Z',
  ...extra,
});

let container: HTMLElement;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(() => {
  act(() => render(null, container));
  container.remove();
  delete document.documentElement.dataset.theme;
});

async function mount(env: FakeEnvironment, hash = '') {
  act(() => render(<OptionsApp env={env} hash={hash} root={document.documentElement} />, container));
  await settle();
}

const { accessibleName, control, click, type, change } = pageDriver(() => container);

async function submit(form: HTMLFormElement) {
  act(() => {
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
  await settle();
}

async function chooseFile(text: string, name = 'backup.json') {
  const input = control<HTMLInputElement>('Import a backup file');
  Object.defineProperty(input, 'files', { configurable: true, value: [new File([text], name)] });
  act(() => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle();
}

async function axeViolations(root: Element) {
  const results = await axe.run(root, { resultTypes: ['violations'] });
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((n) => n.html).join(' | ')}`);
}

const text = () => (container.textContent ?? '').replace(/\s+/g, ' ');
const stored = (env: FakeEnvironment, key: string) => env.storage.data.get(key);

describe('options page: highlighting', () => {
  it('saves a new highlight style as a change only, and shows it checked', async () => {
    const env = fakeEnvironment();
    await mount(env);
    await click(/^Background tint/);
    expect(stored(env, SETTINGS_KEY)).toEqual({ version: 1, changes: { highlightStyle: 'tint' } });
    expect(control(/^Background tint/).checked).toBe(true);
    expect(control(/^Underline/).checked).toBe(false);
    expect(container.querySelector('[role=status]')?.textContent).toBe('Saved.');
  });

  it('saves the other highlighting settings and applies the theme to the page', async () => {
    const env = fakeEnvironment();
    await mount(env);
    await click('Mark only the first mention of each entity on a page');
    await change('Hover delay, in milliseconds', '600');
    await change('Most mentions marked on one page', '300');
    await change('Theme of popovers and this page', 'dark');
    expect(stored(env, SETTINGS_KEY)).toEqual({
      version: 1,
      changes: { firstMentionOnly: true, hoverDelayMs: 600, maxMentionsPerPage: 300, theme: 'dark' },
    });
    expect(document.documentElement.dataset.theme).toBe('dark');
  });

  it('refuses a hover delay out of range, says why beside the field, and saves nothing', async () => {
    const env = fakeEnvironment();
    await mount(env);
    await change('Hover delay, in milliseconds', '5000');
    const field = control('Hover delay, in milliseconds');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    const errorId = field.getAttribute('aria-describedby')!.split(' ').at(-1)!;
    expect(container.querySelector(`#${CSS.escape(errorId)}`)?.textContent).toBe(
      'Enter a whole number from 0 to 2000.',
    );
    expect(stored(env, SETTINGS_KEY)).toBeUndefined();
  });

  it('follows changes other contexts make (a popover muting an entity)', async () => {
    const env = fakeEnvironment();
    await mount(env);
    await act(async () => {
      await env.storage.set({ [SETTINGS_KEY]: { version: 1, changes: { highlightStyle: 'hover' } } });
    });
    await settle();
    expect(control(/^None until hover/).checked).toBe(true);
  });
});

describe('options page: muted entities and sites', () => {
  it('lists every entity, narrows the list by search, and mutes one', async () => {
    const env = fakeEnvironment();
    await mount(env);
    expect(text()).toContain('4 entities, 0 muted.');
    await type('Find an entity', 'tik');
    expect(container.querySelectorAll('.fo-entity-list li')).toHaveLength(1);
    await click('Mute TikTok');
    expect(stored(env, SETTINGS_KEY)).toEqual({ version: 1, changes: { mutedEntities: ['tiktok'] } });
  });

  it('lists per-site mutes by name and removes one', async () => {
    const env = fakeEnvironment({
      [SETTINGS_KEY]: { version: 1, changes: { mutedOnSites: { 'news.example': ['azure', 'tiktok'] } } },
    });
    await mount(env);
    expect(text()).toContain('news.example');
    await click('Unmute Azure on news.example');
    expect(stored(env, SETTINGS_KEY)).toEqual({
      version: 1,
      changes: { mutedOnSites: { 'news.example': ['tiktok'] } },
    });
    await click('Unmute TikTok on news.example');
    expect(stored(env, SETTINGS_KEY)).toEqual({ version: 1, changes: {} });
  });

  it('counts a mute kept under an id that has moved as its entity’s: checked, named and unmuted (issue 11)', async () => {
    // "msft" was Microsoft's id before the builder joined its name into "microsoft".
    const env = fakeEnvironment({
      [SETTINGS_KEY]: {
        version: 1,
        changes: { mutedEntities: ['msft'], mutedOnSites: { 'news.example': ['msft'] } },
      },
    });
    const answer = env.sendMessage.bind(env);
    env.sendMessage = async (message) =>
      message.type === 'entities/list'
        ? {
            ok: true,
            value: ENTITIES.map((entity) => (entity.id === 'microsoft' ? { ...entity, formerIds: ['msft'] } : entity)),
          }
        : answer(message);
    await mount(env);
    expect(text()).toContain('4 entities, 1 muted.');
    expect(text()).not.toContain('no longer in the fact base');
    expect(control('Mute Microsoft').checked).toBe(true);
    expect(control('Unmute Microsoft on news.example')).toBeTruthy();
    await click('Mute Microsoft');
    // Unmuted everywhere: the id it was muted under goes; the site's own mute stays, kept as it was stored.
    expect(stored(env, SETTINGS_KEY)).toEqual({
      version: 1,
      changes: { mutedOnSites: { 'news.example': ['msft'] } },
    });
  });

  it('turns Factlens off on a typed site and back on', async () => {
    const env = fakeEnvironment();
    await mount(env);
    await type('Site', 'https://www.Example.com/some/page');
    await submit(control('Site').form!);
    expect(stored(env, SETTINGS_KEY)).toEqual({ version: 1, changes: { disabledSites: ['www.example.com'] } });
    expect(control('Site').value).toBe('');
    await click('Turn Factlens back on for www.example.com');
    expect(stored(env, SETTINGS_KEY)).toEqual({ version: 1, changes: {} });
  });

  it('says what is wrong with a site that is not one', async () => {
    const env = fakeEnvironment();
    await mount(env);
    await type('Site', 'not a site');
    await submit(control('Site').form!);
    expect(control('Site').getAttribute('aria-invalid')).toBe('true');
    expect(text()).toContain('Enter a site such as example.com or a page address.');
    expect(stored(env, SETTINGS_KEY)).toBeUndefined();
  });
});

describe('options page: shortcuts', () => {
  it('shows the commands with their keys and how to change them in Firefox', async () => {
    const env = fakeEnvironment();
    await mount(env);
    const rows = [...container.querySelectorAll('.fo-shortcuts tbody tr')].map((row) =>
      [...row.querySelectorAll('td')].map((cell) => cell.textContent),
    );
    expect(rows).toEqual([
      ['Go to the next mention on the page and show its facts', 'Alt+Shift+F'],
      ['Go to the previous mention on the page and show its facts', 'not set'],
    ]);
    expect(text()).toContain('about:addons, click the gear button, then Manage Extension Shortcuts');
    await click('Open the shortcut settings');
    expect(env.openShortcutSettings).toHaveBeenCalledOnce();
  });

  it('points Chrome users at chrome://extensions/shortcuts', async () => {
    await mount(fakeEnvironment({}, 'chrome'));
    expect(text()).toContain('chrome://extensions/shortcuts');
  });
});

describe('options page: your articles', () => {
  it('adds an article by paste: preview of entities and figures, then save', async () => {
    const env = fakeEnvironment();
    await mount(env);
    await click('Add an article');
    await type(/^Title/, 'Quillfeather Robotics raises $12 million');
    await type(/^Date/, '2025-10-20');
    await type(/^Text/, 'Warehouse start-up Quillfeather Robotics said on Monday that it had raised $12 million.');
    await click('Preview what Factlens finds');

    const preview = container.querySelector('.fo-preview')!;
    expect(preview.textContent).toContain('2 entities (1 new) and 1 figure.');
    expect([...preview.querySelectorAll('.fo-preview-entities li')].map((li) => li.textContent)).toEqual([
      'Quillfeather Robotics Companynew',
      'Microsoft Company',
    ]);
    expect(preview.querySelector('tbody tr')?.textContent).toContain('$12M');
    expect(document.activeElement?.id).toBe('article-preview-title');

    await click('Save article');
    const saved = stored(env, USER_ARTICLES_KEY) as { articles: UserArticle[] };
    expect(saved.articles).toEqual([
      {
        id: 'user-quillfeather-robotics-raises-12-million',
        title: 'Quillfeather Robotics raises $12 million',
        date: '2025-10-20',
        body: 'Warehouse start-up Quillfeather Robotics said on Monday that it had raised $12 million.',
        addedAt: new Date(NOW).toISOString(),
      },
    ]);
    expect(text()).toContain('Saved “Quillfeather Robotics raises $12 million”.');
    expect(container.querySelector('.fo-article-list')?.textContent).toContain('Quillfeather Robotics raises');
  });

  it('shows each problem beside its field and does not preview', async () => {
    const env = fakeEnvironment();
    await mount(env);
    await click('Add an article');
    await type(/^Date/, 'Oct 17');
    await click('Preview what Factlens finds');
    expect(control(/^Title/).getAttribute('aria-invalid')).toBe('true');
    expect(control(/^Date/).getAttribute('aria-invalid')).toBe('true');
    expect(text()).toContain("'Oct 17' is not a date written YYYY-MM-DD, like 2025-10-17.");
    expect(text()).toContain('Paste the text of the article.');
    expect(container.querySelector('.fo-preview')).toBeNull();
  });

  it('edits an article under its id and deletes one after confirmation', async () => {
    const env = fakeEnvironment({
      [USER_ARTICLES_KEY]: { version: 1, articles: [article('user-a', 'First'), article('user-b', 'Second')] },
    });
    await mount(env);
    await click('Edit “First”');
    expect(control<HTMLInputElement>(/^Title/).value).toBe('First');
    await type(/^Title/, 'First, revised');
    await click('Preview what Factlens finds');
    await click('Save article');
    const afterEdit = (stored(env, USER_ARTICLES_KEY) as { articles: UserArticle[] }).articles;
    expect(afterEdit.map((entry) => [entry.id, entry.title])).toEqual([
      ['user-a', 'First, revised'],
      ['user-b', 'Second'],
    ]);

    await click('Delete “Second”');
    expect(document.activeElement?.textContent).toBe('Delete');
    await click('Keep it');
    expect((stored(env, USER_ARTICLES_KEY) as { articles: UserArticle[] }).articles).toHaveLength(2);
    await click('Delete “Second”');
    await click('Delete');
    expect((stored(env, USER_ARTICLES_KEY) as { articles: UserArticle[] }).articles.map((entry) => entry.id)).toEqual([
      'user-a',
    ]);
  });

  it('renders a title holding markup as text', async () => {
    const env = fakeEnvironment({ [USER_ARTICLES_KEY]: { version: 1, articles: [article('user-x', XSS_TITLE)] } });
    await mount(env);
    expect(container.querySelector('.fo-article-list img')).toBeNull();
    expect(container.querySelector('.fo-article-title')?.textContent).toBe(XSS_TITLE);
    await click(`Edit “${XSS_TITLE}”`);
    await click('Preview what Factlens finds');
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('#article-preview-title')?.textContent).toBe(
      `What Factlens found in “${XSS_TITLE}”`,
    );
  });

  it('“Add this page” fills the form from the tab named in the address', async () => {
    const env = fakeEnvironment();
    env.extractPage.mockResolvedValue({
      title: 'Quillfeather Robotics raises $12 million for warehouse robots',
      byline: 'Priya Castellanos',
      siteName: 'The Leeds Ledger',
      text: 'Paragraph one.\n\nParagraph two.',
      url: 'https://ledger.example/q',
      publishedDate: '2025-10-20',
    });
    await mount(env, '#add-page?tab=42');
    expect(env.extractPage).toHaveBeenCalledWith(42);
    expect(control<HTMLInputElement>(/^Title/).value).toBe(
      'Quillfeather Robotics raises $12 million for warehouse robots',
    );
    expect(control<HTMLInputElement>(/^Date/).value).toBe('2025-10-20');
    expect(control<HTMLInputElement>(/^Source/).value).toBe('The Leeds Ledger');
    expect(control<HTMLInputElement>(/^Address/).value).toBe('https://ledger.example/q');
    expect(control<HTMLTextAreaElement>(/^Text/).value).toBe('Paragraph one.\n\nParagraph two.');
  });

  it('“Add this page” on a page added before says so, and saving updates that article', async () => {
    const env = fakeEnvironment({
      [USER_ARTICLES_KEY]: {
        version: 1,
        articles: [article('user-q', 'Quillfeather raises money', { url: 'https://ledger.example/q' })],
      },
    });
    env.extractPage.mockResolvedValue({
      title: 'Quillfeather Robotics raises $12 million for warehouse robots',
      byline: null,
      siteName: 'The Leeds Ledger',
      text: 'Quillfeather Robotics said on Monday that it had raised $12 million.',
      url: 'https://www.ledger.example/q#comments',
      publishedDate: '2025-10-20',
    });
    await mount(env, '#add-page?tab=42');
    expect(text()).toContain('You added this page on');
    expect(text()).toContain('saving updates “Quillfeather raises money” instead of adding a copy.');
    await click('Preview what Factlens finds');
    await click('Save article');
    const saved = (stored(env, USER_ARTICLES_KEY) as { articles: UserArticle[] }).articles;
    expect(saved.map((entry) => [entry.id, entry.title])).toEqual([
      ['user-q', 'Quillfeather Robotics raises $12 million for warehouse robots'],
    ]);
    expect(text()).toContain('Updated “Quillfeather Robotics raises $12 million for warehouse robots”');
  });

  it('“Add this page” on a front page says to open one story, and still fills in what it read', async () => {
    const env = fakeEnvironment();
    env.extractPage.mockResolvedValue({
      title: 'The New York Times en Español',
      byline: null,
      siteName: null,
      text: 'Teaser one.\n\nTeaser two.',
      url: 'https://www.nytimes.com/es/',
      publishedDate: null,
      listing: true,
    });
    await mount(env, '#add-page?tab=42');
    expect(text()).toContain('This page lists several stories; open one to add it.');
    expect(control<HTMLTextAreaElement>(/^Text/).value).toBe('Teaser one.\n\nTeaser two.');
  });

  it('“Add this page” on an article says nothing of lists', async () => {
    const env = fakeEnvironment();
    env.extractPage.mockResolvedValue({
      title: 'T',
      byline: null,
      siteName: null,
      text: 'Story.',
      url: 'https://ledger.example/q',
      publishedDate: null,
      listing: false,
    });
    await mount(env, '#add-page?tab=42');
    expect(control<HTMLInputElement>(/^Title/).value).toBe('T');
    expect(text()).not.toContain('lists several stories');
  });

  it('“Add this page” explains when the tab can not be read, and leaves the form open for pasting', async () => {
    const env = fakeEnvironment();
    env.extractPage.mockRejectedValue(new Error('Cannot access contents of url "chrome://settings/".'));
    await mount(env, '#add-page?tab=7');
    expect(container.querySelector('[role=alert]')?.textContent).toMatch(/^Factlens may not read that tab any more/);
    expect(control<HTMLInputElement>(/^Title/).value).toBe('');
  });
});

describe('options page: backup', () => {
  const initial = {
    [SETTINGS_KEY]: { version: 1, changes: { theme: 'dark' } },
    [USER_ARTICLES_KEY]: { version: 1, articles: [article('user-a', 'First')] },
  };

  it('exports articles and changed settings to a dated file', async () => {
    const env = fakeEnvironment(initial);
    await mount(env);
    await click('Export to a file');
    expect(env.downloads).toHaveLength(1);
    expect(env.downloads[0]!.fileName).toBe('factlens-backup-2025-11-01.json');
    expect(JSON.parse(env.downloads[0]!.text)).toEqual({
      format: BACKUP_FORMAT,
      exportedAt: '2025-11-01T12:00:00.000Z',
      settings: initial[SETTINGS_KEY],
      articles: initial[USER_ARTICLES_KEY].articles,
    });
  });

  it('shows what an import adds and replaces, and writes only after confirmation', async () => {
    const env = fakeEnvironment(initial);
    await mount(env);
    const file = {
      format: BACKUP_FORMAT,
      exportedAt: '2025-11-01T12:00:00.000Z',
      settings: { version: 1, changes: { highlightStyle: 'tint' } },
      articles: [article('user-a', 'First', { source: 'Edited' }), article('user-b', 'Second')],
    };
    await chooseFile(JSON.stringify(file));
    const plan = container.querySelector('.fo-plan')!.textContent;
    expect(plan).toContain('Adds 1 article: “Second”');
    expect(plan).toContain('Replaces 1 article: “First”');
    expect(text()).toContain('Highlight styleunderlinetint');
    expect(stored(env, USER_ARTICLES_KEY)).toEqual(initial[USER_ARTICLES_KEY]);

    await click('Import');
    expect(stored(env, USER_ARTICLES_KEY)).toEqual({ version: 1, articles: file.articles });
    expect(stored(env, SETTINGS_KEY)).toEqual({ version: 1, changes: { highlightStyle: 'tint' } });
    expect(text()).toContain('Imported: 1 article added, 1 replaced, settings replaced.');
  });

  it('refuses a bad file naming each problem, and changes nothing', async () => {
    const env = fakeEnvironment(initial);
    await mount(env);
    await chooseFile(
      JSON.stringify({
        format: BACKUP_FORMAT,
        exportedAt: 'x',
        settings: { version: 1, changes: {} },
        articles: [article('user-a', 'A'), article('user-b', 'B'), article('user-c', 'C', { date: 'Oct 17' })],
      }),
      'mine.json',
    );
    const alert = container.querySelector('[role=alert]')!;
    expect(alert.textContent).toContain('mine.json was not imported. Nothing was changed.');
    expect([...alert.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      "articles[2].date: 'Oct 17' is not YYYY-MM-DD",
    ]);
    expect(Object.fromEntries(env.storage.data)).toEqual(initial);
  });

  it('reports a storage failure during import and leaves everything as it was', async () => {
    const env = fakeEnvironment(initial);
    await mount(env);
    await chooseFile(
      JSON.stringify({
        format: BACKUP_FORMAT,
        exportedAt: 'x',
        settings: { version: 1, changes: {} },
        articles: [article('user-b', 'Second')],
      }),
    );
    env.storage.failWrites = { keysBeforeFailure: 1, times: 1 };
    await click('Import');
    expect(container.querySelector('[role=alert]')?.textContent).toContain(
      'The browser refused to store the import (QUOTA_BYTES quota exceeded). Nothing was changed.',
    );
    expect(Object.fromEntries(env.storage.data)).toEqual(initial);
  });
});

describe('options page: unreadable data', () => {
  it('says the settings could not be read, keeps them aside, and offers them for download', async () => {
    const env = fakeEnvironment({ [SETTINGS_KEY]: { version: 1, changes: { hoverDelayMs: 'slow', theme: 'dark' } } });
    await mount(env);
    const notice = container.querySelector('.fo-notice')!;
    expect(notice.textContent).toContain("Settings: hoverDelayMs: 'slow' must be a number.");
    expect(env.storage.data.get('settings.corrupt.2025-11-01T12:00:00.000Z')).toEqual({
      version: 1,
      changes: { hoverDelayMs: 'slow', theme: 'dark' },
    });
    // What could be read is kept.
    expect(document.documentElement.dataset.theme).toBe('dark');
    await click('Download the unreadable copy of your settings');
    expect(env.downloads[0]!.fileName).toBe('factlens-unreadable-settings-2025-11-01.json');
    expect(JSON.parse(env.downloads[0]!.text)).toEqual({
      version: 1,
      changes: { hoverDelayMs: 'slow', theme: 'dark' },
    });
    await click('Delete the unreadable copy of your settings');
    expect(container.querySelector('.fo-notice')).toBeNull();
    expect([...env.storage.data.keys()]).toEqual([SETTINGS_KEY]);
  });
});

describe('options page: accessibility', () => {
  const focusable = 'a[href], button, input, select, textarea, [tabindex]';

  async function expectAccessible() {
    expect(await axeViolations(container)).toEqual([]);
    // Every control is reachable with Tab and has a name a screen reader announces.
    for (const element of container.querySelectorAll<HTMLElement>(focusable)) {
      if (element.matches('h2, h3')) continue;
      expect(element.tabIndex, element.outerHTML).toBeGreaterThanOrEqual(0);
      expect(accessibleName(element), element.outerHTML).not.toBe('');
    }
  }

  it('has no axe violations as it opens, with articles, notices and lists', async () => {
    const env = fakeEnvironment({
      [SETTINGS_KEY]: {
        version: 1,
        changes: { mutedOnSites: { 'a.example': ['azure'] }, disabledSites: ['b.example'], theme: 'bogus' },
      },
      [USER_ARTICLES_KEY]: { version: 1, articles: [article('user-x', XSS_TITLE)] },
    });
    await mount(env);
    await expectAccessible();
  });

  it('has no axe violations while adding an article: errors, preview, delete confirmation', async () => {
    const env = fakeEnvironment({ [USER_ARTICLES_KEY]: { version: 1, articles: [article('user-a', 'First')] } });
    await mount(env);
    await click('Add an article');
    await click('Preview what Factlens finds');
    await expectAccessible();
    await type(/^Title/, 'T');
    await type(/^Text/, 'Body');
    await click('Preview what Factlens finds');
    await expectAccessible();
    await click('Delete “First”');
    await expectAccessible();
  });

  it('has no axe violations while confirming or refusing an import', async () => {
    const env = fakeEnvironment();
    await mount(env);
    await chooseFile('{ not json');
    await expectAccessible();
    await chooseFile(
      JSON.stringify({
        format: BACKUP_FORMAT,
        exportedAt: 'x',
        settings: { version: 1, changes: { theme: 'light' } },
        articles: [article('user-a', 'A')],
      }),
    );
    await expectAccessible();
  });

  it('moves focus to what appears: the form, the preview, back to the form', async () => {
    const env = fakeEnvironment();
    await mount(env);
    await click('Add an article');
    expect(document.activeElement?.textContent).toBe('Add an article');
    expect(document.activeElement?.tagName).toBe('H3');
    await type(/^Title/, 'T');
    await type(/^Text/, 'Body');
    await click('Preview what Factlens finds');
    expect(document.activeElement?.id).toBe('article-preview-title');
    await click('Back to editing');
    expect(document.activeElement?.textContent).toBe('Add an article');
    await click('Cancel');
    expect(document.activeElement?.textContent).toBe('Add an article');
    expect(document.activeElement?.tagName).toBe('BUTTON');
  });
});
