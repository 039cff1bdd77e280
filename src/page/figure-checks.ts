/**
 * The page's figures, checked against the stories: after a read, the blocks
 * (paragraphs, list items, cells) that hold a resolved mention are cut into
 * sentences (`page-sentences.ts`); those with a mention and a number go to the
 * background (`figures/check`, where the fact base and the builder's figure
 * readers live), and each verdict that comes back is marked on the page's
 * figure with a highlight of its own (never changing the DOM) and kept for
 * the popover and the popup. Nothing leaves the browser.
 *
 * A block is sent again only when its text changed; a verdict whose text
 * changed while the background answered is dropped.
 */
import type { CheckFiguresRequest, FigureVerdict } from '../messages/figures';
import { MAX_CHECKED_SENTENCE_LENGTH, MAX_CHECKED_SENTENCES } from '../messages/figure-limits';
import { ExclusionCache } from './exclusions';
import type { HighlightLayer } from './highlights';
import { mentionAtPoint, paintedRangeOf, type Point } from './hover';
import { MentionIndex, type FigureEntry, type MentionEntry } from './mention-index';
import { isOwnElement } from './own-elements';
import {
  collapseWhitespace,
  mayStateFigure,
  sentencesToCheck,
  type BlockMention,
  type CollapsedText,
} from './page-sentences';

/** The elements whose text is read as one run of sentences. */
const BLOCK_SELECTOR =
  'p, li, dd, dt, td, th, blockquote, figcaption, caption, h1, h2, h3, h4, h5, h6, pre, div, article, section, main, body';
/** A block's text beyond this is not read (a page that is one huge element): its sentences are not checked. */
const MAX_BLOCK_CHARS = 20_000;
/** Batches of sentences sent at most per pass; a page with more checks the first ones (in page order). */
const MAX_BATCHES = 5;
/** The longest the check reads the page before giving it its turn. */
const SLICE_MS = 8;
/** Quiet time after a read before the figures are checked: a page that keeps changing sends once. */
export const FIGURE_CHECK_DELAY_MS = 400;

/** What {@link FigureChecks} needs from the page session. */
export interface FigureCheckOptions {
  readonly window: Window;
  /** Sends the sentences to the background; resolves to its verdicts. */
  check(request: CheckFiguresRequest): Promise<FigureVerdict[]>;
  /** The layer that paints marks, once there is one. */
  layer(): HighlightLayer | null;
  /** The page's publication date, `YYYY-MM-DD`, when it gives one (absent: read from the page's metadata). */
  pageDate?(): string | null;
  /**
   * Whether the stories give `entityId` figures: only a block naming such an entity is read (no other
   * can get a verdict). Absent: every entity may have.
   */
  hasFigures?(entityId: string): boolean;
  setTimeout(callback: () => void, ms: number): number;
  clearTimeout(id: number): void;
  now(): number;
  /** Resolves once the page has had its turn (a task later). */
  yieldToPage(): Promise<void>;
  /** The figures changed (checked, dropped or muted): the popup's counts and an open popover may follow. */
  changed?(): void;
  readonly signal: AbortSignal;
}

/** A block's text as read: its text nodes, where each starts, and their text then. */
export interface BlockText {
  readonly text: string;
  /** The text as a reader sees it (white space collapsed): what is cut into sentences and sent. */
  readonly collapsed: CollapsedText;
  readonly nodes: Text[];
  readonly starts: number[];
}

/** A sentence sent, and what it takes to place its verdicts. */
export interface SentSentence {
  readonly block: BlockText;
  readonly start: number;
  readonly text: string;
  readonly mentions: BlockMention[];
}

/** The page's checked figures and their marks. */
export class FigureChecks {
  readonly #index = new MentionIndex();
  readonly #painted = new Set<FigureEntry>();
  /** Each block's text when its sentences were last sent. */
  #sentBlocks = new WeakMap<Element, string>();
  /** Whether any block was sent: until then no change of the page can concern a checked block. */
  #sentAny = false;
  /** The mentions a pass has looked at: the next pass reads only the blocks of new ones. */
  #seen = new WeakSet<MentionEntry>();
  /** Blocks sent before in which the page changed something since: the next pass reads them again. */
  #changedBlocks = new Set<Element>();
  #entries: readonly MentionEntry[] = [];
  #muted: ReadonlySet<string> = new Set();
  #timer: number | null = null;
  #running = false;
  #again = false;
  /** Bumped when everything is cleared: answers to older requests are dropped. */
  #generation = 0;
  readonly #options: FigureCheckOptions;
  /** The page's date, read once when first needed. */
  #date: string | null | undefined;

  constructor(options: FigureCheckOptions) {
    this.#options = options;
  }

  /** How many figures are checked on the page. */
  get size(): number {
    return this.#index.size;
  }

  /**
   * The page's resolved mentions changed (a read, a refresh): check the blocks that hold them once the
   * page is quiet, and repaint the marks for the muted entities.
   */
  update(entries: readonly MentionEntry[], muted: ReadonlySet<string>): void {
    this.#entries = entries;
    if (!sameMembers(muted, this.#muted)) {
      this.#muted = muted;
      this.#repaint();
    }
    if (this.#options.signal.aborted || entries.length === 0) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    if (this.#timer !== null) this.#options.clearTimeout(this.#timer);
    this.#timer = this.#options.setTimeout(() => {
      this.#timer = null;
      void this.#run();
    }, FIGURE_CHECK_DELAY_MS);
  }

  /** The checked figure at a point, or null. */
  at(
    document: Document,
    point: Point,
    target: EventTarget | null,
    shadowRoots: readonly ShadowRoot[],
  ): FigureEntry | null {
    const entry = mentionAtPoint(document, this.#index, point, target, shadowRoots) as FigureEntry | null;
    return entry && !this.#muted.has(entry.entityId) ? entry : null;
  }

  /** The page's checked figures about `entityId`, in page order. */
  forEntity(entityId: string): FigureVerdict[] {
    return this.#shown()
      .filter((entry) => entry.figure.entityId === entityId)
      .map((entry) => entry.figure);
  }

  /** Every shown figure, in page order (for the popup). */
  all(): FigureEntry[] {
    return this.#shown();
  }

  /**
   * Nodes of the page changed (text whose data changed, added subtrees): a block sent before that holds
   * one is read again by the next pass, although none of its mentions is new (a number updated beside
   * a name, in a text node of its own).
   */
  pageChanged(nodes: readonly Node[]): void {
    if (!this.#sentAny) return;
    for (const node of nodes) {
      const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
      const block = element?.closest(BLOCK_SELECTOR);
      if (block && this.#sentBlocks.has(block)) this.#changedBlocks.add(block);
    }
  }

  /** `text` changed: its figures go now (its block is read again with the next read). */
  removeText(text: Text): void {
    for (const entry of this.#index.remove(text)) this.#unpaint(entry as FigureEntry);
  }

  /** Forget the figures of text no longer in the page. */
  sweep(): void {
    for (const entry of this.#index.sweep()) this.#unpaint(entry as FigureEntry);
  }

  /** Forget every figure (the fact base changed): the next read checks the page afresh. */
  clear(): void {
    this.#generation++;
    for (const entry of this.#index.clear()) this.#unpaint(entry as FigureEntry);
    this.#sentBlocks = new WeakMap();
    this.#sentAny = false;
    this.#seen = new WeakSet();
    this.#changedBlocks.clear();
    if (this.#timer !== null) this.#options.clearTimeout(this.#timer);
    this.#timer = null;
    this.#options.changed?.();
  }

  #pageDate(): string | null {
    if (this.#options.pageDate) return this.#options.pageDate();
    return (this.#date ??= pageDateOf(this.#options.window.document));
  }

  /** The figures not about a muted entity (painted or not: a browser without highlights still lists them). */
  #shown(): FigureEntry[] {
    return (this.#index.inPageOrder() as FigureEntry[]).filter((entry) => !this.#muted.has(entry.entityId));
  }

  async #run(): Promise<void> {
    this.#running = true;
    try {
      const generation = this.#generation;
      const sent = await this.#sentencesToSend(generation);
      if (!sent) return;
      for (let batch = 0; batch < MAX_BATCHES && batch * MAX_CHECKED_SENTENCES < sent.length; batch++) {
        const part = sent.slice(batch * MAX_CHECKED_SENTENCES, (batch + 1) * MAX_CHECKED_SENTENCES);
        let verdicts: FigureVerdict[];
        try {
          verdicts = await this.#options.check({
            type: 'figures/check',
            sentences: part.map(({ text, mentions }) => ({ text, mentions })),
            pageDate: this.#pageDate(),
          });
        } catch (error) {
          // The background may be restarting; the page reads on without its figures checked.
          console.warn('Factlens: the page’s figures could not be checked', error);
          return;
        }
        if (this.#options.signal.aborted || generation !== this.#generation) return;
        this.#place(part, verdicts);
      }
    } finally {
      this.#running = false;
      if (this.#again && !this.#options.signal.aborted) {
        this.#again = false;
        this.update(this.#entries, this.#muted);
      }
    }
  }

  /**
   * The sentences of the blocks that hold new mentions and changed since they were last sent, read in
   * slices of at most {@link SLICE_MS} with the page's turn between them; null when the pass was
   * overtaken (the session ended, or everything was cleared).
   */
  async #sentencesToSend(generation: number): Promise<SentSentence[] | null> {
    const { now, yieldToPage, signal } = this.#options;
    const alsoRead = [...this.#changedBlocks];
    this.#changedBlocks.clear();
    const steps = collectSentences(
      this.#entries,
      (entry) => {
        if (this.#seen.has(entry)) return false;
        this.#seen.add(entry);
        return this.#options.hasFigures?.(entry.entityId) ?? true;
      },
      (block, text) => {
        if (this.#sentBlocks.get(block) === text) return true;
        this.#sentBlocks.set(block, text);
        this.#sentAny = true;
        return false;
      },
      MAX_CHECKED_SENTENCES * MAX_BATCHES,
      alsoRead,
    );
    let sliceStart = now();
    for (;;) {
      const step = steps.next();
      if (step.done) {
        // Figures of a block checked before are replaced by this check's.
        for (const block of step.value.changed) for (const node of block.nodes) this.removeText(node);
        return step.value.sentences;
      }
      if (now() - sliceStart < SLICE_MS) continue;
      await yieldToPage();
      if (signal.aborted || generation !== this.#generation) return null;
      sliceStart = now();
    }
  }

  /** Index and paint the verdicts of `sent`, each on the text it covers (in its sentence's first node). */
  #place(sent: readonly SentSentence[], verdicts: readonly FigureVerdict[]): void {
    const byNode = new Map<Text, FigureEntry[]>();
    for (const verdict of verdicts) {
      const sentence = sent[verdict.sentence];
      if (!sentence) continue;
      const { collapsed, text } = sentence.block;
      const end = sentence.start + verdict.end;
      if (verdict.end <= verdict.start || end > collapsed.text.length) continue;
      const start = collapsed.toRaw(sentence.start + verdict.start);
      const last = collapsed.toRaw(end - 1);
      if (last >= text.length) continue;
      const placed = placeInBlock(sentence.block, start, last + 1);
      if (!placed) continue;
      const entry: FigureEntry = { ...placed, entityId: verdict.entityId, figure: verdict };
      const list = byNode.get(placed.node);
      if (list) list.push(entry);
      else byNode.set(placed.node, [entry]);
    }
    for (const [node, entries] of byNode) {
      entries.sort((a, b) => a.start - b.start);
      for (const entry of this.#index.replace(node, entries)) this.#unpaint(entry as FigureEntry);
      for (const entry of entries) this.#paint(entry);
    }
    if (byNode.size > 0) this.#options.changed?.();
  }

  #paint(entry: FigureEntry): void {
    if (this.#muted.has(entry.figure.entityId) || this.#painted.has(entry)) return;
    const layer = this.#options.layer();
    if (!layer) return;
    const range = (entry.range ??= paintedRangeOf(entry, this.#options.window));
    const holder = entry.node.getRootNode() as Document | ShadowRoot;
    // A page too big to restyle gets no figure marks (they are not drawn in a layer of ours).
    if (layer.addFigure(range, entry.figure.verdict, holder, entry.node.parentElement)) this.#painted.add(entry);
  }

  #unpaint(entry: FigureEntry): void {
    if (!this.#painted.delete(entry)) return;
    if (entry.range) this.#options.layer()?.deleteFigure(entry.range);
  }

  #repaint(): void {
    for (const entry of this.#index.inPageOrder() as FigureEntry[]) {
      if (this.#muted.has(entry.figure.entityId)) this.#unpaint(entry);
      else this.#paint(entry);
    }
    this.#options.changed?.();
  }
}

/** What one pass of the check reads: the blocks it read and their sentences to check. */
export interface CollectedSentences {
  readonly changed: BlockText[];
  readonly sentences: SentSentence[];
}

/** Mentions looked at between two chances to yield to the page. */
const ENTRIES_PER_STEP = 500;
/**
 * Blocks read between two chances to yield: a block is at most `MAX_BLOCK_CHARS` long, so a step stays far
 * under a millisecond or two, and resuming the generator for every block cost as much as reading it.
 */
const BLOCKS_PER_STEP = 16;

/**
 * The sentences to check of the blocks (paragraphs, list items, cells…) that hold the new ones among
 * `entries`, read on the page's thread: a generator that yields every few blocks and every few hundred
 * mentions, so its driver can give the page its turn (`npm run bench` times a whole pass).
 * `isNew(entry)`: whether the mention was not looked at by an earlier pass (and may lead to a verdict);
 * its block is read with every mention in it. `sentBefore(block, text)`:
 * true to skip a block whose text was sent as it is now. Stops once `limit` sentences are found.
 * `alsoRead`: blocks to read whether or not a new mention is in them (the page changed them).
 */
export function* collectSentences(
  entries: readonly MentionEntry[],
  isNew: (entry: MentionEntry) => boolean,
  sentBefore: (block: Element, text: string) => boolean,
  limit: number,
  alsoRead: readonly Element[] = [],
): Generator<void, CollectedSentences, void> {
  const blocks: Element[] = [];
  const seenBlocks = new Set<Element>();
  const blockOfParent = new Map<Element, Element | null>();
  for (let position = 0; position < entries.length; position++) {
    if (position % ENTRIES_PER_STEP === ENTRIES_PER_STEP - 1) yield;
    const entry = entries[position]!;
    if (!entry.node.isConnected || !isNew(entry)) continue;
    const parent = entry.node.parentElement;
    if (!parent) continue;
    // Mentions side by side share a parent: one look for the block each.
    let block = blockOfParent.get(parent);
    if (block === undefined) {
      block = parent.closest(BLOCK_SELECTOR);
      blockOfParent.set(parent, block);
    }
    if (!block || seenBlocks.has(block)) continue;
    seenBlocks.add(block);
    blocks.push(block);
  }
  for (const block of alsoRead) {
    if (!block.isConnected || seenBlocks.has(block)) continue;
    seenBlocks.add(block);
    blocks.push(block);
  }
  if (blocks.length === 0) return { changed: [], sentences: [] };
  // Every mention of the page by its text node, to place those of each block read (new or not) in its text.
  const byNode = new Map<Text, MentionEntry[]>();
  for (let position = 0; position < entries.length; position++) {
    if (position % ENTRIES_PER_STEP === ENTRIES_PER_STEP - 1) yield;
    const entry = entries[position]!;
    const onNode = byNode.get(entry.node);
    if (onNode) onNode.push(entry);
    else byNode.set(entry.node, [entry]);
  }
  const exclusions = new ExclusionCache(isOwnElement);
  const changed: BlockText[] = [];
  const sentences: SentSentence[] = [];
  for (const [index, element] of blocks.entries()) {
    if (sentences.length >= limit) break;
    if (index % BLOCKS_PER_STEP === 0) yield;
    const block = readBlock(element, exclusions);
    if (!block || sentBefore(element, block.text)) continue;
    changed.push(block);
    const mentions = block.nodes.flatMap((node, at) =>
      (byNode.get(node) ?? []).map((entry): BlockMention => ({
        entityId: entry.entityId,
        start: block.collapsed.fromRaw(block.starts[at]! + entry.start),
        end: block.collapsed.fromRaw(block.starts[at]! + entry.end),
      })),
    );
    for (const sentence of sentencesToCheck(block.collapsed.text, mentions, MAX_CHECKED_SENTENCE_LENGTH)) {
      sentences.push({ block, ...sentence });
    }
  }
  return { changed, sentences: sentences.slice(0, limit) };
}

function sameMembers(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const member of a) if (!b.has(member)) return false;
  return true;
}

/**
 * The text of a block, read in document order from its text nodes outside
 * excluded places (fields, scripts, our own elements); null when there is
 * too much, or nothing that reads as a number.
 */
function readBlock(element: Element, exclusions: ExclusionCache): BlockText | null {
  // The text a walk would read is part of the block's whole text: with no number in that, there is nothing to
  // walk for (one native read instead of a walk that asks every text node about its ancestors).
  if (!mayStateFigure(element.textContent ?? '')) return null;
  const walker = element.ownerDocument.createTreeWalker(element, 4 /* NodeFilter.SHOW_TEXT */);
  const nodes: Text[] = [];
  const starts: number[] = [];
  let text = '';
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (exclusions.excludesText(node)) continue;
    nodes.push(node);
    starts.push(text.length);
    text += node.data;
    if (text.length > MAX_BLOCK_CHARS) return null;
  }
  // Most blocks that name an entity state no number: they are not cut into sentences at all.
  return mayStateFigure(text) ? { text, collapsed: collapseWhitespace(text), nodes, starts } : null;
}

/**
 * The text node and offsets that block offsets `start`–`end` fall in; a
 * figure running into the next node is cut at its node's end. Null when the
 * node's text changed since the block was read (its offsets mean nothing now).
 */
function placeInBlock(block: BlockText, start: number, end: number): { node: Text; start: number; end: number } | null {
  let low = 0;
  let high = block.starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (block.starts[middle]! <= start) low = middle;
    else high = middle - 1;
  }
  const node = block.nodes[low];
  if (!node) return null;
  const nodeStart = block.starts[low]!;
  const nodeEnd = (block.starts[low + 1] ?? block.text.length) - nodeStart;
  if (!node.isConnected || node.data !== block.text.slice(nodeStart, nodeStart + nodeEnd)) return null;
  const from = start - nodeStart;
  const to = Math.min(end - nodeStart, node.data.length);
  return to > from ? { node, start: from, end: to } : null;
}

/** The page's publication date as its metadata gives it (`YYYY-MM-DD`), or null. */
export function pageDateOf(document: Document): string | null {
  const candidates = [
    document.querySelector('meta[property="article:published_time"]')?.getAttribute('content'),
    document.querySelector('meta[itemprop="datePublished"]')?.getAttribute('content'),
    document
      .querySelector('meta[name="date"], meta[name="pubdate"], meta[name="publish-date"]')
      ?.getAttribute('content'),
    document.querySelector('time[datetime]')?.getAttribute('datetime'),
  ];
  for (const candidate of candidates) {
    const date = /^(\d{4})-(\d{2})-(\d{2})/.exec(candidate?.trim() ?? '');
    if (!date) continue;
    const year = Number(date[1]);
    // A placeholder (0001-01-01, the epoch) is no date.
    if (year > 1990 && year < 2200) return `${date[1]}-${date[2]}-${date[3]}`;
  }
  return null;
}
