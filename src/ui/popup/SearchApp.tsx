import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { EntityView } from '../views/EntityView';
import { ResultsList } from '../views/ResultsList';
import {
  flatRows,
  resultGroups,
  resultsAnnouncement,
  routeOfRow,
  rowElementId,
  suggestionGroups,
  type ResultRow,
} from '../views/result-rows';
import { storyPageHref, type Route, type ViewLinks } from '../views/routes';
import { StoryView, type ViewLayout } from '../views/StoryView';
import type { FactlensClient } from './client';
import { useSearch, useSuggestions, useViewData } from './hooks';
import {
  back,
  canGoBack,
  canGoForward,
  currentRoute,
  forward,
  push,
  startHistory,
  typeQuery,
  type History,
} from './navigation';

const LISTBOX_ID = 'fl-results';
const INPUT_ID = 'fl-search-input';

/** What the popup and the story page put around the shared search and views. */
export interface SearchAppProps {
  client: FactlensClient;
  layout: ViewLayout;
  /** The first view; a search with an empty query when absent. */
  initialRoute?: Route;
  /** Rows per result group. */
  limit?: number;
  /** Shown above the suggestions while nothing is typed (the popup's "On this page"). */
  home?: (open: (route: Route) => void) => ComponentChildren;
  footer?: ComponentChildren;
  /** Told of every view change (the story page keeps its address and title in step). */
  onRouteChange?(route: Route): void;
}

function BackIcon() {
  return (
    <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path d="M10 3 5 8l5 5" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" />
    </svg>
  );
}

function ForwardIcon() {
  return (
    <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path d="m6 3 5 5-5 5" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" />
    </svg>
  );
}

function SearchIcon() {
  return (
    <svg class="fl-search-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <circle cx="7" cy="7" r="4.5" fill="none" stroke="currentColor" stroke-width="1.6" />
      <path d="m10.5 10.5 3.5 3.5" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" />
    </svg>
  );
}

/**
 * The search box, its results, and the story and entity views, with a
 * history: the whole popup but its page-specific parts, and the whole story page.
 *
 * Keyboard: ↑/↓ move through the results, Enter opens one; Esc, Alt+← or
 * Backspace in an empty search box go back; Alt+→ goes forward.
 */
export function SearchApp({ client, layout, initialRoute, limit, home, footer, onRouteChange }: SearchAppProps) {
  const [history, setHistory] = useState<History>(() => startHistory(initialRoute ?? { view: 'search', query: '' }));
  const route = currentRoute(history);
  const [query, setQuery] = useState(route.view === 'search' ? route.query : '');
  const [activeId, setActiveId] = useState<string | null>(null);
  // A view opened by the reader takes focus; the first view of the page leaves it where the page put it.
  const [openedByReader, setOpenedByReader] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const search = useSearch(client, query, limit);
  const suggestions = useSuggestions(client);
  const viewData = useViewData(client, route);

  const typed = query.trim() !== '';
  const groups = useMemo(() => {
    if (route.view !== 'search') return [];
    if (typed) return search.results ? resultGroups(search.results) : [];
    return suggestions ? suggestionGroups(suggestions) : [];
  }, [route.view, typed, search.results, suggestions]);
  const rows = useMemo(() => flatRows(groups), [groups]);
  const rowIds = useMemo(() => rows.map((row) => rowElementId(LISTBOX_ID, row)), [rows]);
  const active = activeId !== null && rowIds.includes(activeId) ? activeId : null;

  useEffect(() => onRouteChange?.(route), [route]);
  useEffect(() => {
    if (route.view === 'search') input.current?.focus();
  }, [history.index, history.entries.length]);

  const show = (next: History) => {
    setHistory(next);
    const shown = currentRoute(next);
    if (shown.view === 'search') setQuery(shown.query);
    setActiveId(null);
    setOpenedByReader(true);
  };
  const open = (next: Route) => show(push(history, next));
  const links: ViewLinks = { href: storyPageHref, open };
  const openRow = (row: ResultRow) => open(routeOfRow(row));
  const goBack = () => canGoBack(history) && (show(back(history)), true);
  const goForward = () => canGoForward(history) && (show(forward(history)), true);

  const onInput = (event: Event) => {
    const value = (event.currentTarget as HTMLInputElement).value;
    setQuery(value);
    setHistory(typeQuery(history, value));
    setActiveId(null);
  };

  const moveActive = (step: 1 | -1) => {
    if (rows.length === 0) return;
    const at = active === null ? (step === 1 ? -1 : rows.length) : rowIds.indexOf(active);
    setActiveId(rowIds[(at + step + rows.length) % rows.length]!);
  };

  const onInputKeyDown = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (route.view !== 'search') return;
      event.preventDefault();
      moveActive(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Enter') {
      const row = active !== null ? rows[rowIds.indexOf(active)] : rows[0];
      if (route.view === 'search' && row) {
        event.preventDefault();
        openRow(row);
      }
    } else if (event.key === 'Backspace' && query === '' && goBack()) {
      event.preventDefault();
    }
  };

  const onAppKeyDown = (event: KeyboardEvent) => {
    if (event.defaultPrevented) return;
    if (event.altKey && event.key === 'ArrowLeft') {
      if (goBack()) event.preventDefault();
    } else if (event.altKey && event.key === 'ArrowRight') {
      if (goForward()) event.preventDefault();
    } else if (event.key === 'Escape') {
      if (goBack()) {
        event.preventDefault();
      } else if (query !== '') {
        // Nothing behind: Esc clears the search; the next Esc closes the popup as usual.
        event.preventDefault();
        setQuery('');
        setHistory(typeQuery(history, ''));
        input.current?.focus();
      }
    }
  };

  const announcement =
    route.view === 'search' && typed && search.results && search.results.query === query
      ? resultsAnnouncement(search.results)
      : '';
  const listShown = route.view === 'search' && groups.length > 0;
  const moreThanShown = groups.some((group) => group.total > group.rows.length);

  return (
    <div class={`fl-app fl-layout-${layout}`} onKeyDown={onAppKeyDown}>
      <header class="fl-bar">
        {/* The page's one top heading, so headings below (a story's title, "On this page") sit under a name. */}
        <h1 class="fl-visually-hidden">Factlens</h1>
        <div class="fl-nav">
          <button
            type="button"
            class="fl-icon-button"
            aria-label="Back"
            disabled={!canGoBack(history)}
            onClick={goBack}
          >
            <BackIcon />
          </button>
          <button
            type="button"
            class="fl-icon-button"
            aria-label="Forward"
            disabled={!canGoForward(history)}
            onClick={goForward}
          >
            <ForwardIcon />
          </button>
        </div>
        <div class="fl-search" role="search">
          <label for={INPUT_ID} class="fl-visually-hidden">
            Search stories, entities and figures
          </label>
          <SearchIcon />
          <input
            id={INPUT_ID}
            ref={input}
            type="text"
            role="combobox"
            enterKeyHint="search"
            aria-autocomplete="list"
            aria-expanded={listShown}
            aria-controls={listShown ? LISTBOX_ID : undefined}
            aria-activedescendant={listShown && active ? active : undefined}
            placeholder="Search stories, entities, figures…"
            autocomplete="off"
            spellcheck={false}
            value={query}
            onInput={onInput}
            onKeyDown={onInputKeyDown}
          />
        </div>
      </header>

      {/* Result rows are not focusable (the search box keeps focus, see ResultsList), so while only they fill
          the scrolling area it takes a Tab stop itself: keyboard users can then scroll it without a mouse. */}
      <main class="fl-main" tabIndex={listShown ? 0 : undefined}>
        {route.view === 'search' ? (
          <>
            {!typed && home?.(open)}
            {!typed && (
              <p class="fl-hint">
                Search by name, topic or number — try <q>Azure growth</q> or <q>20 million</q>.
              </p>
            )}
            {typed && search.error && (
              <p role="alert" class="fl-error">
                {search.error}
              </p>
            )}
            {typed && !search.error && search.results && groups.length === 0 && (
              <div class="fl-empty">
                <p>
                  No stories, entities or figures match <strong>{query.trim()}</strong>.
                </p>
                <p class="fl-hint">Try fewer words, a company name, or a number such as “29%”.</p>
              </div>
            )}
            {listShown && (
              <ResultsList
                id={LISTBOX_ID}
                label={typed ? 'Search results' : 'Suggestions'}
                groups={groups}
                activeId={active}
                onOpen={openRow}
                onHover={(row) => setActiveId(rowElementId(LISTBOX_ID, row))}
              />
            )}
            {typed && layout === 'popup' && moreThanShown && (
              <p class="fl-see-all">
                <a href={storyPageHref({ view: 'search', query })} target="_blank" rel="noopener">
                  See all results in a tab
                </a>
              </p>
            )}
          </>
        ) : viewData?.status === 'story' ? (
          <StoryView
            details={viewData.details}
            links={links}
            layout={layout}
            terms={route.view === 'story' ? route.terms : undefined}
            figureId={route.view === 'story' ? route.figureId : undefined}
            focusHeading={openedByReader}
          />
        ) : viewData?.status === 'entity' ? (
          <EntityView
            details={viewData.details}
            links={links}
            layout={layout}
            terms={route.view === 'entity' ? route.terms : undefined}
            focusHeading={openedByReader}
          />
        ) : viewData?.status === 'error' ? (
          <p role="alert" class="fl-error">
            {viewData.message}
          </p>
        ) : (
          <p class="fl-loading" aria-busy="true">
            Loading…
          </p>
        )}
      </main>

      {footer && <footer class="fl-footer">{footer}</footer>}
      <p role="status" class="fl-visually-hidden">
        {announcement}
      </p>
    </div>
  );
}
