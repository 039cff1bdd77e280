/**
 * Which indexed mentions are marked, kept in line with the highlight layer:
 * each reconciliation chooses the marks from the index and the rules
 * (`marking.ts`), then adds and deletes only the ranges that changed, since
 * any change to a registered highlight repaints it. It also shows the
 * mention under the pointer (active) and the keyboard's current one.
 */
import type { HighlightLayer } from './highlights';
import { paintedRangeOf } from './hover';
import { chooseMarked, type MarkingRules } from './marking';
import type { MentionEntry } from './mention-index';

/**
 * At most this many marks are added by one call: each costs a few microseconds (its range, the rule or
 * drawing that reaches its element), and the first read of a page of 50,000 mentions chooses 5,000 at
 * once: 25–90 ms in one task (Chromium 156). The rest wait in {@link MarkSet.pending} for the next turns.
 */
export const MARKS_ADDED_AT_ONCE = 500;

/** The marked mentions of a page and their highlights. */
export class MarkSet {
  #marked = new Set<MentionEntry>();
  /** Chosen by the last reconcile but not yet added, in page order. */
  #pending = new Set<MentionEntry>();
  #currentEntry: MentionEntry | null = null;
  #countsByEntity = new Map<string, number>();
  #leftOutCount = 0;
  readonly #window: Window;

  constructor(
    /** Paints the marks; the session restyles it, repairs it and tells it the page moved. */
    readonly layer: HighlightLayer,
    window: Window,
  ) {
    this.#window = window;
  }

  /** How many mentions are marked. */
  get size(): number {
    return this.#marked.size;
  }

  /** How many chosen mentions wait to be marked (see {@link addPending}). */
  get pending(): number {
    return this.#pending.size;
  }

  /** Mentions per entity that count on the page (marked or not, see `Marking.counts`), as of the last {@link reconcile}. */
  get counts(): ReadonlyMap<string, number> {
    return this.#countsByEntity;
  }

  /** Mentions the rules left unmarked for the page's cap, as of the last {@link reconcile}. */
  get leftOut(): number {
    return this.#leftOutCount;
  }

  /** The mention the keyboard moved to, while it is marked. */
  get current(): MentionEntry | null {
    return this.#currentEntry;
  }

  /** Whether `entry` is marked. */
  has(entry: MentionEntry): boolean {
    return this.#marked.has(entry);
  }

  /**
   * Bring the marks in line with `entries` (the index, in page order) and the rules: marks the rules no
   * longer choose go now; new ones are added, the first {@link MARKS_ADDED_AT_ONCE} now and the rest by
   * {@link addPending}. Linear in the number of mentions. Returns true when a mark was added (a page may
   * take the new highlights).
   */
  reconcile(entries: readonly MentionEntry[], rules: MarkingRules): boolean {
    const marking = chooseMarked(entries, rules);
    const next = new Set(marking.marked);
    for (const entry of this.#marked) {
      if (next.has(entry)) continue;
      this.#marked.delete(entry);
      if (entry.range) this.layer.delete(entry.range);
    }
    this.#pending = new Set();
    for (const entry of next) if (!this.#marked.has(entry)) this.#pending.add(entry);
    this.#countsByEntity = marking.counts;
    this.#leftOutCount = marking.leftOut;
    if (this.#currentEntry && !next.has(this.#currentEntry)) {
      this.#currentEntry = null;
      this.layer.setCurrent(null);
    }
    return this.addPending();
  }

  /** Add the next {@link MARKS_ADDED_AT_ONCE} chosen marks, in page order; true when one was added. */
  addPending(): boolean {
    let added = 0;
    for (const entry of this.#pending) {
      if (added === MARKS_ADDED_AT_ONCE) break;
      this.#pending.delete(entry);
      const holder = entry.node.getRootNode() as Document | ShadowRoot;
      this.layer.add(this.#rangeOf(entry), holder, entry.node.parentElement);
      this.#marked.add(entry);
      added++;
    }
    return added > 0;
  }

  /** `entry` left the index: its mark goes now, before the next paint. */
  unmark(entry: MentionEntry): void {
    this.#pending.delete(entry);
    if (this.#marked.delete(entry) && entry.range) this.layer.delete(entry.range);
    if (entry === this.#currentEntry) this.#currentEntry = null;
  }

  /** Show `entry` (or nothing) as the mention under the pointer or with an open popover. */
  setActive(entry: MentionEntry | null): void {
    this.layer.setActive(entry ? this.#rangeOf(entry) : null);
  }

  /** Show `entry` as the keyboard's current mention. */
  setCurrent(entry: MentionEntry): void {
    this.#currentEntry = entry;
    this.layer.setCurrent(this.#rangeOf(entry));
  }

  /** Take every mark and highlight away. */
  dispose(): void {
    this.layer.dispose();
    this.#marked.clear();
    this.#pending.clear();
    this.#countsByEntity.clear();
  }

  /** The range that paints `entry` (see `paintedRangeOf`), made on first use. */
  #rangeOf(entry: MentionEntry): AbstractRange {
    entry.range ??= paintedRangeOf(entry, this.#window);
    return entry.range;
  }
}
