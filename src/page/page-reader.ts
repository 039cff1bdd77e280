/**
 * Reads parts of the page into the mention index, in slices: a queue of
 * scanning tasks (walk a root's text, look for open shadow roots under it)
 * run a short step at a time, so a
 * several-megabyte page never holds the main thread for long. Each chunk of
 * text goes to the matcher through the {@link ChunkMentionFinder} seam
 * (`chunk-mentions.ts`).
 */
import type { Matching } from './chunk-mentions';
import type { DecidedMention } from './context';
import { ExclusionCache } from './exclusions';
import type { MentionEntry, MentionIndex } from './mention-index';
import { isOwnElement } from './own-elements';
import { DEFAULT_CHUNK_LIMITS, openShadowRoots, TextWalk, type TextChunk } from './scanner';
import { runInSlices, type SliceEnvironment } from './slices';

/** During a scan, marks are brought up to date at most this often. */
const REFRESH_EVERY_MS = 50;
/** The first chunk of a scan: small, see {@link PageReader.read}. */
const FIRST_CHUNK_LIMITS = { maxNodes: 128, maxChars: 4096 };
/** A walk that keeps losing its place on a page rebuilding itself is given up on; mutations rescan what changed. */
const MAX_RESTARTS = 3;

/** One unit of scanning work: read text, or look for shadow roots. */
type ScanTask =
  | { kind: 'text'; walk: TextWalk; restarts: number }
  | { kind: 'shadows'; search: Generator<ShadowRoot | null, void, void> };

/** What {@link PageReader} needs from the page session. */
export interface PageReaderOptions {
  /** Where found mentions go. */
  readonly index: MentionIndex;
  /** A clock, a way to yield to the page, and the signal that stops a read. */
  readonly slices: SliceEnvironment;
  /** A mention left the index: its mark must go too. */
  unindexed(entry: MentionEntry): void;
  /** Bring the marks up to date with the index (during a read, at most every {@link REFRESH_EVERY_MS}). */
  refresh(): void;
  /** An open shadow root was found and will be read: watch it for changes. */
  shadowRootFound(shadowRoot: ShadowRoot): void;
}

/** Reads roots of the page, and the open shadow roots inside them, into the mention index. */
export class PageReader {
  /** The open shadow roots found so far (each is read once, then kept up with through its changes). */
  readonly shadowRoots = new Set<ShadowRoot>();

  readonly #options: PageReaderOptions;

  constructor(options: PageReaderOptions) {
    this.#options = options;
  }

  /**
   * Read `roots` and the open shadow roots inside them, in slices; resolves to the time spent working.
   * `rescanning`: the roots may hold text nodes indexed before, whose mentions must be replaced (or
   * dropped) rather than added to.
   */
  async read(
    roots: readonly Node[],
    rescanning: boolean,
    matching: Matching,
    exclusions = new ExclusionCache(isOwnElement),
  ): Promise<number> {
    const { index, slices } = this.#options;
    const minLength = 1;
    const tasks: ScanTask[] = roots.map((root) => ({ kind: 'text', walk: new TextWalk(root, minLength), restarts: 0 }));
    // Shadow roots are looked for after all the text of the light DOM is marked: finding them visits
    // every element, which costs about as much again as the text walk.
    for (const root of roots) {
      if (root.nodeType !== Node.TEXT_NODE)
        tasks.push({ kind: 'shadows', search: openShadowRoots(root, isOwnElement) });
    }
    let replacing = rescanning;
    const firstRoot = rescanning || index.size > 0 ? null : roots[0];
    // Chunks start small and grow: the first ones run on cold code, and a slice can only end between chunks.
    let limits = FIRST_CHUNK_LIMITS;
    // Marks are brought up to date as the scan goes, but not after every slice: that is linear in the
    // mentions found so far, and a page with 50,000 mentions would pay it hundreds of times. A refresh
    // that is due is the first step of the next slice, so it counts against that slice's time: on such a
    // page it takes 20–30 ms, and run after a slice of reading it would double the page's wait.
    let lastRefresh = slices.now();
    let refreshDue = false;
    const step = (): boolean => {
      if (refreshDue) {
        refreshDue = false;
        this.#options.refresh();
        lastRefresh = slices.now();
        return true;
      }
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
        if (chunk) this.#readChunk(chunk, matching, replacing, exclusions, !replacing && task.walk.root === firstRoot);
        if (task.walk.done) tasks.shift();
        return tasks.length > 0;
      }
      const found = task.search.next();
      if (found.done) tasks.shift();
      else if (found.value) this.#adoptShadowRoot(found.value, tasks, exclusions);
      return tasks.length > 0;
    };
    const { busyMs } = await runInSlices(step, slices, () => {
      refreshDue ||= slices.now() - lastRefresh >= REFRESH_EVERY_MS;
    });
    this.#options.refresh();
    return busyMs;
  }

  /** A shadow root found: watch it, and read it (and look for shadow roots in it). */
  #adoptShadowRoot(shadowRoot: ShadowRoot, tasks: ScanTask[], exclusions: ExclusionCache): void {
    if (this.shadowRoots.has(shadowRoot) || exclusions.excludes(shadowRoot.host)) return;
    this.shadowRoots.add(shadowRoot);
    this.#options.shadowRootFound(shadowRoot);
    tasks.push(
      { kind: 'text', walk: new TextWalk(shadowRoot), restarts: 0 },
      { kind: 'shadows', search: openShadowRoots(shadowRoot, isOwnElement) },
    );
  }

  /** Find the mentions in one chunk of text nodes and index them. */
  #readChunk(
    chunk: TextChunk,
    matching: Matching,
    replacing: boolean,
    exclusions: ExclusionCache,
    inOrder: boolean,
  ): void {
    const { index } = this.#options;
    const found = byNode(matching.findMentions(chunk, exclusions));
    if (replacing) {
      // Nodes read again that no longer hold a mention lose their old ones.
      const holding = new Set(found.map((group) => group.node));
      for (const node of chunk.nodes) {
        if (!holding.has(node)) for (const entry of index.remove(node)) this.#options.unindexed(entry);
      }
    }
    for (const { node, mentions } of found) {
      const entries = mentions.map(({ start, end, decision }): MentionEntry => ({
        node,
        start,
        end,
        entityId: decision.kind === 'mention' ? decision.senses[0]!.entityId : '',
        decision,
      }));
      for (const entry of index.replace(node, entries, inOrder)) this.#options.unindexed(entry);
    }
  }
}

/**
 * Decided names grouped by text node, in page order, keeping only those that
 * can be marked: a name inside a longer name, or one left with no entity,
 * never is (the page's {@link PageNames} has noted what it tells).
 */
function byNode(decided: readonly DecidedMention[]): { node: Text; mentions: DecidedMention[] }[] {
  const grouped: { node: Text; mentions: DecidedMention[] }[] = [];
  for (const mention of decided) {
    if (mention.decision.kind !== 'mention' || mention.decision.senses.length === 0) continue;
    const last = grouped[grouped.length - 1];
    if (last?.node === mention.node) last.mentions.push(mention);
    else grouped.push({ node: mention.node, mentions: [mention] });
  }
  return grouped;
}
