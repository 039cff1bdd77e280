/**
 * The context of each found name on a page (issue #12): what the page layer
 * reads around it for the pure decisions of `match/decide.ts`, from the DOM,
 * only for the names found, so a page that names nothing pays nothing: the
 * inline run either side (up to link and block edges), whether it stands in
 * a heading, and the words within a window either side and the page title,
 * where context words count. This replaced a page-wide rule under which one
 * context word anywhere on the page let every mention of an ambiguous name
 * count (chipmaker Credo and the CREDO Action group on one page were both
 * marked). Also where decided mentions are resolved against the page.
 */
import { standsInProse } from '../match/name-words';
import { adjoin, decideMention, type MentionDecision, type PageNames, type Surroundings } from '../match/decide';
import type { Matcher } from '../match/matcher';
import type { ExclusionCache } from './exclusions';
import type { MentionEntry } from './mention-index';
import { locateMentions, type TextChunk } from './scanner';

/**
 * Elements whose text runs on with the text around them: a name split over
 * them is still one name ("<b>Melinda</b> French Gates"). Every other
 * element (blocks, links, line breaks, table cells, custom elements) parts
 * runs: a menu of links "Amazon Microsoft Technology" is three names.
 */
const INLINE_TAGS: ReadonlySet<string> = new Set([
  'span',
  'b',
  'strong',
  'i',
  'em',
  'u',
  's',
  'small',
  'big',
  'mark',
  'abbr',
  'cite',
  'q',
  'time',
  'font',
  'sup',
  'sub',
  'var',
  'kbd',
  'bdi',
  'bdo',
  'data',
  'dfn',
  'ins',
  'del',
  'label',
  'tt',
  'nobr',
]);

/** Elements whose text is no prose: skipped when collecting the words around a mention. */
const NO_PROSE_TAGS: ReadonlySet<string> = new Set(['script', 'style', 'noscript', 'template']);

/** Headings: Title Case is to be expected in them. */
const HEADING_SELECTOR = 'h1,h2,h3,h4,h5,h6,[role="heading"]';

/** How many characters of the run either side of a mention the name rules read. */
const RUN_REACH = 48;

/** How many characters of prose either side of a mention, in reading order, count for context words. */
export const CONTEXT_WINDOW = 300;

function isInline(node: Node): boolean {
  return node.nodeType !== 1 || INLINE_TAGS.has((node as Element).localName);
}

/** The deepest first (or last) descendant of `node` reached through inline elements only, or null at a boundary. */
function inlineEdge(node: Node, last: boolean): Node | null {
  let current = node;
  for (;;) {
    if (!isInline(current)) return null;
    const child = last ? current.lastChild : current.firstChild;
    if (!child) return current;
    current = child;
  }
}

/**
 * Up to `reach` characters of text next to `node` in its inline run, nearest
 * first when read in document order: before it (`backwards`) or after it.
 * Stops at the first element that parts runs.
 */
function runText(node: Text, backwards: boolean, reach: number): string {
  let collected = '';
  let current: Node = node;
  while (collected.length < reach) {
    let sibling = backwards ? current.previousSibling : current.nextSibling;
    while (!sibling) {
      const parent = current.parentNode;
      if (!parent || parent.nodeType !== 1 || !isInline(parent)) return collected;
      current = parent;
      sibling = backwards ? current.previousSibling : current.nextSibling;
    }
    const edge = inlineEdge(sibling, backwards);
    if (!edge) return collected;
    current = edge;
    if (edge.nodeType === 3) {
      const data = (edge as Text).data;
      collected = backwards ? data + collected : collected + data;
    }
  }
  return backwards ? collected.slice(-reach) : collected.slice(0, reach);
}

/**
 * Up to `reach` characters of prose before (`backwards`) or after `node` in
 * reading order, within its tree, text nodes joined by spaces.
 */
function windowText(node: Text, backwards: boolean, reach: number): string {
  const root = node.getRootNode();
  // The document's head holds the title (given apart) and no prose.
  const walker = node.ownerDocument.createTreeWalker(
    root === node.ownerDocument ? (node.ownerDocument.body ?? root) : root,
    NodeFilter.SHOW_TEXT,
  );
  walker.currentNode = node;
  const parts: string[] = [];
  let length = 0;
  while (length < reach) {
    const next = (backwards ? walker.previousNode() : walker.nextNode()) as Text | null;
    if (!next) break;
    if (next.parentElement && NO_PROSE_TAGS.has(next.parentElement.localName)) continue;
    parts.push(next.data);
    length += next.data.length + 1;
  }
  if (backwards) parts.reverse();
  return parts.join(' ');
}

/**
 * The surroundings of the mention at `start`–`end` of `node`, as the pure
 * decision (`decideMention`) reads them: the text of its inline run either
 * side, whether it stands in a heading, and (only when asked) the words of
 * the words within {@link CONTEXT_WINDOW} characters either side and the page title.
 * Reads a few neighbouring nodes; the page's DOM is not changed.
 */
export function surroundingsOf(
  node: Text,
  start: number,
  end: number,
  document: Document,
  sides: Pick<Surroundings, 'nameBefore' | 'nameAfter'> = {},
): Surroundings {
  const data = node.data;
  const before =
    start >= RUN_REACH
      ? data.slice(start - RUN_REACH, start)
      : runText(node, true, RUN_REACH - start) + data.slice(0, start);
  const afterInNode = data.slice(end, end + RUN_REACH);
  const after =
    afterInNode.length >= RUN_REACH ? afterInNode : afterInNode + runText(node, false, RUN_REACH - afterInNode.length);
  let heading: boolean | undefined;
  return {
    before,
    after,
    ...sides,
    // Read only when a decision needs it (a capitalised word beside the name): most never do.
    get heading() {
      return (heading ??= node.parentElement?.closest(HEADING_SELECTOR) != null);
    },
    nearby() {
      const own = data.slice(Math.max(0, start - CONTEXT_WINDOW), end + CONTEXT_WINDOW);
      const earlier = start < CONTEXT_WINDOW ? windowText(node, true, CONTEXT_WINDOW - start) : '';
      const laterReach = CONTEXT_WINDOW - (data.length - end);
      const later = laterReach > 0 ? windowText(node, false, laterReach) : '';
      return `${document.title}\n${earlier} ${own} ${later}`;
    },
  };
}

/** A found name in a text node, with its decision. */
export interface DecidedMention {
  node: Text;
  /** UTF-16 offsets in `node.data`, `end` exclusive. */
  start: number;
  end: number;
  decision: MentionDecision;
}

/**
 * The names found in a chunk, decided one by one (text nodes in excluded
 * places left out), and noted in `names`. What the annotator and the eval
 * runner (`scripts/eval-marks.ts`) both call, so Node and the browser decide alike.
 */
export function decideChunk(
  chunk: TextChunk,
  matcher: Pick<Matcher, 'findCandidates' | 'entitiesWithContext'>,
  exclusions: ExclusionCache,
  names: PageNames,
  document: Document,
): DecidedMention[] {
  const candidates = matcher.findCandidates(chunk.text);
  if (candidates.length === 0) return [];
  // `locateMentions` carries an entity id through; the candidate's index stands in for it here.
  const located = locateMentions(
    chunk,
    candidates.map((candidate, index) => ({ start: candidate.start, end: candidate.end, entityId: String(index) })),
  );
  const decided: DecidedMention[] = [];
  const contextOf = (text: string) => matcher.entitiesWithContext(text);
  const text = chunk.text;
  // Two found names with only spaces between them are side by side ("Google Stadia"); node separators
  // count as spaces, so names split over inline elements are seen too.
  const adjoins = (left: number, right: number) => adjoin(text, candidates, left, right);
  for (const { nodeIndex, start, end, entityId } of located) {
    const node = chunk.nodes[nodeIndex]!;
    const index = Number(entityId);
    const { senses, commonWord } = candidates[index]!;
    // A word the page was seen using in lower case tells nothing new: most pages repeat theirs.
    if (commonWord !== undefined && names.knowsCommonWord(commonWord)) continue;
    if (exclusions.excludesText(node)) continue;
    if (commonWord !== undefined) {
      // Only a word amid lower-case prose shows the page uses it as a word: icon labels and tags
      // ("twitter instagram") are names in lower case.
      const prose =
        !adjoins(index - 1, index) &&
        !adjoins(index, index + 1) &&
        standsInProse(node.data.slice(Math.max(0, start - RUN_REACH), start), node.data.slice(end, end + RUN_REACH));
      if (prose) names.noteCommonWord(commonWord);
      continue;
    }
    const around = surroundingsOf(node, start, end, document, {
      nameBefore: adjoins(index - 1, index),
      nameAfter: adjoins(index, index + 1),
    });
    const decision = decideMention(node.data.slice(start, end), senses, around, contextOf);
    names.note(decision);
    decided.push({ node, start, end, decision });
  }
  return decided;
}

/**
 * Resolves the decided mentions in `entries` against what the page has said
 * (`PageNames.resolve`): sets each one's {@link MentionEntry.offered}
 * entities (muted ones left out: *Not this* mutes one entity, and a shared
 * name still offers the others) and its `entityId` to the first of them.
 * Returns the entries that offer any, in order: the ones that may be marked.
 */
export function resolveMentions(
  entries: readonly MentionEntry[],
  names: PageNames,
  muted: ReadonlySet<string>,
): MentionEntry[] {
  const offering: MentionEntry[] = [];
  for (const entry of entries) {
    if (!entry.decision) {
      if (!muted.has(entry.entityId)) offering.push(entry);
      continue;
    }
    const resolved = names.resolve(entry.decision);
    const offered = muted.size === 0 ? resolved : resolved.filter((entityId) => !muted.has(entityId));
    entry.offered = offered;
    if (offered.length === 0) continue;
    entry.entityId = offered[0]!;
    offering.push(entry);
  }
  return offering;
}
