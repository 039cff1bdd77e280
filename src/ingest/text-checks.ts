/**
 * What an article's text is, before anything reads it: binary data saved with a `.md` name, text in a
 * language Factlens does not read, or text long enough to take a while. The build then leaves the first
 * out and warns about the others, naming the file, instead of failing or filling the fact base with
 * nonsense (issue 11: "bad input gets a clear warning naming the file; nothing crashes"). Pure and linear.
 */

/** Characters that text does not hold: C0 controls other than tab and line breaks, and U+FFFD (bytes that were not UTF-8). */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this looks for
const NOT_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffd]/g;

/** More than this share of characters that text does not hold: the file is binary data. */
const BINARY_SHARE = 0.01;

/** English's commonest words: running English prose has about one word in three from this list. */
const ENGLISH_FUNCTION_WORDS = new Set(
  (
    'the of and to a in is was that for it on with as by at from his her its be are this have has had were ' +
    'an or not but which they their said will would he she we you been more who also than there after over'
  ).split(' '),
);

/** Fewer words than this say too little to tell the language. */
const MIN_WORDS_FOR_LANGUAGE = 40;

/** Under this share of function words, a text is not English prose (English news runs at 0.3 to 0.45). */
const ENGLISH_SHARE = 0.12;

/** Longer than this (in characters), an article takes seconds to analyse. */
export const LONG_ARTICLE_CHARS = 1_000_000;

/** What the checks found: a reason to leave the text out, and remarks worth a warning. */
export interface TextCheck {
  /** Why the text is not an article at all; absent when it is one. */
  notText?: string;
  remarks: string[];
}

/** Check an article's text. */
export function checkArticleText(text: string): TextCheck {
  const remarks: string[] = [];
  if (!text.trim()) return { notText: 'the article has no text', remarks };
  const notTextCount = text.match(NOT_TEXT)?.length ?? 0;
  if (text.includes('\u0000') || notTextCount > BINARY_SHARE * text.length) {
    const share = Math.round((100 * notTextCount) / Math.max(1, text.length));
    return { notText: `the text looks like binary data, not an article (${share}% unreadable characters)`, remarks };
  }
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length >= MIN_WORDS_FOR_LANGUAGE) {
    const english = words.filter((word) => ENGLISH_FUNCTION_WORDS.has(word)).length / words.length;
    if (english < ENGLISH_SHARE)
      remarks.push(
        'the text does not read as English: Factlens reads English news, so its names and figures may be missed',
      );
  }
  if (text.length > LONG_ARTICLE_CHARS)
    remarks.push(`the text is ${(text.length / 1e6).toFixed(1)} million characters long: analysing it takes a while`);
  return { remarks };
}
