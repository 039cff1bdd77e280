/**
 * What the page layer needs from the content script: the browser APIs and the
 * lazily loaded parts, passed in, so the page layer runs as well in a unit
 * test's document or a benchmark page as in a content script.
 */
import type { Matcher } from '../match/matcher';
import type { Matching } from './chunk-mentions';
import type { FigureCheckOptions, FigureChecks } from './figure-checks';
import type { EntityDetails } from '../messages/schema';
import type { Settings } from '../settings/schema';
import type { PopoverHost, PopoverHostOptions } from './popover';

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
  /**
   * Called once, when the frame has text, just before its settings are read: a chance to start what the
   * first marks will wait for (loading code, asking for the matcher) while the settings' storage read is
   * under way, instead of after it. The function it returns drops what was prepared, when the settings
   * start no session (a session started later, after a fact base change, must ask afresh).
   */
  prepare?(): () => void;
  /**
   * The page's matching for `matcher` (`pageMatching` of `chunk-mentions.ts`), passed in because the
   * content script loads the per-mention decisions with its data module, not in every frame's script.
   */
  pageMatching(matcher: Matcher, document: Document): Promise<Matching>;
  loadDetails(entityId: string): Promise<EntityDetails>;
  /**
   * The page's figure checks (`FigureChecks` of `figure-checks.ts`), sending to the background's
   * `figures/check`; passed in because the content script loads them with its data module, once a frame
   * has text. Absent where figures are not checked (a unit test's page).
   */
  figureChecks?(options: Omit<FigureCheckOptions, 'check'>): Promise<FigureChecks>;
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
