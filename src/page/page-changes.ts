/**
 * Collects what the page changed since it was last read: a MutationObserver
 * over the document and the shadow roots the scan found. Text whose data
 * changed is reported at once (its marks would paint the wrong letters);
 * nodes to read again, removals to sweep and moved elements are kept until
 * the next rescan takes them. Changes to Factlens's own elements are not the
 * page's and are ignored, so showing a popover never causes a rescan.
 */
import { isOwnNode } from './own-elements';
import { outermostConnected, summarizeMutations } from './watch';

const MUTATION_OPTIONS: MutationObserverInit = { childList: true, subtree: true, characterData: true };

/** What {@link PageChanges} reports as changes arrive. */
export interface PageChangeHandlers {
  /** A batch of changes, before the next paint; `changedTexts`: text nodes whose data changed. */
  changed(changedTexts: readonly Text[]): void;
  /** Nodes wait to be read again, or removals to be swept: a rescan is due. */
  rescanNeeded(): void;
}

/** The page's changes since the last rescan. */
export class PageChanges {
  readonly #observer: MutationObserver;
  readonly #dirty = new Set<Node>();
  #sweepNeeded = false;
  #structureChanged = false;
  readonly #handlers: PageChangeHandlers;
  readonly #signal: AbortSignal | undefined;

  constructor(
    handlers: PageChangeHandlers,
    window_: Window = window,
    /** Once aborted, changes are ignored and the observer stops. */
    signal?: AbortSignal,
  ) {
    this.#handlers = handlers;
    this.#signal = signal;
    const globals = window_ as unknown as typeof globalThis;
    this.#observer = new globals.MutationObserver((records) => this.#onMutations(records));
    signal?.addEventListener('abort', () => this.#observer.disconnect(), { once: true });
  }

  /** Watch `root` (the document, or a shadow root the scan found) and everything under it. */
  observe(root: Document | ShadowRoot): void {
    if (!this.#signal?.aborted) this.#observer.observe(root, MUTATION_OPTIONS);
  }

  /** Stop watching. */
  disconnect(): void {
    this.#observer.disconnect();
  }

  /** The changed nodes worth reading again: connected, and not inside another one. */
  dirtyRoots(): Node[] {
    return outermostConnected(this.#dirty);
  }

  /** Forget the changed nodes (they were read, or the whole page is being read). */
  clearDirty(): void {
    this.#dirty.clear();
  }

  /** Whether nodes were removed since the last call: their mentions must be swept from the index. */
  takeSweep(): boolean {
    const needed = this.#sweepNeeded;
    this.#sweepNeeded = false;
    return needed;
  }

  /** Whether elements were added or removed since the last call (marked elements reached by their place may have moved). */
  takeStructureChanged(): boolean {
    const changed = this.#structureChanged;
    this.#structureChanged = false;
    return changed;
  }

  #onMutations(records: MutationRecord[]): void {
    if (this.#signal?.aborted) return;
    const summary = summarizeMutations(records, isOwnNode);
    if (records.some((record) => record.type === 'childList')) this.#structureChanged = true;
    this.#handlers.changed(summary.changedTexts);
    for (const node of summary.dirty) this.#dirty.add(node);
    if (summary.removed) this.#sweepNeeded = true;
    if (this.#dirty.size > 0 || this.#sweepNeeded) this.#handlers.rescanNeeded();
  }
}
