/**
 * What the popup and the story page can show, as plain values: a search (its
 * query), a story, or an entity. The story page's URL says which
 * (`story.html?q=…`, `?id=…`, `?entity=…`), so links can open any of them in a tab.
 */

/** One view. `terms` are the search terms to mark in it, when it was opened from a search. */
export type Route =
  | { view: 'search'; query: string }
  | { view: 'story'; id: string; terms?: string[]; figureId?: string }
  | { view: 'entity'; id: string; terms?: string[] };

/** The story page's address for a route, relative to the extension's root. */
export function storyPageHref(route: Route): string {
  if (route.view === 'search') return `story.html?q=${encodeURIComponent(route.query)}`;
  if (route.view === 'story') return `story.html?id=${encodeURIComponent(route.id)}`;
  return `story.html?entity=${encodeURIComponent(route.id)}`;
}

/** The route a story page address names: `?id=` a story, `?entity=` an entity, else a search for `?q=` (maybe empty). */
export function routeFromSearchParams(params: URLSearchParams): Route {
  const storyId = params.get('id');
  if (storyId) return { view: 'story', id: storyId };
  const entityId = params.get('entity');
  if (entityId) return { view: 'entity', id: entityId };
  return { view: 'search', query: params.get('q') ?? '' };
}

/** How views link to each other: an address for each route, and a way to go there. */
export interface ViewLinks {
  /** An address for the route, so a link can also be opened in a new tab. */
  href(route: Route): string;
  /** Show the route here. */
  open(route: Route): void;
}
