/**
 * The background's search answers. The index is built here rather than in
 * the popup: the background already holds the fact base, builds the index once
 * per fact base and keeps it while it lives, whereas a popup would have to
 * receive the whole fact base and index it every time it opens. The index is
 * not built at startup, so a browser session that never searches never pays
 * for it: the popup's first request, its suggestions, is answered without it
 * and starts the build right after answering, so the popup opens at once and
 * the index is (usually) ready by the first keystroke. It is dropped when the
 * fact base changes.
 */
import type { Entity, Figure } from '../facts/schema';
import type { StoryDetails } from '../messages/schema';
import { buildSearchIndex, suggestionsOf, type SearchIndex } from '../search/search-index';
import type { FactBaseStore } from './factbase-store';
import type { BackgroundHandlers } from './router';

/** The handlers this module adds to the background's. */
export type SearchHandlers = Pick<BackgroundHandlers, 'search/query' | 'search/suggestions' | 'story/details'>;

/** Rows per group when the request names no limit: what the popup shows. */
const DEFAULT_LIMIT = 6;
/** A request may ask for more rows (the full-page results), up to this. */
const MAX_LIMIT = 50;

/** Options for {@link createSearchHandlers}. */
export interface SearchHandlerOptions {
  /** Told how long each index build took, in milliseconds. */
  onBuilt?: (milliseconds: number, size: number) => void;
  /** The clock; tests pass their own. */
  now?: () => number;
  /** Runs the index build after an answer has gone; tests pass their own. */
  later?: (task: () => void) => void;
}

/** Search, suggestions and story details over the store's current fact base. */
export function createSearchHandlers(store: FactBaseStore, options: SearchHandlerOptions = {}): SearchHandlers {
  const now = options.now ?? (() => performance.now());
  const later = options.later ?? ((task: () => void) => void setTimeout(task, 0));
  let index: SearchIndex | null = null;
  let lookups: { entities: Map<string, Entity>; figures: Map<string, Figure> } | null = null;
  store.subscribe(() => {
    index = null;
    lookups = null;
  });

  const searchIndex = () => {
    if (!index) {
      const started = now();
      index = buildSearchIndex(store.current().factBase);
      options.onBuilt?.(now() - started, index.size);
    }
    return index;
  };

  const byId = () => {
    if (!lookups) {
      const { factBase } = store.current();
      lookups = {
        entities: new Map(factBase.entities.map((entity) => [entity.id, entity])),
        figures: new Map(factBase.figures.map((figure) => [figure.id, figure])),
      };
    }
    return lookups;
  };

  return {
    'search/query': ({ query, limit }) => {
      const rows = Math.min(MAX_LIMIT, Math.max(1, Math.floor(limit ?? DEFAULT_LIMIT)));
      return { ok: true, value: searchIndex().search(query, { limit: rows }) };
    },
    'search/suggestions': () => {
      const value = suggestionsOf(store.current().factBase);
      if (!index) later(() => void searchIndex());
      return { ok: true, value };
    },
    'story/details': ({ storyId }) => {
      const story = store.current().story(storyId);
      if (!story) return { ok: false, error: `unknown story '${storyId}'` };
      const { entities, figures } = byId();
      const details: StoryDetails = {
        story,
        figures: story.figureIds.map((id) => figures.get(id)).filter((figure): figure is Figure => !!figure),
        entities: story.entityIds
          .map((id) => entities.get(id))
          .filter((entity): entity is Entity => !!entity)
          .map(({ id, name, kind }) => ({ id, name, kind })),
      };
      return { ok: true, value: details };
    },
  };
}
