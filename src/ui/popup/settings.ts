/** The settings the popup and the story page read: live, and saved as the reader changes them. */
import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../../settings/schema';
import type { StorageChangedEvent } from '../../settings/storage-area';
import { loadSettings, saveSettings, watchSettings, type SettingsStorageArea } from '../../settings/store';

/** Where settings live: `browser.storage.local` and its change event. */
export interface SettingsSource {
  area: SettingsStorageArea;
  onChanged: StorageChangedEvent;
}

/** The settings, null until read, kept current when another context saves them; and a way to save a change. */
export function useSettings(source: SettingsSource): [Settings | null, (patch: Partial<Settings>) => Promise<void>] {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    let stopped = false;
    void loadSettings(source.area).then((loaded) => !stopped && setSettings((current) => current ?? loaded));
    const stop = watchSettings(source.onChanged, setSettings);
    return () => {
      stopped = true;
      stop();
    };
  }, [source]);
  const save = async (patch: Partial<Settings>) => {
    setSettings(await saveSettings(source.area, patch));
  };
  return [settings, save];
}

/** Follow the reader's theme choice; "system" leaves it to prefers-color-scheme. */
export function useTheme(settings: Settings | null, root: HTMLElement = document.documentElement): void {
  useEffect(() => {
    root.dataset.theme = settings?.theme ?? 'system';
  }, [settings?.theme, root]);
}
