/**
 * Everything Factlens does on a page while it is active there, as one
 * {@link PageSession} that coordinates parts with one job each:
 *
 * - {@link PageReader} reads parts of the page into the {@link MentionIndex}, in slices, handing each
 *   chunk of text to the matcher through the `chunk-mentions.ts` seam; {@link SerialJobs} runs one scan
 *   at a time and {@link RescanScheduler} decides when changes are read again;
 * - {@link PageChanges} collects what the page changed since;
 * - {@link MarkSet} keeps the highlights in line with the index and the rules, and
 *   {@link TheftWatchdog} puts back highlights the page took;
 * - {@link PointerWatch} reports pointer movements and taps, {@link HoverIntent} decides when a
 *   popover opens and closes, and {@link PopoverLoader} loads and shows it;
 * - {@link FigureChecks} sends the sentences that hold a mention and a number to be checked against the
 *   stories, and marks the page's figures with the verdicts;
 * - {@link CountReport} tells the background the counts for the badge; muting (`muting.ts`) and
 *   keyboard navigation (`navigate.ts`) are plain functions.
 *
 * Switching Factlens off disposes the session, which leaves the page exactly as it was.
 */
import type { Matcher } from '../match/matcher';
import type { JumpToFigureRequest } from '../messages/to-content';
import type { PageMentions } from '../messages/schema';
import type { Settings } from '../settings/schema';
import { mutedOn } from '../settings/store';
import type { Matching } from './chunk-mentions';
import { CountReport } from './count-report';
import type { AnnotatorEnvironment } from './environment';
import { ExclusionCache } from './exclusions';
import type { FigureChecks } from './figure-checks';
import { HighlightLayer } from './highlights';
import { HoverIntent, liveRangeOf, mentionAtPoint, type Point } from './hover';
import { MarkSet } from './mark-set';
import type { MarkingRules } from './marking';
import { MentionIndex, type FigureEntry, type MentionEntry } from './mention-index';
import { muteChange } from './muting';
import { mentionToVisit, revealRange, type Direction } from './navigate';
import { isOwnElement } from './own-elements';
import { PageChanges } from './page-changes';
import { PageReader } from './page-reader';
import { PointerWatch } from './pointer-watch';
import { PopoverLoader } from './popover-loader';
import { hasReadableText } from './scanner';
import { SerialJobs } from './serial-jobs';
import { yieldToPage } from './slices';
import { TheftWatchdog } from './theft-watchdog';
import { RescanScheduler } from './watch';

/** Everything Factlens does on a page while it is active there. */
export class PageSession {
  readonly #window: Window;
  readonly #document: Document;
  readonly #performance: Performance;
  readonly #controller = new AbortController();
  readonly #index = new MentionIndex();
  readonly #jobs = new SerialJobs();
  readonly #changes: PageChanges;
  readonly #reader: PageReader;
  readonly #scheduler: RescanScheduler;
  readonly #intent: HoverIntent<MentionEntry>;
  readonly #watchdog: TheftWatchdog;
  readonly #popover: PopoverLoader;
  readonly #report: CountReport | null;
  /** Made with the matcher, from the content script's data module (see `AnnotatorEnvironment.figureChecks`). */
  #figures: FigureChecks | null = null;
  #matcher: Matcher | null = null;
  /** The matcher's finder and the page's context for it; set with the matcher. */
  #matching: Matching | null = null;
  /** Made with the first matcher, kept for the session. */
  #marks: MarkSet | null = null;
  /** The content script's timers (its context's setTimeout, so they stop with it), for the session's parts. */
  readonly #timers: { setTimeout(callback: () => void, ms: number): number; clearTimeout(id: number): void };
  /** Whether the marks a reconcile left waiting are being added (see `#addPendingMarks`). */
  #addingPendingMarks = false;
  readonly #env: AnnotatorEnvironment;
  #settings: Settings;
  #site: string | null;

  constructor(env: AnnotatorEnvironment, settings: Settings, site: string | null) {
    this.#env = env;
    this.#settings = settings;
    this.#site = site;
    const { window, ctx } = env;
    this.#window = window;
    this.#document = window.document;
    // Read once: the scan asks the clock at every step.
    this.#performance = window.performance;
    const signal = this.#controller.signal;
    const stop = () => this.#controller.abort();
    if (ctx.signal.aborted) stop();
    ctx.signal.addEventListener('abort', stop, { signal });
    const timers = (this.#timers = {
      setTimeout: (callback: () => void, ms: number) => ctx.setTimeout(callback, ms),
      clearTimeout: (id: number) => window.clearTimeout(id),
    });
    const now = () => this.#now();
    this.#changes = new PageChanges(
      {
        changed: (texts) => this.#onTextsChanged(texts),
        rescanNeeded: () => this.#scheduler.request(),
      },
      window,
      signal,
    );
    this.#reader = new PageReader({
      index: this.#index,
      slices: { now, yieldToPage: () => yieldToPage(window as unknown as typeof globalThis), signal },
      unindexed: (entry) => this.#marks?.unmark(entry),
      refresh: () => this.#refreshMarks(),
      shadowRootFound: (shadowRoot) => this.#changes.observe(shadowRoot),
    });
    this.#scheduler = new RescanScheduler({ ...timers, now, run: () => this.#jobs.run(() => this.#rescan()) });
    this.#intent = new HoverIntent<MentionEntry>(
      timers,
      {
        open: (mention) => void this.#showPopover(mention, false),
        close: () => this.#popover.host?.hide({ restoreFocus: false }),
        setActive: (mention) => this.#marks?.setActive(mention),
      },
      settings.hoverDelayMs,
    );
    this.#watchdog = new TheftWatchdog({
      ...timers,
      now,
      signal,
      repair: () => this.#marks?.layer.repair(),
      hasMarks: () => (this.#marks?.size ?? 0) > 0,
    });
    this.#popover = new PopoverLoader(
      () =>
        env.createPopover({
          document: this.#document,
          signal,
          loadDetails: (entityId) => env.loadDetails(entityId),
          onOpenStory: (storyId) => env.openStory(storyId),
          onMute: (entityId) => void this.#muteHere(entityId),
          theme: () => this.#settings.theme,
        }),
      this.#document,
      signal,
      (entityId) => this.#figures?.forEntity(entityId) ?? [],
    );
    this.#report = env.reportCounts
      ? new CountReport({
          ...timers,
          signal,
          report: (counts) => env.reportCounts?.(counts),
          counts: () => this.#marks?.counts ?? new Map(),
        })
      : null;
  }

  get #signal(): AbortSignal {
    return this.#controller.signal;
  }

  #now(): number {
    return this.#performance.now();
  }

  /** Start watching the page, and read it if it has text. */
  start(): void {
    if (this.#signal.aborted) return;
    this.#changes.observe(this.#document);
    // Its listeners end with the session's signal.
    new PointerWatch(
      {
        // The cheap exit for most of the page's life: nothing marked and no popover to keep open.
        wanted: () => this.#index.size > 0 || this.#intent.openMention !== null,
        moved: (point, target) => this.#pointerAt(point, target),
        left: () => this.#intent.pointerAt(null, false),
        tapped: (point, target) => this.#tappedAt(point, target),
      },
      {
        window: this.#window,
        signal: this.#signal,
        requestAnimationFrame: (callback) => this.#env.ctx.requestAnimationFrame(callback),
      },
    );
    const body = this.#document.body ?? this.#document.documentElement;
    // A frame without text (an ad, a tracking pixel, an app shell still loading) costs no matcher
    // request; if text arrives later, the mutation that brings it starts the first scan.
    if (body && hasReadableText(body, isOwnElement)) void this.#jobs.run(() => this.#firstScan());
  }

  /** Tear everything down: no mark, listener, observer or element of ours is left. */
  dispose(): void {
    this.#watchdog.cancel();
    this.#controller.abort();
    this.#changes.disconnect();
    this.#scheduler.cancel();
    this.#intent.reset();
    this.#marks?.dispose();
    this.#figures?.clear();
    this.#marks = null;
    this.#index.clear();
    this.#report?.dispose();
  }

  /** New settings (or a new site after an in-page navigation) while staying active. */
  update(settings: Settings, site: string | null): void {
    const previous = this.#settings;
    this.#settings = settings;
    this.#site = site;
    this.#intent.delayMs = settings.hoverDelayMs;
    if (settings.highlightStyle !== previous.highlightStyle) this.#marks?.layer.setStyle(settings.highlightStyle);
    // Switched off: the figures' marks go now; switched on, the refresh below checks the page again.
    if (!settings.checkFigures && previous.checkFigures) this.#figures?.clear();
    this.#refreshMarks();
  }

  // -------------------------------------------------------------------------
  // Scanning

  async #ensureMatcher(): Promise<boolean> {
    if (this.#matcher) return true;
    let matcher: Matcher;
    try {
      matcher = await this.#env.requestMatcher();
    } catch (error) {
      // An outdated script (an open tab after an update) has stopped: its context is invalidated, nothing to say.
      if (!this.#signal.aborted) console.warn('Factlens: no matcher, nothing will be marked on this page', error);
      return false;
    }
    if (this.#signal.aborted) return false;
    let matching: Matching;
    try {
      matching = await this.#env.pageMatching(matcher, this.#document);
    } catch (error) {
      console.warn('Factlens: could not load the matching code, nothing will be marked on this page', error);
      return false;
    }
    if (this.#signal.aborted) return false;
    this.#matcher = matcher;
    this.#matching = matching;
    await this.#startFigureChecks();
    if (this.#signal.aborted) return false;
    // The style sheet is adopted with the first mark, not here (see HighlightLayer).
    this.#marks ??= new MarkSet(
      new HighlightLayer(this.#window, this.#settings.highlightStyle, this.#env.markByPlace ?? false),
      this.#window,
    );
    return true;
  }

  /** Make the page's figure checks, where the environment checks figures; a page marks names without them. */
  async #startFigureChecks(): Promise<void> {
    if (this.#figures || !this.#env.figureChecks) return;
    const window = this.#window;
    try {
      this.#figures = await this.#env.figureChecks({
        window,
        layer: () => this.#marks?.layer ?? null,
        hasFigures: (entityId) => this.#matcher?.hasFigures(entityId) ?? true,
        ...this.#timers,
        now: () => this.#now(),
        yieldToPage: () => yieldToPage(window as unknown as typeof globalThis),
        signal: this.#signal,
      });
    } catch (error) {
      console.warn('Factlens: could not load the figure checks, the figures of this page will not be checked', error);
    }
  }

  async #firstScan(): Promise<number> {
    if (!(await this.#ensureMatcher())) return 0;
    // Parsing the payload and compiling the matcher took a few milliseconds: let the page have a turn.
    await yieldToPage(this.#window as unknown as typeof globalThis);
    if (this.#signal.aborted) return 0;
    // The whole document is read now; changes seen so far are part of it.
    this.#changes.clearDirty();
    const matching = this.#matching!;
    const body = this.#document.body ?? this.#document.documentElement;
    return body ? await this.#reader.read([body], false, matching) : 0;
  }

  async #rescan(): Promise<number> {
    if (this.#signal.aborted) return 0;
    const matching = this.#matching;
    if (!this.#matcher || !matching) {
      if (!this.#changes.dirtyRoots().some((root) => hasReadableText(root, isOwnElement))) {
        this.#changes.clearDirty();
        return 0;
      }
      return this.#firstScan();
    }
    const started = this.#now();
    if (this.#changes.takeSweep()) {
      for (const entry of this.#index.sweep()) this.#marks?.unmark(entry);
      this.#figures?.sweep();
    }
    const exclusions = new ExclusionCache(isOwnElement);
    const roots = this.#changes
      .dirtyRoots()
      .filter((root) =>
        root.nodeType === Node.TEXT_NODE
          ? !exclusions.excludesText(root as Text)
          : root.nodeType !== Node.ELEMENT_NODE || !exclusions.excludes(root as Element),
      );
    this.#changes.clearDirty();
    // A block whose figures were checked may have changed beside its names (a number updated): text whose
    // data changed is among these roots too.
    this.#figures?.pageChanged(roots);
    const sweepMs = this.#now() - started;
    if (roots.length === 0) {
      this.#refreshMarks();
      return sweepMs;
    }
    return sweepMs + (await this.#reader.read(roots, true, matching, exclusions));
  }

  /** Text changed: marks over it would paint the wrong letters, so they go now, before the next paint. */
  #onTextsChanged(texts: readonly Text[]): void {
    // Text may have moved: marks drawn in our own layer follow it at the next frame.
    this.#marks?.layer.pageChanged();
    for (const text of texts) {
      for (const entry of this.#index.remove(text)) this.#marks?.unmark(entry);
      this.#figures?.removeText(text);
    }
  }

  #rules(): MarkingRules {
    const muted = mutedOn(this.#settings, this.#site);
    return {
      // A mute kept under an id that has since moved to another entity (joined, renamed) applies to that one.
      muted: this.#matcher?.withSuccessors(muted) ?? muted,
      firstMentionOnly: this.#settings.firstMentionOnly,
      maxMentions: this.#settings.maxMentionsPerPage,
    };
  }

  /** Bring the marks in line with the index and the rules. Linear in the number of mentions. */
  #refreshMarks(): void {
    const marks = this.#marks;
    if (!marks) return;
    // Elements marked through their id or place may have moved since (a `matches` each: not on every refresh).
    if (this.#changes.takeStructureChanged()) marks.layer.revalidate();
    const rules = this.#rules();
    // Each name as the page has resolved it so far: a later full name or longer name may change it.
    const entries = this.#matching?.resolve(this.#index.inPageOrder(), rules.muted) ?? [];
    if (marks.reconcile(entries, rules)) this.#watchdog.marksAdded();
    if (marks.pending > 0) this.#addPendingMarks();
    if (this.#settings.checkFigures) this.#figures?.update(entries, rules.muted);
    this.#report?.schedule();
  }

  /** Add the marks a reconcile left waiting, a batch per turn of the event loop, until none waits. */
  #addPendingMarks(): void {
    if (this.#addingPendingMarks) return;
    this.#addingPendingMarks = true;
    void (async () => {
      while (this.#marks && this.#marks.pending > 0 && !this.#signal.aborted) {
        await yieldToPage(this.#window as unknown as typeof globalThis);
        if (this.#marks?.addPending()) this.#watchdog.marksAdded();
      }
      this.#addingPendingMarks = false;
    })();
  }

  // -------------------------------------------------------------------------
  // Pointer and popover

  /**
   * The marked mention or checked figure at a point: a mention left unmarked (muted, over the cap,
   * without context) opens nothing.
   */
  #markedAt(point: Point, target: EventTarget | null): MentionEntry | null {
    const shadowRoots = [...this.#reader.shadowRoots];
    const mention = mentionAtPoint(this.#document, this.#index, point, target, shadowRoots);
    if (mention && this.#marks?.has(mention)) return mention;
    return this.#figures?.at(this.#document, point, target, shadowRoots) ?? null;
  }

  #pointerAt(point: Point, target: EventTarget | null): void {
    this.#watchdog.pointerMoved();
    // The popover may have been closed by Esc or its close button.
    if (this.#intent.openMention && this.#popover.closedItself) this.#intent.popoverClosed();
    const overPopover = this.#popover.contains(target);
    this.#intent.pointerAt(overPopover ? null : this.#markedAt(point, target), overPopover);
  }

  #tappedAt(point: Point, target: EventTarget | null): void {
    if (this.#popover.contains(target)) return;
    const mention = this.#markedAt(point, target);
    // A mention inside a link stays a link: the tap follows it, as the reader expects.
    if (mention && !mention.node.parentElement?.closest('a[href]')) this.#intent.tap(mention);
    else if (this.#intent.openMention) this.#intent.closeNow();
  }

  #showPopover(mention: MentionEntry, focus: boolean): Promise<void> {
    // Hovering: the pointer may have moved on while the popover's code loaded.
    return this.#popover.show(mention, focus, () => focus || this.#intent.openMention === mention);
  }

  /** "Not this entity": stop marking it on this site (everywhere when the page has no site). */
  async #muteHere(entityId: string): Promise<void> {
    const change = muteChange(this.#settings, this.#site, entityId);
    if (change) await this.#env.saveSettings(change);
  }

  // -------------------------------------------------------------------------
  // Keyboard and popup

  /** Move to the next or previous marked mention (of `entityId` when given) and open its popover. */
  async navigate(direction: Direction | 'first', entityId?: string): Promise<boolean> {
    const marks = this.#marks;
    if (!marks) return false;
    const ordered = this.#index
      .inPageOrder()
      .filter((entry) => marks.has(entry) && (entityId === undefined || entry.entityId === entityId));
    const mention = mentionToVisit(ordered, marks.current, direction, (entry) =>
      liveRangeOf(entry, this.#document).getBoundingClientRect(),
    );
    if (!mention) return false;
    revealRange(liveRangeOf(mention, this.#document), this.#window);
    marks.setCurrent(mention);
    this.#intent.markOpened(mention, true);
    await this.#showPopover(mention, true);
    return true;
  }

  /**
   * Scroll to one of the page's checked figures (its `position` in page order, as listed for the popup,
   * if it is still that figure; else the first of the same entity and words) and open its popover.
   */
  async jumpToFigure(request: Pick<JumpToFigureRequest, 'position' | 'entityId' | 'page'>): Promise<boolean> {
    const figures = this.#figures?.all() ?? [];
    const same = (entry: FigureEntry) => entry.entityId === request.entityId && entry.figure.page === request.page;
    const atPosition = figures[request.position];
    const entry = atPosition && same(atPosition) ? atPosition : figures.find(same);
    if (!entry || !entry.node.isConnected) return false;
    revealRange(liveRangeOf(entry, this.#document), this.#window);
    this.#marks?.setCurrent(entry);
    this.#intent.markOpened(entry, true);
    await this.#showPopover(entry, true);
    return true;
  }

  /**
   * The fact base changed (the user added or removed an article): ask for the new matcher and mark
   * the page afresh. A frame that never asked (no text yet) has nothing to redo.
   */
  refreshFactBase(): Promise<unknown> {
    return this.#jobs.run(async () => {
      if (!this.#matcher) return 0;
      this.#matcher = null;
      this.#matching = null;
      for (const entry of this.#index.clear()) this.#marks?.unmark(entry);
      this.#figures?.clear();
      return this.#firstScan();
    });
  }

  /** What the page marks, for the popup. */
  async listMentions(): Promise<PageMentions> {
    const entities = await Promise.all(
      [...(this.#marks?.counts ?? [])].map(async ([entityId, count]) => {
        const name = await this.#env.loadDetails(entityId).then(
          (details) => details.entity.name,
          () => entityId,
        );
        return { entityId, name, count };
      }),
    );
    entities.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
    const names = new Map(entities.map((entity) => [entity.entityId, entity.name]));
    // Figures that differ first, then close ones, then those that agree; in page order within each.
    const order = { differs: 0, close: 1, agrees: 2 } as const;
    const figures = (this.#figures?.all() ?? [])
      .map((entry, position) => ({ entry, position }))
      .sort((a, b) => order[a.entry.figure.verdict] - order[b.entry.figure.verdict] || a.position - b.position)
      .map(({ entry, position }) => ({
        ...entry.figure,
        entityName: names.get(entry.entityId) ?? entry.entityId,
        position,
      }));
    return { entities, leftOut: this.#marks?.leftOut ?? 0, active: true, figures };
  }
}
