/** Hooks the popup and the story page share: searching as the reader types, and loading a view's facts. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { EntityDetails, StoryDetails } from '../../messages/schema';
import type { SearchResults, SearchSuggestions } from '../../messages/search-results';
import type { Route } from '../views/routes';
import type { FactlensClient } from './client';

/** The results for the latest query that has been answered, or the error that stopped it. */
export interface SearchState {
  results: SearchResults | null;
  error: string | null;
}

/**
 * Search on every change of `query`, without a debounce: the background
 * answers in milliseconds. Answers can arrive out of order; one older than
 * the answer shown is ignored, so results never step back to an earlier query.
 */
export function useSearch(client: FactlensClient, query: string, limit?: number): SearchState {
  const [state, setState] = useState<SearchState>({ results: null, error: null });
  const sent = useRef(0);
  const shown = useRef(0);
  useEffect(() => {
    const sequence = ++sent.current;
    if (!query.trim()) {
      shown.current = sequence;
      setState({ results: null, error: null });
      return;
    }
    client.search(query, limit).then(
      (results) => {
        if (sequence < shown.current) return;
        shown.current = sequence;
        setState({ results, error: null });
      },
      (error: unknown) => {
        if (sequence < shown.current) return;
        shown.current = sequence;
        setState({ results: null, error: error instanceof Error ? error.message : String(error) });
      },
    );
  }, [client, query, limit]);
  return state;
}

/** The suggestions for the empty state, loaded once. */
export function useSuggestions(client: FactlensClient): SearchSuggestions | null {
  const [suggestions, setSuggestions] = useState<SearchSuggestions | null>(null);
  useEffect(() => {
    client.suggestions().then(setSuggestions, () => setSuggestions({ entities: [], stories: [] }));
  }, [client]);
  return suggestions;
}

/** A story or entity view's facts, once loaded. */
export type ViewData =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'story'; details: StoryDetails }
  | { status: 'entity'; details: EntityDetails };

/**
 * The facts for a story or entity route. Answers are kept per route, so going
 * back and forward shows a view at once instead of loading it again.
 */
export function useViewData(client: FactlensClient, route: Route): ViewData | null {
  const cache = useRef(new Map<string, ViewData>());
  const key = route.view === 'search' ? null : `${route.view}:${route.id}`;
  const [, rerender] = useState(0);
  useEffect(() => {
    if (route.view === 'search' || !key) return;
    // Loaded, or loading: nothing to do. A failed load is tried again.
    const cached = cache.current.get(key);
    if (cached && cached.status !== 'error') return;
    cache.current.set(key, { status: 'loading' });
    const request =
      route.view === 'story'
        ? client.story(route.id).then((details): ViewData => ({ status: 'story', details }))
        : client.entity(route.id).then((details): ViewData => ({ status: 'entity', details }));
    request
      .catch((error: unknown): ViewData => ({
        status: 'error',
        message: error instanceof Error ? error.message : String(error),
      }))
      .then((data) => {
        cache.current.set(key, data);
        rerender((count) => count + 1);
      });
  }, [client, key]);
  return key ? (cache.current.get(key) ?? { status: 'loading' }) : null;
}
