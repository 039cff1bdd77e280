/**
 * Tells the background which entities a frame marks, for the toolbar badge:
 * a while after the marks change (a scan changes them many times), and only
 * when the counts differ from the last report.
 */

/** How long after a change of marks the counts are reported. */
export const REPORT_DELAY_MS = 400;

/** What {@link CountReport} reads, where it reports, and its timers. */
export interface CountReportOptions {
  /** The counts now, read when the report is due. */
  counts(): ReadonlyMap<string, number>;
  report(counts: Record<string, number>): void;
  setTimeout(callback: () => void, ms: number): number;
  clearTimeout(id: number): void;
  /** Once aborted, nothing more is reported. */
  signal: AbortSignal;
}

/** Reports a frame's mention counts, delayed and deduplicated. */
export class CountReport {
  #timer: number | null = null;
  #last = '{}';

  readonly #options: CountReportOptions;

  constructor(options: CountReportOptions) {
    this.#options = options;
  }

  /** The marks changed: report the counts soon (one report for many changes). */
  schedule(): void {
    if (this.#timer !== null) return;
    this.#timer = this.#options.setTimeout(() => {
      this.#timer = null;
      if (this.#options.signal.aborted) return;
      const counts = Object.fromEntries([...this.#options.counts()].sort(([a], [b]) => (a < b ? -1 : 1)));
      const report = JSON.stringify(counts);
      if (report === this.#last) return;
      this.#last = report;
      this.#options.report(counts);
    }, REPORT_DELAY_MS);
  }

  /** Stop, and report that nothing is marked if something was. */
  dispose(): void {
    if (this.#timer !== null) this.#options.clearTimeout(this.#timer);
    this.#timer = null;
    if (this.#last !== '{}') this.#options.report({});
  }
}
