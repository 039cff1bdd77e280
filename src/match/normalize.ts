/**
 * The view of page text the expressions scan: every whitespace run is one
 * space and ’ is ', the way aliases are keyed (see `alias-key.ts`).
 *
 * Why not let the expressions match `\s+` and `['’]` instead: in V8 a
 * repetition per multi-word alias makes compiling 20,000 aliases about two
 * and a half times slower (measured: 170 ms against 70 ms in Node 20), and
 * most page text needs no change at all, which one native test tells.
 *
 * Word boundaries come out the same in both views: whitespace and
 * apostrophes are neither letters nor digits, so the edges of a match do not
 * change by swapping one for another.
 */
import { KEY_APOSTROPHE, KEY_SPACE } from './alias-key';

/** A normalised text and the way back to offsets in the original. */
export interface NormalizedText {
  /** The text with whitespace runs as one space and ’ as '. */
  readonly text: string;
  /** The original offset of normalised offset `index` (`0 ≤ index ≤ text.length`). */
  original(index: number): number;
}

/** Whitespace other than a single space, or a typographic apostrophe. */
const NEEDS_CHANGE_RE = /[^\S ]| \s|\u2019/u;
const OTHER_WHITESPACE_RE = /[^\S ]/gu;
const TYPOGRAPHIC_APOSTROPHE_RE = /\u2019/gu;
const SPACE_RUN_RE = / {2,}/gu;

const identity = (index: number): number => index;

/** The normalised view of `text`. */
export function normalizeText(text: string): NormalizedText {
  if (!NEEDS_CHANGE_RE.test(text)) return { text, original: identity };
  // Changes that keep the length first, as native replaces; only runs then need a callback each, to
  // note where offsets shift. (One callback per whitespace run, single spaces included, cost 3–4×.)
  let spaced = text.replace(OTHER_WHITESPACE_RE, KEY_SPACE);
  if (spaced.includes('\u2019')) spaced = spaced.replace(TYPOGRAPHIC_APOSTROPHE_RE, KEY_APOSTROPHE);
  if (!spaced.includes('  ')) return { text: spaced, original: identity };
  // After normalised offset shiftStarts[i], originals lie shifts[i] further on.
  const shiftStarts: number[] = [];
  const shifts: number[] = [];
  let shift = 0;
  const normalized = spaced.replace(SPACE_RUN_RE, (run: string, offset: number) => {
    shiftStarts.push(offset - shift + 1);
    shift += run.length - 1;
    shifts.push(shift);
    return KEY_SPACE;
  });
  return {
    text: normalized,
    original(index) {
      // Binary search for the last shift that starts at or before `index`.
      let lo = 0;
      let hi = shiftStarts.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (shiftStarts[mid]! <= index) lo = mid + 1;
        else hi = mid;
      }
      return lo === 0 ? index : index + shifts[lo - 1]!;
    },
  };
}
