/**
 * What the page says about its article besides the text: the title, the author, the site, the publication date
 * and the canonical address, from its metadata (`<meta>`, JSON-LD, `<link rel=canonical>`) and headings.
 */
import { implausibleDateReason, isEpochDate, utcDayOf } from './dates';
import { AUTHOR_MARKED, BYLINE_WORDS, collapse, hasWord } from './names';

/** Objects of the page's JSON-LD (schema.org) metadata, flattened out of arrays and `@graph`s. */
export function jsonLdObjects(document: Document): Record<string, unknown>[] {
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
export function jsonLdName(value: unknown): string | null {
  if (typeof value === 'string') return collapse(value) || null;
  if (Array.isArray(value)) {
    const names = value.map(jsonLdName).filter((name): name is string => name !== null);
    return names.length ? names.join(', ') : null;
  }
  if (value && typeof value === 'object') return jsonLdName((value as Record<string, unknown>).name);
  return null;
}

/** The first value that is there. */
export function firstOf<T>(values: (T | null | undefined)[]): T | null {
  return values.find((value): value is T => value !== null && value !== undefined) ?? null;
}

/** `YYYY-MM-DD` from the date formats pages use, or null. Dates with a time keep the publisher's calendar day. */
export function calendarDateOf(value: string | null | undefined): string | null {
  const text = value?.trim();
  if (!text) return null;
  const iso = /^(\d{4}-\d{2}-\d{2})(?:$|[T ])/.exec(text);
  if (iso) return iso[1]!;
  // A date written out inside other words ("01:38:07 PM IST Nov 20, 2019") is read on its own.
  const written = /\b\d{1,2} [A-Z][a-z]{2,8}\.? \d{4}\b|\b[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4}\b/.exec(text)?.[0];
  // A year written with a leading zero (`Jan 1, 0001`, a placeholder) would be read as 2001 by `Date.parse`.
  if (/(?:^|[\s,/.])0\d{3}\b/.test(text)) return null;
  // The written date alone when there is one: `Date.parse` of the whole line would move a late-evening time with
  // its zone ("11:11 PM EST Nov 19, 2019") to the next day of the reader's clock.
  const time = (written && Date.parse(written.replace('.', ''))) || Date.parse(text);
  if (Number.isNaN(time)) return null;
  const date = new Date(time);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(date.getFullYear()).padStart(4, '0')}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * Metadata keys of the publication date, as `metaValues` spells them (lower-case, `.` read as `:`, each token of
 * an `itemprop` list on its own: `itemprop="datePublished dateCreated"`).
 */
const DATE_KEYS = [
  'article:published_time',
  'og:article:published_time',
  'article:published',
  'datepublished',
  'date',
  'pubdate',
  'publishdate',
  'dc:date:issued',
  'dc:date',
  'parsely-pub-date',
];

/** A JSON-LD `datePublished` read by pattern, for metadata too broken for `JSON.parse` (raw newlines, a stray comma). */
const LINKED_DATE = /"datePublished"\s*:\s*"([^"]+)"/;

/**
 * Elements that show the reader when the article was published, by a class naming a publication date (not
 * `published` alone: microformats mark any date in an infobox with it).
 */
const SHOWN_DATE = ['publish-date', 'publish_date', 'publishdate', 'published-date', 'date-published', 'pubdate']
  .map((name) => `[class*="${name}" i]`)
  .join(', ');

/**
 * When the page says it was published, as `YYYY-MM-DD`, or null. A placeholder a template left in a date field
 * (`0001-01-01`, a date years ahead) counts as no date, so the next source the page gives is read; the Unix
 * epoch (`1970-01-01`) is taken only when the page states no other date.
 *
 * @param now - the moment the page is read, to recognise dates in the future
 */
export function publishedDateOf(
  document: Document,
  metadata = metaValues(document),
  now: Date = new Date(),
): string | null {
  // The JSON-LD date first: pages update `article:published_time` on edits more often than their schema.org data.
  const candidates = [
    ...jsonLdObjects(document).map((object) =>
      typeof object.datePublished === 'string' ? object.datePublished : null,
    ),
    ...DATE_KEYS.map((key) => metadata.get(key)),
    ...[...document.querySelectorAll('script[type="application/ld+json"]')].map(
      (script) => LINKED_DATE.exec(script.textContent ?? '')?.[1],
    ),
    ...[...document.querySelectorAll('article time[datetime], time[datetime]')].map((time) =>
      time.getAttribute('datetime'),
    ),
    // Last, the line the reader sees ("Published 10:02 AM EST Nov 19, 2019"), which some templates fill from a
    // different field than their metadata.
    ...[...document.querySelectorAll(SHOWN_DATE)].map((element) => {
      const text = collapse(element.textContent ?? '');
      return text.length < 80 ? text : null;
    }),
  ];
  const today = utcDayOf(now);
  let epoch: string | null = null;
  for (const candidate of candidates) {
    const date = calendarDateOf(candidate);
    if (!date || implausibleDateReason(date, today)) continue;
    if (!isEpochDate(date)) return date;
    epoch ??= date;
  }
  return epoch;
}

/** Separators between a headline and the site's or section's name in a page title. */
const TITLE_SEPARATOR = /\s+[|\-\u2013\u2014\u00b7\u00bb/]\s+|\s+::\s+|_/;

const SEPARATOR_FIRST = new RegExp(`^(?:${TITLE_SEPARATOR.source})`);
const SEPARATOR_LAST = new RegExp(`(?:${TITLE_SEPARATOR.source})$`);

function hasCjk(text: string): boolean {
  return /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/.test(text);
}

/** A heading's text without the anchor mark documentation generators append (`Installation¶`, `Usage #`). */
function headingText(text: string): string {
  return collapse(text).replace(/\s*[\u00b6#\u00a7]$/, '');
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
  const names = known.names.filter((name): name is string => !!name).map((name) => collapse(name).toLowerCase());
  // A heading that is the site's name (a blog's masthead `<h1>`) says nothing about where the headline is.
  const headings = known.headings
    .map(headingText)
    .filter((heading) => heading && !names.includes(heading.toLowerCase()));
  if (headings.includes(full)) return full;
  // `Headline | Site` where the page's heading is the headline; a heading that starts the title first, since a
  // heading at its end is more often the site's (`Post title · Blog` under a `<h1>Blog</h1>` masthead).
  const startsTitle = headings.find(
    (heading) => full.startsWith(heading) && SEPARATOR_FIRST.test(full.slice(heading.length)),
  );
  if (startsTitle) return startsTitle;
  const endsTitle = headings.find(
    (heading) => full.endsWith(heading) && SEPARATOR_LAST.test(full.slice(0, -heading.length)),
  );
  if (endsTitle) return endsTitle;
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
export function markedByline(document: Document): string | null {
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

/**
 * The page's `<meta>` values by name: each `property`, `name` and `itemprop` token, lower-case, with `.` read as
 * `:` (`DC.title` is `dc:title`). A `property` wins over a `name` of the same key, the first of each over later
 * ones.
 */
export function metaValues(document: Document): Map<string, string> {
  const byProperty = new Map<string, string>();
  const byName = new Map<string, string>();
  for (const meta of document.querySelectorAll('meta[content]')) {
    const content = collapse(meta.getAttribute('content') ?? '');
    if (!content) continue;
    for (const [attribute, values] of [
      ['property', byProperty],
      ['name', byName],
      ['itemprop', byName],
    ] as const) {
      for (const key of (meta.getAttribute(attribute) ?? '').toLowerCase().split(/\s+/)) {
        const normalised = key.replace(/\./g, ':');
        if (normalised && !values.has(normalised)) values.set(normalised, content);
      }
    }
  }
  for (const [key, value] of byName) if (!byProperty.has(key)) byProperty.set(key, value);
  return byProperty;
}

/** Metadata keys that name the article's title, in the order the page's authors usually mean them. */
const TITLE_KEYS = ['dc:title', 'dcterm:title', 'og:title', 'twitter:title', 'parsely-title', 'title'];

/** JSON-LD types of an article (`NewsArticle`, `BlogPosting`, `Report`…), whose `headline` is the title. */
const ARTICLE_TYPE = /Article|Posting|Report|Review/;

/**
 * The article's title, each title the page gives cut down to its headline and none that is just the site's name
 * (`V8` for every post of a blog): the JSON-LD article headline when a visible heading repeats it; else the
 * Dublin Core or Open Graph title; else the title a visible heading repeats (what the reader sees); else the
 * first of the other metadata titles; else the headline of `<title>` or the first `<h1>`.
 *
 * @param names - the site's and the author's names, which titles add and headlines leave out
 */
export function titleOf(
  document: Document,
  metadata: Map<string, string>,
  linkedData: Record<string, unknown>[],
  names: (string | null)[],
): string {
  const h1s = [...document.querySelectorAll('h1')].map((heading) => heading.textContent ?? '');
  const known = { headings: h1s, names };
  const linkedHeadline = linkedData.find(
    (object) => typeof object.headline === 'string' && ARTICLE_TYPE.test(String(object['@type'])),
  )?.headline as string | undefined;
  const metaTitles = [...TITLE_KEYS.slice(0, 3), 'linked', ...TITLE_KEYS.slice(3)].map((key) =>
    key === 'linked' ? linkedHeadline : metadata.get(key),
  );
  const headlines = metaTitles
    .filter((title): title is string => !!title)
    .map((title) => headlineOf(title, known, false));
  const visible = new Set(
    [...document.querySelectorAll('h1, h2')].map((heading) => headingText(heading.textContent ?? '').toLowerCase()),
  );
  const siteNames = names.filter((name): name is string => !!name).map((name) => name.toLowerCase());
  const documentHeadline = headlineOf(document.title || h1s.find((heading) => collapse(heading)) || '', known, true);
  const ownTitle = (headline: string) => headline && !siteNames.includes(headline.toLowerCase());
  const isVisible = (headline: string) => visible.has(headline.toLowerCase());
  // The article's declared headline, when the page shows it, is both what the publisher and the reader call it.
  const shownHeadline = linkedHeadline && headlineOf(linkedHeadline, known, false);
  if (shownHeadline && ownTitle(shownHeadline) && isVisible(shownHeadline)) return shownHeadline;
  // Otherwise the title the publisher gives the article wherever it goes (Dublin Core, Open Graph) wins over a
  // differently worded heading, which is a display variant, and over the titles tuned for one network
  // (`twitter:title`) or for analytics (`parsely-title`) that may repeat it.
  const declared = metaTitles
    .slice(0, 3)
    .filter((title): title is string => !!title)
    .map((title) => headlineOf(title, known, false))
    .find(ownTitle);
  if (declared) return declared;
  // The first `<h1>` stands in for a missing `<title>` but is trivially visible: it does not compete here.
  const titles = document.title ? [...headlines, documentHeadline] : headlines;
  // A title that is only the site's name (every title of a page left at the site's default) has lost the
  // article's: the first heading of the page that is not the site's name is what the reader sees as it.
  const firstOwnHeading = h1s.map(headingText).find(ownTitle);
  return (
    titles.find((headline) => ownTitle(headline) && isVisible(headline)) ??
    headlines.find(ownTitle) ??
    (ownTitle(documentHeadline) ? documentHeadline : (firstOwnHeading ?? documentHeadline))
  );
}

/**
 * The address the page gives as its own (`<link rel=canonical>`, `og:url`), or the address it was loaded from
 * without the fragment. A canonical address on another origin is still the article's (syndicated copies point
 * at the original); one that is only a site's home page while the page is deeper is a template's mistake.
 */
export function canonicalUrlOf(document: Document, metadata: Map<string, string>): string {
  const location = document.location?.href.replace(/#.*$/, '') ?? '';
  const given = [
    document.querySelector('link[rel~="canonical" i][href]')?.getAttribute('href'),
    metadata.get('og:url'),
  ];
  for (const value of given) {
    if (!value) continue;
    let url: URL;
    try {
      url = new URL(value.trim(), location || undefined);
    } catch {
      continue;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') continue;
    url.hash = '';
    const loadedPath = location ? new URL(location).pathname : '/';
    if (url.pathname === '/' && !url.search && loadedPath !== '/') continue;
    return url.href;
  }
  return location;
}
