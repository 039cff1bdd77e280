/**
 * "Not this entity" from the popover: the entity stops being marked on the
 * page's site, or everywhere when the page has none (a file, a data URL).
 * Pure: it returns the settings change, and the caller saves it.
 */
import type { Settings } from '../settings/schema';

/** The settings change that mutes `entityId` on `site` (everywhere when null); null when it is muted there already. */
export function muteChange(
  settings: Pick<Settings, 'mutedOnSites' | 'mutedEntities'>,
  site: string | null,
  entityId: string,
): Partial<Settings> | null {
  if (site) {
    const onSite = settings.mutedOnSites[site] ?? [];
    if (onSite.includes(entityId)) return null;
    return { mutedOnSites: { ...settings.mutedOnSites, [site]: [...onSite, entityId] } };
  }
  if (settings.mutedEntities.includes(entityId)) return null;
  return { mutedEntities: [...settings.mutedEntities, entityId] };
}
