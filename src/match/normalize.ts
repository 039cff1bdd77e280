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
const CHANGE_RE = /\s+|\u2019/gu;

const identity = (index: number): number => index;

/** The normalised view of `text`. */
export function normalizeText(text: string): NormalizedText {
  if (!NEEDS_CHANGE_RE.test(text)) return { text, original: identity };
  // After normalised offset shiftStarts[i], originals lie shifts[i] further on.
  const shiftStarts: number[] = [];
  const shifts: number[] = [];
  let shift = 0;
  const normalized = text.replace(CHANGE_RE, (change: string, offset: number) => {
    if (change === '\u2019') return KEY_APOSTROPHE;
    if (change.length > 1) {
      shiftStarts.push(offset - shift + 1);
      shift += change.length - 1;
      shifts.push(shift);
    }
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
