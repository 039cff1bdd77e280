import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { EntityDetails } from '../../messages/schema';
import { countLabel, kindLabel } from '../../format/labels';
import { searchTerms } from '../../search/terms';
import type { StorageArea } from '../../settings/storage-area';
import { correctionOfFigure } from '../../user-articles/corrections';
import { deleteCorrection, saveCorrection } from '../../user-articles/corrections-store';
import { EntityCharts } from '../chart/EntityCharts';
import { EntityCorrections, FigureCorrections, useCorrections, type CorrectionsSource } from './Corrections';
import { FigureRows } from './FigureRows';
import { Marked } from './Marked';
import { RouteLink } from './RouteLink';
import type { ViewLinks } from './routes';
import { StoryMeta } from './StoryMeta';
import type { ViewLayout } from './StoryView';

/** Sentences shown per story in the popup; the page shows them all. */
const POPUP_SENTENCES = 2;

/** Where the entity view reads and writes corrections; tests pass their own. */
export type CorrectionsStorage = CorrectionsSource & { area: StorageArea };

/** `browser.storage.local`, made once and only when a view first needs it. */
let browserCorrections: CorrectionsStorage | undefined;
function defaultCorrectionsStorage(): CorrectionsStorage {
  browserCorrections ??= { area: browser.storage.local, onChanged: browser.storage.onChanged };
  return browserCorrections;
}

/**
 * One entity: name, kind, description, its figures (with their stories), and
 * the stories that name it with what each says about it. "Correct" opens
 * controls to rename, re-kind or drop the entity and drop a figure or leave it
 * to its story; they are written to storage at once, and the background
 * rebuilds the fact base with them.
 */
export function EntityView({
  details,
  links,
  layout,
  terms,
  focusHeading = false,
  corrections: correctionsStorage = defaultCorrectionsStorage(),
}: {
  details: EntityDetails;
  links: ViewLinks;
  layout: ViewLayout;
  terms?: readonly string[];
  focusHeading?: boolean;
  corrections?: CorrectionsStorage;
}) {
  const { entity, figures, stories } = details;
  const corrections = useCorrections(correctionsStorage);
  const [correcting, setCorrecting] = useState(false);
  const actions = useMemo(
    () => ({
      correct: async (request: Parameters<typeof saveCorrection>[1]) => {
        await saveCorrection(correctionsStorage.area, request);
      },
      undo: async (correction: Parameters<typeof deleteCorrection>[1]) => {
        await deleteCorrection(correctionsStorage.area, correction);
      },
    }),
    [correctionsStorage],
  );
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusHeading) heading.current?.focus();
  }, [entity.id, focusHeading]);
  // In what the stories say about it, the entity's own names are what to look at.
  const nameTerms = useMemo(
    () => [...new Set([entity.name, ...entity.aliases].flatMap((name) => searchTerms(name)))],
    [entity],
  );
  const storyTitles = useMemo(() => new Map(stories.map((story) => [story.id, story.title])), [stories]);
  const otherNames = entity.aliases.filter((alias) => alias !== entity.name);

  return (
    <article class={`fl-view fl-entity fl-layout-${layout}`} aria-labelledby="fl-entity-name">
      <header class="fl-view-header">
        <p class="fl-kicker">{kindLabel(entity.kind)}</p>
        <h2 id="fl-entity-name" tabIndex={-1} ref={heading}>
          <Marked text={entity.name} terms={terms} />
        </h2>
        {otherNames.length > 0 && <p class="fl-aliases">Also: {otherNames.join(', ')}</p>}
        <p class="fl-view-meta">
          {countLabel(stories.length, 'story', 'stories')} · {countLabel(figures.length, 'figure')}
        </p>
        <EntityCorrections
          shown={entity}
          corrections={corrections}
          actions={actions}
          idPrefix="fl-entity-correct"
          onToggle={setCorrecting}
        />
      </header>

      {entity.description && (
        <p class="fl-summary">
          <Marked text={entity.description} terms={terms} />
        </p>
      )}

      {figures.length > 0 && (
        <section class="fl-section" aria-labelledby="fl-entity-figures">
          <h3 id="fl-entity-figures">
            Figures <span class="fl-count">{figures.length}</span>
          </h3>
          <EntityCharts figures={figures} stories={stories} srClass="fc-visually-hidden" adoptStylesInto={document} />
          <FigureRows
            figures={figures}
            terms={nameTerms}
            links={links}
            storyTitles={storyTitles}
            extra={(figure, index) =>
              // A corrected figure keeps its Undo in sight after the controls close.
              (correcting || correctionOfFigure(corrections, figure)) && (
                <FigureCorrections
                  figure={figure}
                  corrections={corrections}
                  actions={actions}
                  idPrefix={`fl-figure-correct-${index}`}
                />
              )
            }
          />
        </section>
      )}

      {stories.length > 0 && (
        <section class="fl-section" aria-labelledby="fl-entity-stories">
          <h3 id="fl-entity-stories">
            Stories <span class="fl-count">{stories.length}</span>
          </h3>
          <ul class="fl-story-list">
            {stories.map((story) => {
              const shown = layout === 'popup' ? story.sentences.slice(0, POPUP_SENTENCES) : story.sentences;
              return (
                <li key={story.id} class="fl-story-item">
                  <RouteLink class="fl-story-link" route={{ view: 'story', id: story.id }} links={links}>
                    {story.title}
                  </RouteLink>
                  <p class="fl-row-meta">
                    <StoryMeta date={story.date} source={story.source} excerpt={story.excerpt} />
                  </p>
                  {shown.length > 0 && (
                    <ul class="fl-says" aria-label={`What it says about ${entity.name}`}>
                      {shown.map((sentence, index) => (
                        <li key={index}>
                          <Marked text={sentence} terms={nameTerms} />
                        </li>
                      ))}
                    </ul>
                  )}
                  {story.sentences.length > shown.length && (
                    <p class="fl-more">
                      {countLabel(story.sentences.length - shown.length, 'more sentence')} in the story
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      )}

      {figures.length === 0 && stories.length === 0 && (
        <p class="fl-empty">The fact base knows this name but holds no figures or stories for it yet.</p>
      )}
    </article>
  );
}
