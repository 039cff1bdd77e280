/**
 * Hover: which mention is under the pointer, and when to open and close its
 * popover. The decision logic ({@link HoverIntent}) is pure and takes its
 * timers as parameters; {@link mentionAtPoint} does the DOM part.
 *
 * Nothing here ever calls `preventDefault` or stops an event: a mention
 * inside a link must still work as a link.
 */
import type { MentionEntry, MentionIndex } from './mention-index';

/** Timers, so tests can use fake ones. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): number;
  clearTimeout(id: number): void;
}

/** What {@link HoverIntent} does when it decides. */
export interface HoverActions<T> {
  /** Open the popover for `mention`. */
  open(mention: T): void;
  /** Close the popover. */
  close(): void;
  /** Show `mention` (or nothing) as the mention under the pointer. */
  setActive(mention: T | null): void;
}

/** How long the pointer may be off both the mention and the popover before the popover closes. */
export const HOVER_GRACE_MS = 300;

/**
 * Hover intent: a popover opens once the pointer has rested on a mention for
 * `delayMs`, stays open while the pointer travels from the mention into the
 * popover (a grace period), and closes once the pointer has left both.
 */
export class HoverIntent<T> {
  #hovered: T | null = null;
  #opened: T | null = null;
  /** The open popover came from the keyboard: the pointer wandering elsewhere does not close it. */
  #sticky = false;
  #intentTimer: number | null = null;
  #graceTimer: number | null = null;

  readonly #timers: Timers;
  readonly #actions: HoverActions<T>;
  readonly #graceMs: number;

  constructor(
    timers: Timers,
    actions: HoverActions<T>,
    /** Pointer rest time before opening; changes with the settings. */
    public delayMs: number,
    graceMs = HOVER_GRACE_MS,
  ) {
    this.#timers = timers;
    this.#actions = actions;
    this.#graceMs = graceMs;
  }

  /** The mention whose popover is open, if any. */
  get openMention(): T | null {
    return this.#opened;
  }

  /**
   * The pointer moved: it is over `mention` (or no mention), and over the
   * popover or not.
   */
  pointerAt(mention: T | null, overPopover: boolean): void {
    if (overPopover) {
      this.#cancelIntent();
      this.#cancelGrace();
      if (this.#hovered !== null) {
        this.#hovered = null;
        this.#actions.setActive(this.#opened);
      }
      return;
    }
    if (mention !== null && mention === this.#opened) {
      this.#cancelGrace();
      this.#cancelIntent();
      if (this.#hovered !== mention) this.#actions.setActive(mention);
      this.#hovered = mention;
      return;
    }
    if (mention !== this.#hovered) {
      this.#hovered = mention;
      this.#cancelIntent();
      this.#actions.setActive(mention ?? this.#opened);
      if (mention !== null) {
        this.#intentTimer = this.#timers.setTimeout(() => {
          this.#intentTimer = null;
          this.openNow(mention);
        }, this.delayMs);
      }
    }
    if (this.#opened !== null && !this.#sticky && this.#graceTimer === null) {
      this.#graceTimer = this.#timers.setTimeout(() => {
        this.#graceTimer = null;
        this.closeNow();
      }, this.#graceMs);
    }
  }

  /** A tap on `mention` (touch): open at once, no intent delay. */
  tap(mention: T): void {
    this.#hovered = mention;
    this.#cancelIntent();
    this.openNow(mention);
  }

  /** Open `mention`'s popover now. */
  openNow(mention: T): void {
    this.markOpened(mention, false);
    this.#actions.open(mention);
  }

  /**
   * Note that `mention`'s popover was opened by other means (the keyboard).
   * `sticky`: it stays open until closed or another mention is hovered long enough.
   */
  markOpened(mention: T, sticky: boolean): void {
    this.#cancelIntent();
    this.#cancelGrace();
    this.#opened = mention;
    this.#sticky = sticky;
    this.#actions.setActive(mention);
  }

  /** Close the popover now. */
  closeNow(): void {
    this.#cancelIntent();
    this.#cancelGrace();
    if (this.#opened === null) return;
    this.#opened = null;
    this.#sticky = false;
    this.#actions.setActive(this.#hovered);
    this.#actions.close();
  }

  /** The popover was closed by other means (Esc, its close button): forget it without closing again. */
  popoverClosed(): void {
    this.#cancelGrace();
    this.#opened = null;
    this.#sticky = false;
    this.#actions.setActive(this.#hovered);
  }

  /** Forget everything (for example when Factlens is switched off); cancels timers. */
  reset(): void {
    this.#cancelIntent();
    this.#cancelGrace();
    this.#hovered = null;
    this.#opened = null;
    this.#sticky = false;
  }

  #cancelIntent(): void {
    if (this.#intentTimer !== null) this.#timers.clearTimeout(this.#intentTimer);
    this.#intentTimer = null;
  }

  #cancelGrace(): void {
    if (this.#graceTimer !== null) this.#timers.clearTimeout(this.#graceTimer);
    this.#graceTimer = null;
  }
}

/** A point in viewport coordinates. */
export interface Point {
  x: number;
  y: number;
}

/** Whether `point` lies in one of `rects`, allowing `slop` pixels around each. */
export function rectsContain(rects: Iterable<DOMRectReadOnly>, point: Point, slop = 1): boolean {
  for (const rect of rects) {
    if (
      point.x >= rect.left - slop &&
      point.x <= rect.right + slop &&
      point.y >= rect.top - slop &&
      point.y <= rect.bottom + slop
    ) {
      return true;
    }
  }
  return false;
}

/** A live Range over `mention`, for measuring it or anchoring a popover to it. */
export function liveRangeOf(mention: Pick<MentionEntry, 'node' | 'start' | 'end'>, document: Document): Range {
  const range = document.createRange();
  range.setStart(mention.node, mention.start);
  range.setEnd(mention.node, mention.end);
  return range;
}

/**
 * The range that paints a mark: a StaticRange where the browser has one, since it does not follow DOM
 * changes and thousands of them cost the page's own DOM updates nothing (live Ranges are updated on
 * every mutation); marks over changed text are rebuilt from a rescan instead.
 */
export function paintedRangeOf(mention: Pick<MentionEntry, 'node' | 'start' | 'end'>, window: Window): AbstractRange {
  const StaticRangeClass = (window as unknown as { StaticRange?: typeof StaticRange }).StaticRange;
  const { node, start, end } = mention;
  return StaticRangeClass
    ? new StaticRangeClass({ startContainer: node, startOffset: start, endContainer: node, endOffset: end })
    : liveRangeOf(mention, window.document);
}

interface CaretHit {
  node: Node;
  offset: number;
}

/**
 * The text position under a point. `caretPositionFromPoint` (Firefox, newer
 * Chromium; it can look into the shadow roots we pass) else the older
 * `caretRangeFromPoint`.
 */
export function caretAt(document: Document, point: Point, shadowRoots: readonly ShadowRoot[] = []): CaretHit | null {
  const withPosition = document as Document & {
    caretPositionFromPoint?: (x: number, y: number, options?: { shadowRoots: ShadowRoot[] }) => CaretPosition | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (typeof withPosition.caretPositionFromPoint === 'function') {
    const position = withPosition.caretPositionFromPoint(point.x, point.y, { shadowRoots: [...shadowRoots] });
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  if (typeof withPosition.caretRangeFromPoint === 'function') {
    const range = withPosition.caretRangeFromPoint(point.x, point.y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  }
  return null;
}

/**
 * The mention under `point`, or null. Cheap checks first: the element under
 * the pointer must be the parent of a text node that holds a mention (one Set
 * lookup), and only then does the browser's caret hit-testing run. Caret APIs
 * snap to the nearest character even beside the text, so the mention's own
 * boxes confirm the hit.
 */
export function mentionAtPoint(
  document: Document,
  index: MentionIndex,
  point: Point,
  target: EventTarget | null,
  shadowRoots: readonly ShadowRoot[] = [],
): MentionEntry | null {
  if (index.size === 0 || !target || !index.parentNodes().has(target as Node)) return null;
  const hit = caretAt(document, point, shadowRoots);
  if (!hit || hit.node.nodeType !== Node.TEXT_NODE) return null;
  for (const mention of index.at(hit.node as Text, hit.offset)) {
    if (rectsContain(liveRangeOf(mention, document).getClientRects(), point)) return mention;
  }
  return null;
}
