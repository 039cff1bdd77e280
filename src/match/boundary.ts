/**
 * Word boundaries for mentions, across scripts.
 *
 * A mention is a whole word: "Azure" is not a mention in "NobleAzure" nor
 * "TikTok" in "TikToker". The plain rule "no letter or digit on either side"
 * breaks down in text written without spaces: "使用TikTok的" names TikTok, and
 * so does "TikTokは". So a neighbour blocks a match only when it could be part
 * of the same word as the character at the edge of the mention:
 *
 * - Characters that are not letters, digits or combining marks (`\p{L}`,
 *   `\p{N}`, `\p{M}`) never block and are never blocked: "(OpenAI)",
 *   "TikTok's", "Microsoft-backed", "C++".
 * - Letters of scripts written without spaces between words (Han, kana,
 *   Bopomofo, Yi, Thai, Lao, Khmer, Myanmar) neither block nor are blocked:
 *   such text has no word boundaries we could check, and a Latin name set in
 *   Chinese text is still a name.
 * - Digits and combining marks block any other word character: "TikTok2",
 *   "Azure\u0301" (a mark changes the letter before it) are not mentions.
 * - Letters of the same script block each other ("TikToker"); letters of
 *   different scripts do not ("TikTokов", "מיקרוסופטMicrosoft" are mentions),
 *   which is how an English name in Arabic or Hebrew text is still found.
 * - Letters of scripts this module does not list behave like digits (block
 *   any spaced word character), the safe default.
 *
 * Known gaps, accepted for now: a name in a spaced script with a prefix or
 * particle written onto it is missed ("ومايكروسوفت", "and Microsoft" in
 * Arabic; "마이크로소프트는" in Korean), because the glued letter is of the
 * name's own script.
 *
 * The matcher and the reference matcher both call {@link isWordEdge}; the
 * tables in `tests/unit/match/` pin the rule down.
 */

/**
 * Scripts written with spaces between words whose letters we tell apart.
 * Long Unicode script names, as `\p{Script=…}` accepts them.
 */
export const SPACED_SCRIPTS: readonly string[] = [
  'Latin',
  'Greek',
  'Cyrillic',
  'Armenian',
  'Georgian',
  'Hebrew',
  'Arabic',
  'Syriac',
  'Thaana',
  'Nko',
  'Devanagari',
  'Bengali',
  'Gurmukhi',
  'Gujarati',
  'Oriya',
  'Tamil',
  'Telugu',
  'Kannada',
  'Malayalam',
  'Sinhala',
  'Tibetan',
  'Hangul',
  'Ethiopic',
  'Cherokee',
  'Mongolian',
];

/**
 * Scripts written without spaces between words. Script_Extensions is used so
 * that the kana prolonged sound mark "ー" and the iteration mark "々", which
 * Unicode files under Common, count as the kana and Han they sit among.
 */
const UNSPACED_SCRIPTS = ['Han', 'Hiragana', 'Katakana', 'Bopomofo', 'Yi', 'Thai', 'Lao', 'Khmer', 'Myanmar'];

/** One word character: letter, digit or combining mark. */
const WORD = String.raw`[\p{L}\p{N}\p{M}]`;
const UNSPACED = `[${UNSPACED_SCRIPTS.map((s) => String.raw`\p{Script_Extensions=${s}}`).join('')}]`;

/**
 * The kind of a character for boundary purposes: `free` (never blocks, never
 * blocked), `any` (blocks every non-free character), or the name of a spaced
 * script (blocks and is blocked by that script and by `any`).
 */
export type BoundaryKind = 'free' | 'any' | string;

const WORD_RE = new RegExp(WORD, 'u');
const UNSPACED_RE = new RegExp(UNSPACED, 'u');
const DIGIT_OR_MARK_RE = /[\p{N}\p{M}]/u;
const SCRIPT_RES = SPACED_SCRIPTS.map((name) => ({ name, re: new RegExp(String.raw`\p{Script=${name}}`, 'u') }));
const kindCache = new Map<number, BoundaryKind>();

/**
 * The kinds of the ASCII code points, which border nearly every mention.
 * Worked out here rather than with the expressions above because compiling
 * those (Unicode property classes) costs about 4 ms on a page's first
 * mention; the unit tests check the table against them.
 */
const ASCII_KINDS: readonly BoundaryKind[] = Array.from({ length: 128 }, (_, code) =>
  (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)
    ? 'Latin'
    : code >= 0x30 && code <= 0x39
      ? 'any'
      : 'free',
);

/** The boundary kind of the code point `codePoint`. */
export function boundaryKind(codePoint: number): BoundaryKind {
  if (codePoint < 128) return ASCII_KINDS[codePoint]!;
  return boundaryKindByProperties(codePoint);
}

/** {@link boundaryKind} by the Unicode properties of the code point (exported for tests). */
export function boundaryKindByProperties(codePoint: number): BoundaryKind {
  const cached = kindCache.get(codePoint);
  if (cached !== undefined) return cached;
  const char = String.fromCodePoint(codePoint);
  let kind: BoundaryKind;
  if (!WORD_RE.test(char) || UNSPACED_RE.test(char)) kind = 'free';
  else if (DIGIT_OR_MARK_RE.test(char)) kind = 'any';
  else kind = SCRIPT_RES.find(({ re }) => re.test(char))?.name ?? 'any';
  kindCache.set(codePoint, kind);
  return kind;
}

/**
 * Whether two adjacent code points belong to one word, so that a mention may
 * not begin or end between them. `undefined` stands for the edge of the text.
 */
export function blocks(before: number | undefined, after: number | undefined): boolean {
  if (before === undefined || after === undefined) return false;
  const a = boundaryKind(before);
  const b = boundaryKind(after);
  if (a === 'free' || b === 'free') return false;
  return a === 'any' || b === 'any' || a === b;
}

/** The code point that ends just before UTF-16 offset `index`, if any. */
export function codePointBefore(text: string, index: number): number | undefined {
  if (index <= 0) return undefined;
  const low = text.charCodeAt(index - 1);
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) {
    const high = text.charCodeAt(index - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.codePointAt(index - 2);
  }
  return low;
}

/**
 * Whether a mention may begin or end at UTF-16 offset `index` of `text`: the
 * code points on either side do not belong to one word.
 */
export function isWordEdge(text: string, index: number): boolean {
  return !blocks(codePointBefore(text, index), text.codePointAt(index));
}

/**
 * A RegExp assertion that fails only where {@link isWordEdge} is certainly
 * false: between two ASCII letters or digits. Put in the expressions, it
 * spares most of the round trips to JavaScript for names that begin or end
 * inside a longer English word ("Ka" in "Kalomi"). It means the same with the
 * `u` and the `iu` flags: case-insensitively `[A-Za-z0-9]` also matches the
 * Kelvin sign and the long s, which are Latin letters as well.
 */
export const ASCII_WORD_EDGE_GUARD = '(?!(?<=[A-Za-z0-9])[A-Za-z0-9])';
