import type { Settings } from '../../settings/schema';
import { isPausedOnSite, sitesWithPause } from './pause';

/**
 * "Pause on this site" and "Pause everywhere", as switches. The site switch is
 * off limits on pages without a site (browser pages, files).
 */
export function PauseControls({
  settings,
  site,
  onChange,
}: {
  settings: Settings | null;
  site: string | null;
  onChange(patch: Partial<Settings>): void;
}) {
  const pausedHere = settings !== null && site !== null && isPausedOnSite(settings, site);
  const pausedEverywhere = settings !== null && !settings.enabled;
  return (
    <fieldset class="fl-pause" disabled={settings === null}>
      <legend class="fl-visually-hidden">Pause Factlens</legend>
      <label class="fl-switch">
        <input
          type="checkbox"
          role="switch"
          checked={pausedHere}
          disabled={site === null}
          onChange={(event) =>
            site && settings && onChange({ disabledSites: sitesWithPause(settings, site, event.currentTarget.checked) })
          }
        />
        <span class="fl-switch-track" aria-hidden="true" />
        <span class="fl-switch-label">{site ? <>Pause on {site}</> : 'Pause on this site'}</span>
      </label>
      <label class="fl-switch">
        <input
          type="checkbox"
          role="switch"
          checked={pausedEverywhere}
          onChange={(event) => onChange({ enabled: !event.currentTarget.checked })}
        />
        <span class="fl-switch-track" aria-hidden="true" />
        <span class="fl-switch-label">Pause everywhere</span>
      </label>
    </fieldset>
  );
}
