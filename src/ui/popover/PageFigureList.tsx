import { VERDICT_LABELS } from '../../format/labels';
import type { FigureVerdict } from '../../messages/figures';

/** Props of {@link PageFigureList}. */
export interface PageFigureListProps {
  /** The page's checked figures about the entity, in page order. */
  figures: readonly FigureVerdict[];
  /** The one the popover was opened from: shown first and marked as the one pointed at. */
  current?: FigureVerdict;
}

function sameFigure(a: FigureVerdict, b: FigureVerdict | undefined): boolean {
  return b !== undefined && a.sentence === b.sentence && a.start === b.start && a.page === b.page;
}

/**
 * The page's figures about an entity checked against the stories: "Differs ·
 * This page: $30M / month · Your stories: ≈$20M / month", the story the
 * compared figure comes from and its sentence. Text only, never markup.
 */
export function PageFigureList({ figures, current }: PageFigureListProps) {
  const ordered = current
    ? [...figures.filter((figure) => sameFigure(figure, current)), ...figures.filter((f) => !sameFigure(f, current))]
    : figures;
  return (
    <ul class="fl-page-figures">
      {ordered.map((figure, position) => (
        <li
          key={`${figure.sentence}:${figure.start}:${figure.entityId}:${position}`}
          class={sameFigure(figure, current) ? 'fl-page-figure fl-here' : 'fl-page-figure'}
          aria-current={sameFigure(figure, current) ? 'true' : undefined}
        >
          <span class={`fl-verdict fl-verdict-${figure.verdict}`}>{VERDICT_LABELS[figure.verdict]}</span>
          <span class="fl-page-figure-text">
            {figure.page} · {figure.stories}
          </span>
          <details class="fl-page-figure-source">
            <summary>
              From <cite>{figure.storyTitle}</cite>
            </summary>
            <blockquote class="fl-quote">{figure.storySentence}</blockquote>
          </details>
        </li>
      ))}
    </ul>
  );
}
