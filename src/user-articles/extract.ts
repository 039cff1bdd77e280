/**
 * "Add this page": the main article of a page as plain paragraphs, with its title, author, site, publication
 * date and canonical address.
 *
 * This runs inside the page's tab, injected on demand by `entrypoints/extract.ts`; it is never part of
 * the content script, which stays small on every page. It only reads: text comes from text nodes, the
 * page is not changed, cloned or re-parsed, and no markup is ever assigned anywhere, so nothing the page
 * wrote can run or load through it (and the Firefox package lints clean, issue 6). It takes the document
 * as a parameter so unit tests give it a fixture or a saved real page.
 *
 * The article's text is found in `extract/body.ts`, what the page says about it in `extract/metadata.ts`.
 */
import { findArticle } from './extract/body';
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
import type { ExtractedPage } from './schema';

export { calendarDateOf, headlineOf, publishedDateOf, withoutBylineLine } from './extract/metadata';

/** The page's main article as plain text, with what is known about it. */
export function extractArticle(document: Document): ExtractedPage {
  const metadata = metaValues(document);
  const notAddress = (value: string | null | undefined) => (value && !/^https?:\/\//i.test(value) ? value : null);
  const linkedData = jsonLdObjects(document);

  const siteName = firstOf([metadata.get('og:site_name'), ...linkedData.map((object) => jsonLdName(object.publisher))]);
  const metaByline = firstOf([
    notAddress(metadata.get('author')),
    ...linkedData.map((object) => notAddress(jsonLdName(object.author))),
  ]);
  const title = titleOf(document, metadata, linkedData, [siteName, metaByline]);

  const article = findArticle(document, title);
  const paragraphs = article.paragraphs.map((paragraph) => paragraph.text);
  // `article:author` is meant to be a profile address and is often a user name (`devindra`): the last resort.
  const byline = metaByline ?? markedByline(document) ?? notAddress(metadata.get('article:author'));
  return {
    title,
    byline,
    siteName,
    text: withoutBylineLine(paragraphs.join('\n\n'), byline),
    url: canonicalUrlOf(document, metadata),
    publishedDate: publishedDateOf(document, metadata),
  };
}
