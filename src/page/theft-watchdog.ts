/**
 * Puts back highlights a page took. A page may take our highlights out of
 * `CSS.highlights` or drop our sheet; the watchdog looks, and repairs, this
 * long after marks are added, then twice as long after each look, for the
 * last time at {@link WATCHDOG_LAST_MS}: a page that keeps taking them is not
 * fought over, and a page that has stopped changing costs no CPU at all.
 * After that the pointer's movements are when it looks (at most every
 * {@link POINTER_REPAIR_EVERY_MS}): marks matter when the reader points at
 * the page.
 */

/** The first look after marks are added. */
export const WATCHDOG_FIRST_MS = 1000;
/** The last timed look: the delay doubles from {@link WATCHDOG_FIRST_MS} up to this. */
export const WATCHDOG_LAST_MS = 16_000;
/** The pointer's movements look at most this often. */
export const POINTER_REPAIR_EVERY_MS = 1000;

/** What the watchdog looks after, and its timers. */
export interface TheftWatchdogOptions {
  /** Look for taken highlights or sheet and put them back. */
  repair(): void;
  /** Whether anything is marked (nothing to put back otherwise). */
  hasMarks(): boolean;
  setTimeout(callback: () => void, ms: number): number;
  clearTimeout(id: number): void;
  now(): number;
  /** Once aborted, the watchdog never looks again. */
  signal: AbortSignal;
}

/** Looks for taken highlights on a backing-off timer, and when the pointer moves. */
export class TheftWatchdog {
  #timer: number | null = null;
  #delay = WATCHDOG_FIRST_MS;
  #lastLook = -Infinity;

  readonly #options: TheftWatchdogOptions;

  constructor(options: TheftWatchdogOptions) {
    this.#options = options;
  }

  /** Marks were added: look again soon, starting the back-off over. */
  marksAdded(): void {
    this.#schedule(true);
  }

  /** The pointer moved over the page: look, unless a look was made a moment ago. */
  pointerMoved(): void {
    if (!this.#options.hasMarks()) return;
    const now = this.#options.now();
    if (now - this.#lastLook < POINTER_REPAIR_EVERY_MS) return;
    this.#lastLook = now;
    this.#options.repair();
  }

  /** Stop the timer. */
  cancel(): void {
    if (this.#timer !== null) this.#options.clearTimeout(this.#timer);
    this.#timer = null;
  }

  /** `fresh` starts the back-off over; otherwise a pending look stays as it is. */
  #schedule(fresh: boolean): void {
    if (fresh) this.#delay = WATCHDOG_FIRST_MS;
    if (this.#timer !== null) {
      if (!fresh) return;
      this.#options.clearTimeout(this.#timer);
    }
    this.#timer = this.#options.setTimeout(() => {
      this.#timer = null;
      if (this.#options.signal.aborted) return;
      this.#options.repair();
      this.#lastLook = this.#options.now();
      if (this.#delay >= WATCHDOG_LAST_MS) return;
      this.#delay *= 2;
      if (this.#options.hasMarks()) this.#schedule(false);
    }, this.#delay);
  }
}
