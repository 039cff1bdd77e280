import { describe, expect, it } from 'vitest';
import { actionLook, BADGE_COLORS, createActionState, type ActionApi } from '@/src/background/action-state';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Settings } from '@/src/settings/schema';
import { settingsRecord } from '@/src/settings/store';

describe('actionLook', () => {
  const settings = (changes: Partial<Settings>): Settings => ({ ...DEFAULT_SETTINGS, ...changes });
  it.each([
    ['active, nothing reported', {}, 'https://example.com/a', null, '', BADGE_COLORS.count, 'Factlens'],
    [
      'active with entities',
      {},
      'https://example.com/a',
      3,
      '3',
      BADGE_COLORS.count,
      'Factlens — 3 entities on this page',
    ],
    ['one entity', {}, 'https://example.com/a', 1, '1', BADGE_COLORS.count, 'Factlens — 1 entity on this page'],
    [
      'paused on the site',
      { disabledSites: ['example.com'] },
      'https://www.example.com/a',
      4,
      'off',
      BADGE_COLORS.paused,
      'Factlens — paused on www.example.com',
    ],
    [
      'paused everywhere',
      { enabled: false },
      'https://example.com/',
      2,
      'off',
      BADGE_COLORS.paused,
      'Factlens — paused everywhere',
    ],
    [
      'another site paused',
      { disabledSites: ['other.org'] },
      'https://example.com/',
      2,
      '2',
      BADGE_COLORS.count,
      'Factlens — 2 entities on this page',
    ],
  ])('%s', (_case, changes, url, count, text, color, title) => {
    expect(actionLook(settings(changes), url, count)).toEqual({ text, color, title });
  });
});

/** A fake browser: tabs, a settings record, and the badge each tab shows. */
function fakeBrowser(tabs: { id: number; url: string }[], stored: Partial<Settings> = {}) {
  const badges = new Map<number, { text?: string; color?: string; title?: string }>();
  const listeners = {
    activated: [] as ((info: { tabId: number }) => void)[],
    updated: [] as ((tabId: number, change: { status?: string; url?: string }, tab: { url?: string }) => void)[],
    storage: [] as ((changes: Record<string, { newValue?: unknown }>, area: string) => void)[],
  };
  const badge = (tabId: number) => badges.get(tabId) ?? badges.set(tabId, {}).get(tabId)!;
  const api: ActionApi = {
    action: {
      setBadgeText: async ({ tabId, text }) => void (badge(tabId).text = text),
      setBadgeBackgroundColor: async ({ tabId, color }) => void (badge(tabId).color = color),
      setTitle: async ({ tabId, title }) => void (badge(tabId).title = title),
    },
    tabs: {
      query: async () => tabs,
      get: async (tabId) => tabs.find((tab) => tab.id === tabId) ?? {},
      onActivated: { addListener: (listener) => listeners.activated.push(listener) },
      onUpdated: { addListener: (listener) => listeners.updated.push(listener) },
      onRemoved: { addListener: () => {} },
    },
    storage: {
      local: { get: async () => ({ [SETTINGS_KEY]: settingsRecord({ ...DEFAULT_SETTINGS, ...stored }) }) },
      onChanged: { addListener: (listener) => listeners.storage.push(listener), removeListener: () => {} },
    },
  };
  const saveSettings = (changes: Partial<Settings>) => {
    for (const listener of listeners.storage) {
      listener({ [SETTINGS_KEY]: { newValue: settingsRecord({ ...DEFAULT_SETTINGS, ...changes }) } }, 'local');
    }
  };
  return { api, badges, listeners, saveSettings };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createActionState', () => {
  it('shows counts where active and "off" on paused sites, and follows settings changes', async () => {
    const browser = fakeBrowser(
      [
        { id: 1, url: 'https://news.example.com/story' },
        { id: 2, url: 'https://paused.org/page' },
      ],
      { disabledSites: ['paused.org'] },
    );
    const state = createActionState(browser.api);
    await state.ready;
    state.show(1, 5);
    state.show(2, 7);
    await settle();
    expect(browser.badges.get(1)).toEqual({
      text: '5',
      color: BADGE_COLORS.count,
      title: 'Factlens — 5 entities on this page',
    });
    expect(browser.badges.get(2)).toMatchObject({ text: 'off', title: 'Factlens — paused on paused.org' });

    browser.saveSettings({ enabled: false });
    await settle();
    expect(browser.badges.get(1)).toMatchObject({ text: 'off', title: 'Factlens — paused everywhere' });

    browser.saveSettings({});
    await settle();
    expect(browser.badges.get(1)?.text).toBe('5');
    expect(browser.badges.get(2)?.text).toBe('7');
  });

  it('forgets a tab’s count when it loads a new page, and paints again after navigation', async () => {
    const browser = fakeBrowser([{ id: 1, url: 'https://a.example/' }]);
    const state = createActionState(browser.api);
    await state.ready;
    state.show(1, 2);
    await settle();
    for (const listener of browser.listeners.updated) listener(1, { status: 'loading', url: 'https://b.example/' }, {});
    await settle();
    expect(browser.badges.get(1)?.text).toBe('');
  });
});
