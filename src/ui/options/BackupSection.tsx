import { CORRECTIONS_KEY } from '../../user-articles/corrections';
import { readStoredCorrections } from '../../user-articles/corrections-store';
import { useId, useState } from 'preact/hooks';
import {
  backupFileName,
  exportBackup,
  importBackup,
  parseBackup,
  planChangesSomething,
  planImport,
  serialiseBackup,
  type ImportPlan,
  type ValidBackup,
} from '../../user-articles/backup';
import { readStoredSettings } from '../../settings/store';
import { SETTINGS_KEY } from '../../settings/schema';
import { readStoredUserArticles } from '../../user-articles/store';
import { USER_ARTICLES_KEY } from '../../user-articles/schema';
import { countLabel } from '../../format/labels';
import type { OptionsEnvironment } from './environment';

type ImportState =
  | { stage: 'idle' }
  | { stage: 'refused'; fileName: string; problems: string[] }
  | { stage: 'confirm'; fileName: string; backup: ValidBackup; plan: ImportPlan; includeSettings: boolean }
  | { stage: 'importing' };

const SETTING_NAMES: Record<string, string> = {
  enabled: 'Mark entities',
  disabledSites: 'Sites where Factlens is off',
  highlightStyle: 'Highlight style',
  firstMentionOnly: 'First mention only',
  checkFigures: 'Check figures against your stories',
  hoverDelayMs: 'Hover delay',
  mutedEntities: 'Muted entities',
  mutedOnSites: 'Entities muted on one site',
  maxMentionsPerPage: 'Most mentions per page',
  theme: 'Theme',
};

function showSetting(value: unknown): string {
  if (Array.isArray(value)) return value.length ? value.join(', ') : 'none';
  if (value && typeof value === 'object') return `${Object.keys(value).length} sites`;
  return String(value);
}

/** Export everything the user made to one file, and import such a file back, carefully. */
export function BackupSection(props: {
  env: Pick<OptionsEnvironment, 'storage' | 'download' | 'now'>;
  announce: (message: string) => void;
}) {
  const { env, announce } = props;
  const fileId = useId();
  const [state, setState] = useState<ImportState>({ stage: 'idle' });

  const exportAll = async () => {
    const backup = await exportBackup(env.storage, env.now());
    env.download(backupFileName(env.now()), serialiseBackup(backup));
    announce(`Exported ${countLabel(backup.articles.length, 'article')} and your settings.`);
  };

  const choose = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const parsed = parseBackup(await file.text());
    if (!parsed.ok) {
      setState({ stage: 'refused', fileName: file.name, problems: parsed.problems });
      return;
    }
    const stored = await env.storage.get([SETTINGS_KEY, USER_ARTICLES_KEY, CORRECTIONS_KEY]);
    const plan = planImport(
      {
        settings: readStoredSettings(stored[SETTINGS_KEY]).settings,
        articles: readStoredUserArticles(stored[USER_ARTICLES_KEY]).articles,
        corrections: readStoredCorrections(stored[CORRECTIONS_KEY]).corrections,
      },
      parsed.value,
    );
    setState({
      stage: 'confirm',
      fileName: file.name,
      backup: parsed.value,
      plan,
      includeSettings: plan.settingChanges.length > 0,
    });
  };

  const confirm = async (backup: ValidBackup, includeSettings: boolean) => {
    setState({ stage: 'importing' });
    try {
      const plan = await importBackup(env.storage, backup, { includeSettings, now: env.now() });
      setState({ stage: 'idle' });
      announce(
        `Imported: ${countLabel(plan.added.length, 'article')} added, ${plan.replaced.length} replaced` +
          (includeSettings && plan.settingChanges.length ? ', settings replaced.' : '.'),
      );
    } catch (error) {
      setState({ stage: 'refused', fileName: '', problems: [error instanceof Error ? error.message : String(error)] });
    }
  };

  return (
    <section id="backup" class="fo-section" aria-labelledby="backup-title">
      <h2 id="backup-title">Backup</h2>
      <p class="fo-hint">
        One file with your articles, your corrections and the settings you changed, to keep or to move to another
        browser.
      </p>
      <div class="fo-actions">
        <button type="button" onClick={() => void exportAll()}>
          Export to a file
        </button>
      </div>
      <div class="fo-field">
        <label for={fileId}>Import a backup file</label>
        <input
          id={fileId}
          type="file"
          accept=".json,application/json"
          disabled={state.stage === 'importing'}
          onChange={(event) => void choose(event.currentTarget)}
        />
        <p class="fo-hint">Nothing changes until you confirm what the file adds and replaces.</p>
      </div>
      {state.stage === 'refused' && (
        <div role="alert" class="fo-error-box">
          <p>
            <strong>{state.fileName ? `${state.fileName} was not imported.` : 'The import failed.'}</strong> Nothing was
            changed.
          </p>
          <ul>
            {state.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
      {state.stage === 'confirm' && (
        <ImportConfirmation
          state={state}
          onToggleSettings={(includeSettings) => setState({ ...state, includeSettings })}
          onConfirm={() => void confirm(state.backup, state.includeSettings)}
          onCancel={() => setState({ stage: 'idle' })}
        />
      )}
    </section>
  );
}

function ImportConfirmation(props: {
  state: Extract<ImportState, { stage: 'confirm' }>;
  onToggleSettings: (include: boolean) => void;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { plan, fileName, includeSettings } = props.state;
  const changes = planChangesSomething(plan, includeSettings);
  return (
    <div class="fo-preview" role="region" aria-labelledby="import-title">
      <h3 id="import-title">Import {fileName}?</h3>
      <ul class="fo-plan">
        <li>
          Adds {countLabel(plan.added.length, 'article')}
          {plan.added.length > 0 && ': '}
          {plan.added.map((article) => `“${article.title}”`).join(', ')}
        </li>
        <li>
          Replaces {countLabel(plan.replaced.length, 'article')}
          {plan.replaced.length > 0 && ': '}
          {plan.replaced.map((entry) => `“${entry.current.title}”`).join(', ')}
        </li>
        {plan.unchanged.length > 0 && <li>{countLabel(plan.unchanged.length, 'article')} already here, unchanged</li>}
        {plan.repeated.length > 0 && (
          <li>{countLabel(plan.repeated.length, 'repeated article')} in the file, skipped</li>
        )}
        {plan.correctionsAdded.length > 0 && (
          <li>Adds or replaces {countLabel(plan.correctionsAdded.length, 'correction')}</li>
        )}
      </ul>
      {plan.settingChanges.length > 0 && (
        <>
          <label class="fo-check">
            <input
              type="checkbox"
              checked={includeSettings}
              onChange={(event) => props.onToggleSettings(event.currentTarget.checked)}
            />
            Also replace my settings with the file’s
          </label>
          <table class="fo-setting-changes">
            <caption>Settings that differ</caption>
            <thead>
              <tr>
                <th scope="col">Setting</th>
                <th scope="col">Now</th>
                <th scope="col">In the file</th>
              </tr>
            </thead>
            <tbody>
              {plan.settingChanges.map((change) => (
                <tr key={change.key}>
                  <td>{SETTING_NAMES[change.key] ?? change.key}</td>
                  <td>{showSetting(change.from)}</td>
                  <td>{showSetting(change.to)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {!changes && <p>Everything in this file is already here: importing changes nothing.</p>}
      <div class="fo-actions">
        <button type="button" class="fo-primary" disabled={!changes} onClick={props.onConfirm}>
          Import
        </button>
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
