import { describe, expect, it } from 'vitest';
import { LOOKUP_MENU_ID, lookupUrl, registerContextMenu, type ContextMenuApi } from '@/src/background/context-menu';

const getURL = (path: string) => `chrome-extension://abc${path}`;

describe('lookupUrl', () => {
  it.each([
    ['Credo', 'chrome-extension://abc/story.html?q=Credo'],
    ['  Department of\nEnergy ', 'chrome-extension://abc/story.html?q=Department%20of%20Energy'],
    ['$20 million & 29%', 'chrome-extension://abc/story.html?q=%2420%20million%20%26%2029%25'],
  ])('%j → %s', (selection, url) => {
    expect(lookupUrl(getURL, selection)).toBe(url);
  });

  it('cuts a long selection', () => {
    const url = new URL(lookupUrl(getURL, 'word '.repeat(200)));
    expect(url.searchParams.get('q')!.length).toBeLessThanOrEqual(200);
  });
});

describe('registerContextMenu', () => {
  function fakeBrowser() {
    const items = new Map<string, string>();
    const opened: { url: string; index?: number; openerTabId?: number }[] = [];
    let onInstalled: () => Promise<void> | void = () => {};
    let onClicked: Parameters<ContextMenuApi['contextMenus']['onClicked']['addListener']>[0] = () => {};
    const api: ContextMenuApi = {
      contextMenus: {
        create: ({ id, title }) => {
          if (items.has(id)) throw new Error(`duplicate id ${id}`);
          items.set(id, title);
        },
        remove: async (id) => {
          if (!items.delete(id)) throw new Error('no such item');
        },
        onClicked: { addListener: (listener) => (onClicked = listener) },
      },
      runtime: { onInstalled: { addListener: (listener) => (onInstalled = listener) }, getURL },
      tabs: { create: async (properties) => void opened.push(properties) },
    };
    return {
      api,
      items,
      opened,
      install: () => onInstalled(),
      click: (...args: Parameters<typeof onClicked>) => onClicked(...args),
    };
  }

  it('registers one item, also when installed twice (an update)', async () => {
    const browser = fakeBrowser();
    registerContextMenu(browser.api);
    await browser.install();
    await browser.install();
    expect([...browser.items]).toEqual([[LOOKUP_MENU_ID, "Look up '%s' in Factlens"]]);
  });

  it('opens the lookup next to the current tab', () => {
    const browser = fakeBrowser();
    registerContextMenu(browser.api);
    browser.click({ menuItemId: LOOKUP_MENU_ID, selectionText: 'Credo' }, { id: 7, index: 2 });
    expect(browser.opened).toEqual([{ url: 'chrome-extension://abc/story.html?q=Credo', index: 3, openerTabId: 7 }]);
  });

  it('ignores other items and empty selections', () => {
    const browser = fakeBrowser();
    registerContextMenu(browser.api);
    browser.click({ menuItemId: 'other', selectionText: 'Credo' }, { id: 7, index: 2 });
    browser.click({ menuItemId: LOOKUP_MENU_ID, selectionText: '   ' }, { id: 7, index: 2 });
    expect(browser.opened).toEqual([]);
  });
});
