/**
 * The mentions found on a page, by text node: what hover looks up under the
 * pointer, what keyboard navigation walks in order, and what is rebuilt when
 * the page changes a text node.
 */

import type { FigureVerdict } from '../messages/figures';
import type { MentionDecision } from '../match/decide';

/** One mention in the page: a stretch of one text node naming one entity. */
export interface MentionEntry {
  readonly node: Text;
  /** UTF-16 offsets in `node.data`, `end` exclusive. */
  readonly start: number;
  readonly end: number;
  /**
   * The entity its popover opens on: the first of {@link offered} once the
   * page has resolved the mention's decision, else the first entity its alias names.
   */
  entityId: string;
  /** What the per-mention decision made of the name (`match/decide.ts`); absent for entries made by hand. */
  readonly decision?: MentionDecision;
  /** The entities the popover offers (several for a name several entities carry), set when marks are refreshed. */
  offered?: readonly string[];
  /**
   * The range painted for this mention, made when it is first marked (a
   * page over the cap may hold ten times more mentions than marks).
   */
  range?: AbstractRange;
}

/** A checked figure of the page (see `figure-checks.ts`): where it stands, the entity it is about and its verdict. */
export interface FigureEntry extends MentionEntry {
  readonly figure: FigureVerdict;
}

/** Whether a hovered or listed entry is a checked figure rather than a mention. */
export function isFigureEntry(entry: MentionEntry): entry is FigureEntry {
  return 'figure' in entry;
}

const DOCUMENT_POSITION_DISCONNECTED = 0x01;
const DOCUMENT_POSITION_FOLLOWING = 0x04;
const DOCUMENT_POSITION_CONTAINED_BY = 0x10;

/** The chain from `node` out through the shadow hosts that contain it: [node, host, outer host, …]. */
function hostChain(node: Node): Node[] {
  const chain = [node];
  for (let root = node.getRootNode(); (root as ShadowRoot).host; root = (root as ShadowRoot).host.getRootNode()) {
    chain.push((root as ShadowRoot).host);
  }
  return chain;
}

/**
 * Order of two nodes in the composed tree (shadow trees in place of their
 * hosts): negative when `a` comes first. `compareDocumentPosition` alone calls
 * nodes in different trees "disconnected" and orders them arbitrarily, so for
 * those each node is replaced by its host in the tree they share.
 */
export function compareInPageOrder(a: Node, b: Node): number {
  if (a === b) return 0;
  let position = a.compareDocumentPosition(b);
  if (position & DOCUMENT_POSITION_DISCONNECTED) {
    const chainA = hostChain(a);
    const chainB = hostChain(b);
    const rootsB = new Map(chainB.map((node) => [node.getRootNode(), node]));
    for (const candidate of chainA) {
      const partner = rootsB.get(candidate.getRootNode());
      if (!partner) continue;
      // Same host on both sides: a text in its shadow tree comes after the host's start.
      if (candidate === partner) return chainA.indexOf(candidate) === 0 ? -1 : 1;
      position = candidate.compareDocumentPosition(partner);
      break;
    }
  }
  return position & (DOCUMENT_POSITION_FOLLOWING | DOCUMENT_POSITION_CONTAINED_BY) ? -1 : 1;
}

/** Mentions by text node, kept in page order. */
export class MentionIndex {
  /** Map order is page order whenever {@link sorted} is true. */
  #byNode = new Map<Text, readonly MentionEntry[]>();
  #sorted = true;
  #lastAdded: Text | null = null;
  #ordered: readonly MentionEntry[] | null = null;
  #parents: Set<Node> | null = null;
  #count = 0;

  /** How many mentions the index holds. */
  get size(): number {
    return this.#count;
  }

  /**
   * Set the mentions of `node` (sorted by start), replacing what it had.
   * Returns the entries it replaced. `follows`: the caller knows `node` comes
   * after every node added so far (a first walk through the page), which
   * saves comparing positions.
   */
  replace(node: Text, entries: readonly MentionEntry[], follows = false): readonly MentionEntry[] {
    const previous = this.remove(node);
    if (entries.length === 0) return previous;
    // A node scanned again may have moved; re-adding it puts it at the end and sorting restores order.
    if (
      !follows &&
      this.#sorted &&
      this.#lastAdded &&
      this.#lastAdded.isConnected &&
      compareInPageOrder(this.#lastAdded, node) > 0
    ) {
      this.#sorted = false;
    }
    this.#byNode.set(node, entries);
    this.#lastAdded = node;
    this.#count += entries.length;
    this.#changed();
    return previous;
  }

  /** Forget the mentions of `node`; returns them. */
  remove(node: Text): readonly MentionEntry[] {
    const previous = this.#byNode.get(node);
    if (!previous) return [];
    this.#byNode.delete(node);
    this.#count -= previous.length;
    this.#changed();
    return previous;
  }

  /** Forget the mentions of nodes no longer in the page; returns them. */
  sweep(): MentionEntry[] {
    const removed: MentionEntry[] = [];
    for (const [node, entries] of this.#byNode) {
      if (node.isConnected) continue;
      this.#byNode.delete(node);
      this.#count -= entries.length;
      removed.push(...entries);
    }
    if (removed.length > 0) this.#changed();
    return removed;
  }

  /** Forget everything; returns what was there. */
  clear(): MentionEntry[] {
    const all = [...this.#byNode.values()].flat();
    this.#byNode = new Map();
    this.#sorted = true;
    this.#lastAdded = null;
    this.#count = 0;
    this.#changed();
    return all;
  }

  /** The mentions of `node`, sorted by start. */
  entriesOf(node: Text): readonly MentionEntry[] {
    return this.#byNode.get(node) ?? [];
  }

  /**
   * The mentions of `node` that a caret at `offset` touches: those with
   * `start <= offset <= end` (a caret sits between characters, so the pointer
   * on a mention's last letter can give its end). At most two, when one
   * mention ends where the next starts; the caller tells them apart by their
   * boxes.
   */
  at(node: Text, offset: number): MentionEntry[] {
    const entries = this.#byNode.get(node);
    if (!entries) return [];
    let low = 0;
    let high = entries.length;
    // First entry whose end is at or after the offset.
    while (low < high) {
      const middle = (low + high) >> 1;
      if (entries[middle]!.end < offset) low = middle + 1;
      else high = middle;
    }
    const found: MentionEntry[] = [];
    for (let i = low; i < entries.length && entries[i]!.start <= offset; i++) found.push(entries[i]!);
    return found;
  }

  /** Every mention in page order (cached until the index changes). */
  inPageOrder(): readonly MentionEntry[] {
    if (this.#ordered) return this.#ordered;
    if (!this.#sorted) {
      const nodes = [...this.#byNode.keys()].filter((node) => node.isConnected);
      nodes.sort(compareInPageOrder);
      const resorted = new Map<Text, readonly MentionEntry[]>();
      for (const node of nodes) resorted.set(node, this.#byNode.get(node)!);
      // Detached nodes go last; the next sweep drops them.
      for (const [node, entries] of this.#byNode) if (!resorted.has(node)) resorted.set(node, entries);
      this.#byNode = resorted;
      this.#sorted = true;
      this.#lastAdded = nodes[nodes.length - 1] ?? null;
    }
    const ordered: MentionEntry[] = [];
    for (const entries of this.#byNode.values()) for (const entry of entries) ordered.push(entry);
    this.#ordered = ordered;
    return ordered;
  }

  /**
   * The parent nodes of the indexed text nodes: the elements a pointer must
   * be over for a mention to be under it. Lets hover rule out most pointer
   * positions with one Set lookup.
   */
  parentNodes(): ReadonlySet<Node> {
    if (this.#parents) return this.#parents;
    const parents = new Set<Node>();
    for (const node of this.#byNode.keys()) if (node.parentNode) parents.add(node.parentNode);
    this.#parents = parents;
    return parents;
  }

  #changed(): void {
    this.#ordered = null;
    this.#parents = null;
  }
}
