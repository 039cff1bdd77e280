/**
 * Search results as the UI lists them: groups of rows, each row leading to a
 * view. Pure, so ordering and wording are tested without a DOM.
 */
import { countLabel } from '../../format/labels';
import type { EntityHit, FigureHit, SearchResults, SearchSuggestions, StoryHit } from '../../messages/search-results';
import type { Route } from './routes';

/** One row of a result list. */
export type ResultRow =
  { kind: 'entity'; hit: EntityHit } | { kind: 'story'; hit: StoryHit } | { kind: 'figure'; hit: FigureHit };

/** A labelled group of rows; `total` counts the matches beyond those shown. */
export interface ResultGroup {
  id: 'entities' | 'stories' | 'figures' | 'suggested-entities' | 'suggested-stories';
  label: string;
  rows: ResultRow[];
  total: number;
}

/** Entities, then stories, then figures; empty groups left out. */
export function resultGroups(results: SearchResults): ResultGroup[] {
  const groups: ResultGroup[] = [
    {
      id: 'entities',
      label: 'Entities',
      rows: results.entities.map((hit) => ({ kind: 'entity', hit })),
      total: results.total.entities,
    },
    {
      id: 'stories',
      label: 'Stories',
      rows: results.stories.map((hit) => ({ kind: 'story', hit })),
      total: results.total.stories,
    },
    {
      id: 'figures',
      label: 'Figures',
      rows: results.figures.map((hit) => ({ kind: 'figure', hit })),
      total: results.total.figures,
    },
  ];
  return groups.filter((group) => group.rows.length > 0);
}

/** What to try before typing: entities, then the newest stories. */
export function suggestionGroups(suggestions: SearchSuggestions): ResultGroup[] {
  const groups: ResultGroup[] = [
    {
      id: 'suggested-entities',
      label: 'Entities to try',
      rows: suggestions.entities.map((hit) => ({ kind: 'entity', hit })),
      total: suggestions.entities.length,
    },
    {
      id: 'suggested-stories',
      label: 'Newest stories',
      rows: suggestions.stories.map((hit) => ({ kind: 'story', hit })),
      total: suggestions.stories.length,
    },
  ];
  return groups.filter((group) => group.rows.length > 0);
}

/** Every row of the groups, in the order the arrow keys move through them. */
export function flatRows(groups: readonly ResultGroup[]): ResultRow[] {
  return groups.flatMap((group) => group.rows);
}

/** The view a row opens: the entity, the story, or a figure's story with the figure pointed out. */
export function routeOfRow(row: ResultRow): Route {
  const terms = row.hit.terms.length ? row.hit.terms : undefined;
  if (row.kind === 'entity') return { view: 'entity', id: row.hit.id, ...(terms && { terms }) };
  if (row.kind === 'story') return { view: 'story', id: row.hit.id, ...(terms && { terms }) };
  return { view: 'story', id: row.hit.storyId, figureId: row.hit.id, ...(terms && { terms }) };
}

/** A DOM id for a row, unique within a list (`prefix` tells lists apart). */
export function rowElementId(prefix: string, row: ResultRow): string {
  return `${prefix}-${row.kind}-${row.hit.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

/** What the live region says about a set of results: "2 entities, 1 story and 3 figures", or that there are none. */
export function resultsAnnouncement(results: SearchResults): string {
  const parts = [
    results.total.entities && countLabel(results.total.entities, 'entity', 'entities'),
    results.total.stories && countLabel(results.total.stories, 'story', 'stories'),
    results.total.figures && countLabel(results.total.figures, 'figure'),
  ].filter((part): part is string => Boolean(part));
  if (parts.length === 0) return `No results for ${results.query.trim()}`;
  const list = parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  return `${list} found`;
}
