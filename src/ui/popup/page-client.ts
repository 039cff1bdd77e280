/**
 * How the popup talks to the page in the active tab: which entities it marks
 * ("On this page"), and jumping to their mentions. Only the top frame is asked:
 * it speaks for the page, and the others would answer with their own parts.
 */
import { createClient, type StampedRequest } from '../../messages/client';
import { ToContentCalls, type ContentRequest, type PageMentions } from '../../messages/to-content';

/** The active tab, as far as the popup needs it. */
export interface ActiveTab {
  id: number;
  url?: string;
}

/** The page in the active tab; tests pass their own. */
export interface PageClient {
  /** The active tab of this window, or null when there is none. */
  activeTab(): Promise<ActiveTab | null>;
  /** What the page marks, or null when no content script answers (browser pages, pages loaded before install). */
  list(tabId: number): Promise<PageMentions | null>;
  /** Scroll to an entity's first, next or previous mention; false when the page did not answer. */
  jump(tabId: number, entityId: string, direction: 'first' | 'next' | 'previous'): Promise<boolean>;
  /** Scroll the page to one of its checked figures (as `list` gave it) and open its popover. */
  jumpToFigure(tabId: number, figure: { position: number; entityId: string; page: string }): Promise<boolean>;
}

/** The part of `browser.tabs` the page client needs. */
export interface TabsApi {
  query(query: { active: true; currentWindow: true }): Promise<{ id?: number; url?: string }[]>;
  sendMessage(tabId: number, request: ContentRequest & StampedRequest, options: { frameId: number }): Promise<unknown>;
}

/** A page client over `browser.tabs`, through the protocol's client. */
export function createPageClient(tabs: TabsApi): PageClient {
  const topFrameOf = (tabId: number) =>
    createClient(ToContentCalls, (request) => tabs.sendMessage(tabId, request, { frameId: 0 }), {
      peer: 'the page',
    });
  return {
    async activeTab() {
      const [tab] = await tabs.query({ active: true, currentWindow: true });
      return tab?.id === undefined ? null : { id: tab.id, url: tab.url };
    },
    // A tab without our content script rejects ("Receiving end does not exist"): no page to list.
    list: (tabId) =>
      topFrameOf(tabId)
        .request('page/list', {})
        .catch(() => null),
    jump: (tabId, entityId, direction) =>
      topFrameOf(tabId)
        .request('page/jump', { entityId, direction })
        .then(
          () => true,
          () => false,
        ),
    jumpToFigure: (tabId, { position, entityId, page }) =>
      topFrameOf(tabId)
        .request('page/jump-figure', { position, entityId, page })
        .then(
          (moved) => moved,
          () => false,
        ),
  };
}
