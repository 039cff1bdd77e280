/**
 * Context for ambiguous names: "Credo" counts as the chip company only on a
 * page that also has one of its context words ("chip", "cable", …).
 *
 * The rule is page-wide: a mention counts when the page's text has a context
 * word. (A rule on the nearest block's text would add nothing: the block's
 * words are the page's words too.) Looking for context words costs about as
 * much as looking for mentions, so it is done only when needed: while no
 * ambiguous name has turned up, the text read is kept aside unexamined; when
 * one turns up, the kept text is examined (the caller spreads that over
 * slices) and from then on each new text as it is read. Most pages name no
 * ambiguous entity and never pay for context at all.
 */

/** Tracks which context-requiring entities the page's text gives context for. */
export class PageContext {
  /** The entities (of those needing context) whose context words the page contains. */
  readonly satisfied = new Set<string>();
  private live = false;
  private kept: string[] | null = [];
  private rereadWanted = false;

  constructor(
    private readonly needsContext: ReadonlySet<string>,
    private readonly findContext: (text: string) => Iterable<string>,
  ) {}

  private get complete(): boolean {
    return this.satisfied.size >= this.needsContext.size;
  }

  /** A text was read, and mentions of `entityIds` were found in it. */
  read(text: string, entityIds: Iterable<string>): void {
    if (this.complete) return;
    if (!this.live) {
      let wanted = false;
      for (const entityId of entityIds) {
        if (this.needsContext.has(entityId) && !this.satisfied.has(entityId)) wanted = true;
      }
      if (!wanted) {
        this.kept?.push(text);
        return;
      }
      this.live = true;
      // The text read before was not kept (the first scan is over): the page must be read again.
      if (this.kept === null) this.rereadWanted = true;
    }
    this.examine(text);
  }

  /** Look for context words in `text` now. */
  examine(text: string): void {
    if (this.complete) return;
    for (const entityId of this.findContext(text)) this.satisfied.add(entityId);
  }

  /** Texts kept unexamined that must now be examined (empty until an ambiguous name turned up). */
  takeKept(): string[] {
    if (!this.live || !this.kept || this.kept.length === 0) return [];
    const kept = this.kept;
    this.kept = [];
    return kept;
  }

  /** The first full read of the page is over: stop keeping text (it would only cost memory). */
  forgetKept(): void {
    if (!this.live) this.kept = null;
  }

  /**
   * True once, when an ambiguous name turned up after the page's text was
   * forgotten: the caller reads the whole page again to look for context.
   */
  takeRereadRequest(): boolean {
    const wanted = this.rereadWanted;
    this.rereadWanted = false;
    return wanted;
  }
}
