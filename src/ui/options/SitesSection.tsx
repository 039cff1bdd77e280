import { useId, useState } from 'preact/hooks';
import type { Settings } from '../../settings/schema';
import { siteFromInput } from '../../settings/store';
import type { SaveSettings } from './HighlightingSection';

/** Sites where Factlens marks nothing. */
export function SitesSection({ settings, save }: { settings: Settings; save: SaveSettings }) {
  const inputId = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);

  const add = async (event: Event) => {
    event.preventDefault();
    const site = siteFromInput(text);
    if (!site) {
      setError('Enter a site such as example.com or a page address.');
      return;
    }
    setError(null);
    setText('');
    if (!settings.disabledSites.includes(site)) await save({ disabledSites: [...settings.disabledSites, site].sort() });
  };

  return (
    <section id="sites" class="fo-section" aria-labelledby="sites-title">
      <h2 id="sites-title">Sites where Factlens is off</h2>
      <p class="fo-hint">
        Factlens marks nothing on these sites or their subdomains: example.com covers www.example.com.
      </p>
      <form class="fo-inline-form" onSubmit={add}>
        <div class="fo-field">
          <label for={inputId}>Site</label>
          <input
            id={inputId}
            type="text"
            inputMode="url"
            autocomplete="off"
            spellcheck={false}
            placeholder="example.com"
            value={text}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? `${inputId}-error` : undefined}
            onInput={(event) => setText(event.currentTarget.value)}
          />
        </div>
        <button type="submit">Turn off there</button>
        {error && (
          <p id={`${inputId}-error`} class="fo-error">
            {error}
          </p>
        )}
      </form>
      {settings.disabledSites.length === 0 ? (
        <p class="fo-hint">No sites yet: Factlens is on everywhere.</p>
      ) : (
        <ul class="fo-site-list">
          {settings.disabledSites.map((site) => (
            <li key={site}>
              <span>{site}</span>{' '}
              <button
                type="button"
                aria-label={`Turn Factlens back on for ${site}`}
                onClick={() => void save({ disabledSites: settings.disabledSites.filter((other) => other !== site) })}
              >
                Turn back on
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
