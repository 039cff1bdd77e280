/**
 * The article's paragraphs: the idea behind Firefox's Reader View written afresh for Factlens. The page's
 * visible text is cut into paragraphs; each paragraph of some length gives points to the elements around it,
 * most to its parent and less the further up; the element with most points, discounted by the share of its
 * text that is links, holds the article, together with neighbours that score almost as well. Navigation,
 * asides, footers, forms' controls, hidden elements and elements whose class or id says they are clutter
 * (comments, sharing, newsletter boxes, related links) are never read.
 *
 * It only reads: text comes from text nodes; nothing is cloned, changed or parsed again.
 */
import { AUTHOR_MARKED, BYLINE_WORDS, collapse, hasWord, nameWords } from './names';

/** A paragraph of the page's visible text and where it sits. */
interface Block {
  /** Its text, white space collapsed. */
  text: string;
  /** How many of its characters are inside links. */
  linkChars: number;
  /** The element that is the paragraph, or, for loose text among other blocks, the element holding it. */
  node: Element;
  /** Whether `node` is the paragraph itself (not only the element around loose text). */
  whole: boolean;
  /** The first element that gets points for it. */
  scoredParent: Element | null;
}

/** An element that holds paragraphs, and its points. */
interface Candidate {
  element: Element;
  score: number;
  textChars: number;
  linkChars: number;
}

/** Elements never read: not text, not visible as text, or not the article. */
const SKIPPED = new Set(
  (
    'script style noscript template head title meta link svg canvas iframe frame object embed video audio picture ' +
    'map select option datalist button input textarea nav aside footer header dialog menu ' +
    // Captions describe pictures the extracted text will not have.
    'figcaption'
  ).split(' '),
);

/** ARIA roles of page furniture. */
const SKIPPED_ROLES = new Set(
  'navigation complementary contentinfo banner search menu menubar toolbar dialog alertdialog alert'.split(' '),
);

/** Elements that flow inside a line of text. */
const INLINE = new Set(
  (
    'a abbr acronym b bdi bdo big br cite code data del dfn em font i img ins kbd label mark math q ' +
    'rb rp rt ruby s samp small span strike strong sub sup time tt u var wbr'
  ).split(' '),
);

/** Elements whose whole text is one paragraph. */
const PARAGRAPH = new Set('p pre blockquote li h1 h2 h3 h4 h5 h6 dt dd address caption'.split(' '));

/** Inside an inline element or a table row, these make it a container rather than a line of text. */
const STRUCTURE = 'p, div, section, article, main, table, ul, ol, dl, li, blockquote, pre, h1, h2, h3, h4, h5, h6';

/** Elements that say they hold the page's main content. */
const MAIN_CONTENT = 'article, main, [role="main"], [itemprop~="articleBody"]';

/**
 * Words of a class or id (split at punctuation and case changes) that mark page furniture. Captions are left out
 * wherever they are written, as `<figcaption>` is: a gallery repeats each in its slide and its full view.
 */
const CLUTTER_WORDS =
  /^(?:ad|ads|advert|adverts|advertisement|banner|breadcrumbs?|captions?|comments?|cookies?|consent|disqus|footer|masthead|menu|nav|navbar|navigation|newsletter|outbrain|pagination|pager|popup|promo|promos|promoted|related|share|sharing|shares|sidebar|social|sponsor|sponsored|subscribe|subscription|taboola|toolbar|widget|widgets)$/;

/**
 * Clutter words that name a place in the layout rather than a kind of content: an element also named as the
 * article's content (`article-body pagination-first`, `contentWithSidebar`) is the content placed there.
 */
const LAYOUT_WORDS =
  /^(?:banner|breadcrumbs?|footer|masthead|menu|nav|navbar|navigation|pagination|pager|sidebar|toolbar|widget|widgets)$/;

/** Whether the element's name marks it as clutter, and not as content placed in a clutter-named part of the layout. */
function isClutterByName(element: Element): boolean {
  const words = nameWords(element);
  if (!words.some((word) => CLUTTER_WORDS.test(word))) return false;
  const content = words.some((word) => CONTENT_WORDS.test(word));
  return !content || words.some((word) => CLUTTER_WORDS.test(word) && !LAYOUT_WORDS.test(word));
}

/** Words in a class or id that mark the article. */
const CONTENT_WORDS = /^(?:article|articlebody|body|content|entry|main|post|story|storybody|text|prose|blog)$/;

/** Comma-like marks of Latin, Arabic and CJK text: a paragraph of prose has some. */
const COMMAS = /[,\u060c\uff0c\u3001\ufe50\ufe10\ufe11]/g;

/** Paragraphs shorter than this give no points: captions, labels, buttons. */
const MIN_SCORED_CHARS = 25;

/**
 * Points a list item gives, as a share of a paragraph's: lists of teasers (related stories, a stream of other
 * articles) hold many items of prose-like text without being the article, and an article is seldom a list alone.
 */
const LIST_ITEM_SHARE = 0.5;

/** An article shorter than this was probably not found: look again without trusting class names. */
const MIN_ARTICLE_CHARS = 500;

/** Whether the page hides the element, as far as its markup says (layout is not consulted). */
function isHidden(element: Element): boolean {
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  const style = element.getAttribute('style');
  return style !== null && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

/** Whether the element and everything in it is left unread. */
function isSkipped(element: Element, trustNames: boolean): boolean {
  if (SKIPPED.has(element.localName) || isHidden(element)) return true;
  const role = element.getAttribute('role');
  if (role && SKIPPED_ROLES.has(role)) return true;
  // Clutter by name, unless the element is or holds the page's main content (a `nav-drawer` wrapper around
  // the whole page), or its name also says it is content (`article-body pagination-first`, `contentWithSidebar`):
  // those are scored down by name instead.
  return (
    trustNames &&
    isClutterByName(element) &&
    !isInRunningText(element) &&
    !element.matches(MAIN_CONTENT) &&
    element.querySelector(MAIN_CONTENT) === null
  );
}

/** Elements that sit inside a line of text. */
const PHRASING = new Set('a span em strong b i u abbr cite q small mark dfn'.split(' '));
/** Letters of its own that make a paragraph running text around a phrase in it. */
const RUNNING_TEXT_CHARS = 20;

/**
 * Whether the element is a phrase inside a sentence, its parent's own text around it: "The nature of my <a
 * class="popup">avocations</a> for the last thirty years" keeps its word whatever the link's class says.
 */
function isInRunningText(element: Element): boolean {
  if (!PHRASING.has(element.localName)) return false;
  const parent = element.parentElement;
  if (!parent) return false;
  let own = 0;
  for (const node of parent.childNodes)
    if (node.nodeType === 3) own += (node.textContent ?? '').replace(/\s+/gu, '').length;
  return own >= RUNNING_TEXT_CHARS;
}

/** Whether the element is named or marked as the author's line. */
function isBylineElement(element: Element): boolean {
  return element.matches(AUTHOR_MARKED) || hasWord(element, BYLINE_WORDS);
}

/** Whether a paragraph is the author's line ("By Ann Lee · 4 May 2015"), which the form does not want as text. */
function isBylineBlock(element: Element, text: string): boolean {
  return text.length < 160 && (isBylineElement(element) || element.querySelector(AUTHOR_MARKED) !== null);
}

function isInline(node: Node): boolean {
  if (node.nodeType === node.TEXT_NODE) return true;
  if (node.nodeType !== node.ELEMENT_NODE) return false;
  const element = node as Element;
  if (!INLINE.has(element.localName)) return false;
  // `<a><div>card</div></a>`: a link holding blocks is laid out as a block.
  return element.firstElementChild === null || element.querySelector(STRUCTURE) === null;
}

function isParagraph(element: Element): boolean {
  if (PARAGRAPH.has(element.localName)) return true;
  // A table row of plain cells reads as one line; a layout table's rows hold the page and are walked into.
  return element.localName === 'tr' && element.querySelector(STRUCTURE) === null;
}

/** Reads the visible text of nodes, with the share of it in links. */
class TextReader {
  text = '';
  linkChars = 0;

  constructor(private readonly trustNames: boolean) {}

  read(node: Node, inLink = false): void {
    if (node.nodeType === node.TEXT_NODE) {
      const value = node.nodeValue ?? '';
      this.text += value;
      if (inLink) this.linkChars += collapse(value).length;
      return;
    }
    if (node.nodeType !== node.ELEMENT_NODE) return;
    const element = node as Element;
    if (isSkipped(element, this.trustNames)) return;
    const inline = INLINE.has(element.localName) && element.localName !== 'br';
    // Cells, line breaks and blocks separate words even when the markup has no space between them.
    if (!inline) this.text += ' ';
    const link = inLink || element.localName === 'a';
    for (let child = element.firstChild; child; child = child.nextSibling) this.read(child, link);
    if (!inline) this.text += ' ';
  }
}

/** Cuts the visible text under `root` into blocks, in document order, and notes the author's line. */
class PageReader {
  readonly blocks: Block[] = [];
  readonly wholeBlocks = new Map<Element, Block>();

  constructor(private readonly trustNames: boolean) {}

  private add(nodes: Node[], node: Element, whole: boolean): void {
    const reader = new TextReader(this.trustNames);
    for (const part of nodes) reader.read(part);
    const text = collapse(reader.text);
    if (!text) return;
    if (whole && isBylineBlock(node, text)) return;
    const block: Block = {
      text,
      linkChars: Math.min(reader.linkChars, text.length),
      node,
      whole,
      scoredParent: whole ? node.parentElement : node,
    };
    this.blocks.push(block);
    if (whole) this.wholeBlocks.set(node, block);
  }

  walk(container: Element): void {
    const children = [...container.childNodes];
    const visible = children.filter(
      (child) => child.nodeType !== child.ELEMENT_NODE || !isSkipped(child as Element, this.trustNames),
    );
    if (visible.every(isInline)) {
      this.add(visible, container, true);
      return;
    }
    let line: Node[] = [];
    const endLine = () => {
      if (line.length) this.add(line, container, false);
      line = [];
    };
    for (const child of visible) {
      if (isInline(child)) {
        line.push(child);
        continue;
      }
      endLine();
      if (child.nodeType !== child.ELEMENT_NODE) continue;
      const element = child as Element;
      if (isParagraph(element)) this.add([element], element, true);
      else this.walk(element);
    }
    endLine();
  }
}

/**
 * Points an element starts with for what it is: a `<div>` or `<article>` usually holds prose, a list or a
 * heading seldom does. The weights are those Reader View's scoring has long used.
 */
const TAG_POINTS: Record<string, number> = {
  ...Object.fromEntries('div article main'.split(' ').map((tag) => [tag, 5])),
  ...Object.fromEntries('pre td blockquote'.split(' ').map((tag) => [tag, 3])),
  ...Object.fromEntries('address ol ul dl dd dt li form'.split(' ').map((tag) => [tag, -3])),
  ...Object.fromEntries('th h1 h2 h3 h4 h5 h6'.split(' ').map((tag) => [tag, -5])),
};

/** Points an element starts with for what it is and what it is called. */
function initialScore(element: Element, trustNames: boolean): number {
  let score = TAG_POINTS[element.localName] ?? 0;
  if (element.getAttribute('itemprop')?.includes('articleBody')) score += 25;
  if (trustNames) {
    if (hasWord(element, CONTENT_WORDS)) score += 25;
    if (hasWord(element, CLUTTER_WORDS)) score -= 25;
  }
  return score;
}

function linkDensity(candidate: { textChars: number; linkChars: number }): number {
  return candidate.textChars ? candidate.linkChars / candidate.textChars : 0;
}

/** The elements each paragraph gives points to, with their points and text totals. */
function scoreCandidates(blocks: Block[], trustNames: boolean): Map<Element, Candidate> {
  const candidates = new Map<Element, Candidate>();
  const candidate = (element: Element) => {
    let found = candidates.get(element);
    if (!found) {
      found = { element, score: initialScore(element, trustNames), textChars: 0, linkChars: 0 };
      candidates.set(element, found);
    }
    return found;
  };
  for (const block of blocks) {
    const points =
      block.text.length < MIN_SCORED_CHARS
        ? 0
        : (1 + (block.text.match(COMMAS)?.length ?? 0) + Math.min(Math.floor(block.text.length / 100), 3)) *
          (block.whole && block.node.localName === 'li' ? LIST_ITEM_SHARE : 1);
    let level = 0;
    for (let element = block.scoredParent; element; element = element.parentElement, level++) {
      const entry = candidate(element);
      entry.textChars += block.text.length;
      entry.linkChars += block.linkChars;
      // Parent full points, grandparent half, then less and less, up to five levels.
      if (points && level < 5) entry.score += points / (level === 0 ? 1 : level === 1 ? 2 : level * 3);
    }
  }
  return candidates;
}

/** The elements that hold the article, in document order, or the body when no element stands out. */
function articleRoots(
  blocks: Block[],
  wholeBlocks: Map<Element, Block>,
  trustNames: boolean,
  body: Element,
): Element[] {
  const candidates = scoreCandidates(blocks, trustNames);
  const finalScore = (element: Element) => {
    const entry = candidates.get(element);
    return entry ? entry.score * (1 - linkDensity(entry)) : 0;
  };
  const ranked = [...candidates.keys()]
    .filter((element) => element !== body.parentElement)
    .sort((a, b) => finalScore(b) - finalScore(a));
  let top = ranked[0];
  // A page written straight into <body> (a specification, a plain document) has the body as its article.
  if (!top || top === body || finalScore(top) <= 0) return [body];
  const topScore = finalScore(top);

  // An article cut into sections: when several near-best candidates share an ancestor, the ancestor is the article.
  const rivals = ranked.slice(1, 5).filter((element) => finalScore(element) >= topScore * 0.75);
  if (rivals.length >= 3) {
    for (let ancestor = top.parentElement; ancestor && ancestor !== body; ancestor = ancestor.parentElement) {
      if (rivals.filter((rival) => ancestor.contains(rival)).length >= 3) {
        top = ancestor;
        break;
      }
    }
  }
  // Paragraphs spread over several tables or columns score their common ancestor less per paragraph but over
  // more of them: go up to an ancestor that outscores what is below it, while the scores on the way stay high.
  let below = finalScore(top);
  for (let ancestor = top.parentElement; ancestor && ancestor !== body; ancestor = ancestor.parentElement) {
    if (!candidates.has(ancestor)) continue;
    const score = finalScore(ancestor);
    if (score < topScore / 3) break;
    if (score > below) {
      top = ancestor;
      break;
    }
    below = score;
  }
  // Rows of a data table score its body; the table is the unit, and a list page's other tables are its siblings.
  if (/^(?:tbody|thead|tfoot)$/.test(top.localName) && top.parentElement) top = top.parentElement;
  // A wrapper with nothing else in it adds nothing but lets the article's siblings be considered.
  while (top.parentElement && top.parentElement !== body && top.parentElement.childElementCount === 1) {
    top = top.parentElement;
  }

  const parent = top.parentElement;
  if (!parent) return [top];
  const threshold = Math.max(10, finalScore(top) * 0.2);
  const topClass = top.getAttribute('class');
  return [...parent.children].filter((sibling) => {
    if (sibling === top) return true;
    const sameClass = topClass && sibling.getAttribute('class') === topClass ? finalScore(top) * 0.2 : 0;
    if (candidates.has(sibling) && finalScore(sibling) + sameClass >= threshold) return true;
    // A paragraph beside the article is part of it when it reads as prose.
    const block = wholeBlocks.get(sibling);
    if (!block || sibling.localName !== 'p') return false;
    const density = block.linkChars / block.text.length;
    return block.text.length > 80 ? density < 0.25 : density === 0 && /\.(?: |$)/.test(block.text);
  });
}

function length(paragraphs: string[]): number {
  return paragraphs.reduce((sum, paragraph) => sum + paragraph.length, 0);
}

/** Whether a heading repeats the article's title, which the form shows on its own. */
function repeatsTitle(block: Block, title: string): boolean {
  if (!block.whole || !/^h[1-3]$/.test(block.node.localName) || !title) return false;
  const heading = block.text.toLowerCase();
  const wanted = title.toLowerCase();
  return heading === wanted || (heading.length > 15 && (wanted.includes(heading) || heading.includes(wanted)));
}

/**
 * Whether a short line outside any paragraph element, not ending a sentence: a video's title, a label,
 * "Oct 15, 2015 · 18 min read". Prose written in bare `<div>`s ends its sentences and stays.
 */
function isStrayLine(block: Block): boolean {
  if (block.whole && (PARAGRAPH.has(block.node.localName) || block.node.localName === 'tr')) return false;
  return block.text.length < 80 && !/[.!?\u3002\uff01\uff1f\u2026:;"\u201d)]$/.test(block.text);
}

/** A paragraph of the article, with what the collapse check needs to know about it. */
export interface ArticleParagraph {
  text: string;
  /** How many of its characters are inside links. */
  linkChars: number;
  /** Whether it is a list item. */
  listItem: boolean;
}

/** The article as one reading of the page found it, and how much prose the page holds in all. */
export interface FoundArticle {
  paragraphs: ArticleParagraph[];
  /**
   * Characters of the page's prose paragraphs (`<p>`s of some length, mostly not links) wherever they are: what
   * the page's main content is at least, to tell an article that was cut short.
   */
  pageProseChars: number;
}

/** A paragraph of this length or more, mostly not links, counts as prose when measuring the page. */
const PROSE_PARAGRAPH_CHARS = 80;

function paragraphOf(block: Block): ArticleParagraph {
  return { text: block.text, linkChars: block.linkChars, listItem: block.whole && block.node.localName === 'li' };
}

/** The characters of the page's prose paragraphs. */
function proseChars(blocks: Block[]): number {
  return blocks
    .filter(
      (block) =>
        block.whole &&
        block.node.localName === 'p' &&
        block.text.length >= PROSE_PARAGRAPH_CHARS &&
        block.linkChars / block.text.length < 0.25,
    )
    .reduce((sum, block) => sum + block.text.length, 0);
}

/**
 * A short line that introduces other stories: "You may also be interested in…", "Other Opinion Columns",
 * "More in Milan", "Related news", "Read next". ("See also" is left alone: in reference pages it lists sources.)
 */
const TEASER_INTRO =
  /^(?:you (?:may|might) (?:also )?(?:like|enjoy|be interested)|related\b|more (?:from|in|on|about|stories|news|articles|like this)\b|other\b.{0,30}\b(?:stories|columns|articles|news|posts|reads)$|recommended\b|read (?:more|next|also)\b|most (?:read|popular|viewed|shared)\b|trending\b|also (?:read|on)\b)/i;

/** An introduction to other stories is this short. */
const TEASER_INTRO_CHARS = 60;

/**
 * The blocks before a line introducing other stories near the article's end, which ends the article: the teasers
 * after it sit in the article's own container on many sites. Only a short tail is cut (less than half as long as
 * what comes before), so a "Related" heading inside a long article does not end it early.
 */
function withoutTrailingTeasers(blocks: Block[]): Block[] {
  const total = length(blocks.map((block) => block.text));
  let before = 0;
  for (const [index, block] of blocks.entries()) {
    if (block.text.length < TEASER_INTRO_CHARS && TEASER_INTRO.test(block.text) && before > 0) {
      if (total - before < before / 2) return blocks.slice(0, index);
    }
    before += block.text.length;
  }
  return blocks;
}

/** The paragraphs of the article's blocks, without the furniture that sits inside articles. */
function keptParagraphs(blocks: Block[], title: string): ArticleParagraph[] {
  // A page of a few lines (a note, a test page) is all article: the filters below are for trimming the furniture
  // around real prose and would leave such a page empty.
  if (length(blocks.map((block) => block.text)) < MIN_ARTICLE_CHARS) {
    return blocks.filter((block) => !repeatsTitle(block, title)).map(paragraphOf);
  }
  const kept = withoutTrailingTeasers(
    // Lists of links inside the article (related stories, tags, "read more") are not its text.
    blocks.filter((block) => block.linkChars / block.text.length <= 0.75),
  ).filter((block) => !repeatsTitle(block, title) && !isStrayLine(block));
  // Headings with nothing after them ("Related", "More") introduced what was left out.
  while (kept.length && /^h[1-6]$/.test(kept[kept.length - 1]!.node.localName)) kept.pop();
  return kept.map(paragraphOf);
}

/** The article's paragraphs as found under one reading of the page. */
function articleUnder(body: Element, title: string, trustNames: boolean): FoundArticle {
  const page = new PageReader(trustNames);
  page.walk(body);
  const roots = articleRoots(page.blocks, page.wholeBlocks, trustNames, body);
  const inRoots = page.blocks.filter((block) => roots.some((root) => root.contains(block.node)));
  return { paragraphs: keptParagraphs(inRoots, title), pageProseChars: proseChars(page.blocks) };
}

/**
 * The paragraphs of an element already known to hold the article (a second opinion's pick), read and trimmed as
 * the article's own blocks are.
 */
export function paragraphsUnder(root: Element, title: string): ArticleParagraph[] {
  const page = new PageReader(false);
  page.walk(root);
  return keptParagraphs(page.blocks, title);
}

const textLength = (article: FoundArticle) => length(article.paragraphs.map((paragraph) => paragraph.text));

/** The article's paragraphs, and how much prose the page holds. */
export function findArticle(document: Document, title: string): FoundArticle {
  const body = document.body;
  if (!body) return { paragraphs: [], pageProseChars: 0 };
  const trusting = articleUnder(body, title, true);
  if (textLength(trusting) >= MIN_ARTICLE_CHARS) return trusting;
  // Class names can mislead (a whole page called `site-content sidebar-layout`): read again without them, and
  // take that reading when the names had hidden most of the text.
  const plain = articleUnder(body, title, false);
  return textLength(plain) >= 2 * textLength(trusting) ? plain : trusting;
}
