import { SearchApp } from './SearchApp';
import type { FactlensClient } from './client';
import { useSettings, useTheme, type SettingsSource } from './settings';
import { storyPageHref, type Route } from '../views/routes';

/** Rows per group on the full page: room for more than the popup's six. */
const PAGE_LIMIT = 20;

/** The page's address and title, kept in step with the view so it can be reloaded, bookmarked or shared. */
export interface PageLocation {
  replace(href: string, title: string): void;
}

/** The title of the page for a view; the view's own heading names the story or entity once loaded. */
export function pageTitle(route: Route): string {
  if (route.view === 'search') return route.query.trim() ? `${route.query.trim()} — Factlens` : 'Factlens';
  return route.view === 'story' ? 'Story — Factlens' : 'Entity — Factlens';
}

/**
 * The story page (`story.html`): a story (`?id=`), an entity (`?entity=`) or
 * search results (`?q=`) at full width, with the popup's search and views.
 */
export function StoryPage({
  client,
  settings: source,
  initialRoute,
  location,
}: {
  client: FactlensClient;
  settings: SettingsSource;
  initialRoute: Route;
  location: PageLocation;
}) {
  const [settings] = useSettings(source);
  useTheme(settings);
  return (
    <SearchApp
      client={client}
      layout="page"
      limit={PAGE_LIMIT}
      initialRoute={initialRoute}
      onRouteChange={(route) => location.replace(storyPageHref(route), pageTitle(route))}
    />
  );
}
