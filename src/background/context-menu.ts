/**
 * "Look up '…' in Factlens" on selected text: opens the story page's search
 * for the selection in a new tab beside the current one.
 */

/** The menu item's id, fixed so re-registering replaces it rather than adding a second one. */
export const LOOKUP_MENU_ID = 'factlens-lookup';

/** Selections longer than this are cut: a search needs a few words, not a paragraph. */
const MAX_QUERY_LENGTH = 200;

/** The story page's search for a selection: `story.html?q=<selection>`, whitespace collapsed. */
export function lookupUrl(extensionUrl: (path: string) => string, selection: string): string {
  const query = selection.replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_LENGTH);
  return `${extensionUrl('/story.html')}?q=${encodeURIComponent(query)}`;
}

/** A tab as the menus API reports it, typed by what we use. */
interface TabInfo {
  id?: number;
  index?: number;
}

/** The slice of the browser API the menu needs; tests pass their own. */
export interface ContextMenuApi {
  contextMenus: {
    create(properties: { id: string; title: string; contexts: ['selection'] }, callback?: () => void): unknown;
    remove(menuItemId: string): Promise<void>;
    onClicked: {
      addListener(
        listener: (info: { menuItemId: string | number; selectionText?: string }, tab?: TabInfo) => void,
      ): void;
    };
  };
  runtime: {
    onInstalled: { addListener(listener: () => void): void };
    getURL(path: string): string;
    readonly lastError?: unknown;
  };
  tabs: { create(properties: { url: string; index?: number; openerTabId?: number }): Promise<unknown> };
}

/**
 * Register the menu item on install and update (browsers keep it across
 * restarts), and answer clicks. The click listener is added on every start,
 * because listeners, unlike menu items, do not survive the background stopping.
 */
export function registerContextMenu(api: ContextMenuApi): void {
  api.runtime.onInstalled.addListener(async () => {
    // An update keeps the old item; remove it first so create does not fail on a duplicate id.
    await api.contextMenus.remove(LOOKUP_MENU_ID).catch(() => {});
    api.contextMenus.create(
      { id: LOOKUP_MENU_ID, title: "Look up '%s' in Factlens", contexts: ['selection'] },
      // Reading lastError marks it handled; a racing duplicate is harmless.
      () => void api.runtime.lastError,
    );
  });
  api.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== LOOKUP_MENU_ID || !info.selectionText?.trim()) return;
    void api.tabs.create({
      url: lookupUrl(api.runtime.getURL, info.selectionText),
      ...(tab?.index === undefined ? {} : { index: tab.index + 1 }),
      ...(tab?.id === undefined ? {} : { openerTabId: tab.id }),
    });
  });
}
