import type { ComponentChildren } from 'preact';
import type { Figure } from '../../facts/schema';
import { formatFigure } from '../../format/figures';
import { Marked } from './Marked';
import { RouteLink } from './RouteLink';
import type { ViewLinks } from './routes';

/** Where a figure's own words sit in its sentence, or null when the sentence does not hold them. */
function figureSpan(figure: Pick<Figure, 'text' | 'sentence' | 'offset'>): [number, number] | null {
  const { text, sentence, offset } = figure;
  const start = offset !== undefined && sentence.startsWith(text, offset) ? offset : sentence.indexOf(text);
  return start < 0 ? null : [start, start + text.length];
}

/** A figure's sentence with the figure's own words in bold and search terms marked. */
export function FigureSentence({
  figure,
  terms,
}: {
  figure: Pick<Figure, 'text' | 'sentence' | 'offset'>;
  terms?: readonly string[];
}) {
  const span = figureSpan(figure);
  if (!span) return <Marked text={figure.sentence} terms={terms} />;
  const [start, end] = span;
  return (
    <>
      <Marked text={figure.sentence.slice(0, start)} terms={terms} />
      <strong class="fl-figure-words">
        <Marked text={figure.sentence.slice(start, end)} terms={terms} />
      </strong>
      <Marked text={figure.sentence.slice(end)} terms={terms} />
    </>
  );
}

/**
 * Figures as a list: the compact value ("≈$20M / month") with its hedge and
 * period, the sentence it comes from, and, when `storyTitles` is given, a
 * link to its story; and, when `extra` is given, what it adds below each
 * (the entity view's correction controls).
 */
export function FigureRows({
  figures,
  terms,
  links,
  storyTitles,
  highlightId,
  extra,
}: {
  figures: readonly Figure[];
  terms?: readonly string[];
  links: ViewLinks;
  /** Story titles by story id; figures link to their story when given. */
  storyTitles?: ReadonlyMap<string, string>;
  /** A figure to mark as the one the reader came for. */
  highlightId?: string;
  /** Shown at the end of a figure's row. */
  extra?: (figure: Figure, index: number) => ComponentChildren;
}) {
  return (
    <ul class="fl-figures">
      {figures.map((figure, index) => {
        const { value, detail } = formatFigure(figure);
        const storyTitle = storyTitles?.get(figure.storyId);
        return (
          <li
            key={figure.id}
            id={`figure-${figure.id}`}
            class={figure.id === highlightId ? 'fl-figure fl-figure-current' : 'fl-figure'}
          >
            <div class="fl-figure-value">
              <span class="fl-value">{value}</span>
              {detail && <span class="fl-detail">{detail}</span>}
            </div>
            <p class="fl-figure-sentence">
              <FigureSentence figure={figure} terms={terms} />
            </p>
            {storyTitle && (
              <p class="fl-figure-story">
                <RouteLink route={{ view: 'story', id: figure.storyId, figureId: figure.id }} links={links}>
                  {storyTitle}
                </RouteLink>
              </p>
            )}
            {extra?.(figure, index)}
          </li>
        );
      })}
    </ul>
  );
}
