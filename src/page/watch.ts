/**
 * Keeping up with pages that change: a MutationObserver collects what
 * changed, and rescans of only those parts run batched, debounced and
 * rate-limited, so a page that rewrites its text every frame can not keep
 * Factlens busy.
 */

/** What a batch of mutation records asks for. */
export interface MutationSummary {
  /** Nodes whose text must be read again: added nodes and text nodes whose data changed. */
  readonly dirty: Node[];
  /** Text nodes whose data changed: their old marks are wrong from now on. */
  readonly changedTexts: Text[];
  /** Whether nodes were removed (their mentions are swept on the next rescan). */
  readonly removed: boolean;
}

/**
 * Read mutation records. Mutations of Factlens's own nodes (the popover
 * host) are ignored so showing a popover never causes a rescan.
 */
export function summarizeMutations(
  records: readonly MutationRecord[],
  isOwnNode: (node: Node) => boolean,
): MutationSummary {
  const dirty: Node[] = [];
  const changedTexts: Text[] = [];
  let removed = false;
  for (const record of records) {
    if (record.type === 'characterData') {
      const target = record.target;
      if (target.nodeType === Node.TEXT_NODE && !isOwnNode(target)) {
        dirty.push(target);
        changedTexts.push(target as Text);
      }
    } else if (record.type === 'childList') {
      if (isOwnNode(record.target)) continue;
      for (const node of record.addedNodes) {
        const type = node.nodeType;
        if ((type === Node.ELEMENT_NODE || type === Node.TEXT_NODE) && !isOwnNode(node)) dirty.push(node);
      }
      if (record.removedNodes.length > 0) removed = true;
    }
  }
  return { dirty, changedTexts, removed };
}

/**
 * The dirty nodes worth scanning: connected, and not inside another dirty
 * node (scanning the outer one reads them). Linear in the number of nodes
 * times the depth of the page, never quadratic in the number of nodes.
 */
export function outermostConnected(nodes: Iterable<Node>): Node[] {
  const set = new Set<Node>();
  for (const node of nodes) if (node.isConnected) set.add(node);
  const outermost: Node[] = [];
  for (const node of set) {
    let inside = false;
    for (let ancestor = parentInComposedTree(node); ancestor; ancestor = parentInComposedTree(ancestor)) {
      if (set.has(ancestor)) {
        inside = true;
        break;
      }
    }
    if (!inside) outermost.push(node);
  }
  return outermost;
}

function parentInComposedTree(node: Node): Node | null {
  const parent = node.parentNode;
  if (parent) return parent;
  return (node as ShadowRoot).host ?? null;
}

/** Limits on rescans. */
export interface RescanLimits {
  /** The window over which runs and busy time are counted. */
  windowMs: number;
  /** At most this many rescans per window before backing off. */
  maxRunsPerWindow: number;
  /** At most this much rescanning per window (milliseconds) before backing off. */
  maxBusyMsPerWindow: number;
  /** The first wait between rescans once backing off; it doubles each time the limit is hit again. */
  firstBackoffMs: number;
  /** The longest wait between rescans. */
  maxBackoffMs: number;
  /** A page that has not changed for this long is trusted again: the back-off resets. */
  quietMs: number;
}

/** Defaults: a few rescans a second, a few percent of one core at most. */
export const DEFAULT_RESCAN_LIMITS: RescanLimits = {
  windowMs: 1000,
  maxRunsPerWindow: 4,
  maxBusyMsPerWindow: 50,
  firstBackoffMs: 250,
  maxBackoffMs: 8000,
  quietMs: 3000,
};

/**
 * Decides how long a rescan must wait. Pure (time is passed in) so the back-off is tested without a browser.
 */
export class RescanLimiter {
  #runs: { at: number; busyMs: number }[] = [];
  #backoffMs = 0;
  #lastRunEnd = -Infinity;
  #lastRequest = -Infinity;

  readonly #limits: RescanLimits;

  constructor(limits: RescanLimits = DEFAULT_RESCAN_LIMITS) {
    this.#limits = limits;
  }

  /** The current minimum gap between rescans (0 when not backing off). */
  get backoff(): number {
    return this.#backoffMs;
  }

  /** Note that the page changed at `now` (a rescan is wanted). */
  noteRequest(now: number): void {
    if (now - Math.max(this.#lastRequest, this.#lastRunEnd) >= this.#limits.quietMs) this.#backoffMs = 0;
    this.#lastRequest = now;
  }

  /** How long from `now` until a rescan may start. */
  delayAt(now: number): number {
    return Math.max(0, this.#lastRunEnd + this.#backoffMs - now);
  }

  /**
   * Record a rescan that ran from `startedAt` to `endedAt` and kept the main
   * thread busy for `busyMs` of that (it yields to the page between slices).
   */
  recordRun(startedAt: number, endedAt: number, busyMs: number): void {
    this.#lastRunEnd = endedAt;
    this.#runs.push({ at: startedAt, busyMs });
    const since = endedAt - this.#limits.windowMs;
    this.#runs = this.#runs.filter((run) => run.at > since);
    const busy = this.#runs.reduce((sum, run) => sum + run.busyMs, 0);
    if (this.#runs.length > this.#limits.maxRunsPerWindow || busy > this.#limits.maxBusyMsPerWindow) {
      this.#backoffMs = Math.min(
        this.#limits.maxBackoffMs,
        this.#backoffMs ? this.#backoffMs * 2 : this.#limits.firstBackoffMs,
      );
    }
  }
}

/** Timers, a clock and the work to run: what {@link RescanScheduler} needs from its world. */
export interface RescanSchedulerOptions {
  setTimeout(callback: () => void, ms: number): number;
  clearTimeout(id: number): void;
  now(): number;
  /** The rescan itself; resolves to the time it kept the main thread busy, in milliseconds. */
  run(): Promise<number>;
  limiter?: RescanLimiter;
  /** Wait this long after the last change before rescanning … */
  debounceMs?: number;
  /** … but no longer than this after the first change of a batch. */
  maxWaitMs?: number;
}

/**
 * Runs rescans after changes: one at a time, debounced (a burst of changes
 * makes one rescan), and no more often than the limiter allows.
 */
export class RescanScheduler {
  #timer: number | null = null;
  #firstRequest: number | null = null;
  #running = false;
  #again = false;
  readonly #limiter: RescanLimiter;
  readonly #debounceMs: number;
  readonly #maxWaitMs: number;

  readonly #options: RescanSchedulerOptions;

  constructor(options: RescanSchedulerOptions) {
    this.#options = options;
    this.#limiter = options.limiter ?? new RescanLimiter();
    this.#debounceMs = options.debounceMs ?? 50;
    this.#maxWaitMs = options.maxWaitMs ?? 200;
  }

  /** Ask for a rescan. */
  request(): void {
    const now = this.#options.now();
    this.#limiter.noteRequest(now);
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#firstRequest ??= now;
    const untilMaxWait = this.#firstRequest + this.#maxWaitMs - now;
    const delay = Math.max(Math.min(this.#debounceMs, untilMaxWait), this.#limiter.delayAt(now), 0);
    if (this.#timer !== null) this.#options.clearTimeout(this.#timer);
    this.#timer = this.#options.setTimeout(() => void this.#fire(), delay);
  }

  /** Forget any pending rescan. */
  cancel(): void {
    if (this.#timer !== null) this.#options.clearTimeout(this.#timer);
    this.#timer = null;
    this.#firstRequest = null;
    this.#again = false;
  }

  async #fire(): Promise<void> {
    this.#timer = null;
    this.#firstRequest = null;
    this.#running = true;
    const startedAt = this.#options.now();
    let busyMs = 0;
    try {
      busyMs = await this.#options.run();
    } catch (error) {
      // A failed rescan must not stop later ones; the next change tries again.
      console.warn('Factlens: rescan failed', error);
    }
    this.#running = false;
    this.#limiter.recordRun(startedAt, this.#options.now(), busyMs);
    if (this.#again) {
      this.#again = false;
      this.request();
    }
  }
}
