/**
 * Keys: the normal form under which an alias and a stretch of page text are
 * compared. Two strings with the same key are the same mention:
 *
 * - every run of whitespace (`\s`: spaces, tabs, line breaks, NBSP, …) becomes
 *   one space, so "Department of\n Energy" has the key of "Department of Energy";
 * - the typewriter and the typographic apostrophe (' and ’) become ', so
 *   "McDonald’s" has the key of "McDonald's";
 * - for case-insensitive aliases, each character is replaced by a
 *   representative of its case class ({@link foldChar}).
 *
 * The same keys drive the regular expression (one branch per key character)
 * and the lookup from a matched text back to its alias.
 */

/** Characters an alias's apostrophe matches in page text. */
export const APOSTROPHES = "'\u2019";

/** The key character for a whitespace run. */
export const KEY_SPACE = ' ';
/** The key character for an apostrophe. */
export const KEY_APOSTROPHE = "'";

const WHITESPACE_RE = /\s/u;
const WHITESPACE_RUN_RE = /\s+/gu;
const TYPOGRAPHIC_APOSTROPHE_RE = /\u2019/gu;
const NON_ASCII_RE = /[^\0-\x7f]/u;
const LONE_SURROGATE_RE = /\p{Cs}/u;
const SYNTAX_RE = /[\\^$.*+?()[\]{}|/]/gu;
const SYNTAX_TEST_RE = /[\\^$.*+?()[\]{}|/]/u;

/** `text` escaped for use as a literal in a `u`-flag RegExp. */
export function escapeForRegExp(text: string): string {
  // Most names have no syntax characters; a plain test is cheaper than a replace.
  return SYNTAX_TEST_RE.test(text) ? text.replace(SYNTAX_RE, '\\$&') : text;
}

function isSingleCodePoint(text: string): boolean {
  const first = text.codePointAt(0);
  return first !== undefined && text.length === (first > 0xffff ? 2 : 1);
}

const caseClassCache = new Map<string, RegExp>();

/**
 * Whether `a` and `b` are equal ignoring case under Unicode simple case
 * folding: exactly the relation a `/…/iu` RegExp applies, which is what the
 * matcher's case-insensitive expression uses.
 */
export function sameIgnoringCase(a: string, b: string): boolean {
  if (a === b) return true;
  let re = caseClassCache.get(a);
  if (re === undefined) {
    re = new RegExp(`^${escapeForRegExp(a)}$`, 'iu');
    caseClassCache.set(a, re);
  }
  return re.test(b);
}

/**
 * Pairs the engine folds together that no case mapping connects (both are
 * ligatures of "st"); {@link foldChar} maps the first to the second when the
 * engine agrees.
 */
const FOLD_EXCEPTIONS = new Map([['\ufb05', '\ufb06']]);

const foldCache = new Map<string, string>();

/**
 * A representative of `char`'s case class: two characters have the same
 * representative exactly when {@link sameIgnoringCase} holds for them.
 * Usually the lower case of the upper case ("ς" and "Σ" both give "σ", "ſ"
 * gives "s", the Kelvin sign gives "k"); a mapping is kept only if the engine
 * folds it the same way ("ı" stays "ı", because `/ı/iu` does not match "i").
 * Checked against every code point on Node 20's Unicode tables.
 */
export function foldChar(char: string): string {
  const cached = foldCache.get(char);
  if (cached !== undefined) return cached;
  let folded = char;
  const exception = FOLD_EXCEPTIONS.get(char);
  const composed = char.normalize('NFC');
  const base = isSingleCodePoint(composed) && sameIgnoringCase(char, composed) ? composed : char;
  const candidates = [exception, base.toUpperCase().toLowerCase(), base.toLowerCase()];
  for (const candidate of candidates) {
    if (candidate !== undefined && isSingleCodePoint(candidate) && sameIgnoringCase(char, candidate)) {
      folded = candidate;
      break;
    }
  }
  foldCache.set(char, folded);
  return folded;
}

/**
 * The key of `text`. Runs on every candidate the expressions report, so it
 * leaves the work to native string functions where it can.
 */
export function keyOf(text: string, insensitive: boolean): string {
  const key = text.replace(WHITESPACE_RUN_RE, KEY_SPACE).replace(TYPOGRAPHIC_APOSTROPHE_RE, KEY_APOSTROPHE);
  if (!insensitive) return key;
  // ASCII letters fold to their lower case, and nothing else changes.
  if (!NON_ASCII_RE.test(key)) return key.toLowerCase();
  let folded = '';
  for (const char of key) folded += foldChar(char);
  return folded;
}

/**
 * The key of `text` and, for each code point of `text`, the length of the
 * key of the text up to and including it: `key.slice(0, lengths[i])` is the
 * key of the first `i + 1` code points (mid-whitespace prefixes included).
 */
export function keyWithPrefixLengths(text: string, insensitive: boolean): { key: string; lengths: number[] } {
  let key = '';
  const lengths: number[] = [];
  let inSpace = false;
  for (const char of text) {
    if (WHITESPACE_RE.test(char)) {
      if (!inSpace) key += KEY_SPACE;
      inSpace = true;
    } else {
      inSpace = false;
      if (APOSTROPHES.includes(char)) key += KEY_APOSTROPHE;
      else key += insensitive ? foldChar(char) : char;
    }
    lengths.push(key.length);
  }
  return { key, lengths };
}

/**
 * The key of an alias, or `null` when the alias cannot name anything: empty
 * or only whitespace, or not well-formed UTF-16 (a lone surrogate).
 */
export function aliasKey(alias: string, insensitive: boolean): string | null {
  const trimmed = alias.trim();
  if (trimmed === '' || LONE_SURROGATE_RE.test(trimmed)) return null;
  return keyOf(trimmed, insensitive);
}
