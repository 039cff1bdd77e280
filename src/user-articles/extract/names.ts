/**
 * Small helpers the article finder and the metadata reader share: white space, and the words of an element's
 * class and id, which say what the page's author meant the element to be.
 */

/** White space collapsed to single spaces, trimmed. */
export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A heading's text as documentation tools turn it into an anchor: `Sharing with a single developer¶` → `sharing-with-a-single-developer`. */
function slugOf(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');
}

/**
 * Whether the element's id is its own heading made into an anchor. Such an id names the section's subject, not
 * the element's role: a tutorial's `sharing-with-a-single-developer` section is not a sharing widget.
 */
function isHeadingAnchor(element: Element): boolean {
  const id = element.id;
  if (!/[-_].*[-_]/.test(id)) return false;
  const heading = element.querySelector('h1, h2, h3, h4, h5, h6');
  return heading !== null && slugOf(heading.textContent ?? '') === slugOf(id);
}

/**
 * The words of an element's class and id, lower-case, split at punctuation and case changes; not those of an id
 * made from the element's heading, which say what the section is about rather than what the element is.
 */
export function nameWords(element: Element): string[] {
  const names = `${element.getAttribute('class') ?? ''} ${isHeadingAnchor(element) ? '' : element.id}`;
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
