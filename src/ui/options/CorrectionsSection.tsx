import { useEffect, useRef, useState } from 'preact/hooks';
import { describeCorrection, type Correction } from '../../user-articles/corrections';

/** A correction's date as the list shows it: "2025-11-01". */
const day = (correction: Correction) => correction.at.slice(0, 10);

/**
 * "Your corrections": every correction the user made to what the builder
 * found, newest first, each with a button that removes it (the fact base is
 * rebuilt without it). Removing moves focus to the next item's button, or to
 * the heading when the list is empty, so the keyboard is never left on nothing.
 */
export function CorrectionsSection(props: {
  corrections: readonly Correction[] | null;
  onRemove: (correction: Correction) => Promise<void>;
}) {
  const list = [...(props.corrections ?? [])].reverse();
  const section = useRef<HTMLElement>(null);
  const [removedAt, setRemovedAt] = useState<number | null>(null);
  useEffect(() => {
    if (removedAt === null) return;
    const buttons = section.current?.querySelectorAll<HTMLElement>('.fo-correction-list button');
    const next = buttons?.[Math.min(removedAt, buttons.length - 1)];
    (next ?? section.current?.querySelector<HTMLElement>('h2'))?.focus();
    setRemovedAt(null);
  }, [props.corrections]);

  return (
    <section id="corrections" class="fo-section" aria-labelledby="corrections-title" ref={section}>
      <h2 id="corrections-title" tabIndex={-1}>
        Your corrections
      </h2>
      <p class="fo-hint">
        What you corrected in an article’s preview or an entity’s view. Factlens applies each again whenever it rebuilds
        the fact base; one about something no article names any more waits until one does.
      </p>
      {props.corrections === null ? (
        <p aria-busy="true">Loading your corrections…</p>
      ) : list.length === 0 ? (
        <p>No corrections yet.</p>
      ) : (
        <ul class="fo-correction-list">
          {list.map((correction, index) => {
            const sentence = describeCorrection(correction);
            return (
              <li key={`${correction.type}\n${correction.at}\n${sentence}`}>
                <span>
                  {sentence}. <span class="fo-meta">{day(correction)}</span>
                </span>
                <button
                  type="button"
                  aria-label={`Remove: ${sentence}`}
                  onClick={() => {
                    setRemovedAt(index);
                    void props.onRemove(correction);
                  }}
                >
                  Remove
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
