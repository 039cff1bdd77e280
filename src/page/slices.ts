/**
 * Long work cut into short tasks, so a scan of a several-megabyte page never
 * holds the main thread for long: the page stays responsive to input while
 * Factlens reads it.
 */

/** How long one slice of work may run before yielding to the page, in milliseconds. */
export const SLICE_MS = 8;

/**
 * Give the event loop a turn: a message on a MessageChannel queues a task
 * behind the page's own, unlike `setTimeout(0)` is not clamped to 4 ms, and
 * unlike `requestAnimationFrame` keeps running in background tabs.
 *
 * Not `scheduler.yield()`: its continuation is queued ahead of the page's
 * other tasks, so a long scan still starves the page's timers (measured in
 * Firefox on a page of 200,000 text nodes: the page's `setTimeout(0)` loop
 * stalled for 2–3 s with it, 0.3 s with a MessageChannel).
 */
export function yieldToPage(global: typeof globalThis = globalThis): Promise<void> {
  return new Promise((resolve) => {
    const channel = new global.MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** A clock and a way to yield, so tests can drive {@link runInSlices} without a browser. */
export interface SliceEnvironment {
  now(): number;
  yieldToPage(): Promise<void>;
  /** Work stops (the promise resolves false) once this is aborted. */
  signal?: AbortSignal;
  sliceMs?: number;
}

/** How a {@link runInSlices} run ended. */
export interface SlicedRun {
  /** False when the signal stopped the work before it finished. */
  completed: boolean;
  /** Time spent working, not counting the turns given to the page. */
  busyMs: number;
}

/**
 * Call `step` until it returns false, yielding to the page whenever a slice
 * has run for `sliceMs`. Each step should be short (a millisecond or so).
 * `afterSlice` runs at the end of every slice, before yielding (for example to
 * paint what the slice found).
 */
export async function runInSlices(
  step: () => boolean,
  environment: SliceEnvironment,
  afterSlice?: () => void,
): Promise<SlicedRun> {
  const sliceMs = environment.sliceMs ?? SLICE_MS;
  let busyMs = 0;
  for (;;) {
    if (environment.signal?.aborted) return { completed: false, busyMs };
    const sliceStart = environment.now();
    let more = true;
    while (more && environment.now() - sliceStart < sliceMs) more = step();
    afterSlice?.();
    busyMs += environment.now() - sliceStart;
    if (!more) return { completed: true, busyMs };
    await environment.yieldToPage();
  }
}
