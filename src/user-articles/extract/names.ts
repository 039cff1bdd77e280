/**
 * Small helpers the article finder and the metadata reader share: white space, and the words of an element's
 * class and id, which say what the page's author meant the element to be.
 */

/** White space collapsed to single spaces, trimmed. */
export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The words of an element's class and id, lower-case, split at punctuation and case changes. */
export function nameWords(element: Element): string[] {
  const names = `${element.getAttribute('class') ?? ''} ${element.id}`;
  // `related-links`, `article__body`, `shareTools`: split on punctuation and on lower-to-upper case changes.
  return names
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Whether one of the element's class or id words matches `words`. */
export function hasWord(element: Element, words: RegExp): boolean {
  return nameWords(element).some((word) => words.test(word));
}

/** Words in a class or id that mark the author's line. */
export const BYLINE_WORDS = /^(?:byline|author|authors|dateline|writtenby)$/;

/** Elements marked as the author in the page's metadata. */
export const AUTHOR_MARKED = '[itemprop~="author"], [rel~="author"]';
