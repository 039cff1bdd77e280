import { useId, useState } from 'preact/hooks';
import type { Figure } from '../../facts/schema';
import { figureLabel, formatFigure } from '../../format/figures';

/** Props of {@link FigureList}. */
export interface FigureListProps {
  figures: readonly Figure[];
  /** Story titles by story id, to say where each figure comes from. */
  storyTitles: ReadonlyMap<string, string>;
}

/** The figure's sentence with the figure itself marked, as text nodes only. */
function QuotedSentence({ figure }: { figure: Figure }) {
  const { sentence, text } = figure;
  const offset =
    figure.offset !== undefined && sentence.startsWith(text, figure.offset) ? figure.offset : sentence.indexOf(text);
  if (offset < 0) return <blockquote class="fl-quote">{sentence}</blockquote>;
  return (
    <blockquote class="fl-quote">
      {sentence.slice(0, offset)}
      <mark>{text}</mark>
      {sentence.slice(offset + text.length)}
    </blockquote>
  );
}

function FigureItem({ figure, storyTitle }: { figure: Figure; storyTitle: string | undefined }) {
  const [expanded, setExpanded] = useState(false);
  const sourceId = useId();
  const { value, detail } = formatFigure(figure);
  const context = figureLabel(figure);
  return (
    <li class="fl-figure">
      <button
        type="button"
        class="fl-figure-toggle"
        aria-expanded={expanded}
        aria-controls={sourceId}
        onClick={() => setExpanded(!expanded)}
      >
        {/* Screen readers get the article's own words; "≈$20M / month" reads badly aloud. */}
        <span class="fl-value" aria-hidden="true">
          {value}
        </span>
        <span class="fl-sr">{figure.text}</span>
        <span class="fl-figure-text">
          {context}
          {detail && <span class="fl-detail">{detail}</span>}
        </span>
        <span class="fl-chevron" aria-hidden="true">
          ›
        </span>
      </button>
      <div id={sourceId} class="fl-figure-source" hidden={!expanded}>
        {expanded && (
          <>
            <QuotedSentence figure={figure} />
            {storyTitle && (
              <p class="fl-from">
                From <cite>{storyTitle}</cite>
              </p>
            )}
          </>
        )}
      </div>
    </li>
  );
}

/**
 * The figures the articles give for an entity, one line each in compact form;
 * each line expands to the sentence it comes from and the story's title.
 */
export function FigureList({ figures, storyTitles }: FigureListProps) {
  return (
    <ul class="fl-figures">
      {figures.map((figure) => (
        <FigureItem key={figure.id} figure={figure} storyTitle={storyTitles.get(figure.storyId)} />
      ))}
    </ul>
  );
}
