import { useEffect, useState } from 'preact/hooks';
import type { PageMentions } from '../../messages/schema';
import { countLabel, VERDICT_LABELS } from '../../format/labels';
import type { Route } from '../views/routes';
import type { ActiveTab, PageClient } from './page-client';

type PageState = { status: 'loading' } | { status: 'unreadable' } | { status: 'read'; mentions: PageMentions };

/**
 * The entities the page in the active tab marks, with how often. Choosing one
 * scrolls the page to its first mention (and opens its popover there); next
 * and previous buttons then step through the others. Below them, the page's
 * figures checked against the stories, those that differ first.
 */
export function OnThisPage({
  page,
  tab,
  open,
}: {
  page: PageClient;
  /** The active tab; null when there is none, undefined while it is being found. */
  tab: ActiveTab | null | undefined;
  open(route: Route): void;
}) {
  const [state, setState] = useState<PageState>({ status: 'loading' });
  const [chosen, setChosen] = useState<string | null>(null);
  const [jumpFailed, setJumpFailed] = useState(false);

  useEffect(() => {
    if (tab === undefined) return;
    if (tab === null) {
      setState({ status: 'unreadable' });
      return;
    }
    page.list(tab.id).then((mentions) => setState(mentions ? { status: 'read', mentions } : { status: 'unreadable' }));
  }, [page, tab]);

  const jumpToFigure = async (figure: { position: number; entityId: string; page: string }) => {
    if (!tab) return;
    setJumpFailed(!(await page.jumpToFigure(tab.id, figure)));
  };

  const jump = async (entityId: string, direction: 'first' | 'next' | 'previous') => {
    if (!tab) return;
    setChosen(entityId);
    setJumpFailed(!(await page.jump(tab.id, entityId, direction)));
  };

  let body;
  if (state.status === 'loading') {
    body = (
      <p class="fl-muted" aria-busy="true">
        Reading the page…
      </p>
    );
  } else if (state.status === 'unreadable') {
    body = <p class="fl-muted">Factlens can’t read this page.</p>;
  } else if (!state.mentions.active) {
    body = <p class="fl-muted">Factlens is paused on this page.</p>;
  } else if (state.mentions.entities.length === 0) {
    body = <p class="fl-muted">No entities from the fact base on this page.</p>;
  } else {
    const { entities, leftOut } = state.mentions;
    const figures = state.mentions.figures ?? [];
    body = (
      <>
        <ul class="fl-page-list">
          {entities.map((entity) => (
            <li
              key={entity.entityId}
              class={entity.entityId === chosen ? 'fl-page-entity fl-chosen' : 'fl-page-entity'}
            >
              <button
                type="button"
                class="fl-page-jump"
                aria-pressed={entity.entityId === chosen}
                onClick={() => void jump(entity.entityId, 'first')}
              >
                <span class="fl-page-name">{entity.name}</span>
                <span class="fl-badge" aria-label={countLabel(entity.count, 'mention')}>
                  {entity.count}
                </span>
              </button>
              {entity.entityId === chosen && (
                <span class="fl-page-steps">
                  <button
                    type="button"
                    class="fl-small-button"
                    aria-label={`Previous mention of ${entity.name}`}
                    onClick={() => void jump(entity.entityId, 'previous')}
                  >
                    ‹ Prev
                  </button>
                  <button
                    type="button"
                    class="fl-small-button"
                    aria-label={`Next mention of ${entity.name}`}
                    onClick={() => void jump(entity.entityId, 'next')}
                  >
                    Next ›
                  </button>
                  <button
                    type="button"
                    class="fl-small-button"
                    aria-label={`Facts about ${entity.name}`}
                    onClick={() => open({ view: 'entity', id: entity.entityId })}
                  >
                    Facts
                  </button>
                </span>
              )}
            </li>
          ))}
        </ul>
        {figures.length > 0 && (
          <>
            <h3 class="fl-page-figures-label">Figures checked against your stories</h3>
            <ul class="fl-page-figures">
              {figures.map((figure, position) => (
                <li key={`${position}:${figure.position}`} class="fl-page-figure">
                  <button
                    type="button"
                    class="fl-page-figure-jump"
                    title="Show it on the page"
                    onClick={() => void jumpToFigure(figure)}
                  >
                    <span class={`fl-verdict fl-verdict-${figure.verdict}`}>{VERDICT_LABELS[figure.verdict]}</span>
                    <span class="fl-page-figure-entity">{figure.entityName}</span>
                    <span class="fl-page-figure-text">
                      {figure.page} · {figure.stories}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
        {leftOut > 0 && <p class="fl-muted fl-left-out">{countLabel(leftOut, 'mention')} not marked (page cap)</p>}
        {jumpFailed && (
          <p role="alert" class="fl-error">
            The page did not answer; try reloading it.
          </p>
        )}
      </>
    );
  }

  return (
    <section class="fl-on-page" aria-labelledby="fl-on-page-heading">
      <h2 id="fl-on-page-heading" class="fl-section-label">
        On this page
      </h2>
      {body}
    </section>
  );
}
