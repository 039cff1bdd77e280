import { useEffect, useState } from 'preact/hooks';
import type { FactBaseStats } from '../../messages/schema';
import { siteOf } from '../../settings/store';
import { StatsLine } from '../StatsLine';
import type { FactlensClient } from './client';
import { OnThisPage } from './OnThisPage';
import type { ActiveTab, PageClient } from './page-client';
import { PauseControls } from './PauseControls';
import { SearchApp } from './SearchApp';
import { useSettings, useTheme, type SettingsSource } from './settings';

/** Everything the popup needs from the browser; the entry point passes the real ones, tests fakes. */
export interface PopupProps {
  client: FactlensClient;
  page: PageClient;
  settings: SettingsSource;
  loadStats(): Promise<FactBaseStats>;
}

/**
 * The toolbar popup: search with results and views, "On this page" while
 * nothing is typed, and the pause switches.
 */
export function Popup({ client, page, settings: source, loadStats }: PopupProps) {
  const [tab, setTab] = useState<ActiveTab | null | undefined>(undefined);
  const [settings, save] = useSettings(source);
  const [saveError, setSaveError] = useState<string | null>(null);
  useTheme(settings);
  useEffect(() => {
    page.activeTab().then(setTab, () => setTab(null));
  }, [page]);
  const site = tab?.url ? siteOf(tab.url) : null;
  // Only web pages have a site worth pausing; browser and extension pages are never marked anyway.
  const pausableSite = site && tab?.url && /^https?:/.test(tab.url) ? site : null;

  return (
    <SearchApp
      client={client}
      layout="popup"
      home={(open) => <OnThisPage page={page} tab={tab} open={open} />}
      footer={
        <>
          <PauseControls
            settings={settings}
            site={pausableSite}
            onChange={(patch) =>
              save(patch).then(
                () => setSaveError(null),
                (error: unknown) => setSaveError(`Could not save: ${String(error)}`),
              )
            }
          />
          {saveError && (
            <p role="alert" class="fl-error">
              {saveError}
            </p>
          )}
          <div class="fl-stats">
            <StatsLine load={loadStats} />
          </div>
        </>
      }
    />
  );
}
