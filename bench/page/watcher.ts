/**
 * Installed in the page's main world before it loads, when the real
 * extension is measured: notes when the number of marks (painted or drawn)
 * changes and when the main thread was busy (a timer that fires late), so the
 * runner can tell when the content script is done without asking it. One
 * `performance.mark` with a unique name lets the runner put these times on a
 * Chromium trace's clock.
 */
import { MARK_HIGHLIGHTS, MENTION_HIGHLIGHT } from '@/src/page/highlights';

/** What the watcher has seen, read by the runner. */
export interface WatchLog {
  /** [performance.now(), highlight size] at every change of size (-1: no highlight registered). */
  sizes: [number, number][];
  /** The last time a tick came late (the main thread was busy), in performance.now() time. */
  lastBusyAt: number;
  /** performance.now() when the log was read. */
  now: number;
  /** The name of a mark made when watching started: in a trace, it ties this document's clock to the trace's. */
  originMark: string;
}

const TICK_MS = 4;
/** A tick later than this means something held the main thread. */
const LATE_MS = 12;

/** Start watching; `stop()` ends it. */
export function startWatching(window: Window = globalThis.window): { read(): WatchLog; stop(): void } {
  const sizes: [number, number][] = [];
  let lastSize = -2;
  let lastTick = window.performance.now();
  let lastBusyAt = lastTick;
  const tick = () => {
    const now = window.performance.now();
    if (now - lastTick > LATE_MS) lastBusyAt = now;
    lastTick = now;
    const registry = (window as unknown as { CSS?: { highlights?: HighlightRegistry } }).CSS?.highlights;
    const size = registry?.has(MENTION_HIGHLIGHT)
      ? MARK_HIGHLIGHTS.reduce((sum, name) => sum + (registry.get(name)?.size ?? 0), 0)
      : -1;
    if (size !== lastSize) {
      lastSize = size;
      sizes.push([now, size]);
    }
  };
  const originMark = `factlens-bench:origin:${Math.random().toString(36).slice(2)}`;
  window.performance.mark(originMark);
  const timer = window.setInterval(tick, TICK_MS);
  return {
    read: () => ({ sizes: [...sizes], lastBusyAt, now: window.performance.now(), originMark }),
    stop: () => window.clearInterval(timer),
  };
}

/** The top document's watcher; frames are left alone (their timers would only add noise to the trace). */
export const watcher = globalThis.window === globalThis.window.top ? startWatching() : null;
