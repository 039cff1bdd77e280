/** Pausing Factlens on a site or everywhere, as changes to settings. Pure, so the rules are tested in Node. */
import type { Settings } from '../../settings/schema';
import { siteCovers } from '../../settings/store';

/** Whether Factlens is paused on `site` by the site list (whatever the global switch says). */
export function isPausedOnSite(settings: Settings, site: string): boolean {
  return settings.disabledSites.some((entry) => siteCovers(entry, site));
}

/**
 * The site list after pausing or resuming `site`. Resuming removes every entry
 * that covers it ("example.com" covers "news.example.com"), since any one of
 * them would keep it paused.
 */
export function sitesWithPause(settings: Settings, site: string, paused: boolean): string[] {
  if (paused) return isPausedOnSite(settings, site) ? settings.disabledSites : [...settings.disabledSites, site];
  return settings.disabledSites.filter((entry) => !siteCovers(entry, site));
}
