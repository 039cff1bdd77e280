/**
 * Which words of a text a search matched, as plain segments the UI renders
 * with `<mark>`: text is never turned into markup, so nothing an article says
 * can become HTML.
 */
import { termsOfWord, wordAt, wordSpans, type WordSpan } from './terms';

/** A run of text, marked when a search matched it. */
export interface TextSegment {
  text: string;
  marked: boolean;
}

/** The spans of `text` whose terms are among `terms`, with "per cent" treated as one word. */
function matchedSpans(text: string, terms: ReadonlySet<string>): WordSpan[] {
  const spans = wordSpans(text);
  const matched: WordSpan[] = [];
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i]!;
    const next = spans[i + 1];
    if (
      next &&
      terms.has('percent') &&
      span.text.toLowerCase() === 'per' &&
      next.text.toLowerCase() === 'cent' &&
      /^\s+$/.test(text.slice(span.end, next.start))
    ) {
      matched.push({ text: text.slice(span.start, next.end), start: span.start, end: next.end });
      i++;
      continue;
    }
    if (termsOfWord(span.text).some((term) => terms.has(term))) matched.push(span);
  }
  return matched;
}

/**
 * Split `text` into segments, marking every word that stands for one of
 * `terms` (search terms as {@link termsOfWord} makes them). Adjacent matched
 * words separated only by spaces are marked as one segment ("$20 million").
 */
export function highlightSegments(text: string, terms: readonly string[]): TextSegment[] {
  if (terms.length === 0 || !text) return text ? [{ text, marked: false }] : [];
  const spans = matchedSpans(text, new Set(terms));
  const segments: TextSegment[] = [];
  let cursor = 0;
  for (const span of spans) {
    const gap = text.slice(cursor, span.start);
    const previous = segments[segments.length - 1];
    if (previous?.marked && /^\s+$/.test(gap)) {
      previous.text += gap + span.text;
    } else {
      if (gap) segments.push({ text: gap, marked: false });
      segments.push({ text: span.text, marked: true });
    }
    cursor = span.end;
  }
  if (cursor < text.length) segments.push({ text: text.slice(cursor), marked: false });
  return segments;
}

/** How much text a snippet shows around its first match. */
export interface SnippetOptions {
  /** Characters before the first match, at most. */
  before?: number;
  /** Total length, at most (before ellipses). */
  length?: number;
}

/** The first word of `text` that stands for one of `terms`. */
function firstMatch(text: string, terms: ReadonlySet<string>): WordSpan | undefined {
  for (const span of wordSpans(text)) {
    if (termsOfWord(span.text).some((term) => terms.has(term))) return span;
  }
  return undefined;
}

/**
 * Strings that a written form of `term` starts with, lower-cased, to find
 * candidates quickly: its first letters (a plural or a possessive starts the
 * same way), "%" for percent, the grouped digits of a large number. A term can
 * be written in ways no needle finds ("$20M" for million); the caller then
 * falls back to reading every word.
 */
function needlesOf(term: string): string[] {
  if (term === 'percent') return ['%', 'percent', 'pct'];
  if (/^\d{4,}$/.test(term)) return [term, Number(term).toLocaleString('en-US')];
  if (/^\d/.test(term)) return [term];
  return [term.slice(0, 4)];
}

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/**
 * The first word of a possibly long `text` that stands for one of `terms`.
 * Looks where the needles of the terms occur first, and reads every word only
 * when that finds nothing: a story body runs to thousands of words, and this
 * runs for every story row on every keystroke.
 */
function firstMatchIn(text: string, terms: ReadonlySet<string>): WordSpan | undefined {
  const lower = text.toLowerCase();
  let first: WordSpan | undefined;
  for (const needle of new Set([...terms].flatMap(needlesOf))) {
    for (let at = lower.indexOf(needle); at >= 0 && (!first || at < first.start); at = lower.indexOf(needle, at + 1)) {
      // A word starts here, or the needle is a percent sign: read the word it belongs to.
      if (needle !== '%' && at > 0 && WORD_CHARACTER.test(lower[at - 1]!)) continue;
      let start = at;
      if (needle === '%') {
        while (start > 0 && /[\d.,]/.test(lower[start - 1]!)) start--;
      } else if (start > 0 && /[$€£¥]/.test(text[start - 1]!)) {
        start--;
      }
      const word = wordAt(text, start);
      if (word && termsOfWord(word.text).some((term) => terms.has(term))) {
        first = word;
        break;
      }
    }
  }
  return first ?? firstMatch(text, terms);
}

/**
 * A short excerpt of `text` around the first word matching `terms`, cut at
 * word boundaries with "…" where text was left out; the start of the text
 * when nothing matches. Whitespace runs are collapsed to one space.
 */
export function snippetAround(text: string, terms: readonly string[], options: SnippetOptions = {}): string {
  const { before = 60, length = 180 } = options;
  const collapse = (part: string) => part.replace(/\s+/g, ' ');
  const trimmed = text.trim();
  if (trimmed.length <= length) return collapse(trimmed.replace(/(^|\n)\s*[-•*]\s+/g, '$1'));
  const first = terms.length ? firstMatchIn(trimmed, new Set(terms)) : undefined;
  let start = first ? Math.max(0, first.start - before) : 0;
  if (first && start > 0) {
    // Begin at the sentence the match is in when it starts close by, else at a word.
    let sentenceStart = -1;
    for (const boundary of trimmed.slice(start, first.start).matchAll(/[.!?:]\s+/g)) {
      sentenceStart = start + boundary.index + boundary[0].length;
    }
    start = sentenceStart >= 0 ? sentenceStart : trimmed.indexOf(' ', start) + 1 || start;
  }
  let end = Math.min(trimmed.length, start + length);
  if (end < trimmed.length) {
    const lastSpace = trimmed.lastIndexOf(' ', end);
    if (lastSpace > start) end = lastSpace;
  }
  // List markers at line starts ("- In its Q4…") are layout, not text.
  const excerpt = collapse(trimmed.slice(start, end).replace(/(^|\n)\s*[-•*]\s+/g, '$1'))
    .trim()
    .replace(/[\s,;:]+$/, '');
  return `${start > 0 ? '…' : ''}${excerpt}${end < trimmed.length ? '…' : ''}`;
}
