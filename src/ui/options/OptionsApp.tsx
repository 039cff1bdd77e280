import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { EntitySummary } from '../../messages/schema';
import { CORRUPT_INFIX, listKeptAside, type KeptAside } from '../../settings/quarantine';
import { SETTINGS_KEY, type Settings } from '../../settings/schema';
import type { StorageChange } from '../../settings/storage-area';
import { repairStoredSettings, resolveSettings, saveSettings } from '../../settings/store';
import { USER_ARTICLES_KEY, type UserArticle } from '../../user-articles/schema';
import { readStoredUserArticles, readUserArticles } from '../../user-articles/store';
import { CORRECTIONS_KEY, describeCorrection, type Correction } from '../../user-articles/corrections';
import {
  deleteCorrection,
  readCorrections,
  readStoredCorrections,
  saveCorrection,
} from '../../user-articles/corrections-store';
import { CorrectionsContext, type CorrectionActions } from '../views/Corrections';
import { ArticlesSection } from './ArticlesSection';
import { CorrectionsSection } from './CorrectionsSection';
import { BackupSection } from './BackupSection';
import type { OptionsEnvironment } from './environment';
import { parseOptionsHash } from './hash';
import { HighlightingSection } from './HighlightingSection';
import { KeptAsideNotice } from './KeptAsideNotice';
import { MutedSection } from './MutedSection';
import { requestEntities } from './requests';
import { ShortcutsSection } from './ShortcutsSection';
import { SitesSection } from './SitesSection';
import { StatsLine } from '../StatsLine';
import { fetchStats } from '../stats';
import { createBackgroundClient } from '../background-client';

/** How long a status message stays on screen. */
const STATUS_MS = 6000;

const NAV = [
  ['highlighting', 'Highlighting'],
  ['muted', 'Muted entities'],
  ['sites', 'Sites'],
  ['shortcuts', 'Shortcuts'],
  ['articles', 'Your articles'],
  ['corrections', 'Your corrections'],
  ['backup', 'Backup'],
] as const;

/**
 * The options page. Reads and repairs the stored settings on open, follows
 * every change other contexts make (a "Not this" mute from a popover, a second
 * options tab) through `storage.onChanged`, and applies the theme to `root`.
 */
export function OptionsApp(props: { env: OptionsEnvironment; hash: string; root: HTMLElement }) {
  const { env, root } = props;
  const [settings, setSettings] = useState<Settings | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [kept, setKept] = useState<KeptAside[]>([]);
  const [articles, setArticles] = useState<UserArticle[] | null>(null);
  const [corrections, setCorrections] = useState<Correction[] | null>(null);
  const [entities, setEntities] = useState<EntitySummary[] | string | null>(null);
  const [status, setStatus] = useState({ text: '', count: 0 });
  const route = useMemo(() => parseOptionsHash(props.hash), [props.hash]);

  const announce = useCallback((text: string) => setStatus((previous) => ({ text, count: previous.count + 1 })), []);
  const loadEntities = useCallback(
    () =>
      requestEntities(createBackgroundClient(env.sendMessage)).then(setEntities, (error: unknown) =>
        setEntities(String(error)),
      ),
    [env],
  );

  useEffect(() => {
    const onChanged = (changes: Record<string, StorageChange>, areaName: string) => {
      if (areaName !== 'local') return;
      if (SETTINGS_KEY in changes) setSettings(resolveSettings(changes[SETTINGS_KEY]!.newValue));
      if (USER_ARTICLES_KEY in changes) {
        setArticles(readStoredUserArticles(changes[USER_ARTICLES_KEY]!.newValue).articles);
        // The background merges the change first, then answers.
        void loadEntities();
      }
      if (CORRECTIONS_KEY in changes) {
        setCorrections(readStoredCorrections(changes[CORRECTIONS_KEY]!.newValue).corrections);
        void loadEntities();
      }
      if (Object.keys(changes).some((key) => key.includes(CORRUPT_INFIX)))
        void listKeptAside(env.storage).then(setKept);
    };
    env.onChanged.addListener(onChanged);

    void (async () => {
      const settingsReading = await repairStoredSettings(env.storage, env.now());
      const articlesReading = await readUserArticles(env.storage);
      const correctionsReading = await readCorrections(env.storage);
      setSettings(settingsReading.settings);
      setArticles(articlesReading.articles);
      setCorrections(correctionsReading.corrections);
      setProblems([
        ...settingsReading.problems.map((problem) => `Settings: ${problem}.`),
        ...articlesReading.problems.map((problem) => `Your articles: ${problem}.`),
        ...correctionsReading.problems.map((problem) => `Your corrections: ${problem}.`),
      ]);
      setKept(await listKeptAside(env.storage));
    })().catch((error: unknown) => {
      setSettings((current) => current ?? resolveSettings(undefined));
      announce(`Your settings could not be read: ${String(error)}`);
    });
    void loadEntities();
    return () => env.onChanged.removeListener(onChanged);
  }, [env, loadEntities, announce]);

  useEffect(() => {
    if (!status.text) return;
    const timer = setTimeout(() => setStatus((current) => ({ ...current, text: '' })), STATUS_MS);
    return () => clearTimeout(timer);
  }, [status.count]);

  // A new load function (new articles) makes the stats line ask again.
  const loadStats = useMemo(() => () => fetchStats(createBackgroundClient(env.sendMessage)), [env, articles]);

  useEffect(() => {
    if (settings) root.dataset.theme = settings.theme;
  }, [settings?.theme, root]);

  useEffect(() => {
    if (settings && route?.kind === 'section') root.ownerDocument.getElementById(route.section)?.scrollIntoView();
  }, [settings === null, route]);

  const save = useCallback(
    async (patch: Partial<Settings>) => {
      try {
        setSettings(await saveSettings(env.storage, patch, env.now()));
        announce('Saved.');
      } catch (error) {
        announce(`Not saved: ${String(error)}`);
      }
    },
    [env, announce],
  );

  // Written at once: the background re-merges on the change, and the list and previews follow it through onChanged.
  const correctionActions = useMemo<CorrectionActions>(
    () => ({
      async correct(request) {
        try {
          setCorrections(await saveCorrection(env.storage, request, env.now()));
          announce(`Corrected: ${describeCorrection({ ...request, at: '' } as Correction)}.`);
        } catch (error) {
          announce(`Not corrected: ${String(error)}`);
        }
      },
      async undo(correction) {
        try {
          setCorrections(await deleteCorrection(env.storage, correction, env.now()));
          announce(`Removed: ${describeCorrection(correction)}.`);
        } catch (error) {
          announce(`Not removed: ${String(error)}`);
        }
      },
    }),
    [env, announce],
  );
  const correctionsContext = useMemo(
    () => ({ corrections: corrections ?? [], actions: correctionActions }),
    [corrections, correctionActions],
  );

  return (
    <CorrectionsContext.Provider value={correctionsContext}>
      <header class="fo-header">
        <h1>Factlens options</h1>
        <StatsLine load={loadStats} />
        <nav aria-label="Sections">
          <ul>
            {NAV.map(([id, label]) => (
              <li key={id}>
                <a href={`#${id}`}>{label}</a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main class="fo-main">
        <KeptAsideNotice
          kept={kept}
          problems={problems}
          onDownload={(entry) =>
            env.download(
              `factlens-unreadable-${entry.from}-${entry.at.slice(0, 10)}.json`,
              `${JSON.stringify(entry.value, null, 2)}\n`,
            )
          }
          onDelete={(entry) => {
            void env.storage.remove(entry.key).then(async () => {
              setKept(await listKeptAside(env.storage));
              setProblems([]);
              announce('Deleted the unreadable copy.');
            });
          }}
        />
        {settings === null ? (
          <p aria-busy="true">Loading your settings…</p>
        ) : (
          <>
            <HighlightingSection settings={settings} save={save} />
            <MutedSection settings={settings} save={save} entities={entities} />
            <SitesSection settings={settings} save={save} />
            <ShortcutsSection env={env} />
            <ArticlesSection
              env={env}
              articles={articles}
              addFromTab={route?.kind === 'add-page' ? route.tabId : null}
              announce={announce}
            />
            <CorrectionsSection corrections={corrections} onRemove={correctionActions.undo} />
            <BackupSection env={env} announce={announce} />
          </>
        )}
      </main>
      <div class="fo-status" role="status" aria-live="polite">
        {status.text && <p key={status.count}>{status.text}</p>}
      </div>
    </CorrectionsContext.Provider>
  );
}
