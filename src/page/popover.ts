/**
 * The popover as the page layer drives it. Its implementation is in-page UI
 * (`src/ui/popover/popover-host.ts`: a shadow-root host, Preact components,
 * Floating UI), loaded as a part of the content script of its own when a
 * popover is first wanted; the page layer knows it only through these
 * interfaces, given to it as `AnnotatorEnvironment.createPopover`.
 */
import type { FigureVerdict } from '../messages/figures';
import type { EntityDetails } from '../messages/schema';
import type { Settings } from '../settings/schema';

/** Where the popover points: a live Range over the mention in the page. */
export interface PopoverAnchor {
  range: Range;
  entityId: string;
  /** Every entity the marked name may mean (`entityId` among them), when there are several. */
  candidates?: readonly string[];
  /**
   * The marked name is one several entities of the fact base carry, even when fewer are offered here
   * (the others muted on this site): its popover still offers "Not this …".
   */
  sharedName?: boolean;
  /** The page's figures about the entity checked against the stories, in page order. */
  pageFigures?: readonly FigureVerdict[];
  /** The checked figure the popover was opened from (one of `pageFigures`), when it was. */
  figure?: FigureVerdict;
}

/** What the popover host needs from the page layer. */
export interface PopoverHostOptions {
  /** The page's document; default `globalThis.document`. */
  document?: Document;
  /** Aborted when the content script context is invalidated: everything is torn down. */
  signal: AbortSignal;
  /** Asks the background for everything the popover shows about an entity. */
  loadDetails(entityId: string): Promise<EntityDetails>;
  /** "Open story" was chosen. */
  onOpenStory(storyId: string): void;
  /** "Not this <name>" was chosen; the popover closes first. */
  onMute(entityId: string): void;
  /** The theme setting, read each time the popover renders; default 'system'. */
  theme?: () => Settings['theme'];
}

/** The popover as the page layer drives it. */
export interface PopoverHost {
  /**
   * Open (or move) the popover for a mention; resolves when it is visible, or
   * when a later `show`/`hide` or the abort signal made this one moot.
   * `focus`: move keyboard focus into it (keyboard navigation).
   */
  show(anchor: PopoverAnchor, options?: { focus?: boolean }): Promise<void>;
  /** Close the popover. `restoreFocus`: if focus is in the popover, return it to where it was before. */
  hide(options?: { restoreFocus?: boolean }): void;
  /** True while the popover (its facts, a loading note or an error) is on screen. */
  readonly isOpen: boolean;
  /** The entity shown or being loaded, or null. */
  readonly entityId: string | null;
  /** True when `node` (e.g. event target, composed path element) is inside the popover, for hover-intent logic. */
  contains(node: EventTarget | null): boolean;
  /** The host element (for tests and for the scanner to skip). */
  readonly hostElement: HTMLElement;
}
