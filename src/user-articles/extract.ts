/**
 * "Add this page": the main article of a page as plain paragraphs, with its title, author, site and
 * publication date.
 *
 * This runs inside the page's tab, injected on demand by `entrypoints/extract.ts`; it is never part of
 * the content script, which stays small on every page. It only reads: text comes from text nodes, the
 * page is not changed, cloned or re-parsed, and no markup is ever assigned anywhere, so nothing the page
 * wrote can run or load through it (and the Firefox package lints clean, issue 6). It takes the document
 * as a parameter so unit tests give it a fixture or a saved real page.
 *
 * How the article is found, the idea behind Firefox's Reader View written afresh for Factlens: the page's
 * visible text is cut into paragraphs; each paragraph of some length gives points to the elements around
 * it, most to its parent and less the further up; the element with most points, discounted by the share
 * of its text that is links, holds the article, together with neighbours that score almost as well.
 * Navigation, asides, footers, forms' controls, hidden elements and elements whose class or id says they
 * are clutter (comments, sharing, newsletter boxes, related links) are never read.
 */
import type { ExtractedPage } from './schema';

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

/** Words of a class or id (split at punctuation and case changes) that mark page furniture. */
const CLUTTER_WORDS =
  /^(?:ad|ads|advert|adverts|advertisement|banner|breadcrumbs?|comments?|cookies?|consent|disqus|footer|masthead|menu|nav|navbar|navigation|newsletter|outbrain|pagination|pager|popup|promo|promos|promoted|related|share|sharing|shares|sidebar|social|sponsor|sponsored|subscribe|subscription|taboola|toolbar|widget|widgets)$/;

/** Words in a class or id that mark the article. */
const CONTENT_WORDS = /^(?:article|articlebody|body|content|entry|main|post|story|storybody|text|prose|blog)$/;

/** Words in a class or id that mark the author's line. */
const BYLINE_WORDS = /^(?:byline|author|authors|dateline|writtenby)$/;

/** Comma-like marks of Latin, Arabic and CJK text: a paragraph of prose has some. */
const COMMAS = /[,\u060c\uff0c\u3001\ufe50\ufe10\ufe11]/g;

/** Paragraphs shorter than this give no points: captions, labels, buttons. */
const MIN_SCORED_CHARS = 25;

/** An article shorter than this was probably not found: look again without trusting class names. */
const MIN_ARTICLE_CHARS = 500;

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function nameWords(element: Element): string[] {
  const names = `${element.getAttribute('class') ?? ''} ${element.id}`;
  // `related-links`, `article__body`, `shareTools`: split on punctuation and on lower-to-upper case changes.
  return names
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

function hasWord(element: Element, words: RegExp): boolean {
  return nameWords(element).some((word) => words.test(word));
}

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
  // the whole page).
  return (
    trustNames &&
    hasWord(element, CLUTTER_WORDS) &&
    element.localName !== 'main' &&
    element.querySelector(MAIN_CONTENT) === null
  );
}

/** Elements marked as the author in the page's metadata. */
const AUTHOR_MARKED = '[itemprop~="author"], [rel~="author"]';

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
        : 1 + (block.text.match(COMMAS)?.length ?? 0) + Math.min(Math.floor(block.text.length / 100), 3);
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

/** The article's paragraphs as found under one reading of the page. */
function articleParagraphs(body: Element, title: string, trustNames: boolean): string[] {
  const page = new PageReader(trustNames);
  page.walk(body);
  const roots = articleRoots(page.blocks, page.wholeBlocks, trustNames, body);
  const kept = page.blocks
    .filter((block) => roots.some((root) => root.contains(block.node)))
    // Lists of links inside the article (related stories, tags, "read more") are not its text.
    .filter((block) => block.linkChars / block.text.length <= 0.75)
    .filter((block) => !repeatsTitle(block, title) && !isStrayLine(block));
  // Headings with nothing after them ("Related", "More") introduced what was left out.
  while (kept.length && /^h[1-6]$/.test(kept[kept.length - 1]!.node.localName)) kept.pop();
  return kept.map((block) => block.text);
}

/** The article's paragraphs. */
function findArticle(document: Document, title: string): string[] {
  const body = document.body;
  if (!body) return [];
  const trusting = articleParagraphs(body, title, true);
  const length = (paragraphs: string[]) => paragraphs.reduce((sum, paragraph) => sum + paragraph.length, 0);
  if (length(trusting) >= MIN_ARTICLE_CHARS) return trusting;
  // Class names can mislead (a whole page called `site-content sidebar-layout`): read again without them, and
  // take that reading when the names had hidden most of the text.
  const plain = articleParagraphs(body, title, false);
  return length(plain) >= 2 * length(trusting) ? plain : trusting;
}

/** Objects of the page's JSON-LD (schema.org) metadata, flattened out of arrays and `@graph`s. */
function jsonLdObjects(document: Document): Record<string, unknown>[] {
  const objects: Record<string, unknown>[] = [];
  const visit = (value: unknown, depth: number) => {
    if (depth > 4 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) return value.forEach((item) => visit(item, depth + 1));
    const object = value as Record<string, unknown>;
    objects.push(object);
    visit(object['@graph'], depth + 1);
  };
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      // Some pages wrap it in `<![CDATA[ … ]]>` for old XHTML parsers.
      const json = (script.textContent ?? '').replace(/^\s*(?:\/\/\s*)?<!\[CDATA\[|(?:\/\/\s*)?\]\]>\s*$/g, '');
      visit(JSON.parse(json), 0);
    } catch {
      // Broken metadata is common; the page's other signals still count.
    }
  }
  return objects;
}

/** A name out of a JSON-LD value: `"Ann"`, `{ "name": "Ann" }` or a list of them. */
function jsonLdName(value: unknown): string | null {
  if (typeof value === 'string') return collapse(value) || null;
  if (Array.isArray(value)) {
    const names = value.map(jsonLdName).filter((name): name is string => name !== null);
    return names.length ? names.join(', ') : null;
  }
  if (value && typeof value === 'object') return jsonLdName((value as Record<string, unknown>).name);
  return null;
}

function firstOf<T>(values: (T | null | undefined)[]): T | null {
  return values.find((value): value is T => value !== null && value !== undefined) ?? null;
}

/** `YYYY-MM-DD` from the date formats pages use, or null. Dates with a time keep the publisher's calendar day. */
export function calendarDateOf(value: string | null | undefined): string | null {
  const text = value?.trim();
  if (!text) return null;
  const iso = /^(\d{4}-\d{2}-\d{2})(?:$|[T ])/.exec(text);
  if (iso) return iso[1]!;
  const time = Date.parse(text);
  if (Number.isNaN(time)) return null;
  const date = new Date(time);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

const DATE_META = [
  'meta[property="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="date"]',
  'meta[name="pubdate"]',
  'meta[name="publishdate"]',
  'meta[name="DC.date.issued"]',
  'meta[name="dc.date"]',
  'meta[name="parsely-pub-date"]',
];

/** When the page says it was published, as `YYYY-MM-DD`, or null. */
export function publishedDateOf(document: Document): string | null {
  // The JSON-LD date first: pages update `article:published_time` on edits more often than their schema.org data.
  const candidates = [
    ...jsonLdObjects(document).map((object) =>
      typeof object.datePublished === 'string' ? object.datePublished : null,
    ),
    ...DATE_META.map((selector) => document.querySelector(selector)?.getAttribute('content')),
    document.querySelector('article time[datetime], time[datetime]')?.getAttribute('datetime'),
  ];
  for (const candidate of candidates) {
    const date = calendarDateOf(candidate);
    if (date) return date;
  }
  return null;
}

/** Separators between a headline and the site's or section's name in a page title. */
const TITLE_SEPARATOR = /\s+[|\-\u2013\u2014\u00b7\u00bb/]\s+|\s+::\s+|_/;

const SEPARATOR_FIRST = new RegExp(`^(?:${TITLE_SEPARATOR.source})`);
const SEPARATOR_LAST = new RegExp(`(?:${TITLE_SEPARATOR.source})$`);

function hasCjk(text: string): boolean {
  return /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/.test(text);
}

/**
 * The headline out of a page's title: without the site's name, section or author the title adds
 * (`Headline | Site`, `Headline - Section - Site`, `标题_科技_网站`).
 *
 * @param title - the title as the page gives it (`og:title`, or `<title>` when `fromDocumentTitle`)
 * @param known - the page's headings and names, to recognise the headline and the parts that are not
 * @param fromDocumentTitle - `<title>` carries a site suffix far more often than `og:title`, so when no
 *   heading or name settles it, its first part is taken if it reads as a headline on its own.
 */
export function headlineOf(
  title: string,
  known: { headings: string[]; names: (string | null)[] },
  fromDocumentTitle: boolean,
): string {
  const full = collapse(title);
  const headings = known.headings.map(collapse).filter(Boolean);
  if (headings.includes(full)) return full;
  // `Headline | Site` where the page's heading is the headline.
  for (const heading of headings) {
    const after = full.startsWith(heading) ? full.slice(heading.length) : '';
    const before = full.endsWith(heading) ? full.slice(0, -heading.length) : '';
    if (SEPARATOR_FIRST.test(after) || SEPARATOR_LAST.test(before)) return heading;
  }
  const names = known.names.filter((name): name is string => !!name).map((name) => collapse(name).toLowerCase());
  const parts = full.split(new RegExp(`(${TITLE_SEPARATOR.source})`));
  // parts alternates text, separator, text…: drop names of the site or the author at either end.
  while (parts.length > 2 && names.includes(parts[parts.length - 1]!.trim().toLowerCase())) parts.splice(-2);
  while (parts.length > 2 && names.includes(parts[0]!.trim().toLowerCase())) parts.splice(0, 2);
  const headline = parts.join('');
  if (!fromDocumentTitle || parts.length < 3) return headline;
  const first = parts[0]!.trim();
  const readsAsHeadline = first.split(' ').length >= 3 || (hasCjk(first) && first.length >= 6);
  return readsAsHeadline ? first : headline;
}

/**
 * Readability-style pages repeat the byline at the top of the text ("By Priya Castellanos · 20 October
 * 2025") when it is not marked as one; it is not part of the story, so a short opening paragraph that
 * names the byline goes.
 */
export function withoutBylineLine(text: string, byline: string | null): string {
  if (!byline) return text;
  const [first, ...rest] = text.split('\n\n');
  const isByline = first !== undefined && first.length < 160 && /^by\s/i.test(first) && first.includes(byline);
  return isByline ? rest.join('\n\n') : text;
}

/** The author named by an author's line: its marked name, its author link, or its text without "By". */
function bylineText(element: Element): string | null {
  if (element.localName === 'meta') return collapse(element.getAttribute('content') ?? '') || null;
  const named = element.querySelector('[itemprop~="name"]') ?? element.querySelector('[rel~="author"]');
  const text = collapse((named ?? element).textContent ?? '').replace(/^by\s+/i, '');
  return text.length > 0 && text.length < 100 ? text : null;
}

/** The author as the page's markup marks them: schema.org `author`, an author link, a `byline` element. */
function markedByline(document: Document): string | null {
  const body = document.body;
  if (!body) return null;
  const marked = [...document.querySelectorAll(AUTHOR_MARKED)];
  const named = [...body.querySelectorAll('[class], [id]')].filter((element) => hasWord(element, BYLINE_WORDS));
  for (const element of [...marked, ...named]) {
    // An author link in the navigation or a footer is not this article's author.
    if (element.localName !== 'meta' && element.closest('nav, footer, aside, [hidden], [aria-hidden="true"]')) continue;
    const text = bylineText(element);
    if (text) return text;
  }
  return null;
}

/** The page's main article as plain text, with what is known about it. */
export function extractArticle(document: Document): ExtractedPage {
  const url = document.location?.href.replace(/#.*$/, '') ?? '';
  const meta = (selector: string) => collapse(document.querySelector(selector)?.getAttribute('content') ?? '') || null;
  const notAddress = (value: string | null) => (value && !/^https?:\/\//i.test(value) ? value : null);
  const linkedData = jsonLdObjects(document);

  const siteName = firstOf([
    meta('meta[property="og:site_name"]'),
    ...linkedData.map((object) => jsonLdName(object.publisher)),
  ]);
  const metaByline = firstOf([
    notAddress(meta('meta[name="author"]')),
    ...linkedData.map((object) => notAddress(jsonLdName(object.author))),
  ]);
  const headings = [...document.querySelectorAll('h1')].map((heading) => heading.textContent ?? '');
  const metaTitle = firstOf([meta('meta[property="og:title"]'), meta('meta[name="twitter:title"]')]);
  const names = [siteName, metaByline];
  const title = metaTitle
    ? headlineOf(metaTitle, { headings, names }, false)
    : headlineOf(document.title || headings.find((heading) => collapse(heading)) || '', { headings, names }, true);

  const paragraphs = findArticle(document, title);
  // `article:author` is meant to be a profile address and is often a user name (`devindra`): the last resort.
  const byline = metaByline ?? markedByline(document) ?? notAddress(meta('meta[property="article:author"]'));
  return {
    title,
    byline,
    siteName,
    text: withoutBylineLine(paragraphs.join('\n\n'), byline),
    url,
    publishedDate: publishedDateOf(document),
  };
}
