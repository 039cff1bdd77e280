import { useId, useMemo } from 'preact/hooks';
import type { FigureVerdict } from '../../messages/figures';
import type { EntityDetails } from '../../messages/schema';
import { countLabel, kindLabel } from '../../format/labels';
import { EntityCharts } from '../chart/EntityCharts';
import { FigureList } from './FigureList';
import { PageFigureList } from './PageFigureList';
import { StoryList } from './StoryList';

/** Colour theme: follow `prefers-color-scheme` ('system') or force one. */
export type PopoverTheme = 'system' | 'light' | 'dark';

/** Props of {@link Popover}. */
export interface PopoverProps {
  details: EntityDetails;
  /** "Open story" was chosen for this story. */
  onOpenStory(storyId: string): void;
  /** "Not this <name>" was chosen: stop marking this entity where it means something else. */
  onMute(entityId: string): void;
  /** The close button was chosen. */
  onClose(): void;
  theme?: PopoverTheme;
  /**
   * The entities the marked name may mean, when the page does not say which
   * (two people with one surname): each is offered, the shown one pressed.
   */
  candidates?: readonly { id: string; name: string }[];
  /** Another candidate was chosen: show its facts. */
  onChoose?(entityId: string): void;
  /** The name is one several entities carry, though `candidates` may offer fewer (the others muted here). */
  sharedName?: boolean;
  /** The page's figures about this entity checked against the stories. */
  pageFigures?: readonly FigureVerdict[];
  /** The checked figure the popover was opened from. */
  currentFigure?: FigureVerdict;
}

/** The line a screen reader hears about an entity: "Credo: 4 figures, 1 story". */
export function popoverAnnouncement(details: EntityDetails): string {
  return `${details.entity.name}: ${countLabel(details.figures.length, 'figure')}, ${countLabel(details.stories.length, 'story', 'stories')}`;
}

function CloseButton({ onClose }: { onClose(): void }) {
  return (
    <button type="button" class="fl-close" aria-label="Close" onClick={onClose}>
      <span aria-hidden="true">×</span>
    </button>
  );
}

/**
 * What Factlens knows about one entity: its name, kind and description, the
 * figures the articles give (each expandable to its source sentence), and the
 * stories that mention it. A non-modal dialog; the host positions it, closes
 * it on Escape and moves focus.
 *
 * Every string from the fact base is rendered as text, never as markup.
 */
export function Popover({
  details,
  onOpenStory,
  onMute,
  onClose,
  theme = 'system',
  candidates = [],
  onChoose,
  sharedName = false,
  pageFigures = [],
  currentFigure,
}: PopoverProps) {
  const { entity, figures, stories } = details;
  const titleId = useId();
  const descriptionId = useId();
  const figuresHeadingId = useId();
  const storiesHeadingId = useId();
  const pageHeadingId = useId();
  const storyTitles = useMemo(() => new Map(stories.map((story) => [story.id, story.title])), [stories]);
  // Names that are also ordinary words carry context words; only those can be wrong matches worth muting.
  // A name several entities carry is one too: muting the one shown leaves the others marked, and once they
  // are muted here the last one offered is as much in doubt.
  const ambiguous = (entity.contextWords?.length ?? 0) > 0 || candidates.length > 1 || sharedName;
  const kind = kindLabel(entity.kind);
  return (
    <div
      role="dialog"
      class="fl-popover"
      data-theme={theme}
      lang="en"
      dir="ltr"
      tabIndex={-1}
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
    >
      {/* Plain divs, not <header>/<footer>: those would add banner landmarks to the page we sit in. */}
      <div class="fl-header">
        <div class="fl-heading">
          <div class="fl-title-row">
            <h2 id={titleId} class="fl-title">
              {entity.name}
            </h2>
            <span class="fl-kind">{kind}</span>
          </div>
          <p id={descriptionId} class="fl-description">
            {entity.description ?? `${kind} mentioned in ${countLabel(stories.length, 'story', 'stories')}.`}
          </p>
        </div>
        <CloseButton onClose={onClose} />
      </div>
      {candidates.length > 1 && (
        <div class="fl-candidates" role="group" aria-label="This name may mean">
          <span class="fl-candidates-label" aria-hidden="true">
            This name may mean:
          </span>
          {candidates.map((candidate) => (
            <button
              key={candidate.id}
              type="button"
              class="fl-candidate"
              aria-pressed={candidate.id === entity.id}
              onClick={() => onChoose?.(candidate.id)}
            >
              {candidate.name}
            </button>
          ))}
        </div>
      )}
      <div class="fl-body">
        {pageFigures.length > 0 && (
          <section aria-labelledby={pageHeadingId}>
            <h3 id={pageHeadingId} class="fl-section-title">
              On this page
            </h3>
            <PageFigureList figures={pageFigures} current={currentFigure} />
          </section>
        )}
        {figures.length > 0 && (
          <section aria-labelledby={figuresHeadingId}>
            <h3 id={figuresHeadingId} class="fl-section-title">
              Figures
            </h3>
            <EntityCharts figures={figures} stories={stories} srClass="fl-sr" />
            <FigureList figures={figures} storyTitles={storyTitles} />
          </section>
        )}
        <section aria-labelledby={storiesHeadingId}>
          <h3 id={storiesHeadingId} class="fl-section-title">
            {stories.length === 1 ? 'Story' : 'Stories'}
          </h3>
          {stories.length > 0 ? (
            <StoryList stories={stories} entityName={entity.name} onOpenStory={onOpenStory} />
          ) : (
            <p class="fl-empty">No story in the fact base mentions {entity.name} yet.</p>
          )}
        </section>
      </div>
      {ambiguous && (
        <div class="fl-footer">
          <button
            type="button"
            class="fl-mute"
            title={`Stop marking “${entity.name}” on pages where it means something else`}
            onClick={() => onMute(entity.id)}
          >
            Not this {entity.name}
          </button>
        </div>
      )}
    </div>
  );
}

/** Props of {@link PopoverMessage}. */
export interface PopoverMessageProps {
  /** What to say: "Loading…", or why the facts could not be shown. */
  message: string;
  /** True while waiting: marks the dialog busy instead of alerting. */
  busy?: boolean;
  onClose(): void;
  theme?: PopoverTheme;
}

/** The popover's frame with a single message, for loading and for failures. */
export function PopoverMessage({ message, busy = false, onClose, theme = 'system' }: PopoverMessageProps) {
  const titleId = useId();
  const messageId = useId();
  return (
    <div
      role="dialog"
      class="fl-popover"
      data-theme={theme}
      lang="en"
      dir="ltr"
      tabIndex={-1}
      aria-labelledby={titleId}
      aria-describedby={messageId}
      aria-busy={busy}
    >
      <div class="fl-header">
        <div class="fl-heading">
          <h2 id={titleId} class="fl-title">
            Factlens
          </h2>
        </div>
        <CloseButton onClose={onClose} />
      </div>
      <p id={messageId} class="fl-status" role={busy ? undefined : 'alert'}>
        {message}
      </p>
    </div>
  );
}
