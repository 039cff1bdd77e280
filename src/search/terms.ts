/**
 * How text becomes search terms, for the index and for queries alike, so a
 * query finds what the articles wrote however the reader types it:
 *
 * - "$20 million", "$20M" and "20m" all become the terms `20` `million`;
 * - "29%", "29 percent" and "29 per cent" all become `29` `percent`;
 * - "Microsoft’s" becomes `microsoft`, "cables" becomes `cable`, "Café" becomes `cafe`.
 *
 * The highlighter walks the same word spans and runs the same normalisation,
 * which is how it knows which words of a text a search matched.
 */

/** A word as written, with where it sits in its text. */
export interface WordSpan {
  /** The word as written: "Microsoft’s", "$20M", "29%", "143.61". */
  text: string;
  /** Offset of the first character in the text. */
  start: number;
  /** Offset just past the last character. */
  end: number;
}

/**
 * One word: letters and digits, joined across an inner apostrophe ("TikTok’s"),
 * a decimal point or a thousands comma ("143.61", "1,500") or an
 * abbreviation's dots ("U.S."); with a currency sign before it and a percent
 * sign after it kept, because both say what the number is.
 */
const WORD = /[$€£¥]?[\p{L}\p{N}]+(?:[.,'’][\p{L}\p{N}]+)*%?/gu;

/** Words that never decide a search and would only slow it ("the", "of", …). */
const STOP_WORDS: ReadonlySet<string> = new Set([
  'a',
  'an',
  'and',
  'are',
  'as',
  'at',
  'be',
  'by',
  'for',
  'from',
  'has',
  'have',
  'in',
  'is',
  'it',
  'its',
  'of',
  'on',
  'or',
  'that',
  'the',
  'this',
  'to',
  'was',
  'were',
  'with',
]);

/** Scale words and their abbreviations, all spelled one way. */
const SCALE_WORDS: ReadonlyMap<string, string> = new Map([
  ['k', 'thousand'],
  ['thousand', 'thousand'],
  ['thousands', 'thousand'],
  ['m', 'million'],
  ['mn', 'million'],
  ['mln', 'million'],
  ['million', 'million'],
  ['millions', 'million'],
  ['b', 'billion'],
  ['bn', 'billion'],
  ['billion', 'billion'],
  ['billions', 'billion'],
  ['t', 'trillion'],
  ['tn', 'trillion'],
  ['trillion', 'trillion'],
  ['trillions', 'trillion'],
  ['%', 'percent'],
  ['pct', 'percent'],
  ['percent', 'percent'],
  ['percentage', 'percent'],
]);

/** A number with an optional scale or percent sign glued to it: "20m", "1.5bn", "29%", "1,500". */
const NUMBER = /^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(%|k|mn|mln|m|bn|b|tn|t)?$/;

/** The word that starts exactly at `start` in `text`, if one does. */
export function wordAt(text: string, start: number): WordSpan | undefined {
  WORD_AT.lastIndex = start;
  const match = WORD_AT.exec(text);
  return match ? { text: match[0], start, end: start + match[0].length } : undefined;
}

const WORD_AT = new RegExp(WORD.source, 'uy');

/** Every word span of `text`, in order. */
export function wordSpans(text: string): WordSpan[] {
  const spans: WordSpan[] = [];
  for (const match of text.matchAll(WORD)) {
    spans.push({ text: match[0], start: match.index, end: match.index + match[0].length });
  }
  return spans;
}

/** Lower-case, accents off: "Café" → "cafe". */
function fold(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/**
 * A light plural rule: "cables" → "cable", "companies" → "company". It only
 * has to treat a query and the articles alike, not be good English, so it
 * leaves short words and "-ss", "-us", "-is" endings alone.
 */
function singular(word: string): string {
  if (word.length <= 4 || !word.endsWith('s')) return word;
  if (/(?:ss|us|is)$/.test(word)) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  return word.slice(0, -1);
}

/**
 * The search terms one written word stands for: none for a stop word or
 * punctuation, one for most words, two for a number with a scale or percent
 * sign ("$20M" → `20` `million`).
 */
export function termsOfWord(word: string): readonly string[] {
  const known = memo.get(word);
  if (known) return known;
  const terms = computeTermsOfWord(word);
  // Words repeat a lot (news prose is Zipf-like), so indexing mostly hits the memo; a bound keeps it small.
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(word, terms);
  return terms;
}

const MEMO_LIMIT = 50_000;
const memo = new Map<string, readonly string[]>();

function computeTermsOfWord(word: string): readonly string[] {
  // eslint-disable-next-line no-control-regex -- the range is "anything outside ASCII".
  let term = /[^\x00-\x7f]/.test(word) ? fold(word) : word.toLowerCase();
  if (/^[$€£¥]/.test(term)) term = term.slice(1);
  if (term.includes("'") || term.includes('’')) {
    // Possessives name the same thing: "Microsoft’s" is Microsoft.
    term = term.replace(/['’]s$/, '').replace(/['’]/g, '');
  }
  // Abbreviations with dots ("u.s.", "a.i.") are spelled without them.
  if (term.includes('.') && /^(?:\p{L}\.)+\p{L}?$/u.test(term)) term = term.replace(/\./g, '');
  if (!term) return [];
  // A comma inside a word that is not a thousands separator ("2024,2025") separates two words.
  if (term.includes(',') && !NUMBER.test(term)) return term.split(',').flatMap(termsOfWord);
  const number = /^\d/.test(term) ? NUMBER.exec(term) : null;
  if (number) {
    const digits = number[1]!.replace(/,/g, '') + (number[2] ?? '');
    const scale = number[3] ? SCALE_WORDS.get(number[3]) : undefined;
    return scale ? [digits, scale] : [digits];
  }
  // Decades: "2030s" finds "2030".
  if (/^\d+s$/.test(term)) return [term.slice(0, -1)];
  if (STOP_WORDS.has(term)) return [];
  const scale = SCALE_WORDS.get(term);
  if (scale && term.length > 1) return [scale];
  return [singular(term)];
}

/** Every search term of `text`, in order: how the index and a query both see it. */
export function searchTerms(text: string): string[] {
  const terms: string[] = [];
  // Words without their spans: this runs over every text of the fact base when the index is built.
  for (const [word] of text.matchAll(WORD)) {
    const ofWord = termsOfWord(word);
    if (ofWord.length === 1) terms.push(ofWord[0]!);
    else terms.push(...ofWord);
  }
  // "per cent" is "percent" spelled apart.
  for (let i = 0; i + 1 < terms.length; i++) {
    if (terms[i] === 'per' && terms[i + 1] === 'cent') terms.splice(i, 2, 'percent');
  }
  return terms;
}

/** True for a term made of digits (and a decimal point): numbers are matched exactly, never fuzzily. */
export function isNumericTerm(term: string): boolean {
  return /^\d+(?:\.\d+)?$/.test(term);
}
