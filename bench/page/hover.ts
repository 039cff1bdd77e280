/**
 * Times hover → popover in the page's main world: from the pointer moving
 * onto a mention to the popover showing the entity's facts (open, placed,
 * and not the "Loading" note), then to the next frame painted.
 */
import { OWN_HOST_TAG } from '@/src/page/own-elements';
import { MARK_HIGHLIGHTS } from '@/src/page/highlights';

/** One hover, in performance.now() time. */
export interface HoverTiming {
  /** The pointermove that reached the mention. */
  movedAt: number;
  /** The popover showed the facts. */
  shownAt: number;
  /** The first frame after that. */
  paintedAt: number;
}

/** Where to put the pointer: the middle of the first box of each of the first `count` marked mentions in view. */
export function mentionPoints(count: number): { x: number; y: number; text: string }[] {
  const registry = (CSS as unknown as { highlights?: HighlightRegistry }).highlights;
  const points: { x: number; y: number; text: string }[] = [];
  for (const marked of MARK_HIGHLIGHTS.flatMap((name) => [...(registry?.get(name) ?? [])])) {
    const range = document.createRange();
    range.setStart(marked.startContainer, marked.startOffset);
    range.setEnd(marked.endContainer, marked.endOffset);
    const box = range.getClientRects()[0];
    if (!box || box.top < 0 || box.bottom > innerHeight || box.width === 0) continue;
    points.push({ x: box.left + box.width / 2, y: box.top + box.height / 2, text: range.toString() });
    if (points.length === count) break;
  }
  return points;
}

function popoverShown(): boolean {
  const layer = document.querySelector(OWN_HOST_TAG)?.shadowRoot?.querySelector('.fl-layer');
  if (!layer || !layer.classList.contains('fl-open') || layer.classList.contains('fl-hidden')) return false;
  return layer.querySelector('.fl-popover') !== null && layer.querySelector('.fl-status') === null;
}

let pending: Promise<HoverTiming> | null = null;

/** Start watching for the next hover; `result()` resolves once the popover shows (or rejects after `timeoutMs`). */
export function arm(timeoutMs = 5000): void {
  pending = new Promise((resolve, reject) => {
    let movedAt: number | null = null;
    const observers: MutationObserver[] = [];
    const stop = () => {
      for (const observer of observers) observer.disconnect();
      removeEventListener('pointermove', onMove, true);
      clearTimeout(timer);
    };
    const onMove = (event: PointerEvent) => {
      movedAt ??= event.timeStamp;
    };
    const check = () => {
      if (movedAt === null || !popoverShown()) return;
      const shownAt = performance.now();
      const from = movedAt;
      stop();
      requestAnimationFrame(() => resolve({ movedAt: from, shownAt, paintedAt: performance.now() }));
    };
    const watchHost = () => {
      const shadow = document.querySelector(OWN_HOST_TAG)?.shadowRoot;
      if (!shadow) return false;
      const observer = new MutationObserver(check);
      observer.observe(shadow, { subtree: true, childList: true, attributes: true, characterData: true });
      observers.push(observer);
      check();
      return true;
    };
    if (!watchHost()) {
      const observer = new MutationObserver(() => {
        if (watchHost()) observer.disconnect();
      });
      observer.observe(document.documentElement, { childList: true });
      observers.push(observer);
    }
    addEventListener('pointermove', onMove, true);
    const timer = setTimeout(() => {
      stop();
      reject(new Error('the popover did not show'));
    }, timeoutMs);
  });
  pending.catch(() => {});
}

/** The hover armed last. */
export function result(): Promise<HoverTiming> {
  if (!pending) return Promise.reject(new Error('not armed'));
  return pending;
}
