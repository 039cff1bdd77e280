import { useEffect, useRef } from 'preact/hooks';
import type { StoryDetails } from '../../messages/schema';
import { kindLabel } from '../../format/labels';
import { countLabel } from '../../format/labels';
import { FigureRows } from './FigureRows';
import { Marked } from './Marked';
import { RouteLink } from './RouteLink';
import type { ViewLinks } from './routes';
import { StoryMeta } from './StoryMeta';
import { StoryText } from './StoryText';

/** Whether a view fills a popup (compact: the full text folds away) or a page. */
export type ViewLayout = 'popup' | 'page';

/**
 * One story: title, date or "undated", source and link, excerpt flag,
 * summary, its figures, its entities (links to their views) and its full text.
 */
export function StoryView({
  details,
  links,
  layout,
  terms,
  figureId,
  focusHeading = false,
}: {
  details: StoryDetails;
  links: ViewLinks;
  layout: ViewLayout;
  /** Search terms to mark, when the story was opened from a search. */
  terms?: readonly string[];
  /** A figure to point out, when the story was opened from that figure. */
  figureId?: string;
  /** Move focus to the title when shown, so a screen reader starts reading there. */
  focusHeading?: boolean;
}) {
  const { story, figures, entities } = details;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusHeading) heading.current?.focus();
    if (figureId)
      heading.current?.ownerDocument.getElementById(`figure-${figureId}`)?.scrollIntoView?.({ block: 'center' });
  }, [story.id, focusHeading, figureId]);

  return (
    <article class={`fl-view fl-story fl-layout-${layout}`} aria-labelledby="fl-story-title">
      <header class="fl-view-header">
        <p class="fl-kicker">Story</p>
        <h2 id="fl-story-title" tabIndex={-1} ref={heading}>
          <Marked text={story.title} terms={terms} />
        </h2>
        <p class="fl-view-meta">
          <StoryMeta date={story.date} source={story.source} excerpt={story.excerpt} />
        </p>
        <p class="fl-actions">
          {story.url && (
            <a class="fl-action" href={story.url} target="_blank" rel="noopener noreferrer">
              Read the original<span class="fl-visually-hidden"> (opens in a new tab)</span>
            </a>
          )}
          {layout === 'popup' && (
            <a class="fl-action" href={links.href({ view: 'story', id: story.id })} target="_blank" rel="noopener">
              Open in a tab<span class="fl-visually-hidden"> (opens in a new tab)</span>
            </a>
          )}
        </p>
      </header>

      {story.summary && (
        <p class="fl-summary">
          <Marked text={story.summary} terms={terms} />
        </p>
      )}

      {figures.length > 0 && (
        <section class="fl-section" aria-labelledby="fl-story-figures">
          <h3 id="fl-story-figures">
            Figures <span class="fl-count">{figures.length}</span>
          </h3>
          <FigureRows figures={figures} terms={terms} links={links} highlightId={figureId} />
        </section>
      )}

      {entities.length > 0 && (
        <section class="fl-section" aria-labelledby="fl-story-entities">
          <h3 id="fl-story-entities">In this story</h3>
          <ul class="fl-chips">
            {entities.map((entity) => (
              <li key={entity.id}>
                <RouteLink
                  class="fl-chip"
                  route={{ view: 'entity', id: entity.id }}
                  links={links}
                  label={`${entity.name}, ${kindLabel(entity.kind)}`}
                >
                  {/* The space keeps the visible words ("Azure Product") inside the name, for speech input. */}
                  {entity.name}{' '}
                  <span class="fl-chip-kind" aria-hidden="true">
                    {kindLabel(entity.kind)}
                  </span>
                </RouteLink>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section class="fl-section" aria-labelledby="fl-story-text">
        {layout === 'popup' ? (
          <details class="fl-fulltext">
            <summary>
              <h3 id="fl-story-text">Full text</h3>
              <span class="fl-count">{countLabel(story.body.split(/\s+/).filter(Boolean).length, 'word')}</span>
            </summary>
            <StoryText body={story.body} terms={terms} />
          </details>
        ) : (
          <>
            <h3 id="fl-story-text">Full text</h3>
            <StoryText body={story.body} terms={terms} />
          </>
        )}
      </section>
    </article>
  );
}
