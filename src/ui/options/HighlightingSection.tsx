import { useId } from 'preact/hooks';
import type { HighlightStyle, Settings } from '../../settings/schema';
import { NumberField } from './NumberField';

/** Saves a change to the settings; the options page announces the outcome. */
export type SaveSettings = (patch: Partial<Settings>) => Promise<void>;

const STYLES: { value: HighlightStyle; label: string; hint: string }[] = [
  { value: 'underline', label: 'Underline', hint: 'A dotted line under each mention.' },
  { value: 'tint', label: 'Background tint', hint: 'A light colour behind each mention.' },
  {
    value: 'hover',
    label: 'None until hover',
    hint: 'Pages look untouched; a mention shows when the pointer rests on it.',
  },
];

const THEMES: { value: Settings['theme']; label: string }[] = [
  { value: 'system', label: 'Same as the system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

/** How mentions look and behave on pages. */
export function HighlightingSection({ settings, save }: { settings: Settings; save: SaveSettings }) {
  const themeId = useId();
  return (
    <section id="highlighting" class="fo-section" aria-labelledby="highlighting-title">
      <h2 id="highlighting-title">Highlighting</h2>
      <div class="fo-field">
        <label class="fo-check">
          <input
            type="checkbox"
            checked={settings.enabled}
            onChange={(event) => void save({ enabled: event.currentTarget.checked })}
          />
          Mark entities on the pages I read
        </label>
      </div>
      <fieldset class="fo-field">
        <legend>How mentions are marked</legend>
        {STYLES.map((style) => (
          <label key={style.value} class="fo-choice">
            <input
              type="radio"
              name="highlight-style"
              value={style.value}
              checked={settings.highlightStyle === style.value}
              onChange={() => void save({ highlightStyle: style.value })}
            />
            <span>
              <span class="fo-choice-label">{style.label}</span>{' '}
              <span class={`fo-sample fo-sample-${style.value}`} aria-hidden="true">
                Microsoft
              </span>
              <span class="fo-hint">{style.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div class="fo-field">
        <label class="fo-check">
          <input
            type="checkbox"
            checked={settings.firstMentionOnly}
            onChange={(event) => void save({ firstMentionOnly: event.currentTarget.checked })}
          />
          Mark only the first mention of each entity on a page
        </label>
      </div>
      <div class="fo-field">
        <label class="fo-check">
          <input
            type="checkbox"
            checked={settings.checkFigures}
            onChange={(event) => void save({ checkFigures: event.currentTarget.checked })}
          />
          Check the figures a page gives against your stories, and underline them: agrees, close or differs
        </label>
      </div>
      <NumberField
        label="Hover delay, in milliseconds"
        hint="How long the pointer rests on a mention before its facts appear (0 to 2000)."
        value={settings.hoverDelayMs}
        min={0}
        max={2000}
        step={50}
        onCommit={(hoverDelayMs) => void save({ hoverDelayMs })}
      />
      <NumberField
        label="Most mentions marked on one page"
        hint="Very long pages stay fast: mentions past this number are left unmarked."
        value={settings.maxMentionsPerPage}
        min={1}
        max={100_000}
        step={100}
        onCommit={(maxMentionsPerPage) => void save({ maxMentionsPerPage })}
      />
      <div class="fo-field">
        <label for={themeId}>Theme of popovers and this page</label>
        <select
          id={themeId}
          value={settings.theme}
          onChange={(event) => void save({ theme: event.currentTarget.value as Settings['theme'] })}
        >
          {THEMES.map((theme) => (
            <option key={theme.value} value={theme.value}>
              {theme.label}
            </option>
          ))}
        </select>
      </div>
    </section>
  );
}
