/**
 * A second opinion on a page whose first reading looks collapsed: Mozilla's Readability (Firefox's Reader View)
 * run on an inert copy of the page, its pick read into paragraphs the way the article finder reads its own.
 *
 * Readability rewrites the document it is given, and in two places assigns markup (`innerHTML`) to restore a
 * cached page and to unwrap images inside `<noscript>`. It therefore never sees the page itself: it gets a clone
 * of the document, which has no browsing context, so nothing written into it runs or loads, and the page is left
 * as it was. `scripts/lint-firefox.ts` lists exactly those two assignments as reviewed.
 */
import { Readability } from '@mozilla/readability';
import { paragraphsUnder } from './body';
import type { Reading } from './collapse';

/** Readability's reading of a copy of `document`, or null when it finds nothing or fails. */
export function readabilityReading(document: Document, title: string): Reading | null {
  try {
    const copy = document.cloneNode(true) as Document;
    const result = new Readability(copy, { serializer: (node: Node) => node as Element }).parse();
    if (!result?.content) return null;
    return { paragraphs: paragraphsUnder(result.content, title), title: result.title?.trim() ?? '' };
  } catch {
    // A page Readability can not read leaves the first reading standing.
    return null;
  }
}
