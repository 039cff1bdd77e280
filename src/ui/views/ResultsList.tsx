import { useEffect } from 'preact/hooks';
import { kindLabel } from '../../format/labels';
import { countLabel } from '../../format/labels';
import { FigureSentence } from './FigureRows';
import { Marked } from './Marked';
import { rowElementId, type ResultGroup, type ResultRow } from './result-rows';
import { StoryMeta } from './StoryMeta';

function RowContent({ row }: { row: ResultRow }) {
  if (row.kind === 'entity') {
    const { hit } = row;
    return (
      <>
        <span class="fl-row-title">
          <Marked text={hit.name} terms={hit.terms} />
          <span class="fl-kind">{kindLabel(hit.kind)}</span>
        </span>
        {hit.description && (
          <span class="fl-row-text">
            <Marked text={hit.description} terms={hit.terms} />
          </span>
        )}
        <span class="fl-row-meta">{countLabel(hit.storyCount, 'story', 'stories')}</span>
      </>
    );
  }
  if (row.kind === 'story') {
    const { hit } = row;
    return (
      <>
        <span class="fl-row-title">
          <Marked text={hit.title} terms={hit.terms} />
        </span>
        <span class="fl-row-meta">
          <StoryMeta date={hit.date} source={hit.source} excerpt={hit.excerpt} />
        </span>
        <span class="fl-row-text fl-snippet">
          <Marked text={hit.snippet} terms={hit.terms} />
        </span>
      </>
    );
  }
  const { hit } = row;
  return (
    <>
      <span class="fl-row-title fl-figure-row-title">
        <span class="fl-value">{hit.value}</span>
        {hit.detail && <span class="fl-detail">{hit.detail}</span>}
      </span>
      <span class="fl-row-text">
        <FigureSentence figure={hit} terms={hit.terms} />
      </span>
      <span class="fl-row-meta">{hit.storyTitle}</span>
    </>
  );
}

/**
 * Result rows as a listbox (the options of a combobox): grouped, with the
 * active row marked for `aria-activedescendant`. The rows are not focusable;
 * the search box keeps focus and the arrow keys move the active row.
 */
export function ResultsList({
  id,
  label,
  groups,
  activeId,
  onOpen,
  onHover,
}: {
  /** The listbox's id, named by the search box's `aria-controls`; also the prefix of row ids. */
  id: string;
  label: string;
  groups: readonly ResultGroup[];
  activeId: string | null;
  onOpen(row: ResultRow): void;
  onHover?(row: ResultRow): void;
}) {
  useEffect(() => {
    if (!activeId) return;
    document.getElementById(activeId)?.scrollIntoView?.({ block: 'nearest' });
  }, [activeId]);

  return (
    <div role="listbox" id={id} aria-label={label} class="fl-results">
      {groups.map((group) => (
        <div role="group" key={group.id} aria-labelledby={`${id}-${group.id}`} class="fl-group">
          <div role="presentation" id={`${id}-${group.id}`} class="fl-group-label">
            {group.label}
            {group.total > group.rows.length && (
              <span class="fl-group-count">
                {' '}
                · {group.rows.length} of {group.total}
              </span>
            )}
          </div>
          {group.rows.map((row) => {
            const rowId = rowElementId(id, row);
            return (
              <div
                role="option"
                id={rowId}
                key={rowId}
                aria-selected={rowId === activeId}
                class={`fl-row fl-row-${row.kind}`}
                onClick={() => onOpen(row)}
                onMouseMove={() => onHover?.(row)}
              >
                <RowContent row={row} />
              </div>
            );
          })}
        </div>
      ))}
    </div>
  );
}
