/**
 * The controls that correct what the builder found, shared by the entity view
 * (popup, story page) and the article preview (options page): rename,
 * re-kind, merge or drop an entity; move or drop a figure. Each shows the
 * corrections already made to its subject with a way to undo them, since the
 * fact base behind a view only catches up once the background has re-merged.
 * Class names start with `fc-`: both the views' and the options page's style
 * sheets style them.
 */
import { createContext } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { EntityKind, type Figure } from '../../facts/schema';
import { kindLabel } from '../../format/labels';
import {
  correctionOfFigure,
  correctionsOfEntity,
  describeCorrection,
  figureRef,
  originalEntity,
  type Correction,
  type CorrectionRequest,
  type EntityRef,
} from '../../user-articles/corrections';
import { readCorrections, watchCorrections } from '../../user-articles/corrections-store';
import type { ReadableArea, StorageChangedEvent } from '../../settings/storage-area';

/** Where corrections are read and followed: `browser.storage.local` and its change event. */
export interface CorrectionsSource {
  area: ReadableArea;
  onChanged: StorageChangedEvent;
}

/** The stored corrections, kept current as any context changes them; empty until read. */
export function useCorrections(source: CorrectionsSource): Correction[] {
  const [corrections, setCorrections] = useState<Correction[]>([]);
  useEffect(() => {
    let stopped = false;
    void readCorrections(source.area).then((reading) => !stopped && setCorrections(reading.corrections));
    const stop = watchCorrections(source.onChanged, (next) => !stopped && setCorrections(next));
    return () => {
      stopped = true;
      stop();
    };
  }, [source]);
  return corrections;
}

/** What a correction control does with a request or an undo. */
export interface CorrectionActions {
  correct(request: CorrectionRequest): Promise<void>;
  undo(correction: Correction): Promise<void>;
}

/**
 * The corrections and what to do with them, for components deep in a page
 * that corrects (the options page provides it to its article preview); null
 * where nothing can be corrected.
 */
export const CorrectionsContext = createContext<{
  corrections: readonly Correction[];
  actions: CorrectionActions;
} | null>(null);

/** Text only screen readers get: it makes a repeated control's name unique ("Name of “Azure”"). */
function Hidden(props: { children: string }) {
  return <span class="fc-visually-hidden">{props.children}</span>;
}

/** After a click replaces the buttons, focus the first button of `container` so the keyboard is not lost. */
function useFocusAfterChange(container: { current: HTMLElement | null }, key: unknown) {
  const changed = useRef(false);
  useEffect(() => {
    if (!changed.current) return;
    changed.current = false;
    container.current?.querySelector<HTMLElement>('button, input, select')?.focus();
  }, [key]);
  return () => {
    changed.current = true;
  };
}

/** The corrections made to one subject, each with an Undo button; `onUndo` is told before one is undone. */
function MadeCorrections(props: { made: readonly Correction[]; actions: CorrectionActions; onUndo?: () => void }) {
  if (props.made.length === 0) return null;
  return (
    <ul class="fc-made" aria-label="Your corrections">
      {props.made.map((correction) => (
        <li key={correction.type}>
          {describeCorrection(correction)}.{' '}
          <button
            type="button"
            aria-label={`Undo: ${describeCorrection(correction)}`}
            onClick={() => {
              props.onUndo?.();
              void props.actions.undo(correction);
            }}
          >
            Undo
          </button>
        </li>
      ))}
    </ul>
  );
}

/**
 * Correct one entity: a disclosure with a rename field, a kind, an optional
 * merge target and a drop button, and the corrections made to it so far.
 * `shown` is the entity as the view shows it (renamed, perhaps); corrections
 * are made to it as the builder made it.
 */
export function EntityCorrections(props: {
  shown: EntityRef & { kind: EntityKind };
  corrections: readonly Correction[];
  /** Entities it could be another name for; no merge is offered without any. */
  mergeTargets?: readonly EntityRef[];
  actions: CorrectionActions;
  /** A prefix for element ids, unique on the page. */
  idPrefix: string;
  /** Told when the controls open or close. */
  onToggle?: (open: boolean) => void;
}) {
  const { shown, actions, idPrefix } = props;
  const entity = originalEntity(props.corrections, shown);
  const made = correctionsOfEntity(props.corrections, entity);
  const [name, setName] = useState(shown.name);
  const [kind, setKind] = useState<EntityKind>(shown.kind);
  const targets = (props.mergeTargets ?? []).filter((target) => target.id !== shown.id);
  const [into, setInto] = useState(targets[0]?.id ?? '');
  const quoted = `“${shown.name}”`;
  const details = useRef<HTMLDetailsElement>(null);
  // An undone correction takes its button away: focus goes to the first control left.
  const focusAfterUndo = useFocusAfterChange(details, made.length);
  useEffect(() => setName(shown.name), [shown.name]);
  useEffect(() => setKind(shown.kind), [shown.kind]);

  return (
    <details class="fc-entity" ref={details} onToggle={(event) => props.onToggle?.(event.currentTarget.open)}>
      <summary>Correct “{shown.name}”</summary>
      <MadeCorrections made={made} actions={actions} onUndo={focusAfterUndo} />
      <form
        class="fc-row"
        onSubmit={(event) => {
          event.preventDefault();
          if (name.trim() && name.trim() !== shown.name)
            void actions.correct({ type: 'entity/rename', entity, name: name.trim() });
        }}
      >
        <label for={`${idPrefix}-name`}>
          Name<Hidden>{` of ${quoted}`}</Hidden>
        </label>
        <input id={`${idPrefix}-name`} value={name} onInput={(event) => setName(event.currentTarget.value)} />
        <button type="submit">
          Rename<Hidden>{` ${quoted}`}</Hidden>
        </button>
      </form>
      <form
        class="fc-row"
        onSubmit={(event) => {
          event.preventDefault();
          if (kind !== shown.kind) void actions.correct({ type: 'entity/kind', entity, kind });
        }}
      >
        <label for={`${idPrefix}-kind`}>
          Kind<Hidden>{` of ${quoted}`}</Hidden>
        </label>
        <select
          id={`${idPrefix}-kind`}
          value={kind}
          onChange={(event) => setKind(event.currentTarget.value as EntityKind)}
        >
          {EntityKind.options.map((option) => (
            <option key={option} value={option}>
              {kindLabel(option)}
            </option>
          ))}
        </select>
        <button type="submit">
          Change kind<Hidden>{` of ${quoted}`}</Hidden>
        </button>
      </form>
      {targets.length > 0 && (
        <form
          class="fc-row"
          onSubmit={(event) => {
            event.preventDefault();
            const target = targets.find((candidate) => candidate.id === into);
            if (target) void actions.correct({ type: 'entity/merge', entity, into: target });
          }}
        >
          <label for={`${idPrefix}-into`}>
            <Hidden>{`${quoted} is `}</Hidden>Another name for
          </label>
          <select id={`${idPrefix}-into`} value={into} onChange={(event) => setInto(event.currentTarget.value)}>
            {targets.map((target) => (
              <option key={target.id} value={target.id}>
                {target.name}
              </option>
            ))}
          </select>
          <button type="submit">
            Merge<Hidden>{` ${quoted}`}</Hidden>
          </button>
        </form>
      )}
      <p class="fc-row">
        <button type="button" onClick={() => void actions.correct({ type: 'entity/drop', entity })}>
          Not an entity: drop “{shown.name}”
        </button>
      </p>
    </details>
  );
}

/** The value a figure is named by in labels: its own words. */
const figureName = (figure: Pick<Figure, 'text'>) => `“${figure.text}”`;

/**
 * Correct one figure: drop it, or move it to other entities (`owners`, the
 * entities it may belong to) or to its story only. Once corrected, the
 * controls give way to what was done and an Undo button.
 */
export function FigureCorrections(props: {
  figure: Figure;
  corrections: readonly Correction[];
  /** Entities to offer as its new owners; without any, only "the story only" is offered. */
  owners?: readonly EntityRef[];
  actions: CorrectionActions;
  idPrefix: string;
}) {
  const { figure, actions } = props;
  const made = correctionOfFigure(props.corrections, figure);
  const container = useRef<HTMLDivElement>(null);
  const focusAfter = useFocusAfterChange(container, made?.type ?? 'none');
  const owners = props.owners ?? [];
  const [to, setTo] = useState('');
  const ref = figureRef(figure);
  const act = (promise: Promise<void>) => {
    focusAfter();
    void promise;
  };

  if (made) {
    return (
      <div class="fc-figure" ref={container}>
        <span class="fc-done">{made.type === 'figure/drop' ? 'Dropped' : describeCorrection(made)}.</span>{' '}
        <button type="button" aria-label={`Undo: ${describeCorrection(made)}`} onClick={() => act(actions.undo(made))}>
          Undo
        </button>
      </div>
    );
  }
  const drop = (
    <button
      type="button"
      aria-label={`Drop figure ${figureName(figure)}`}
      onClick={() => act(actions.correct({ type: 'figure/drop', figure: ref }))}
    >
      Drop
    </button>
  );
  if (owners.length === 0) {
    return (
      <div class="fc-figure" ref={container}>
        {drop}{' '}
        <button
          type="button"
          aria-label={`Move figure ${figureName(figure)} to its story only`}
          onClick={() => act(actions.correct({ type: 'figure/move', figure: ref, to: [] }))}
        >
          Story only
        </button>
      </div>
    );
  }
  return (
    <div class="fc-figure" ref={container}>
      {drop}{' '}
      <label class="fc-visually-hidden" for={`${props.idPrefix}-to`}>
        Move figure {figureName(figure)} to
      </label>
      <select id={`${props.idPrefix}-to`} value={to} onChange={(event) => setTo(event.currentTarget.value)}>
        <option value="">its story only</option>
        {owners.map((owner) => (
          <option key={owner.id} value={owner.id}>
            {owner.name}
          </option>
        ))}
      </select>{' '}
      <button
        type="button"
        aria-label={`Move figure ${figureName(figure)}`}
        onClick={() =>
          act(actions.correct({ type: 'figure/move', figure: ref, to: owners.filter((owner) => owner.id === to) }))
        }
      >
        Move
      </button>
    </div>
  );
}
