/**
 * Where the reader points: mouse and pen movements, at most once per
 * animation frame, and taps (a touch that neither moves nor lasts). It only
 * reports points and targets; which mention is there and what opens is the
 * session's business (`hover.ts` decides the timing).
 *
 * Listeners are passive and in the capture phase, and nothing here ever
 * calls `preventDefault` or stops an event: a mention inside a link must
 * still work as a link.
 */
import type { Point } from './hover';

/** A tap moves less than this (CSS pixels) … */
export const TAP_SLOP_PX = 10;
/** … and lasts less than this. */
export const TAP_MAX_MS = 600;

/** What {@link PointerWatch} reports. */
export interface PointerHandlers {
  /**
   * Whether movements matter now; false skips them at the cost of a call (the cheap exit for most of
   * a page's life: nothing marked and no popover to keep open).
   */
  wanted(): boolean;
  /** The pointer (not a touch) rests at `point` over `target` this frame. */
  moved(point: Point, target: EventTarget | null): void;
  /** The pointer left the window: nothing is under it any more. */
  left(): void;
  /** A tap at `point` on `target`. */
  tapped(point: Point, target: EventTarget | null): void;
}

/** What {@link PointerWatch} listens to. */
export interface PointerWatchOptions {
  window: Window;
  /** The content script's frame callback (it stops with the content script). */
  requestAnimationFrame(callback: FrameRequestCallback): number;
  /** Removes every listener once aborted. */
  signal: AbortSignal;
}

/** The innermost target, looking into open shadow roots (composedPath only works during dispatch). */
function innermostTarget(event: Event): EventTarget | null {
  const target = event.target;
  if (target && (target as Element).shadowRoot) return event.composedPath()[0] ?? target;
  return target;
}

/** Watches the pointer over a window and reports movements and taps. */
export class PointerWatch {
  #pointer: { point: Point; target: EventTarget | null } | null = null;
  #frameRequested = false;
  #touchStart: { x: number; y: number; at: number; id: number } | null = null;

  readonly #handlers: PointerHandlers;
  readonly #options: PointerWatchOptions;

  constructor(handlers: PointerHandlers, options: PointerWatchOptions) {
    this.#handlers = handlers;
    this.#options = options;
    const { window, signal } = options;
    const listenerOptions = { capture: true, passive: true, signal };
    window.addEventListener('pointermove', (event) => this.#onPointerMove(event), listenerOptions);
    window.addEventListener('pointerdown', (event) => this.#onPointerDown(event), listenerOptions);
    window.addEventListener('pointerup', (event) => this.#onPointerUp(event), listenerOptions);
    window.addEventListener(
      'pointerout',
      (event) => {
        if (event.relatedTarget !== null) return;
        this.#pointer = null;
        this.#handlers.left();
      },
      listenerOptions,
    );
  }

  #onPointerMove(event: PointerEvent): void {
    if (event.pointerType === 'touch' || !this.#handlers.wanted()) return;
    this.#pointer = { point: { x: event.clientX, y: event.clientY }, target: innermostTarget(event) };
    if (this.#frameRequested) return;
    this.#frameRequested = true;
    this.#options.requestAnimationFrame(() => {
      this.#frameRequested = false;
      if (this.#options.signal.aborted || !this.#pointer) return;
      this.#handlers.moved(this.#pointer.point, this.#pointer.target);
    });
  }

  #onPointerDown(event: PointerEvent): void {
    if (event.pointerType !== 'touch') return;
    this.#touchStart = { x: event.clientX, y: event.clientY, at: event.timeStamp, id: event.pointerId };
  }

  #onPointerUp(event: PointerEvent): void {
    const start = this.#touchStart;
    if (event.pointerType !== 'touch' || !start || start.id !== event.pointerId) return;
    this.#touchStart = null;
    const moved = Math.hypot(event.clientX - start.x, event.clientY - start.y);
    if (moved > TAP_SLOP_PX || event.timeStamp - start.at > TAP_MAX_MS) return;
    this.#handlers.tapped({ x: event.clientX, y: event.clientY }, innermostTarget(event));
  }
}
