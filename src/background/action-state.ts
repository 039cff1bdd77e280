/**
 * The toolbar button's badge and title, per tab: "off" on a grey badge where
 * Factlens is paused (on the site or everywhere), else the number of distinct
 * entities the page's content script reported. It owns the badge, so the
 * count and the paused state never overwrite each other: the count handler
 * (`mentions/report`) reports here through {@link BadgeSink}.
 */
import type { Settings } from '../settings/schema';
import type { StorageChangedEvent } from '../settings/storage-area';
import { isActiveOn, loadSettings, siteOf, watchSettings, type SettingsStorageArea } from '../settings/store';
import type { BadgeSink } from './handlers';

/** Badge colours: the brand blue for counts, a neutral grey for "off". */
export const BADGE_COLORS = { count: '#3b5bdb', paused: '#868e96' } as const;

/** What the toolbar button shows on one tab. */
export interface ActionLook {
  text: string;
  color: string;
  title: string;
}

/**
 * How the button looks on a tab showing `url`, with `count` distinct
 * entities reported (null: none reported yet).
 */
export function actionLook(settings: Settings, url: string | undefined, count: number | null): ActionLook {
  const site = url ? siteOf(url) : null;
  if (!settings.enabled) return { text: 'off', color: BADGE_COLORS.paused, title: 'Factlens — paused everywhere' };
  if (!isActiveOn(settings, site)) {
    return { text: 'off', color: BADGE_COLORS.paused, title: `Factlens — paused on ${site}` };
  }
  if (!count) return { text: '', color: BADGE_COLORS.count, title: 'Factlens' };
  const noun = count === 1 ? 'entity' : 'entities';
  return { text: String(count), color: BADGE_COLORS.count, title: `Factlens — ${count} ${noun} on this page` };
}

/** A tab as the tabs API reports it, typed by what we use. */
interface TabInfo {
  id?: number;
  url?: string;
}

/** The slice of the browser API the button state needs; tests pass their own. */
export interface ActionApi {
  action: {
    setBadgeText(details: { tabId: number; text: string }): Promise<void>;
    setBadgeBackgroundColor(details: { tabId: number; color: string }): Promise<void>;
    setTitle(details: { tabId: number; title: string }): Promise<void>;
  };
  tabs: {
    query(query: Record<string, never>): Promise<TabInfo[]>;
    get(tabId: number): Promise<TabInfo>;
    onActivated: { addListener(listener: (info: { tabId: number }) => void): void };
    onUpdated: {
      addListener(listener: (tabId: number, change: { status?: string; url?: string }, tab: TabInfo) => void): void;
    };
    onRemoved: { addListener(listener: (tabId: number) => void): void };
  };
  storage: { local: Pick<SettingsStorageArea, 'get'>; onChanged: StorageChangedEvent };
}

/** The button state; also where entity counts are reported. */
export interface ActionState extends BadgeSink {
  /** Resolves once settings are loaded and every open tab shows its state. */
  readonly ready: Promise<void>;
}

/** Keep the toolbar button of every tab in step with settings, navigation and reported counts. */
export function createActionState(api: ActionApi): ActionState {
  const counts = new Map<number, number>();
  const urls = new Map<number, string | undefined>();
  let settings: Settings | null = null;

  const paint = async (tabId: number) => {
    if (!settings) return;
    if (!urls.has(tabId)) urls.set(tabId, (await api.tabs.get(tabId).catch(() => ({}) as TabInfo)).url);
    const look = actionLook(settings, urls.get(tabId), counts.get(tabId) ?? null);
    // A tab can close between the event and these calls; its badge no longer matters then.
    await Promise.all([
      api.action.setBadgeText({ tabId, text: look.text }),
      api.action.setBadgeBackgroundColor({ tabId, color: look.color }),
      api.action.setTitle({ tabId, title: look.title }),
    ]).catch(() => {});
  };

  const paintAll = async () => {
    const tabs = await api.tabs.query({});
    for (const tab of tabs) if (tab.id !== undefined) urls.set(tab.id, tab.url);
    await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : paint(tab.id))));
  };

  watchSettings(api.storage.onChanged, (next) => {
    settings = next;
    void paintAll();
  });
  api.tabs.onActivated.addListener(({ tabId }) => void paint(tabId));
  api.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.url !== undefined || tab.url !== undefined) urls.set(tabId, change.url ?? tab.url);
    // A new page load starts from no count; its content script reports again.
    if (change.status === 'loading') counts.delete(tabId);
    // Browsers reset a tab's badge when it navigates, so paint again on every change that matters.
    if (change.status !== undefined || change.url !== undefined) void paint(tabId);
  });
  api.tabs.onRemoved.addListener((tabId) => {
    counts.delete(tabId);
    urls.delete(tabId);
  });

  const ready = loadSettings(api.storage.local).then((loaded) => {
    settings ??= loaded;
    return paintAll();
  });

  return {
    ready,
    show(tabId, distinctEntities) {
      counts.set(tabId, distinctEntities);
      void paint(tabId);
    },
  };
}
