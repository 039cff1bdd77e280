/**
 * Reads the text of a page in document order, in chunks, for the matcher.
 *
 * The walk is a bare `TreeWalker(SHOW_TEXT)` with no JavaScript filter: a
 * filter callback per node made the walk 14–27× slower when measured, and
 * even reading each text node's parent costs a third of the walk on a page
 * of 50,000 text nodes. Instead, the script, style and noscript elements are
 * listed up front (see `exclusions.ts`), and the first text node of each
 * becomes a sentinel: when the walk reaches one, it jumps past that element.
 * A text node costs one Map lookup and one `.data` read. Other excluded
 * places (fields, editors) are read like any text, and the few of their text
 * nodes that hold a mention are dropped by the caller.
 *
 * Text nodes are joined into one string per chunk, separated by a character
 * that is never part of a mention, so the matcher runs once per few thousand
 * nodes rather than once per node.
 */
import { bulkyExcludedElements, ExclusionCache, type OwnElementTest } from './exclusions';

/** Joins the data of text nodes in a chunk. A control character: never inside a word or an alias. */
export const NODE_SEPARATOR = '\u0000';

/** Text nodes read in document order and the string the matcher reads. */
export class TextChunk {
  private offsets: number[] | null = null;

  constructor(
    /** The text nodes, in document order. */
    readonly nodes: readonly Text[],
    /** The nodes' data joined by {@link NODE_SEPARATOR}. */
    readonly text: string,
  ) {}

  /**
   * Where each node's data starts in {@link text}. Worked out on first use:
   * most chunks hold no mention and never need it.
   */
  get starts(): readonly number[] {
    if (!this.offsets) {
      const offsets: number[] = [];
      let offset = 0;
      for (const node of this.nodes) {
        offsets.push(offset);
        offset += node.data.length + NODE_SEPARATOR.length;
      }
      this.offsets = offsets;
    }
    return this.offsets;
  }
}

/** How big a chunk may grow: whichever limit is reached first ends it. */
export interface ChunkLimits {
  maxNodes: number;
  maxChars: number;
}

/**
 * The largest chunk the annotator reads in one step: a slice can only end
 * between steps, and a step's cost grows with the mentions it finds (a page
 * of nothing but mentions found 4,000 in a chunk of 2,048 nodes, 40 ms).
 */
export const DEFAULT_CHUNK_LIMITS: ChunkLimits = { maxNodes: 512, maxChars: 16_384 };

/** The deepest last descendant of `node`: where the walk continues from to skip `node`'s subtree. */
function lastDescendant(node: Node): Node {
  let last = node;
  while (last.lastChild) last = last.lastChild;
  return last;
}

/**
 * Whether `data` is only ASCII whitespace: the indentation between tags, half
 * the text nodes of a typical page. Such nodes can not hold a mention, and
 * leaving them out spares the matcher a whitespace run per node. Stops at the
 * first other character, which in real text is nearly always the first.
 */
export function isBlank(data: string): boolean {
  for (let i = 0; i < data.length; i++) {
    const code = data.charCodeAt(i);
    if (code !== 32 && code !== 10 && code !== 9 && code !== 13 && code !== 12) return false;
  }
  return true;
}

function firstTextIn(element: Element): Text | null {
  const first = element.firstChild;
  // Script and style elements hold a single text node: skip the walker for them.
  if (first && first.nodeType === 3 && !first.nextSibling) return first as Text;
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  return walker.nextNode() as Text | null;
}

/**
 * A walk over the text nodes of one root, outside excluded subtrees, read a
 * chunk at a time so the caller can yield to the page between chunks.
 */
export class TextWalk {
  private readonly walker: TreeWalker | null;
  /** Script, style and noscript elements with their first text node, in document order. */
  private readonly sentinels: { text: Text; element: Element }[] = [];
  private nextSentinel = 0;
  private single: Text | null = null;
  private finished = false;

  /**
   * @param root - an element, a shadow root, or a single text node to read.
   * @param minLength - text nodes shorter than this can not hold a mention and are not read.
   */
  constructor(
    readonly root: Node,
    private readonly minLength = 1,
  ) {
    if (root.nodeType === Node.TEXT_NODE) {
      this.single = root as Text;
      this.walker = null;
      return;
    }
    const document = root.ownerDocument ?? (root as Document);
    this.walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const elements = bulkyExcludedElements(root).sort((a, b) =>
      a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
    );
    for (const element of elements) {
      const text = firstTextIn(element);
      if (text) this.sentinels.push({ text, element });
    }
  }

  /** True once every text node has been read. */
  get done(): boolean {
    return this.finished;
  }

  /**
   * True when the node the walk stopped at has left the root since the last
   * chunk: the walk can not tell where it was, and the caller should start over.
   */
  get lostPlace(): boolean {
    if (!this.walker || this.finished) return false;
    const current = this.walker.currentNode;
    return current !== this.root && !this.root.contains(current);
  }

  /**
   * Skip sentinels the walk can no longer meet: removed from the page, or
   * behind the walk's position (the page changed between chunks). Once per
   * chunk, so the loop itself compares each node with one sentinel only.
   */
  private catchUpSentinels(): void {
    const current = this.walker!.currentNode;
    while (this.nextSentinel < this.sentinels.length) {
      const { text } = this.sentinels[this.nextSentinel]!;
      const behind = current !== this.root && current.compareDocumentPosition(text) & Node.DOCUMENT_POSITION_PRECEDING;
      if (text.isConnected && !behind) break;
      this.nextSentinel++;
    }
  }

  /** The next chunk, or null when the walk is done. */
  nextChunk(limits: ChunkLimits = DEFAULT_CHUNK_LIMITS): TextChunk | null {
    if (this.finished) return null;
    if (this.single) {
      const node = this.single;
      this.finished = true;
      return node.data.length >= this.minLength ? new TextChunk([node], node.data) : null;
    }
    const walker = this.walker!;
    const { sentinels, minLength } = this;
    this.catchUpSentinels();
    // Comparing each node with the next sentinel by identity: a Map lookup would cost a third of the walk.
    let sentinel = sentinels[this.nextSentinel];
    const nodes: Text[] = [];
    let text = '';
    while (nodes.length < limits.maxNodes && text.length < limits.maxChars) {
      const node = walker.nextNode() as Text | null;
      if (!node) {
        this.finished = true;
        break;
      }
      if (node === sentinel?.text) {
        walker.currentNode = lastDescendant(sentinel.element);
        sentinel = sentinels[++this.nextSentinel];
        continue;
      }
      const data = node.data;
      if (data.length < minLength || isBlank(data)) continue;
      text = nodes.length === 0 ? data : text + NODE_SEPARATOR + data;
      nodes.push(node);
    }
    // The loop only stops early on a full chunk, so an empty one means the walk is over.
    if (nodes.length === 0) return null;
    return new TextChunk(nodes, text);
  }
}

/** A mention located in one text node of a chunk. */
export interface NodeMention {
  /** Index of the node in the chunk's `nodes`. */
  nodeIndex: number;
  /** UTF-16 offsets within the node's data, `end` exclusive. */
  start: number;
  end: number;
  entityId: string;
}

/**
 * Maps mentions found in a chunk's joined text back to the text nodes they
 * fall in. `mentions` must be sorted by start (the matcher's order). A mention
 * that spans a node boundary can not be one text range of one node and is
 * dropped; the separator makes that impossible for real aliases anyway.
 */
export function locateMentions(
  chunk: Pick<TextChunk, 'starts' | 'text'>,
  mentions: readonly { start: number; end: number; entityId: string }[],
): NodeMention[] {
  const located: NodeMention[] = [];
  const { starts, text } = chunk;
  let nodeIndex = 0;
  for (const mention of mentions) {
    while (nodeIndex + 1 < starts.length && starts[nodeIndex + 1]! <= mention.start) nodeIndex++;
    const nodeStart = starts[nodeIndex]!;
    const nodeEnd = nodeIndex + 1 < starts.length ? starts[nodeIndex + 1]! - 1 : text.length;
    if (mention.start < nodeStart || mention.end > nodeEnd) continue;
    located.push({
      nodeIndex,
      start: mention.start - nodeStart,
      end: mention.end - nodeStart,
      entityId: mention.entityId,
    });
  }
  return located;
}

/** The mentions of one text node, offsets within its data, sorted. */
export interface TextNodeMentions {
  node: Text;
  /** Where in its chunk's `nodes` the node is. */
  nodeIndex: number;
  mentions: { start: number; end: number; entityId: string }[];
}

/**
 * The mentions found in a chunk's joined text (sorted by start), grouped by
 * text node, leaving out text nodes in excluded places (fields, editors, our
 * own UI). Only nodes holding a mention are judged, which keeps the ancestor
 * checks few.
 */
export function mentionsByNode(
  chunk: TextChunk,
  mentions: readonly { start: number; end: number; entityId: string }[],
  exclusions: ExclusionCache,
): TextNodeMentions[] {
  const grouped: TextNodeMentions[] = [];
  for (const { nodeIndex, start, end, entityId } of locateMentions(chunk, mentions)) {
    let last = grouped[grouped.length - 1];
    if (!last || last.nodeIndex !== nodeIndex) {
      last = { node: chunk.nodes[nodeIndex]!, nodeIndex, mentions: [] };
      grouped.push(last);
    }
    last.mentions.push({ start, end, entityId });
  }
  return grouped.filter((group) => !exclusions.excludesText(group.node));
}

/**
 * Whether `root` holds any text that is not whitespace, outside excluded
 * places. Stops at the first such text node, so on a page with text it
 * costs next to nothing.
 */
export function hasReadableText(root: Node, isOwnElement: OwnElementTest): boolean {
  const document = root.ownerDocument ?? (root as Document);
  if (root.nodeType === Node.TEXT_NODE) return /\S/.test((root as Text).data);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const exclusions = new ExclusionCache(isOwnElement);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (/\S/.test((node as Text).data) && !exclusions.excludesText(node as Text)) return true;
  }
  return false;
}

/**
 * Open shadow roots under `root` (not inside excluded subtrees nor Factlens's
 * own elements), found by visiting every element. That costs about as much
 * as the text walk itself, so it is a generator the caller drives in slices
 * after the text is done: it yields `null` every `checkEvery` elements so the
 * caller can look at the clock, and yields each shadow root as it finds it.
 */
export function* openShadowRoots(
  root: Node,
  isOwnElement: (element: Element) => boolean,
  checkEvery = 1024,
): Generator<ShadowRoot | null, void, void> {
  const document = root.ownerDocument ?? (root as Document);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
  let count = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (++count % checkEvery === 0) yield null;
    const shadow = (node as Element).shadowRoot;
    if (shadow && !isOwnElement(node as Element)) yield shadow;
  }
}
