/**
 * Splits article text (plain or Markdown) into lines of word tokens that know
 * whether they open a sentence, sit inside a quotation, or belong to a
 * heading-like line. Name finding reasons over these flags: a capital letter
 * means something only where the sentence does not already demand one.
 */
import { isCommonWord, isDemonym, isFirstName, isListedCommonWord } from './lexicon';
import { JOB_TITLES, STOP_WORDS } from './words';

/** The letter pattern of a word, which says how name-like it is. */
export type TokenShape =
  | 'title' // "Amazon", "Ngātiwai": an upper-case letter, then lower case
  | 'camel' // "iPhone", "OpenAI", "McCartney": a capital after the first letter, beside lower case
  | 'acronym' // "MIT", "PS4", "U.S.": two or more capitals, maybe digits
  | 'letter' // "X", "S": one capital letter
  | 'lower' // "halibut"
  | 'number' // "360", "2.3"
  | 'alnum' // "4K", "1080p", "i7": digits and letters
  | 'punct';

/** One word or punctuation mark of a line. */
export interface Token {
  /** The word as written, without a possessive ending or a cut-off hyphenated modifier. */
  text: string;
  shape: TokenShape;
  /** Written with 's or a trailing apostrophe ("Apple's", "Foods’"). */
  possessive: boolean;
  /** The possessive ending as written ("’s", "'s", "’"), to rebuild names such as "Sam’s Club". */
  possessiveEnding?: string;
  /** The lower-case modifier cut off after a hyphen ("owned" in "Amazon-owned"); the name ends here. */
  modifier?: string;
  /** Capitalised because a sentence, heading item, quotation or parenthesis starts here. */
  sentenceStart: boolean;
  /** Index of the double-quoted passage this token is in, or -1. */
  quote: number;
}

/** How a line reads: running text, a Markdown heading, or a title-cased label such as a headline or photo credit. */
export type LineKind = 'text' | 'heading' | 'label';

/** One line (paragraph) of the article. */
export interface Line {
  kind: LineKind;
  tokens: Token[];
  /** For each quoted passage, the indexes of its first and last word tokens. */
  quotes: { first: number; last: number }[];
}

const WORD = /[\p{L}\p{M}\p{N}]+(?:[’'.&-][\p{L}\p{M}\p{N}]+)*/uy;
const ABBREVIATIONS = new Set(
  'mr mrs ms dr st jr sr inc corp co ltd prof gen gov sen rep mt ft jan feb aug sept oct nov dec vs'.split(' '),
);
const SENTENCE_END = new Set(['.', '!', '?', '…', ':', ';', '|', '•', '(', '[']);
const OPENING_QUOTES = new Set(['“', '„']);
const CLOSING_QUOTES = new Set(['”']);
const TITLE_COUNTING_SKIP = new Set(['of', 'the', 'and', 'for', 'a', 'an', 'in', 'on', 'to', 'at', 'by', 'with', '&']);

/** Drop YAML front matter, which names the article rather than speaking about anything. */
export function stripFrontMatter(text: string): string {
  const match = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(text);
  return match ? text.slice(match[0].length) : text;
}

// "Amazon-owned", "Seattle-based", "GPL-compatible", "Brexit-weary", "Olympic-size" end a name; "Blu-ray" and
// "K-Cup" are one word, and so is "Kim Jong-un" (a syllable, not an English word).
function isNameModifier(suffix: string): boolean {
  return (
    /(?:ed|ing|ible|able|ive|ous|ful|less|ish)$/.test(suffix) ||
    /^(?:run|made|born|like|style|era|wide|free|only|specific|friendly|centric|first|heavy|proof)$/.test(suffix) ||
    // Not a title's "President-elect", "Secretary-designate": the title stays whole, so it is cut off as one.
    (suffix.length >= 4 && isListedCommonWord(suffix) && !/^(?:elect|designate|nominee)$/.test(suffix))
  );
}

function shapeOf(word: string): TokenShape {
  if (/^\d[\d.,]*$/.test(word)) return 'number';
  if (/^\d/.test(word)) return 'alnum';
  const letters = word.replace(/[^\p{L}]/gu, '');
  if (!letters) return 'punct';
  const upper = letters.replace(/[^\p{Lu}]/gu, '').length;
  if (upper === 0) return /\d/.test(word) ? 'alnum' : 'lower';
  if (upper === letters.length) return letters.length === 1 ? 'letter' : 'acronym';
  if (!/^\p{Lu}/u.test(letters)) return 'camel';
  return /\p{Ll}\p{Lu}/u.test(letters) ? 'camel' : 'title';
}

/** Tokenise one line's text; sentence and quote flags are filled in by `readLine`. */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    const char = text[at]!;
    if (/\s/.test(char)) {
      at += 1;
      continue;
    }
    WORD.lastIndex = at;
    const match = WORD.exec(text);
    if (!match) {
      tokens.push({ text: char, shape: 'punct', possessive: false, sentenceStart: false, quote: -1 });
      at += 1;
      continue;
    }
    let word = match[0];
    at += word.length;
    let possessiveEnding: string | undefined;
    if (/['’][sS]$/.test(word) && word.length > 2) {
      possessiveEnding = word.slice(-2);
      word = word.slice(0, -2);
    } else if (/s$/.test(word) && /['’]/.test(text[at] ?? '') && !/[\p{L}\p{N}]/u.test(text[at + 1] ?? '')) {
      // "Foods’ halibut": a plural possessive, not a closing quotation mark.
      possessiveEnding = text[at];
      at += 1;
    }
    const possessive = possessiveEnding !== undefined;
    // "Disney+", "ESPN+": a plus sign closing a capitalised word is part of a service's name ("C++" is left alone).
    if (!possessive && text[at] === '+' && /^\p{Lu}/u.test(word) && !/[\p{L}\p{N}+]/u.test(text[at + 1] ?? '')) {
      word += '+';
      at += 1;
    }
    // Keep the dot of an abbreviation or an initial ("Inc.", "U.S.", "F."); which initials end a sentence is settled later.
    if (text[at] === '.' && !possessive) {
      const isInitialism = /^(\p{Lu}\.)+\p{Lu}$/u.test(word) || /^\p{Lu}$/u.test(word);
      if (isInitialism || ABBREVIATIONS.has(word.toLowerCase())) {
        word += '.';
        at += 1;
      }
    }
    // "non-Mozilla", "anti-Apple", "ex-Google": the name is the capitalised part.
    const prefixed = /^\p{Ll}{2,5}-(\p{Lu}.*)$/u.exec(word);
    // "pan-European", "anti-American": a people's adjective so prefixed is a word, no name.
    if (prefixed && isDemonym(prefixed[1]!)) {
      tokens.push({ text: word, shape: 'lower', possessive, sentenceStart: false, quote: -1 });
      continue;
    }
    if (prefixed) word = prefixed[1]!;
    let modifier: string | undefined;
    const hyphenated = /^(.*\p{Lu}[^-]*)-(\p{Ll}+)$/u.exec(word);
    // "Vice-president elect Mike Pence": a title written with a hyphen stays whole.
    if (hyphenated && !possessive && isNameModifier(hyphenated[2]!) && !JOB_TITLES.has(word.toLowerCase())) {
      word = hyphenated[1]!;
      modifier = hyphenated[2]!;
    }
    const glued = splitGluedWord(word);
    if (glued) {
      tokens.push({ text: glued[0], shape: shapeOf(glued[0]), possessive: false, sentenceStart: false, quote: -1 });
      word = glued[1];
    }
    tokens.push({
      text: word,
      shape: shapeOf(word),
      possessive,
      possessiveEnding,
      modifier,
      sentenceStart: false,
      quote: -1,
    });
  }
  return tokens;
}

// Page labels that copied text glues to the next word ("CreditJane Roe", "PhotoAlex Kim").
const GLUED_LABELS = new Set(['credit', 'credits', 'photo', 'photos', 'image', 'source', 'video', 'by', 'via']);

/**
 * Two words that lost the space between them when a page was copied, as
 * [first, second]: a hashtag's verb and a name ("deleteFacebook"), a label
 * and a name ("CreditJane"), a given name and a family name ("LucasNolan").
 * Brands written in camel case ("iPhone", "PlayStation", "YouTube",
 * "SunExpress") keep their shape: their first part is a single letter, or
 * not a given name or a label.
 */
export function splitGluedWord(word: string): [string, string] | undefined {
  const parts = /^(\p{L}\p{Ll}{2,})(\p{Lu}\p{Ll}+)$/u.exec(word);
  if (!parts) return undefined;
  const [, first, second] = parts as unknown as [string, string, string];
  const lowerFirst = first.toLowerCase();
  if (/^\p{Ll}/u.test(first)) {
    // "deleteFacebook": a lower-case English word in front ("iPhone", "eBay" have one letter there).
    return isCommonWord(lowerFirst) && !/^(?:my|go|get|you)$/.test(lowerFirst) ? [first, second] : undefined;
  }
  if (GLUED_LABELS.has(lowerFirst)) return [first, second];
  return isFirstName(first) && !isListedCommonWord(second) ? [first, second] : undefined;
}

function isWord(token: Token | undefined): token is Token {
  return token !== undefined && token.shape !== 'punct';
}

/** Mark sentence starts and quoted passages in place. */
function markSentencesAndQuotes(tokens: Token[]): { first: number; last: number }[] {
  const quotes: { first: number; last: number }[] = [];
  let atStart = true;
  let open: { first: number; last: number } | undefined;
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index]!;
    if (token.shape === 'punct') {
      const opens = OPENING_QUOTES.has(token.text) || (token.text === '"' && !open);
      const closes = CLOSING_QUOTES.has(token.text) || (token.text === '"' && open);
      if (opens && !open) {
        open = { first: -1, last: -1 };
        atStart = true;
      } else if (closes && open) {
        if (open.first >= 0) quotes.push(open);
        open = undefined;
      } else if (SENTENCE_END.has(token.text)) {
        atStart = true;
      }
      continue;
    }
    token.sentenceStart = atStart;
    if (open) {
      if (open.first < 0) open.first = index;
      open.last = index;
      token.quote = quotes.length;
    }
    atStart = false;
    if (token.text.endsWith('.')) {
      const next = tokens[index + 1];
      const previous = tokens[index - 1];
      if (/^\p{Lu}\.$/u.test(token.text)) {
        // A middle initial ("Dana F. Besecker") follows a given name; otherwise "One S." ends a sentence.
        atStart = !(isWord(previous) && isFirstName(previous.text));
      } else if (/^(\p{Lu}\.)+$/u.test(token.text)) {
        // "in the U.S. The report": the initialism ends the sentence only if a sentence-opening word follows.
        atStart = isWord(next) && STOP_WORDS.has(next.text.toLowerCase());
      }
    }
  }
  if (open && open.first >= 0) quotes.push(open);
  return quotes;
}

function classifyLine(rawLine: string, tokens: Token[]): LineKind {
  if (/^#{1,6}\s/.test(rawLine)) return 'heading';
  if (isShouted(tokens)) return 'label';
  if (/[.!?:;"”’)\]]\s*$/.test(rawLine)) return 'text';
  const counted = tokens.filter((token) => isWord(token) && !TITLE_COUNTING_SKIP.has(token.text.toLowerCase()));
  const lettered = counted.filter((token) => token.shape !== 'number' && token.shape !== 'alnum');
  if (lettered.length < 2) return 'text';
  const capitalised = lettered.filter((token) => token.shape !== 'lower').length;
  return capitalised / lettered.length >= 0.75 ? 'label' : 'text';
}

// A line in capitals ("BREAKING NEWS: ...") says nothing with its capitals, whatever its punctuation.
function isShouted(tokens: Token[]): boolean {
  const lettered = tokens.filter((token) => token.shape !== 'punct' && /\p{L}{2}/u.test(token.text));
  const shouted = lettered.filter((token) => token.shape === 'acronym').length;
  return lettered.length >= 3 && shouted / lettered.length >= 0.6;
}

/**
 * Read article text into lines of tokens. Front matter is dropped, Markdown
 * list and quote markers are removed, and a year glued to the next word
 * ("2025Tying", an artefact of copied web pages) is split into two lines.
 */
export function readLines(text: string): Line[] {
  const lines: Line[] = [];
  const body = stripFrontMatter(text).replace(/(\d)(?=\p{Lu}\p{Ll})/gu, '$1\n');
  for (const rawLine of body.split(/\r?\n/)) {
    const content = rawLine
      .trim()
      .replace(/^(?:[-*+>]|\d+[.)])\s+/, '')
      .replace(/^#{1,6}\s+/, '');
    if (!content) continue;
    const tokens = tokenize(content);
    const quotes = markSentencesAndQuotes(tokens);
    lines.push({ kind: classifyLine(rawLine.trim(), tokens), tokens, quotes });
  }
  return lines;
}
