/**
 * "Add this page": the main article of a page, found with Mozilla's
 * Readability (Firefox's Reader View) and turned into plain paragraphs.
 *
 * This runs inside the page's tab, injected on demand by
 * `entrypoints/extract.ts`; it is never part of the content script, which
 * stays small on every page. It takes the document as a parameter so unit
 * tests give it a fixture.
 */
import { Readability } from '@mozilla/readability';
import type { ExtractedPage } from './schema';

/** Elements whose text is one paragraph of the article. */
const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, dt, dd';

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The paragraphs of an HTML fragment, separated by blank lines. The fragment
 * is parsed into a document of its own that has no window: nothing in it
 * loads or runs.
 */
export function paragraphsOf(html: string, inert: Document): string {
  const container = inert.createElement('div');
  container.innerHTML = html;
  const blocks = [...container.querySelectorAll(BLOCKS)].filter(
    // A paragraph inside a list item or a quote is read with its parent, once.
    (element) => !element.parentElement?.closest(BLOCKS),
  );
  const paragraphs = (blocks.length ? blocks.map((block) => block.textContent ?? '') : [container.textContent ?? ''])
    .map(collapse)
    .filter(Boolean);
  return paragraphs.join('\n\n');
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

function jsonLdDate(document: Document): string | null {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    const found = /"datePublished"\s*:\s*"([^"]+)"/.exec(script.textContent ?? '');
    if (found) return found[1]!;
  }
  return null;
}

/** When the page says it was published, as `YYYY-MM-DD`, or null. */
export function publishedDateOf(document: Document, readabilityTime?: string | null): string | null {
  const candidates = [
    readabilityTime,
    ...DATE_META.map((selector) => document.querySelector(selector)?.getAttribute('content')),
    jsonLdDate(document),
    document.querySelector('article time[datetime], time[datetime]')?.getAttribute('datetime'),
  ];
  for (const candidate of candidates) {
    const date = calendarDateOf(candidate);
    if (date) return date;
  }
  return null;
}

/**
 * Readability leaves the byline line ("By Priya Castellanos · 20 October
 * 2025") in the text when the page's metadata already named the author; it is
 * not part of the story, so a short opening paragraph that names the byline goes.
 */
export function withoutBylineLine(text: string, byline: string | null): string {
  if (!byline) return text;
  const [first, ...rest] = text.split('\n\n');
  const isByline = first !== undefined && first.length < 160 && /^by\s/i.test(first) && first.includes(byline);
  return isByline ? rest.join('\n\n') : text;
}

/** The page's main article as plain text, with what is known about it. */
export function extractArticle(document: Document): ExtractedPage {
  const url = document.location?.href.replace(/#.*$/, '') ?? '';
  // Readability rearranges the document it reads, so it reads a copy.
  const article = new Readability(document.cloneNode(true) as Document).parse();
  const inert = document.implementation.createHTMLDocument('');
  const meta = (selector: string) => document.querySelector(selector)?.getAttribute('content')?.trim() || null;

  const byline = article?.byline ? collapse(article.byline.replace(/^by\s+/i, '')) : meta('meta[name="author"]');
  const text = withoutBylineLine(
    article?.content ? paragraphsOf(article.content, inert) : paragraphsOf(document.body?.innerHTML ?? '', inert),
    byline,
  );
  return {
    title: collapse(article?.title || meta('meta[property="og:title"]') || document.title || ''),
    byline,
    siteName: article?.siteName ? collapse(article.siteName) : meta('meta[property="og:site_name"]'),
    text,
    url,
    publishedDate: publishedDateOf(document, article?.publishedTime),
  };
}
