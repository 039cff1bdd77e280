/**
 * Marks on the page through the CSS Custom Highlight API: the browser paints
 * ranges registered in `CSS.highlights`, styled by `::highlight()` rules, and
 * the page's DOM is left exactly as it was (no wrapper elements, no split
 * text nodes).
 *
 * The rules live in a constructable stylesheet adopted by the document (and
 * by each shadow root whose text we mark, since document rules do not reach
 * into shadow trees), with its first mark. Adopted sheets are not part of the DOM, so they neither
 * change the page's serialisation nor can the page's own scripts strip them
 * by removing <style> elements, and a strict `style-src` CSP does not block
 * them (checked in Chromium and Firefox).
 */
import type { HighlightStyle } from '../settings/schema';
import { MarkOverlay } from './mark-overlay';

/** The highlight that marks mentions. */
export const MENTION_HIGHLIGHT = 'factlens-mention';
/** The mention under the pointer or with its popover open. */
export const ACTIVE_HIGHLIGHT = 'factlens-active';
/** The mention reached with the keyboard. */
export const CURRENT_HIGHLIGHT = 'factlens-current';
/**
 * Mentions Factlens draws in its own layer (see mark-overlay.ts). No rule
 * styles this highlight: it is registered so that every marked range is in
 * `CSS.highlights`, and kept apart from {@link MENTION_HIGHLIGHT} so that a
 * rule on an ancestor (Chromium passes `::highlight()` styles down) cannot
 * paint a drawn mention twice. New ranges join it in batches, at most every
 * {@link DRAWN_BATCH_MS}: any change to a registered highlight, even one no
 * rule styles, repaints the page, and the pages whose marks are drawn are
 * the biggest (Chromium 156: 27 ms a change on a page of 200,000 text nodes,
 * where a read adds a few marks every 50 ms).
 */
export const DRAWN_HIGHLIGHT = 'factlens-drawn';
/** How long a drawn mention may wait to join {@link DRAWN_HIGHLIGHT}. */
export const DRAWN_BATCH_MS = 500;
/** The highlights that hold every marked mention, painted or drawn. */
export const MARK_HIGHLIGHTS = [MENTION_HIGHLIGHT, DRAWN_HIGHLIGHT] as const;
/** The page's figures checked against the stories, one highlight per verdict (see `figure-checks.ts`). */
export const FIGURE_HIGHLIGHTS = {
  agrees: 'factlens-figure-agrees',
  close: 'factlens-figure-close',
  differs: 'factlens-figure-differs',
} as const;
/** What a checked figure of the page is, against the stories. */
export type FigureVerdictKind = keyof typeof FIGURE_HIGHLIGHTS;

const BLUE = 'rgb(37 99 235 / 0.85)';

/**
 * The two groups of rules a marked element may need: its mentions' (marked, under the pointer, reached
 * with the keyboard) and its checked figures'. Figure rules are added only for elements holding a
 * checked figure: each rule costs the browser a look at every element of the page when it is added.
 */
export type RuleGroup = 'mentions' | 'figures';

/** The declarations of each highlight of `group` in a highlight style ('' for none). */
function declarations(style: HighlightStyle, group: RuleGroup): Record<string, string> {
  if (group === 'figures') {
    // A figure's verdict is told by the line's style as well as its colour (solid, dashed, wavy), for
    // readers who do not tell green from red. Under 'hover' nothing is drawn until the pointer is there.
    return style === 'hover'
      ? {}
      : {
          [FIGURE_HIGHLIGHTS.agrees]: figureLine('solid', 'rgb(22 163 74)'),
          [FIGURE_HIGHLIGHTS.close]: figureLine('dashed', 'rgb(202 138 4)'),
          [FIGURE_HIGHLIGHTS.differs]: figureLine('wavy', 'rgb(220 38 38)'),
        };
  }
  return {
    [MENTION_HIGHLIGHT]:
      style === 'underline'
        ? `text-decoration-line: underline; text-decoration-style: dotted; text-decoration-color: ${BLUE};` +
          ' text-decoration-thickness: 2px;'
        : style === 'tint'
          ? 'background-color: rgb(59 130 246 / 0.16);'
          : // 'hover': nothing until the pointer is on a mention; then the active rule marks it alone.
            '',
    [ACTIVE_HIGHLIGHT]:
      `background-color: rgb(59 130 246 / 0.2); text-decoration-line: underline; text-decoration-style: solid;` +
      ` text-decoration-color: ${BLUE}; text-decoration-thickness: 2px;`,
    [CURRENT_HIGHLIGHT]: 'background-color: rgb(250 204 21 / 0.55);',
  };
}

function figureLine(lineStyle: string, color: string): string {
  return (
    `text-decoration-line: underline; text-decoration-style: ${lineStyle}; text-decoration-color: ${color};` +
    ' text-decoration-thickness: 2px;'
  );
}

/**
 * Elements one rule may restyle before a narrower selector is worth using.
 * Adding a rule restyles every element it matches (Chromium 156, a page of
 * 40,000 paragraphs: 1 s for `p`, 40–90 ms for one element's id or path, most
 * of which is the browser looking the page over), so on a page with
 * thousands of paragraphs a rule per tag would freeze it for a frame or more.
 */
export const TAG_RULE_LIMIT = 1500;

/**
 * Per crowded tag, at most how many marked elements get rules for their
 * place before the tag's rule is used after all. Each rule costs the
 * browser a check of every element when it is added, so fewer are allowed
 * on bigger pages: see {@link placeRulesAllowed}.
 */
export const PLACE_RULES_PER_TAG = 8;

/**
 * In a document with more elements than this, every mark is drawn (see
 * mark-overlay.ts) and the document gets no stylesheet at all: there, any
 * change to its sheets costs the browser a look at every element before a
 * single one is restyled (Chromium 156: 115 ms on a page of 200,000
 * elements, one task). The biggest real page we test has about 46,000.
 */
export const DRAW_ALL_ABOVE_ELEMENTS = 60_000;

/**
 * Element checks (elements × rules) that the rules for places may cost a page: about 15 ms in Chromium.
 * Measured (Chromium 156, this project's 2-core machine, path rules inserted in one task, then a style
 * update): 0.08–0.15 µs per element and rule (eight places of six rules each: 91 ms on a page of 25,000
 * paragraphs, 337 ms on one of 50,000 elements).
 */
const PLACE_RULE_CHECKS = 120_000;

/** The rules one place gets: those of its mentions (marked, under the pointer, reached with the keyboard). */
const RULES_PER_PLACE = 3;

/** How many rules for places a tag may have on a page of `elements` elements. */
export function placeRulesAllowed(elements: number): number {
  const places = Math.floor(PLACE_RULE_CHECKS / RULES_PER_PLACE / Math.max(elements, 1));
  return Math.min(PLACE_RULES_PER_TAG, places);
}

/** How many elements in the document (or shadow root) carry a tag or a class, and in all. */
export interface ElementCounts {
  all(): number;
  tag(name: string): number;
  className(name: string): number;
}

/**
 * The element's place in the document as a selector that matches it alone:
 * child positions from its nearest ancestor with an id, or from the root.
 * It goes stale when the page inserts or removes elements before it (see
 * `HighlightLayer.revalidate`).
 */
export function pathSelector(element: Element): string {
  const steps: string[] = [];
  for (let current: Element | null = element; current; current = current.parentElement) {
    if (current !== element && current.id) return [`#${CSS.escape(current.id)}`, ...steps].join(' > ');
    if (!current.parentElement) return [':root', ...steps].join(' > ');
    let position = 1;
    for (let sibling = current.previousElementSibling; sibling; sibling = sibling.previousElementSibling) position++;
    steps.unshift(`${CSS.escape(current.localName)}:nth-child(${position})`);
  }
  return steps.join(' > ');
}

/**
 * The selector of the rules that let marks in `element`'s own text show
 * (`:host` for text straight in a shadow root: its host holds it), or null
 * when no selector is cheap enough and the mark must be drawn instead (see
 * mark-overlay.ts).
 *
 * The element's tag, unless the tag has more than {@link TAG_RULE_LIMIT}
 * elements: then its id, else (while `ownSelectorAllowed`) its path, else its
 * rarest class if no more than {@link TAG_RULE_LIMIT} elements carry it. The
 * rule must match the very element holding the text: Firefox 153 does not
 * pass `::highlight()` styles down to child elements (Chromium does). Tags
 * are preferred because a page may change an element's id, class or place
 * later.
 */
export function markSelector(
  element: Element | null,
  counts: ElementCounts,
  ownSelectorAllowed = false,
): string | null {
  if (!element) return ':host';
  const tag = element.localName;
  if (counts.tag(tag) <= TAG_RULE_LIMIT) return CSS.escape(tag);
  if (element.id) return `#${CSS.escape(element.id)}`;
  if (ownSelectorAllowed) return pathSelector(element);
  let best: { name: string; count: number } | null = null;
  for (const name of element.classList) {
    const count = counts.className(name);
    if (count <= TAG_RULE_LIMIT && count < (best?.count ?? Infinity)) best = { name, count };
  }
  return best ? `${CSS.escape(tag)}.${CSS.escape(best.name)}` : null;
}

/**
 * The rules that style marks in the elements `selector` matches (see
 * {@link markSelector}). `::highlight()` accepts only a few properties
 * (color, background-color, text-decoration and its longhands,
 * text-shadow), which is all we use.
 *
 * Why per selector rather than one `::highlight()` rule for every element:
 * adopting a sheet restyles every element its rules may match, and a
 * universal rule matches all of them (measured: 7–20 ms on news pages,
 * 0.6–1 s on a 2 MB list page). A rule for `p` restyles only paragraphs.
 * So the sheet holds rules for the elements that hold marks, added as marks
 * appear in new kinds of element.
 */
export function highlightRules(style: HighlightStyle, selector: string, group: RuleGroup = 'mentions'): string[] {
  return Object.entries(declarations(style, group))
    .filter(([, declared]) => declared !== '')
    .map(([name, declared]) => `${selector}::highlight(${name}) { ${declared} }`);
}

/**
 * The whole stylesheet for a highlight style, the selectors of the elements that hold marks and those of
 * the elements that hold checked figures.
 */
export function highlightStyleSheet(
  style: HighlightStyle,
  selectors: Iterable<string>,
  figureSelectors: Iterable<string> = [],
): string {
  return [
    ...[...selectors].flatMap((selector) => highlightRules(style, selector)),
    ...[...figureSelectors].flatMap((selector) => highlightRules(style, selector, 'figures')),
  ].join('\n');
}

/** A document or shadow root that can adopt stylesheets. */
type SheetHolder = Document | ShadowRoot;

interface HighlightGlobals {
  Highlight?: typeof Highlight;
  CSS?: { highlights?: HighlightRegistry };
  CSSStyleSheet: typeof CSSStyleSheet;
}

/**
 * The three highlights Factlens paints and the stylesheet that styles them.
 * Where the browser lacks the Highlight API (Firefox before 140) it does
 * nothing, and hover still works on unmarked text.
 */
export class HighlightLayer {
  readonly #registry: HighlightRegistry | null;
  readonly #mentions: Highlight | null;
  readonly #active: Highlight | null;
  readonly #current: Highlight | null;
  readonly #drawn: Highlight | null;
  readonly #figures: Record<FigureVerdictKind, Highlight> | null;
  /** Where marks no cheap rule reaches are drawn; made with the first such mark. */
  #overlay: MarkOverlay | null = null;
  /** Drawn marks waiting to join the drawn highlight, and the timer that adds them. */
  readonly #drawnWaiting = new Set<AbstractRange>();
  #drawnTimer: number | null = null;
  readonly #sheet: CSSStyleSheet | null;
  readonly #holders = new Set<SheetHolder>();
  /** The selectors the sheet has rules for, per group of rules. */
  readonly #selectors: Record<RuleGroup, Set<string>> = { mentions: new Set(), figures: new Set() };
  /** Marked elements with a selector of their own (id or path), and how many paths each tag has had. */
  readonly #ownSelectors = new Map<Element, string>();
  readonly #ownSelectorCount = new Map<string, number>();
  /** Per holder, how many elements carry each tag and class, counted once: the choice only weighs cost. */
  readonly #counts = new WeakMap<SheetHolder, ElementCounts>();
  #style: HighlightStyle;
  #activeRange: AbstractRange | null = null;
  #currentRange: AbstractRange | null = null;

  readonly #window: Window;
  readonly #markByPlace: boolean;

  /**
   * @param markByPlace - whether crowded tags' marked elements may get rules
   *   for their place (see `AnnotatorEnvironment.markByPlace`).
   */
  constructor(window: Window, style: HighlightStyle, markByPlace = false) {
    this.#window = window;
    this.#markByPlace = markByPlace;
    this.#style = style;
    const globals = window as unknown as HighlightGlobals;
    const registry = globals.CSS?.highlights;
    if (!registry || typeof globals.Highlight !== 'function') {
      this.#registry = this.#mentions = this.#active = this.#current = this.#drawn = this.#sheet = null;
      this.#figures = null;
      return;
    }
    this.#registry = registry;
    this.#mentions = new globals.Highlight();
    this.#active = new globals.Highlight();
    this.#current = new globals.Highlight();
    this.#drawn = new globals.Highlight();
    this.#figures = {
      agrees: new globals.Highlight(),
      close: new globals.Highlight(),
      differs: new globals.Highlight(),
    };
    // Where highlights overlap, the keyboard's current mention shows over the hovered one over the rest.
    this.#active.priority = 1;
    this.#current.priority = 2;
    for (const [name, highlight] of this.#registrations()) registry.set(name, highlight);
    // Empty until the first mark: rules come per tag, with the marks (see highlightRules).
    this.#sheet = new globals.CSSStyleSheet();
  }

  /** Whether this browser paints highlights at all. */
  get supported(): boolean {
    return this.#registry !== null;
  }

  /**
   * Mark a mention. `holder` is the document or shadow root its text is in,
   * and `element` the element holding the text (null for text straight in a
   * shadow root): the style rules are extended to reach it.
   */
  add(range: AbstractRange, holder: SheetHolder, element: Element | null): void {
    if (!this.#mentions) return;
    if (this.#reach(element, holder)) {
      this.#adoptInto(holder);
      this.#mentions.add(range);
    } else {
      this.#draw(range, element!);
    }
  }

  /**
   * Mark a checked figure of the page with its verdict, where a cheap rule reaches its element; false
   * when none does (a page too big to restyle): figures are not drawn in Factlens's own layer.
   */
  addFigure(range: AbstractRange, verdict: FigureVerdictKind, holder: SheetHolder, element: Element | null): boolean {
    if (!this.#figures || !this.#reach(element, holder, 'figures')) return false;
    this.#adoptInto(holder);
    this.#figures[verdict].add(range);
    return true;
  }

  /** Unmark a checked figure (and drop it as active). */
  deleteFigure(range: AbstractRange): void {
    if (!this.#figures) return;
    for (const highlight of Object.values(this.#figures)) highlight.delete(range);
    if (range === this.#activeRange) this.setActive(null);
  }

  /** Our highlights by their names in `CSS.highlights`. */
  #registrations(): [string, Highlight][] {
    if (!this.#mentions) return [];
    return [
      [MENTION_HIGHLIGHT, this.#mentions],
      [ACTIVE_HIGHLIGHT, this.#active!],
      [CURRENT_HIGHLIGHT, this.#current!],
      [DRAWN_HIGHLIGHT, this.#drawn!],
      ...Object.entries(this.#figures!).map(([verdict, highlight]): [string, Highlight] => [
        FIGURE_HIGHLIGHTS[verdict as FigureVerdictKind],
        highlight,
      ]),
    ];
  }

  /** Unmark a mention (and drop it as active or current). */
  delete(range: AbstractRange): void {
    this.#mentions?.delete(range);
    if (!this.#drawnWaiting.delete(range)) this.#drawn?.delete(range);
    this.#overlay?.delete(range);
    if (range === this.#activeRange) this.setActive(null);
    if (range === this.#currentRange) this.setCurrent(null);
  }

  /** Show `range` as the mention under the pointer (or none). */
  setActive(range: AbstractRange | null): void {
    this.#activeRange = range;
    replaceContents(this.#active, this.#isDrawn(range) ? null : range);
    this.#overlay?.setActive(range);
  }

  /** Show `range` as the mention reached with the keyboard (or none). */
  setCurrent(range: AbstractRange | null): void {
    this.#currentRange = range;
    replaceContents(this.#current, this.#isDrawn(range) ? null : range);
    this.#overlay?.setCurrent(range);
  }

  /** Switch the look of the marks. */
  setStyle(style: HighlightStyle): void {
    this.#style = style;
    this.#sheet?.replaceSync(highlightStyleSheet(style, this.#selectors.mentions, this.#selectors.figures));
    this.#overlay?.setStyle(style);
  }

  /** The page changed (elements or text): drawn marks are laid again over wherever their text now is. */
  pageChanged(): void {
    this.#overlay?.pageChanged();
  }

  #isDrawn(range: AbstractRange | null): boolean {
    return range !== null && (this.#overlay?.has(range) ?? false);
  }

  /** Mark `range` in Factlens's own layer: no rule that reaches `element` is cheap enough. */
  #draw(range: AbstractRange, element: Element): void {
    this.#overlay ??= new MarkOverlay(this.#window, this.#style);
    this.#overlay.add(range, element);
    this.#drawnWaiting.add(range);
    this.#drawnTimer ??= this.#window.setTimeout(() => {
      this.#drawnTimer = null;
      for (const waiting of this.#drawnWaiting) this.#drawn?.add(waiting);
      this.#drawnWaiting.clear();
    }, DRAWN_BATCH_MS);
  }

  /**
   * Make sure the rules of `group` reach `element`'s text: a selector for it,
   * and rules for the selector unless they exist. Paths are kept to be checked
   * later. False when no rule is cheap enough: the mark is to be drawn.
   */
  #reach(element: Element | null, holder: SheetHolder, group: RuleGroup = 'mentions'): boolean {
    const selector = this.#selectorFor(element, holder);
    if (selector === null) return false;
    this.#allowSelector(selector, group);
    return true;
  }

  /** The selector of the rules that reach `element`'s text (see `markSelector`), or null when none is cheap. */
  #selectorFor(element: Element | null, holder: SheetHolder): string | null {
    const own = element && this.#ownSelectors.get(element);
    if (own) return own;
    const tag = element?.localName ?? '';
    // Paths only in the document: a shadow root's elements are few, and its sheet is matched inside it.
    const counts = this.#countsIn(holder);
    const inDocument = 'documentElement' in holder;
    if (inDocument && element && counts.all() > DRAW_ALL_ABOVE_ELEMENTS) return null;
    const allowed =
      this.#markByPlace && inDocument && (this.#ownSelectorCount.get(tag) ?? 0) < placeRulesAllowed(counts.all());
    const selector = markSelector(element, counts, allowed);
    if (selector === null) return null;
    if (element && selector.startsWith('#')) this.#ownSelectors.set(element, selector);
    if (element && selector.includes(':nth-child(')) {
      this.#ownSelectors.set(element, selector);
      this.#ownSelectorCount.set(tag, (this.#ownSelectorCount.get(tag) ?? 0) + 1);
    }
    return selector;
  }

  /**
   * Give marked elements whose id or place changed since they got their
   * selector a new one (the page moved them, or put elements before them),
   * or draw their marks when no other is cheap enough. Costs one `matches`
   * per element with a selector of its own.
   */
  revalidate(): void {
    const unreached = new Set<Element>();
    for (const [element, selector] of this.#ownSelectors) {
      if (element.isConnected && element.matches(selector)) continue;
      this.#ownSelectors.delete(element);
      if (selector.includes(':nth-child(')) {
        const tag = element.localName;
        this.#ownSelectorCount.set(tag, this.#ownSelectorCount.get(tag)! - 1);
      }
      if (!element.isConnected) continue;
      if (!this.#reach(element, element.ownerDocument)) unreached.add(element);
      // Its checked figures keep their style too (a figure is never drawn: one left unreached goes unstyled).
      else if (this.#selectors.figures.has(selector)) this.#reach(element, element.ownerDocument, 'figures');
    }
    if (unreached.size === 0 || !this.#mentions) return;
    for (const range of [...(this.#mentions as unknown as Iterable<AbstractRange>)]) {
      const element = range.startContainer.parentElement;
      if (!element || !unreached.has(element)) continue;
      this.#mentions.delete(range);
      this.#draw(range, element);
      if (range === this.#activeRange) this.setActive(range);
      if (range === this.#currentRange) this.setCurrent(range);
    }
  }

  #allowSelector(selector: string, group: RuleGroup): void {
    const selectors = this.#selectors[group];
    if (!this.#sheet || selectors.has(selector)) return;
    selectors.add(selector);
    // insertRule rather than replaceSync: only elements matching the new rules are restyled.
    for (const rule of highlightRules(this.#style, selector, group))
      this.#sheet.insertRule(rule, this.#sheet.cssRules.length);
  }

  #countsIn(holder: SheetHolder): ElementCounts {
    let counts = this.#counts.get(holder);
    if (!counts) {
      counts = countElements(holder);
      this.#counts.set(holder, counts);
    }
    return counts;
  }

  /**
   * Let the marks show in `holder` (the document, or a shadow root holding
   * marks): it adopts the sheet. Adopting restyles what the rules match, so
   * it happens with a holder's first mark, never for a page without marks.
   */
  #adoptInto(holder: SheetHolder): void {
    if (!this.#sheet || this.#holders.has(holder) || !('adoptedStyleSheets' in holder)) return;
    // push() on the observable array rather than assigning a new array: in Firefox the array would be
    // created in the content script's compartment, which the page's document does not accept everywhere.
    holder.adoptedStyleSheets.push(this.#sheet);
    this.#holders.add(holder);
  }

  /**
   * Put back what the page took away: our highlights in `CSS.highlights`
   * (a page may `clear()` the registry) and our sheet in the adopted sheets
   * (a page may assign its own list). Returns true when something was missing.
   */
  repair(): boolean {
    if (!this.#registry) return false;
    let repaired = false;
    for (const [name, highlight] of this.#registrations()) {
      if (this.#registry.get(name) !== highlight) {
        this.#registry.set(name, highlight);
        repaired = true;
      }
    }
    for (const holder of this.#holders) {
      if (this.#sheet && !holder.adoptedStyleSheets.includes(this.#sheet)) {
        holder.adoptedStyleSheets.push(this.#sheet);
        repaired = true;
      }
    }
    if (this.#overlay?.repair()) repaired = true;
    return repaired;
  }

  /** Remove every mark and the stylesheet: the page is as it was before Factlens. */
  dispose(): void {
    if (!this.#registry) return;
    for (const [name, highlight] of this.#registrations()) {
      highlight.clear();
      // Only remove our own registration, in case something else reused the name since.
      if (this.#registry.get(name) === highlight) this.#registry.delete(name);
    }
    for (const holder of this.#holders) {
      const sheets = holder.adoptedStyleSheets;
      const index = sheets.indexOf(this.#sheet!);
      if (index >= 0) sheets.splice(index, 1);
    }
    this.#holders.clear();
    if (this.#drawnTimer !== null) this.#window.clearTimeout(this.#drawnTimer);
    this.#drawnTimer = null;
    this.#drawnWaiting.clear();
    this.#overlay?.dispose();
    this.#overlay = null;
  }
}

/** Counts of `holder`'s elements by tag and class, each counted on first asking and then kept. */
function countElements(holder: SheetHolder): ElementCounts {
  const tags = new Map<string, number>();
  const classes = new Map<string, number>();
  let all: number | undefined;
  // A document counts through its live collections (no selector parsing); a shadow root has none.
  const count = (cache: Map<string, number>, name: string, byName: (name: string) => number): number => {
    let counted = cache.get(name);
    if (counted === undefined) cache.set(name, (counted = byName(name)));
    return counted;
  };
  return {
    all: () =>
      (all ??=
        'getElementsByTagName' in holder
          ? holder.getElementsByTagName('*').length
          : holder.querySelectorAll('*').length),
    tag: (name) =>
      count(tags, name, (tag) =>
        'getElementsByTagName' in holder
          ? holder.getElementsByTagName(tag).length
          : holder.querySelectorAll(CSS.escape(tag)).length,
      ),
    className: (name) =>
      count(classes, name, (className) =>
        'getElementsByClassName' in holder
          ? holder.getElementsByClassName(className).length
          : holder.querySelectorAll(`.${CSS.escape(className)}`).length,
      ),
  };
}

function replaceContents(highlight: Highlight | null, range: AbstractRange | null): void {
  if (!highlight) return;
  // Any change to a registered highlight repaints the page (Chromium 156: 35 ms at 200,000 elements).
  if (highlight.size === (range ? 1 : 0) && (!range || highlight.has(range))) return;
  highlight.clear();
  if (range) highlight.add(range);
}
