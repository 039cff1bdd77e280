/**
 * The page layer of the content script: reads the page, marks mentions,
 * keeps up with changes, opens popovers on hover, tap and keyboard, and
 * answers the popup. One {@link PageSession} exists while Factlens is active
 * on the page; switching it off (globally or for the site) disposes the
 * session, which leaves the page exactly as it was, and switching it back on
 * starts a new one.
 */
import type { Matcher } from '../match/matcher';
import type { ContentRequest, EntityDetails, PageMentions } from '../messages/schema';
import type { Settings } from '../settings/schema';
import { isActiveOn, mutedOn, siteOf } from '../settings/store';
import { PageContext } from './context';
import { ExclusionCache } from './exclusions';
import { HighlightLayer } from './highlights';
import { OVERLAY_HOST_TAG } from './mark-overlay';
import { HoverIntent, liveRangeOf, mentionAtPoint, type Point } from './hover';
import { chooseMarked, type MarkingRules } from './marking';
import { MentionIndex, type MentionEntry } from './mention-index';
import { firstAtOrBelowTop, hasBox, revealRange, stepIndex, type Direction } from './navigate';
import type { PopoverHost, PopoverHostOptions } from './popover-host';
import {
  DEFAULT_CHUNK_LIMITS,
  hasReadableText,
  mentionsByNode,
  openShadowRoots,
  TextWalk,
  type TextChunk,
} from './scanner';
import { runInSlices, yieldToPage, type SliceEnvironment } from './slices';
import { outermostConnected, RescanScheduler, summarizeMutations } from './watch';

/** The parts of WXT's content script context the page layer uses. */
export interface ContentContext {
  readonly signal: AbortSignal;
  setTimeout(handler: () => void, timeout?: number): number;
  requestAnimationFrame(callback: FrameRequestCallback): number;
  onInvalidated(callback: () => void): () => void;
}

/** What the page layer needs from the content script: the browser APIs, passed in. */
export interface AnnotatorEnvironment {
  window: Window;
  ctx: ContentContext;
  loadSettings(): Promise<Settings>;
  /** Calls `listener` whenever the settings change; returns a function that stops. */
  watchSettings(listener: (settings: Settings) => void): () => void;
  saveSettings(patch: Partial<Settings>): Promise<unknown>;
  /** Asks the background for the matcher (called at most once per frame, and only when there is text). */
  requestMatcher(): Promise<Matcher>;
  loadDetails(entityId: string): Promise<EntityDetails>;
  /** Reports which entities the page marks, for the badge; absent in frames that do not report. */
  reportCounts?(counts: Record<string, number>): void;
  openStory(storyId: string): void;
  /**
   * Create the popover host. Asynchronous so the content script can load the popover's code (Preact,
   * Floating UI, formatting) only when a popover first opens, not on every page.
   */
  createPopover(options: PopoverHostOptions): Promise<PopoverHost>;
  /**
   * Whether marked elements of a crowded tag may get rules for their place
   * (see `markSelector`): true where the engine restyles only the element
   * such a rule matches (Chromium), false where it restyles every element of
   * the rule's tag (Firefox 153). Default false.
   */
  markByPlace?: boolean;
}

/** The running page layer. */
export interface Annotator {
  /** Answer a request from the background or popup; undefined when this frame has no answer. */
  handle(request: ContentRequest): Promise<unknown> | undefined;
  /** Resolves once the first settings are applied (and the first scan, if any, has started). */
  readonly started: Promise<void>;
}

const MUTATION_OPTIONS: MutationObserverInit = { childList: true, subtree: true, characterData: true };
const REPORT_DELAY_MS = 400;
/** A tap moves less than this (CSS pixels) and lasts less than {@link TAP_MAX_MS}. */
const TAP_SLOP_PX = 10;
const TAP_MAX_MS = 600;
/**
 * A page may take our highlights out of `CSS.highlights` or drop our sheet; we look, and put them
 * back, this long after marks change, then twice as long after each look, for the last time at
 * {@link WATCHDOG_LAST_MS}: a page that keeps taking them is not fought over, and a page that has
 * stopped changing costs no CPU at all. After that the pointer's movements are when we look (at most
 * every {@link POINTER_REPAIR_EVERY_MS}): marks matter when the reader points at the page.
 */
const WATCHDOG_FIRST_MS = 1000;
const WATCHDOG_LAST_MS = 16_000;
const POINTER_REPAIR_EVERY_MS = 1000;
/** During a scan, marks are brought up to date at most this often. */
const REFRESH_EVERY_MS = 50;
/** The first chunk of a scan: small, see {@link PageSession.scan}. */
const FIRST_CHUNK_LIMITS = { maxNodes: 128, maxChars: 4096 };
/** A walk that keeps losing its place on a page rebuilding itself is given up on; mutations rescan what changed. */
const MAX_RESTARTS = 3;

/**
 * The tag of the popover host (`POPOVER_HOST_TAG` in popover-host.ts, which a unit test keeps equal).
 * Not imported: that module is loaded only when a popover first opens.
 */
export const OWN_HOST_TAG = 'factlens-root';

function isOwnElement(element: Element): boolean {
  return element.localName === OWN_HOST_TAG || element.localName === OVERLAY_HOST_TAG;
}

function isOwnNode(node: Node): boolean {
  for (let current: Node | null = node; current; current = current.parentNode) {
    if (current.nodeType === Node.ELEMENT_NODE && isOwnElement(current as Element)) return true;
  }
  return false;
}

/** One unit of scanning work: read text, or look for shadow roots. */
type ScanTask =
  | { kind: 'text'; walk: TextWalk; restarts: number }
  | { kind: 'shadows'; search: Generator<ShadowRoot | null, void, void> }
  | { kind: 'context'; texts: string[] };

/** Everything Factlens does on a page while it is active there. */
class PageSession {
  private readonly window: Window;
  private readonly document: Document;
  private readonly performance: Performance;
  private readonly controller = new AbortController();
  private readonly index = new MentionIndex();
  private context: PageContext | null = null;
  private readonly shadowRoots = new Set<ShadowRoot>();
  private readonly dirty = new Set<Node>();
  private readonly observer: MutationObserver;
  private readonly scheduler: RescanScheduler;
  private readonly intent: HoverIntent<MentionEntry>;
  private marked = new Set<MentionEntry>();
  private counts = new Map<string, number>();
  private leftOut = 0;
  private matcher: Matcher | null = null;
  private layer: HighlightLayer | null = null;
  private popover: PopoverHost | null = null;
  private popoverLoading: Promise<PopoverHost> | null = null;
  private current: MentionEntry | null = null;
  private sweepNeeded = false;
  private jobs: Promise<unknown> = Promise.resolve();
  private reportTimer: number | null = null;
  private lastReport = '{}';
  private pointer: { point: Point; target: EventTarget | null } | null = null;
  private frameRequested = false;
  private touchStart: { x: number; y: number; at: number; id: number } | null = null;
  private watchdogTimer: number | null = null;
  private watchdogDelay = WATCHDOG_FIRST_MS;
  private lastRepairLook = -Infinity;
  private structureChanged = false;

  constructor(
    private readonly env: AnnotatorEnvironment,
    private settings: Settings,
    private site: string | null,
  ) {
    this.window = env.window;
    this.document = env.window.document;
    // Read once: the scan asks the clock at every step.
    this.performance = env.window.performance;
    const stop = () => this.controller.abort();
    if (env.ctx.signal.aborted) stop();
    env.ctx.signal.addEventListener('abort', stop, { signal: this.controller.signal });
    const globals = env.window as unknown as typeof globalThis;
    this.observer = new globals.MutationObserver((records) => this.onMutations(records));
    this.scheduler = new RescanScheduler({
      setTimeout: (callback, ms) => env.ctx.setTimeout(callback, ms),
      clearTimeout: (id) => this.window.clearTimeout(id),
      now: () => this.now(),
      run: () => this.enqueue(() => this.rescan()),
    });
    this.intent = new HoverIntent<MentionEntry>(
      {
        setTimeout: (callback, ms) => env.ctx.setTimeout(callback, ms),
        clearTimeout: (id) => this.window.clearTimeout(id),
      },
      {
        open: (mention) => void this.showPopover(mention, false),
        close: () => this.popover?.hide({ restoreFocus: false }),
        setActive: (mention) => this.layer?.setActive(mention ? this.rangeOf(mention) : null),
      },
      settings.hoverDelayMs,
    );
  }

  private get signal(): AbortSignal {
    return this.controller.signal;
  }

  private now(): number {
    return this.performance.now();
  }

  /** Start watching the page, and read it if it has text. */
  start(): void {
    if (this.signal.aborted) return;
    this.observer.observe(this.document, MUTATION_OPTIONS);
    this.listenToPointer();
    const body = this.document.body ?? this.document.documentElement;
    // A frame without text (an ad, a tracking pixel, an app shell still loading) costs no matcher
    // request; if text arrives later, the mutation that brings it starts the first scan.
    if (body && hasReadableText(body, isOwnElement)) void this.enqueue(() => this.firstScan());
  }

  /** Tear everything down: no mark, listener, observer or element of ours is left. */
  dispose(): void {
    if (this.reportTimer !== null) this.window.clearTimeout(this.reportTimer);
    if (this.watchdogTimer !== null) this.window.clearTimeout(this.watchdogTimer);
    this.controller.abort();
    this.observer.disconnect();
    this.scheduler.cancel();
    this.intent.reset();
    this.layer?.dispose();
    this.layer = null;
    this.index.clear();
    this.marked.clear();
    this.counts.clear();
    if (this.lastReport !== '{}') this.env.reportCounts?.({});
  }

  /** New settings (or a new site after an in-page navigation) while staying active. */
  update(settings: Settings, site: string | null): void {
    const previous = this.settings;
    this.settings = settings;
    this.site = site;
    this.intent.delayMs = settings.hoverDelayMs;
    if (settings.highlightStyle !== previous.highlightStyle) this.layer?.setStyle(settings.highlightStyle);
    this.refreshMarks();
  }

  // -------------------------------------------------------------------------
  // Scanning

  /** Serialise scans: a rescan never runs while another scan is part-way. */
  private enqueue<T>(job: () => Promise<T>): Promise<T> {
    const next = this.jobs.then(job, job);
    this.jobs = next.catch(() => {});
    return next;
  }

  private sliceEnvironment(): SliceEnvironment {
    return {
      now: () => this.now(),
      yieldToPage: () => yieldToPage(this.window as unknown as typeof globalThis),
      signal: this.signal,
    };
  }

  private async ensureMatcher(): Promise<boolean> {
    if (this.matcher) return true;
    try {
      this.matcher = await this.env.requestMatcher();
    } catch (error) {
      console.warn('Factlens: no matcher, nothing will be marked on this page', error);
      return false;
    }
    if (this.signal.aborted) return false;
    const matcher = this.matcher;
    this.context = new PageContext(matcher.contextEntityIds, (text) => matcher.entitiesWithContext(text));
    // The style sheet is adopted with the first mark, not here (see refreshMarks).
    this.layer ??= new HighlightLayer(this.window, this.settings.highlightStyle, this.env.markByPlace ?? false);
    return true;
  }

  private async firstScan(): Promise<number> {
    if (!(await this.ensureMatcher())) return 0;
    // Parsing the payload and compiling the matcher took a few milliseconds: let the page have a turn.
    await yieldToPage(this.window as unknown as typeof globalThis);
    if (this.signal.aborted) return 0;
    // The whole document is read now; changes seen so far are part of it.
    this.dirty.clear();
    const body = this.document.body ?? this.document.documentElement;
    const busyMs = body ? await this.scan([body], false) : 0;
    this.context?.forgetKept();
    return busyMs;
  }

  private async rescan(): Promise<number> {
    if (this.signal.aborted) return 0;
    if (!this.matcher) {
      const roots = outermostConnected(this.dirty);
      if (!roots.some((root) => hasReadableText(root, isOwnElement))) {
        this.dirty.clear();
        return 0;
      }
      return this.firstScan();
    }
    const started = this.now();
    if (this.sweepNeeded) {
      this.sweepNeeded = false;
      for (const entry of this.index.sweep()) this.unmark(entry);
    }
    const exclusions = new ExclusionCache(isOwnElement);
    const roots = outermostConnected(this.dirty).filter((root) =>
      root.nodeType === Node.TEXT_NODE
        ? !exclusions.excludesText(root as Text)
        : root.nodeType !== Node.ELEMENT_NODE || !exclusions.excludes(root as Element),
    );
    this.dirty.clear();
    const sweepMs = this.now() - started;
    if (roots.length === 0) {
      this.refreshMarks();
      return sweepMs;
    }
    let busyMs = sweepMs + (await this.scan(roots, true, exclusions));
    if (this.context?.takeRereadRequest()) {
      // An ambiguous name arrived after the page's text was forgotten: read it all again for context.
      const body = this.document.body ?? this.document.documentElement;
      if (body) busyMs += await this.scan([body], true);
    }
    return busyMs;
  }

  /**
   * Read `roots` and the open shadow roots inside them, in slices. `rescanning`: the roots may hold
   * text nodes indexed before, whose mentions must be replaced (or dropped) rather than added to.
   */
  private async scan(
    roots: readonly Node[],
    rescanning: boolean,
    exclusions = new ExclusionCache(isOwnElement),
  ): Promise<number> {
    const minLength = 1;
    const tasks: ScanTask[] = roots.map((root) => ({ kind: 'text', walk: new TextWalk(root, minLength), restarts: 0 }));
    // Shadow roots are looked for after all the text of the light DOM is marked: finding them visits
    // every element, which costs about as much again as the text walk.
    for (const root of roots) {
      if (root.nodeType !== Node.TEXT_NODE)
        tasks.push({ kind: 'shadows', search: openShadowRoots(root, isOwnElement) });
    }
    let replacing = rescanning;
    const firstRoot = rescanning || this.index.size > 0 ? null : roots[0];
    // Chunks start small and grow: the first ones run on cold code, and a slice can only end between chunks.
    let limits = FIRST_CHUNK_LIMITS;
    const step = (): boolean => {
      const task = tasks[0];
      if (!task) return false;
      if (task.kind === 'text') {
        if (task.walk.lostPlace) {
          // The node the walk stood on was removed between slices: start this root again.
          tasks.shift();
          replacing = true;
          const root = task.walk.root;
          if (root.isConnected && task.restarts < MAX_RESTARTS) {
            tasks.unshift({ kind: 'text', walk: new TextWalk(root, minLength), restarts: task.restarts + 1 });
          }
          return tasks.length > 0;
        }
        const chunk = task.walk.nextChunk(limits);
        limits = {
          maxNodes: Math.min(limits.maxNodes * 2, DEFAULT_CHUNK_LIMITS.maxNodes),
          maxChars: Math.min(limits.maxChars * 2, DEFAULT_CHUNK_LIMITS.maxChars),
        };
        // The first walk through the document meets its nodes in page order, after any added before.
        if (chunk) this.readChunk(chunk, replacing, exclusions, !replacing && task.walk.root === firstRoot);
        if (task.walk.done) tasks.shift();
        // An ambiguous name turned up: the text kept so far is examined for context next, a chunk a step.
        const kept = this.context?.takeKept() ?? [];
        if (kept.length > 0) tasks.unshift({ kind: 'context', texts: kept });
        return tasks.length > 0;
      }
      if (task.kind === 'context') {
        const text = task.texts.pop();
        if (text === undefined) tasks.shift();
        else this.context?.examine(text);
        return tasks.length > 0;
      }
      const found = task.search.next();
      if (found.done) tasks.shift();
      else if (found.value) this.adoptShadowRoot(found.value, tasks, exclusions);
      return tasks.length > 0;
    };
    // Marks are brought up to date as the scan goes, but not after every slice: that is linear in the
    // mentions found so far, and a page with 50,000 mentions would pay it hundreds of times.
    let lastRefresh = this.now();
    const { busyMs } = await runInSlices(step, this.sliceEnvironment(), () => {
      if (this.now() - lastRefresh < REFRESH_EVERY_MS) return;
      this.refreshMarks();
      lastRefresh = this.now();
    });
    this.refreshMarks();
    return busyMs;
  }

  /** A shadow root found: style it, watch it, and read it (and look for shadow roots in it). */
  private adoptShadowRoot(shadowRoot: ShadowRoot, tasks: ScanTask[], exclusions: ExclusionCache): void {
    if (this.shadowRoots.has(shadowRoot) || exclusions.excludes(shadowRoot.host)) return;
    this.shadowRoots.add(shadowRoot);
    this.observer.observe(shadowRoot, MUTATION_OPTIONS);
    tasks.push(
      { kind: 'text', walk: new TextWalk(shadowRoot), restarts: 0 },
      { kind: 'shadows', search: openShadowRoots(shadowRoot, isOwnElement) },
    );
  }

  /** Find the mentions in one chunk of text nodes and index them. */
  private readChunk(chunk: TextChunk, replacing: boolean, exclusions: ExclusionCache, inOrder: boolean): void {
    const matcher = this.matcher!;
    const found = mentionsByNode(chunk, (text) => matcher.findMentions(text), exclusions);
    this.context?.read(
      chunk.text,
      found.flatMap((group) => group.mentions.map((mention) => mention.entityId)),
    );
    if (replacing) {
      // Nodes read again that no longer hold a mention lose their old ones.
      const holding = new Set(found.map((group) => group.node));
      for (const node of chunk.nodes) {
        if (!holding.has(node)) for (const entry of this.index.remove(node)) this.unmark(entry);
      }
    }
    for (const { node, mentions } of found) {
      const entries = mentions.map(({ start, end, entityId }): MentionEntry => ({ node, start, end, entityId }));
      for (const entry of this.index.replace(node, entries, inOrder)) this.unmark(entry);
    }
  }

  /**
   * The range that paints `entry`, made on first use. A StaticRange does not follow DOM changes, so
   * thousands of them cost the page's own DOM updates nothing (live Ranges are updated on every
   * mutation); marks over changed text are rebuilt from a rescan instead.
   */
  private rangeOf(entry: MentionEntry): AbstractRange {
    if (!entry.range) {
      const StaticRangeClass = (this.window as unknown as { StaticRange?: typeof StaticRange }).StaticRange;
      const { node, start, end } = entry;
      entry.range = StaticRangeClass
        ? new StaticRangeClass({ startContainer: node, startOffset: start, endContainer: node, endOffset: end })
        : liveRangeOf(entry, this.document);
    }
    return entry.range;
  }

  private unmark(entry: MentionEntry): void {
    if (this.marked.delete(entry) && entry.range) this.layer?.delete(entry.range);
    if (entry === this.current) this.current = null;
  }

  private rules(): MarkingRules {
    return {
      muted: mutedOn(this.settings, this.site),
      needsContext: this.matcher?.contextEntityIds ?? new Set(),
      hasContext: this.context?.satisfied ?? new Set(),
      firstMentionOnly: this.settings.firstMentionOnly,
      maxMentions: this.settings.maxMentionsPerPage,
    };
  }

  /** Bring the marks in line with the index and the rules. Linear in the number of mentions. */
  private refreshMarks(): void {
    if (!this.layer) return;
    // Elements marked through their id or place may have moved since (a `matches` each: not on every refresh).
    if (this.structureChanged) {
      this.structureChanged = false;
      this.layer.revalidate();
    }
    const marking = chooseMarked(this.index.inPageOrder(), this.rules());
    const next = new Set(marking.marked);
    for (const entry of this.marked) if (!next.has(entry) && entry.range) this.layer.delete(entry.range);
    let added = false;
    for (const entry of next) {
      if (this.marked.has(entry)) continue;
      const holder = entry.node.getRootNode() as Document | ShadowRoot;
      this.layer.add(this.rangeOf(entry), holder, entry.node.parentElement);
      added = true;
    }
    if (added) this.watchForTheft(true);
    this.marked = next;
    this.counts = marking.counts;
    this.leftOut = marking.leftOut;
    if (this.current && !next.has(this.current)) {
      this.current = null;
      this.layer.setCurrent(null);
    }
    this.scheduleReport();
  }

  /** Look for taken highlights or sheet after a while (see {@link WATCHDOG_FIRST_MS}); `fresh` starts over. */
  private watchForTheft(fresh: boolean): void {
    if (fresh) this.watchdogDelay = WATCHDOG_FIRST_MS;
    if (this.watchdogTimer !== null) {
      if (!fresh) return;
      this.window.clearTimeout(this.watchdogTimer);
    }
    this.watchdogTimer = this.env.ctx.setTimeout(() => {
      this.watchdogTimer = null;
      if (this.signal.aborted || !this.layer) return;
      this.layer.repair();
      this.lastRepairLook = this.now();
      if (this.watchdogDelay >= WATCHDOG_LAST_MS) return;
      this.watchdogDelay *= 2;
      if (this.marked.size > 0) this.watchForTheft(false);
    }, this.watchdogDelay);
  }

  private onMutations(records: MutationRecord[]): void {
    if (this.signal.aborted) return;
    const summary = summarizeMutations(records, isOwnNode);
    // Elements added or removed may have moved marked elements reached by their place.
    if (records.some((record) => record.type === 'childList')) this.structureChanged = true;
    // Text may have moved: marks drawn in our own layer follow it at the next frame.
    this.layer?.pageChanged();
    // Marks over text that changed would paint the wrong letters: drop them now, before the next paint.
    for (const text of summary.changedTexts) for (const entry of this.index.remove(text)) this.unmark(entry);
    for (const node of summary.dirty) this.dirty.add(node);
    if (summary.removed) this.sweepNeeded = true;
    if (this.dirty.size > 0 || this.sweepNeeded) this.scheduler.request();
  }

  private scheduleReport(): void {
    if (!this.env.reportCounts || this.reportTimer !== null) return;
    this.reportTimer = this.env.ctx.setTimeout(() => {
      this.reportTimer = null;
      if (this.signal.aborted) return;
      const counts = Object.fromEntries([...this.counts].sort(([a], [b]) => (a < b ? -1 : 1)));
      const report = JSON.stringify(counts);
      if (report === this.lastReport) return;
      this.lastReport = report;
      this.env.reportCounts?.(counts);
    }, REPORT_DELAY_MS);
  }

  // -------------------------------------------------------------------------
  // Pointer: hover with intent, and taps

  private listenToPointer(): void {
    const options = { capture: true, passive: true, signal: this.signal };
    this.window.addEventListener('pointermove', (event) => this.onPointerMove(event), options);
    this.window.addEventListener('pointerdown', (event) => this.onPointerDown(event), options);
    this.window.addEventListener('pointerup', (event) => this.onPointerUp(event), options);
    // The pointer left the window: nothing is under it any more.
    this.window.addEventListener(
      'pointerout',
      (event) => {
        if (event.relatedTarget !== null) return;
        this.pointer = null;
        this.intent.pointerAt(null, false);
      },
      options,
    );
  }

  /** The innermost target, looking into open shadow roots (composedPath only works during dispatch). */
  private targetOf(event: Event): EventTarget | null {
    const target = event.target;
    if (target && (target as Element).shadowRoot) return event.composedPath()[0] ?? target;
    return target;
  }

  /** Put back taken highlights or sheet when the reader points at the page (see {@link WATCHDOG_LAST_MS}). */
  private repairOnPointer(): void {
    if (!this.layer || this.marked.size === 0) return;
    const now = this.now();
    if (now - this.lastRepairLook < POINTER_REPAIR_EVERY_MS) return;
    this.lastRepairLook = now;
    this.layer.repair();
  }

  private onPointerMove(event: PointerEvent): void {
    if (event.pointerType === 'touch') return;
    // The cheap exit for most of the page's life: nothing marked and no popover to keep open.
    if (this.index.size === 0 && !this.intent.openMention) return;
    this.pointer = { point: { x: event.clientX, y: event.clientY }, target: this.targetOf(event) };
    if (this.frameRequested) return;
    this.frameRequested = true;
    this.env.ctx.requestAnimationFrame(() => {
      this.frameRequested = false;
      if (this.signal.aborted || !this.pointer) return;
      const { point, target } = this.pointer;
      this.repairOnPointer();
      this.syncPopoverClosed();
      const overPopover = this.popover?.contains(target) ?? false;
      const mention = overPopover ? null : this.markedAt(point, target);
      this.intent.pointerAt(mention, overPopover);
    });
  }

  /** The marked mention at a point: a mention left unmarked (muted, over the cap, without context) opens nothing. */
  private markedAt(point: Point, target: EventTarget | null): MentionEntry | null {
    const mention = mentionAtPoint(this.document, this.index, point, target, [...this.shadowRoots]);
    return mention && this.marked.has(mention) ? mention : null;
  }

  private onPointerDown(event: PointerEvent): void {
    if (event.pointerType !== 'touch') return;
    this.touchStart = { x: event.clientX, y: event.clientY, at: event.timeStamp, id: event.pointerId };
  }

  private onPointerUp(event: PointerEvent): void {
    const start = this.touchStart;
    if (event.pointerType !== 'touch' || !start || start.id !== event.pointerId) return;
    this.touchStart = null;
    const moved = Math.hypot(event.clientX - start.x, event.clientY - start.y);
    if (moved > TAP_SLOP_PX || event.timeStamp - start.at > TAP_MAX_MS) return;
    const target = this.targetOf(event);
    if (this.popover?.contains(target)) return;
    const mention = this.markedAt({ x: event.clientX, y: event.clientY }, target);
    // A mention inside a link stays a link: the tap follows it, as the reader expects.
    if (mention && !mention.node.parentElement?.closest('a[href]')) this.intent.tap(mention);
    else if (this.intent.openMention) this.intent.closeNow();
  }

  /** The popover may have been closed by Esc or its close button. */
  private syncPopoverClosed(): void {
    if (this.intent.openMention && this.popover && this.popover.entityId === null) this.intent.popoverClosed();
  }

  private ensurePopover(): Promise<PopoverHost> {
    this.popoverLoading ??= this.env
      .createPopover({
        document: this.document,
        signal: this.signal,
        loadDetails: (entityId) => this.env.loadDetails(entityId),
        onOpenStory: (storyId) => this.env.openStory(storyId),
        onMute: (entityId) => void this.muteHere(entityId),
        theme: () => this.settings.theme,
      })
      .then((popover) => (this.popover = popover));
    return this.popoverLoading;
  }

  private async showPopover(mention: MentionEntry, focus: boolean): Promise<void> {
    const popover = await this.ensurePopover();
    // The pointer may have moved on while the popover's code loaded.
    if (this.signal.aborted || !mention.node.isConnected) return;
    if (!focus && this.intent.openMention !== mention) return;
    await popover.show({ range: liveRangeOf(mention, this.document), entityId: mention.entityId }, { focus });
  }

  /** "Not this entity": stop marking it on this site (everywhere when the page has no site). */
  private async muteHere(entityId: string): Promise<void> {
    const { settings, site } = this;
    if (site) {
      const onSite = settings.mutedOnSites[site] ?? [];
      if (onSite.includes(entityId)) return;
      await this.env.saveSettings({ mutedOnSites: { ...settings.mutedOnSites, [site]: [...onSite, entityId] } });
    } else if (!settings.mutedEntities.includes(entityId)) {
      await this.env.saveSettings({ mutedEntities: [...settings.mutedEntities, entityId] });
    }
  }

  // -------------------------------------------------------------------------
  // Keyboard and popup

  private markedInOrder(entityId?: string): MentionEntry[] {
    return this.index
      .inPageOrder()
      .filter((entry) => this.marked.has(entry) && (entityId === undefined || entry.entityId === entityId));
  }

  /** Move to the next or previous marked mention (of `entityId` when given) and open its popover. */
  async navigate(direction: Direction | 'first', entityId?: string): Promise<boolean> {
    const ordered = this.markedInOrder(entityId);
    const boxOf = (index: number) => liveRangeOf(ordered[index]!, this.document).getBoundingClientRect();
    const currentIndex = direction === 'first' || !this.current ? -1 : ordered.indexOf(this.current);
    const target =
      direction === 'first'
        ? stepIndex(
            ordered.length,
            -1,
            'next',
            () => 0,
            (index) => hasBox(boxOf(index)),
          )
        : stepIndex(
            ordered.length,
            currentIndex,
            direction,
            () => firstAtOrBelowTop(ordered.length, boxOf),
            (index) => hasBox(boxOf(index)),
          );
    if (target === null) return false;
    const mention = ordered[target]!;
    revealRange(liveRangeOf(mention, this.document), this.window);
    this.current = mention;
    this.layer?.setCurrent(this.rangeOf(mention));
    this.intent.markOpened(mention, true);
    await this.showPopover(mention, true);
    return true;
  }

  /**
   * The fact base changed (the user added or removed an article): ask for the new matcher and mark
   * the page afresh. A frame that never asked (no text yet) has nothing to redo.
   */
  refreshFactBase(): Promise<unknown> {
    return this.enqueue(async () => {
      if (!this.matcher) return 0;
      this.matcher = null;
      for (const entry of this.index.clear()) this.unmark(entry);
      return this.firstScan();
    });
  }

  /** What the page marks, for the popup. */
  async listMentions(): Promise<PageMentions> {
    const entities = await Promise.all(
      [...this.counts].map(async ([entityId, count]) => {
        const name = await this.env.loadDetails(entityId).then(
          (details) => details.entity.name,
          () => entityId,
        );
        return { entityId, name, count };
      }),
    );
    entities.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
    return { entities, leftOut: this.leftOut, active: true };
  }
}

/**
 * Start the page layer: read the settings, and run a {@link PageSession}
 * whenever Factlens is active on this page. Everything stops when the content
 * script context is invalidated.
 */
/**
 * Null when the document's body holds readable text (most pages); otherwise
 * a promise that resolves once it does, watching the page's changes until
 * then. The promise never resolves once `signal` is aborted.
 */
export function whenTextArrives(window: Window, signal: AbortSignal): Promise<void> | null {
  const document = window.document;
  const hasText = () => {
    const body = document.body ?? document.documentElement;
    return body !== null && hasReadableText(body, isOwnElement);
  };
  if (hasText()) return null;
  return new Promise((resolve) => {
    const globals = window as unknown as typeof globalThis;
    const observer = new globals.MutationObserver(() => {
      if (!hasText()) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(document, { childList: true, subtree: true, characterData: true });
    signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  });
}

export function startAnnotator(env: AnnotatorEnvironment): Annotator {
  const { window, ctx } = env;
  let settings: Settings | null = null;
  let site = siteOf(window.location.href);
  let session: PageSession | null = null;

  const apply = () => {
    if (ctx.signal.aborted || !settings) return;
    const active = isActiveOn(settings, site);
    if (!active) {
      session?.dispose();
      session = null;
    } else if (session) {
      session.update(settings, site);
    } else {
      session = new PageSession(env, settings, site);
      session.start();
    }
  };

  // Single-page apps change the URL without reloading: the site's settings are looked at again.
  const onLocationMaybeChanged = () => {
    const now = siteOf(window.location.href);
    if (now === site) return;
    site = now;
    apply();
  };
  const listenerOptions = { signal: ctx.signal };
  window.addEventListener('popstate', onLocationMaybeChanged, listenerOptions);
  window.addEventListener('hashchange', onLocationMaybeChanged, listenerOptions);
  const navigation = (window as unknown as { navigation?: EventTarget }).navigation;
  navigation?.addEventListener?.('navigatesuccess', onLocationMaybeChanged, listenerOptions);

  const stopWatching = env.watchSettings((next) => {
    settings = next;
    apply();
  });
  ctx.onInvalidated(() => {
    stopWatching();
    session?.dispose();
    session = null;
  });

  const readSettings = () =>
    env.loadSettings().then(
      (loaded) => {
        settings ??= loaded;
        apply();
      },
      (error: unknown) => console.warn('Factlens: could not read settings', error),
    );
  // Settings are read (and so parsed) only once the frame has text: an ad frame or an app shell
  // still loading costs a text walk, no storage read and no schema.
  const textArrives = whenTextArrives(window, ctx.signal);
  const started = textArrives ? (void textArrives.then(readSettings), Promise.resolve()) : readSettings();

  return {
    started,
    handle(request) {
      switch (request.type) {
        case 'factbase/changed':
          // A notice: nothing to answer, and the background need not wait for the page to be re-marked.
          void session?.refreshFactBase();
          return undefined;
        case 'mentions/navigate':
          return session ? session.navigate(request.direction) : Promise.resolve(false);
        case 'page/jump':
          return session ? session.navigate(request.direction, request.entityId) : Promise.resolve(false);
        case 'page/list':
          return session
            ? session.listMentions().then((value) => ({ ok: true, value }))
            : // No session: paused here, or (settings not read yet) a frame still without text.
              Promise.resolve({
                ok: true,
                value: { entities: [], leftOut: 0, active: settings ? isActiveOn(settings, site) : true },
              });
      }
    },
  };
}
