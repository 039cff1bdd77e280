/**
 * The popup's history: a stack of views with a cursor, like a browser tab's.
 * Pure, so the back and forward rules are tested without a DOM.
 */
import type { Route } from '../views/routes';

/** The views visited, and which one shows. */
export interface History {
  entries: Route[];
  index: number;
}

/** A history holding one view. */
export function startHistory(route: Route): History {
  return { entries: [route], index: 0 };
}

/** The view showing now. */
export function currentRoute(history: History): Route {
  return history.entries[history.index]!;
}

/** Go to a new view; views ahead of the current one are dropped, as a browser does. */
export function push(history: History, route: Route): History {
  return { entries: [...history.entries.slice(0, history.index + 1), route], index: history.index + 1 };
}

/** Change the current view in place (typing in the search box edits its query, not the history). */
export function replace(history: History, route: Route): History {
  const entries = [...history.entries];
  entries[history.index] = route;
  return { entries, index: history.index };
}

export function canGoBack(history: History): boolean {
  return history.index > 0;
}

export function canGoForward(history: History): boolean {
  return history.index < history.entries.length - 1;
}

/** One step back, or the same history when there is nothing behind. */
export function back(history: History): History {
  return canGoBack(history) ? { ...history, index: history.index - 1 } : history;
}

/** One step forward, or the same history when there is nothing ahead. */
export function forward(history: History): History {
  return canGoForward(history) ? { ...history, index: history.index + 1 } : history;
}

/**
 * The history after the reader types `query`: on a search view the query is
 * edited in place; on a story or entity view typing starts a new search,
 * reached by going forward from that view.
 */
export function typeQuery(history: History, query: string): History {
  const route = currentRoute(history);
  return route.view === 'search'
    ? replace(history, { view: 'search', query })
    : push(history, { view: 'search', query });
}
