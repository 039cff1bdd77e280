/**
 * "Add this page": the main article of a page as plain paragraphs, with its title, author, site, publication
 * date and canonical address.
 *
 * This runs inside the page's tab, injected on demand by `entrypoints/extract.ts`; it is never part of
 * the content script, which stays small on every page. It only reads: text comes from text nodes, the
 * page is not changed or re-parsed, and no markup is ever assigned to it, so nothing the page wrote can run
 * or load through it. It takes the document as a parameter so unit tests give it a fixture or a saved real page.
 *
 * The article's text is found in `extract/body.ts`, what the page says about it in `extract/metadata.ts`. When
 * that reading looks collapsed (`extract/collapse.ts`), Readability's reading of an inert copy of the page is
 * asked for a second opinion (`extract/second-opinion.ts`), and taken where it does not look collapsed.
 */
import { findArticle } from './extract/body';
import { chooseReading, collapseSigns, type Reading } from './extract/collapse';
import {
  canonicalUrlOf,
  firstOf,
  jsonLdName,
  jsonLdObjects,
  markedByline,
  metaValues,
  publishedDateOf,
  titleOf,
  withoutBylineLine,
} from './extract/metadata';
import { readabilityReading } from './extract/second-opinion';
import type { ExtractedPage } from './schema';

export { calendarDateOf, headlineOf, publishedDateOf, withoutBylineLine } from './extract/metadata';

/** A second reading of a page, asked for only when the first looks collapsed. */
export type SecondOpinion = (document: Document, title: string) => Reading | null;

/**
 * The page's main article as plain text, with what is known about it.
 *
 * @param secondOpinion - consulted when the article finder's reading shows marks of a collapse (`collapseSigns`);
 *   Readability on an inert copy of the page by default, a stand-in in tests
 */
export function extractArticle(document: Document, secondOpinion: SecondOpinion = readabilityReading): ExtractedPage {
  const metadata = metaValues(document);
  const notAddress = (value: string | null | undefined) => (value && !/^https?:\/\//i.test(value) ? value : null);
  const linkedData = jsonLdObjects(document);

  const siteName = firstOf([metadata.get('og:site_name'), ...linkedData.map((object) => jsonLdName(object.publisher))]);
  const metaByline = firstOf([
    notAddress(metadata.get('author')),
    ...linkedData.map((object) => notAddress(jsonLdName(object.author))),
  ]);
  const title = titleOf(document, metadata, linkedData, [siteName, metaByline]);

  const found = findArticle(document, title);
  const page = { pageProseChars: found.pageProseChars, siteName };
  const first = { paragraphs: found.paragraphs, title };
  const collapsed = collapseSigns(first, page).length > 0;
  const reading = collapsed ? chooseReading(first, secondOpinion(document, title), page) : first;
  const paragraphs = reading.paragraphs.map((paragraph) => paragraph.text);
  // Text that stays mostly links or list items whichever reading is kept is a page of teasers, not an article.
  const listing = collapseSigns(reading, page).some((sign) => sign === 'list' || sign === 'links');
  // `article:author` is meant to be a profile address and is often a user name (`devindra`): the last resort.
  const byline = metaByline ?? markedByline(document) ?? notAddress(metadata.get('article:author'));
  return {
    title: reading.title,
    byline,
    siteName,
    text: withoutBylineLine(paragraphs.join('\n\n'), byline),
    url: canonicalUrlOf(document, metadata),
    publishedDate: publishedDateOf(document, metadata),
    listing,
  };
}
