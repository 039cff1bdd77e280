import { describe, expect, it, vi } from 'vitest';
import { addPagePath, parseOptionsHash } from '@/src/ui/options/hash';
import { createBrowserEnvironment, explainExtractionError, type OptionsBrowserApi } from '@/src/ui/options/environment';
import { memoryArea } from '../../settings/memory-area';

describe('the options page address', () => {
  it.each([
    ['#add-page?tab=42', { kind: 'add-page', tabId: 42 }],
    ['add-page?tab=7', { kind: 'add-page', tabId: 7 }],
    ['#add-page?tab=', null],
    ['#add-page?tab=abc', null],
    ['#add-page', null],
    ['#articles', { kind: 'section', section: 'articles' }],
    ['#backup', { kind: 'section', section: 'backup' }],
    ['#nowhere', null],
    ['', null],
  ])('%j means %j', (hash, route) => {
    expect(parseOptionsHash(hash)).toEqual(route);
  });

  it('builds the add-page path the popup opens, and reads it back', () => {
    expect(addPagePath(42)).toBe('/options.html#add-page?tab=42');
    expect(parseOptionsHash(addPagePath(42).split('#')[1]!)).toEqual({ kind: 'add-page', tabId: 42 });
  });
});

function fakeApi(result: unknown, overrides: Partial<OptionsBrowserApi> = {}) {
  const area = memoryArea();
  const executeScript = vi.fn(async () => [{ result }]);
  const api = {
    storage: { local: area, onChanged: area.onChanged },
    runtime: { sendMessage: vi.fn(async () => null) },
    commands: { getAll: async () => [] },
    tabs: { create: vi.fn(async () => ({})) },
    scripting: { executeScript },
    ...overrides,
  } as unknown as OptionsBrowserApi;
  return { api, executeScript };
}

describe('the browser environment', () => {
  const page = {
    title: 'T',
    byline: null,
    siteName: null,
    text: 'Body',
    url: 'https://a.example/',
    publishedDate: null,
  };

  it('injects the extraction script into the named tab only, and checks what comes back', async () => {
    const { api, executeScript } = fakeApi(page);
    const env = createBrowserEnvironment(api, 'chrome', document);
    expect(await env.extractPage(9)).toEqual(page);
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 9 }, files: ['/extract.js'] });
  });

  it('refuses a result that is not an extracted page', async () => {
    const { api } = fakeApi({ title: 5 });
    await expect(createBrowserEnvironment(api, 'chrome', document).extractPage(9)).rejects.toThrow();
  });

  it('opens the shortcut settings the way each browser allows', async () => {
    const { api } = fakeApi(page);
    await createBrowserEnvironment(api, 'chrome', document).openShortcutSettings!();
    expect(api.tabs.create).toHaveBeenCalledWith({ url: 'chrome://extensions/shortcuts' });

    const openShortcutSettings = vi.fn(async () => {});
    const firefox = fakeApi(page, { commands: { getAll: async () => [], openShortcutSettings } }).api;
    await createBrowserEnvironment(firefox, 'firefox', document).openShortcutSettings!();
    expect(openShortcutSettings).toHaveBeenCalledOnce();

    // An older Firefox without the call: the page explains the way by hand instead.
    expect(createBrowserEnvironment(fakeApi(page).api, 'firefox', document).openShortcutSettings).toBeNull();
  });

  it.each([
    [
      'Cannot access contents of url "chrome://newtab/". Extension manifest must request permission',
      /^Factlens may not read that tab any more/,
    ],
    ['Missing host permission for the tab', /^Factlens may not read that tab any more/],
    ['No tab with id: 12.', /^That tab is closed/],
    ['Something odd', /^Factlens could not read that page \(Something odd\)/],
  ])('explains %j', (message, explanation) => {
    expect(explainExtractionError(new Error(message))).toMatch(explanation);
  });
});
