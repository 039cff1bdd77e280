/**
 * Marks Factlens draws itself, for mentions no cheap `::highlight()` rule can
 * reach: text in an element of a tag the page has thousands of, with no id
 * and no rare class (a 100,000-line log, a table of 25,000 rows). A rule for
 * that tag would make the browser restyle every one of those elements at once
 * (Chromium 156: 1.4 s for 100,000 `<b>`, 0.44 s for 25,000 `<p>`, in one
 * task), freezing the page.
 *
 * Instead, boxes are laid over the mentions' text in a layer of our own: one
 * `<factlens-marks>` element on the document's root, its boxes in a shadow
 * root, nothing else in the page touched. Only mentions near the viewport are
 * drawn (an IntersectionObserver says which elements are), so the cost of a
 * drawing is that of the few dozen mentions on and around the screen, paid
 * when the page scrolls, resizes or changes, and never while it is still.
 *
 * Boxes sit above the text rather than under it (under would put them below
 * the page's own backgrounds), so their fills are light enough to read
 * through: the keyboard's yellow is weaker than the highlight's and gets an
 * underline instead. Blending them with the page (`mix-blend-mode`) would
 * read better but costs Chromium a walk of the whole page for each box
 * (160 ms at 200,000 elements). The layer is positioned with no z-index:
 * whatever the page puts above its text with a z-index (a sticky header, a
 * dialog) covers the marks too.
 */
import type { HighlightStyle } from '../settings/schema';
import { hostContainer } from './host-container';

/** The tag of the layer's host element. */
export const OVERLAY_HOST_TAG = 'factlens-marks';

/** Mentions are drawn within this margin around the viewport, so a scroll shows them already drawn. */
const NEAR_MARGIN = '100% 0px';

const BLUE = 'rgb(37 99 235 / 0.85)';

/** The layer's stylesheet for a highlight style: `.m` a mention, `.a` the active one, `.c` the current one. */
export function overlayStyleSheet(style: HighlightStyle): string {
  const mention =
    style === 'underline'
      ? `border-bottom: 2px dotted ${BLUE};`
      : style === 'tint'
        ? 'background-color: rgb(59 130 246 / 0.16);'
        : 'display: none;';
  return [
    // !important inside the shadow context wins over the page's own !important (CSS Cascade 4, "context").
    ':host { all: initial !important; display: block !important; position: absolute !important;' +
      ' top: 0 !important; left: 0 !important; width: 0 !important; height: 0 !important;' +
      ' overflow: visible !important; pointer-events: none !important; }',
    '@media print { :host { display: none !important; } }',
    'div { position: absolute; left: 0; top: 0; box-sizing: border-box; pointer-events: none; }',
    `.m { ${mention} }`,
    `.a { background-color: rgb(59 130 246 / 0.2); border-bottom: 2px solid ${BLUE}; }`,
    '.c { background-color: rgb(250 204 21 / 0.35); border-bottom: 2px solid rgb(202 138 4); }',
  ].join('\n');
}

/** A rectangle in viewport coordinates. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The part of `box` inside `clip` (null: no clip), or null when nothing of it is. */
export function clipBox(box: Box, clip: Box | null): Box | null {
  if (!clip) return box.right > box.left && box.bottom > box.top ? box : null;
  const left = Math.max(box.left, clip.left);
  const top = Math.max(box.top, clip.top);
  const right = Math.min(box.right, clip.right);
  const bottom = Math.min(box.bottom, clip.bottom);
  return right > left && bottom > top ? { left, top, right, bottom } : null;
}

interface OverlayGlobals {
  IntersectionObserver: typeof IntersectionObserver;
  ResizeObserver?: typeof ResizeObserver;
  CSSStyleSheet: typeof CSSStyleSheet;
}

/** The mentions drawn in the layer, and the layer itself once the first is added. */
export class MarkOverlay {
  readonly #document: Document;
  readonly #globals: OverlayGlobals;
  readonly #rangesByElement = new Map<Element, Set<AbstractRange>>();
  readonly #elementByRange = new Map<AbstractRange, Element>();
  /** Elements holding drawn mentions that are on or near the screen. */
  readonly #near = new Set<Element>();
  /** Per element, its ancestors that clip what overflows them (found once: pages rarely change overflow). */
  #clippers = new WeakMap<Element, Element[]>();
  readonly #controller = new AbortController();
  #host: HTMLElement | null = null;
  #shadow: ShadowRoot | null = null;
  readonly #sheet: CSSStyleSheet;
  #observer: IntersectionObserver | null = null;
  #resizeObserver: ResizeObserver | null = null;
  #frame: number | null = null;
  /** The drawn boxes, reused from one drawing to the next; `placed` holds what each was last given. */
  readonly #boxes: HTMLDivElement[] = [];
  readonly #placed: string[] = [];
  #active: AbstractRange | null = null;
  #current: AbstractRange | null = null;

  readonly #window: Window;
  #style: HighlightStyle;

  constructor(window: Window, style: HighlightStyle) {
    this.#window = window;
    this.#style = style;
    this.#document = window.document;
    this.#globals = window as unknown as OverlayGlobals;
    this.#sheet = new this.#globals.CSSStyleSheet();
    this.#sheet.replaceSync(overlayStyleSheet(style));
  }

  /** Whether `range` is one of the layer's mentions. */
  has(range: AbstractRange): boolean {
    return this.#elementByRange.has(range);
  }

  /** Draw the mention `range`, whose text is in `element`'s own text. */
  add(range: AbstractRange, element: Element): void {
    if (this.#elementByRange.has(range)) return;
    this.#start();
    this.#elementByRange.set(range, element);
    let ranges = this.#rangesByElement.get(element);
    if (!ranges) {
      this.#rangesByElement.set(element, (ranges = new Set()));
      this.#observer?.observe(element);
    }
    ranges.add(range);
    if (this.#near.has(element)) this.#scheduleDraw();
  }

  /** Stop drawing `range`. */
  delete(range: AbstractRange): void {
    const element = this.#elementByRange.get(range);
    if (!element) return;
    this.#elementByRange.delete(range);
    // Only a mention with boxes on the screen needs a drawing to disappear.
    const shown = this.#near.has(element) || range === this.#active || range === this.#current;
    const ranges = this.#rangesByElement.get(element)!;
    ranges.delete(range);
    if (ranges.size === 0) {
      this.#rangesByElement.delete(element);
      this.#observer?.unobserve(element);
      this.#near.delete(element);
    }
    if (range === this.#active) this.#active = null;
    if (range === this.#current) this.#current = null;
    if (shown) this.#scheduleDraw();
  }

  /** Show `range` as the mention under the pointer (a range the layer does not draw clears it). */
  setActive(range: AbstractRange | null): void {
    const next = range && this.has(range) ? range : null;
    if (next === this.#active) return;
    this.#active = next;
    this.#scheduleDraw();
  }

  /** Show `range` as the mention reached with the keyboard (a range the layer does not draw clears it). */
  setCurrent(range: AbstractRange | null): void {
    const next = range && this.has(range) ? range : null;
    if (next === this.#current) return;
    this.#current = next;
    this.#scheduleDraw();
  }

  /** Switch the look of the marks. */
  setStyle(style: HighlightStyle): void {
    if (style === this.#style) return;
    this.#style = style;
    this.#sheet.replaceSync(overlayStyleSheet(style));
    this.#scheduleDraw();
  }

  /**
   * The page changed: text may have moved, and elements may have gained or
   * lost an ancestor that clips them. Redrawn at the next frame.
   */
  pageChanged(): void {
    if (this.#elementByRange.size === 0) return;
    this.#clippers = new WeakMap();
    this.#scheduleDraw();
  }

  /** Put the layer back if the page removed it; true when it had. */
  repair(): boolean {
    if (!this.#host || this.#host.isConnected || this.#elementByRange.size === 0) return false;
    hostContainer(this.#document).append(this.#host);
    this.#scheduleDraw();
    return true;
  }

  /** Remove the layer and stop watching: the page is as it was. */
  dispose(): void {
    this.#controller.abort();
    this.#observer?.disconnect();
    this.#resizeObserver?.disconnect();
    if (this.#frame !== null) this.#window.cancelAnimationFrame(this.#frame);
    this.#frame = null;
    this.#host?.remove();
    this.#host = this.#shadow = this.#observer = this.#resizeObserver = null;
    this.#rangesByElement.clear();
    this.#elementByRange.clear();
    this.#near.clear();
    this.#boxes.length = this.#placed.length = 0;
  }

  /** Set the layer up with its first mention: a page that needs none has none of it. */
  #start(): void {
    if (this.#observer || this.#controller.signal.aborted) return;
    const host = this.#document.createElement(OVERLAY_HOST_TAG);
    const shadow = host.attachShadow({ mode: 'open' });
    // Adopted rather than a <style>: a strict style-src CSP does not block it.
    shadow.adoptedStyleSheets.push(this.#sheet);
    this.#host = host;
    this.#shadow = shadow;
    hostContainer(this.#document).append(host);
    this.#observer = new this.#globals.IntersectionObserver((entries) => this.#onIntersections(entries), {
      root: this.#document,
      rootMargin: NEAR_MARGIN,
    });
    const redraw = () => this.#scheduleDraw();
    const options = { capture: true, passive: true, signal: this.#controller.signal };
    // Scrolling anything may move drawn text: the document, a scrolling box, a fixed panel.
    this.#window.addEventListener('scroll', redraw, options);
    this.#window.addEventListener('resize', redraw, options);
    this.#document.fonts?.addEventListener('loadingdone', redraw, { signal: this.#controller.signal });
    // A fullscreen element hides everything outside it: the layer moves into it, and back to the root after.
    this.#document.addEventListener('fullscreenchange', () => this.#followFullscreen(), options);
    // Images, ads and lazily loaded parts change the page's height and move the text below them.
    if (this.#globals.ResizeObserver) {
      this.#resizeObserver = new this.#globals.ResizeObserver(redraw);
      this.#resizeObserver.observe(this.#document.documentElement);
    }
  }

  #followFullscreen(): void {
    const container = hostContainer(this.#document);
    if (!this.#host?.isConnected || this.#host.parentNode === container) return;
    container.append(this.#host);
    this.#clippers = new WeakMap();
    this.#scheduleDraw();
  }

  #onIntersections(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      if (entry.isIntersecting) this.#near.add(entry.target);
      else this.#near.delete(entry.target);
    }
    this.#scheduleDraw();
  }

  #scheduleDraw(): void {
    if (this.#frame !== null || !this.#host || this.#controller.signal.aborted) return;
    this.#frame = this.#window.requestAnimationFrame(() => {
      this.#frame = null;
      this.#draw();
    });
  }

  /** Lay a box over every line of every drawn mention near the screen. Reads layout, then writes. */
  #draw(): void {
    if (!this.#host?.isConnected || !this.#shadow) return;
    const origin = this.#host.getBoundingClientRect();
    const measure = this.#document.createRange();
    const wanted: { kind: string; box: Box }[] = [];
    const elements = new Set(this.#near);
    for (const range of [this.#active, this.#current]) if (range) elements.add(this.#elementByRange.get(range)!);
    for (const element of elements) {
      const ranges = this.#rangesByElement.get(element);
      if (!ranges || !element.isConnected || !isShown(element)) continue;
      const clip = this.#clipOf(element);
      if (clip === 'hidden') continue;
      for (const range of ranges) {
        const kind = range === this.#current ? 'c' : range === this.#active ? 'a' : this.#style === 'hover' ? '' : 'm';
        if (!kind) continue;
        try {
          measure.setStart(range.startContainer, range.startOffset);
          measure.setEnd(range.endContainer, range.endOffset);
        } catch {
          // The text changed under the mention since it was found; the rescan under way replaces it.
          continue;
        }
        for (const rect of measure.getClientRects()) {
          const box = clipBox(rect, clip);
          if (box) wanted.push({ kind, box });
        }
      }
    }
    for (const [index, { kind, box }] of wanted.entries()) {
      const x = box.left - origin.left;
      const y = box.top - origin.top;
      const key = `${kind} ${x} ${y} ${box.right - box.left} ${box.bottom - box.top}`;
      let element = this.#boxes[index];
      if (!element) {
        element = this.#document.createElement('div');
        this.#boxes.push(element);
        this.#shadow.append(element);
      }
      if (this.#placed[index] === key) continue;
      this.#placed[index] = key;
      element.className = kind;
      element.style.transform = `translate(${x}px, ${y}px)`;
      element.style.width = `${box.right - box.left}px`;
      element.style.height = `${box.bottom - box.top}px`;
    }
    for (const extra of this.#boxes.splice(wanted.length)) extra.remove();
    this.#placed.length = wanted.length;
  }

  /**
   * The viewport box that `element`'s text can show in: the intersection of
   * the boxes of its ancestors that clip overflow, null for none, 'hidden'
   * when they leave nothing.
   */
  #clipOf(element: Element): Box | null | 'hidden' {
    let clip: Box | null = null;
    for (const clipper of this.#clippersOf(element)) {
      const rect = clipper.getBoundingClientRect();
      const box: Box = { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom };
      const next = clipBox(box, clip);
      if (!next) return 'hidden';
      clip = next;
    }
    return clip;
  }

  #clippersOf(element: Element): Element[] {
    let found = this.#clippers.get(element);
    if (found) return found;
    found = [];
    const root = this.#document.documentElement;
    const body = this.#document.body;
    for (let current: Element | null = element; current && current !== root && current !== body;) {
      const { overflowX, overflowY } = this.#window.getComputedStyle(current);
      if (overflowX !== 'visible' || overflowY !== 'visible') found.push(current);
      current = current.parentElement ?? (current.parentNode as ShadowRoot | null)?.host ?? null;
    }
    this.#clippers.set(element, found);
    return found;
  }
}

/** Whether the element's text can be seen at all (not `visibility: hidden`, not `opacity: 0`). */
function isShown(element: Element): boolean {
  const check = (element as Element & { checkVisibility?: (options: object) => boolean }).checkVisibility;
  return check ? check.call(element, { visibilityProperty: true, opacityProperty: true }) : true;
}
