import { useId, useMemo, useState } from 'preact/hooks';
import { currentId, successorsOf } from '../../facts/former-ids';
import { kindLabel, countLabel } from '../../format/labels';
import type { EntitySummary } from '../../messages/schema';
import type { Settings } from '../../settings/schema';
import type { SaveSettings } from './HighlightingSection';

/** Longer lists are cut here; typing narrows them. */
const SHOWN = 100;

function matches(entity: EntitySummary, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const name = entity.name.toLowerCase();
  return words.every((word) => name.includes(word) || entity.id.includes(word));
}

/** Entities never marked, everywhere or on one site. */
export function MutedSection(props: {
  settings: Settings;
  save: SaveSettings;
  /** Every entity of the fact base; null while loading; a string when it could not be loaded. */
  entities: EntitySummary[] | string | null;
}) {
  const { settings, save, entities } = props;
  const searchId = useId();
  const [query, setQuery] = useState('');
  const names = useMemo(
    () => new Map(Array.isArray(entities) ? entities.map((entity) => [entity.id, entity.name]) : []),
    [entities],
  );
  // A mute kept under an id that has since moved to another entity (a name joined into it, renamed or merged)
  // is that entity's: listed, counted and removed as its own. The stored id itself is never rewritten.
  const successors = useMemo(() => successorsOf(Array.isArray(entities) ? entities : []), [entities]);
  const now = (id: string) => currentId(successors, id);
  const muted = new Set(settings.mutedEntities.map(now));
  const nameOf = (id: string) => names.get(now(id)) ?? id;

  const toggle = (id: string, on: boolean) =>
    save({
      mutedEntities: on ? [...settings.mutedEntities, id] : settings.mutedEntities.filter((other) => now(other) !== id),
    });
  const unmuteOnSite = (site: string, id: string) => {
    const rest = (settings.mutedOnSites[site] ?? []).filter((other) => other !== id);
    const { [site]: _removed, ...others } = settings.mutedOnSites;
    return save({ mutedOnSites: rest.length ? { ...others, [site]: rest } : others });
  };

  let list = null;
  if (entities === null) list = <p aria-busy="true">Loading the entities…</p>;
  else if (typeof entities === 'string') list = <p role="alert">The entities could not be loaded: {entities}</p>;
  else {
    const found = entities.filter((entity) => matches(entity, query));
    // Muted ids no longer in the fact base (an article was deleted) stay listed so they can be unmuted.
    const orphans = settings.mutedEntities.filter((id) => !names.has(now(id)));
    list = (
      <>
        <p class="fo-hint" aria-live="polite">
          {query
            ? `${countLabel(found.length, 'entity', 'entities')} match “${query}”.`
            : `${countLabel(entities.length, 'entity', 'entities')}, ${muted.size} muted.`}
          {found.length > SHOWN && ` Showing the first ${SHOWN}; type to narrow the list.`}
        </p>
        <ul class="fo-entity-list">
          {[...orphans.map((id) => ({ id, name: id, kind: null, stories: 0 })), ...found.slice(0, SHOWN)].map(
            (entity) => (
              <li key={entity.id}>
                <label class="fo-check">
                  <input
                    type="checkbox"
                    checked={muted.has(entity.id)}
                    onChange={(event) => void toggle(entity.id, event.currentTarget.checked)}
                  />
                  <span>
                    Mute <strong>{entity.name}</strong>
                  </span>
                </label>
                <span class="fo-meta">
                  {entity.kind
                    ? `${kindLabel(entity.kind)} · ${countLabel(entity.stories, 'story', 'stories')}`
                    : 'no longer in the fact base'}
                </span>
              </li>
            ),
          )}
        </ul>
      </>
    );
  }

  const sites = Object.keys(settings.mutedOnSites).sort();
  return (
    <section id="muted" class="fo-section" aria-labelledby="muted-title">
      <h2 id="muted-title">Muted entities</h2>
      <p class="fo-hint">A muted entity is never marked. Mute one here, or with “Not this” in its popover.</p>
      <div class="fo-field">
        <label for={searchId}>Find an entity</label>
        <input id={searchId} type="search" value={query} onInput={(event) => setQuery(event.currentTarget.value)} />
      </div>
      {list}
      <h3>Muted on one site</h3>
      {sites.length === 0 ? (
        <p class="fo-hint">None. “Not this” in a popover mutes an entity on that page’s site only.</p>
      ) : (
        <ul class="fo-site-mutes">
          {sites.map((site) => (
            <li key={site}>
              <strong>{site}</strong>
              <ul>
                {(settings.mutedOnSites[site] ?? []).map((id) => (
                  <li key={id}>
                    {nameOf(id)}{' '}
                    <button
                      type="button"
                      aria-label={`Unmute ${nameOf(id)} on ${site}`}
                      onClick={() => void unmuteOnSite(site, id)}
                    >
                      Unmute
                    </button>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
