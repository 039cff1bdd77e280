/**
 * The popover, loaded when first wanted: its code (Preact, Floating UI, the
 * components) is a part of the content script of its own, so a page that is
 * never hovered never loads it. Shows a mention's popover once it has loaded,
 * unless the reader has moved on by then.
 */
import type { FigureVerdict } from '../messages/figures';
import { liveRangeOf } from './hover';
import { isFigureEntry, type MentionEntry } from './mention-index';
import type { PopoverHost } from './popover';

/** Loads the popover host once and opens it for mentions. */
export class PopoverLoader {
  #loaded: PopoverHost | null = null;
  #loading: Promise<PopoverHost> | null = null;

  readonly #create: () => Promise<PopoverHost>;
  readonly #document: Document;
  readonly #signal: AbortSignal;
  readonly #pageFigures: (entityId: string) => readonly FigureVerdict[];

  constructor(
    /** Makes the host (loading its code first). */
    create: () => Promise<PopoverHost>,
    document: Document,
    /** Once aborted, nothing more is shown. */
    signal: AbortSignal,
    /** The page's checked figures about an entity, shown in its popover. */
    pageFigures: (entityId: string) => readonly FigureVerdict[] = () => [],
  ) {
    this.#pageFigures = pageFigures;
    this.#create = create;
    this.#document = document;
    this.#signal = signal;
  }

  /** The host once loaded, else null. */
  get host(): PopoverHost | null {
    return this.#loaded;
  }

  /** Whether `target` is inside the popover (false while it is not loaded). */
  contains(target: EventTarget | null): boolean {
    return this.#loaded?.contains(target) ?? false;
  }

  /** Whether the popover closed itself (Esc, its close button) since it was last shown. */
  get closedItself(): boolean {
    return this.#loaded !== null && this.#loaded.entityId === null;
  }

  /** Load the host (once). */
  load(): Promise<PopoverHost> {
    this.#loading ??= this.#create().then((host) => (this.#loaded = host));
    return this.#loading;
  }

  /**
   * Open the popover for `mention` once loaded. `focus`: move keyboard focus into it. `stillWanted`:
   * asked after loading, since the pointer may have moved on while the popover's code loaded.
   */
  async show(mention: MentionEntry, focus: boolean, stillWanted: () => boolean = () => true): Promise<void> {
    const host = await this.load();
    if (this.#signal.aborted || !mention.node.isConnected || !stillWanted()) return;
    const anchor = { range: liveRangeOf(mention, this.#document), entityId: mention.entityId };
    const candidates = mention.offered && mention.offered.length > 1 ? { candidates: mention.offered } : {};
    // Muting one of two people with one name leaves the other offered alone, and as much in doubt.
    const shared =
      mention.decision?.kind === 'mention' && mention.decision.senses.length > 1 ? { sharedName: true } : {};
    const pageFigures = this.#pageFigures(mention.entityId);
    const figures = {
      ...(pageFigures.length > 0 ? { pageFigures } : {}),
      ...(isFigureEntry(mention) ? { figure: mention.figure } : {}),
    };
    await host.show({ ...anchor, ...candidates, ...shared, ...figures }, { focus });
  }
}
