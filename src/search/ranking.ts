/**
 * Combining what each query word matched into ranked rows. Each word's
 * matches are scores and flags per row (see `./search-index.ts`); a row's
 * mask has one bit per word it matched, in any field.
 */

/** What one word matched among the rows of one kind: a score per row, and 1 where it matched at all. */
export interface WordRows {
  scores: Float64Array;
  matched: Uint8Array;
}

/** Empty word rows for `count` rows. */
export function wordRows(count: number): WordRows {
  return { scores: new Float64Array(count), matched: new Uint8Array(count) };
}

/** The words' rows of one kind added up: summed scores, and one bit per word in each row's mask. */
export interface CombinedRows {
  scores: Float64Array;
  masks: Uint32Array;
}

/** Add up the rows of each word (`perWord[i]` sets bit `i`). */
export function combineWords(perWord: readonly WordRows[], count: number): CombinedRows {
  const scores = new Float64Array(count);
  const masks = new Uint32Array(count);
  perWord.forEach(({ scores: wordScores, matched }, index) => {
    const bit = 1 << index;
    for (let row = 0; row < count; row++) {
      if (matched[row] === 0) continue;
      scores[row] = scores[row]! + wordScores[row]!;
      masks[row] = masks[row]! | bit;
    }
  });
  return { scores, masks };
}

/** A row kept for the results: its number within its kind, the words it matched, its score. */
export interface RankedRow {
  number: number;
  mask: number;
  score: number;
}

/**
 * Which rows count: `all` keeps rows matching every word (mask equal to
 * `everyWord`); `any` keeps rows matching some word, scored higher the more
 * words they match.
 */
export type Combination = { kind: 'all'; everyWord: number } | { kind: 'any' };

function bitCount(mask: number): number {
  let count = 0;
  for (let rest = mask; rest; rest &= rest - 1) count++;
  return count;
}

/**
 * The best `limit` rows under `combination`, best first, and how many rows
 * count in all. One pass with a short sorted list: it runs over every story
 * and figure on every keystroke, so it never sorts them all.
 */
export function rankRows(
  rows: CombinedRows,
  limit: number,
  combination: Combination,
): { top: RankedRow[]; total: number } {
  const { scores, masks } = rows;
  const top: RankedRow[] = [];
  let total = 0;
  const everyWord = combination.kind === 'all' ? combination.everyWord : 0;
  for (let number = 0; number < masks.length; number++) {
    const mask = masks[number]!;
    if (mask === 0 || (everyWord !== 0 && mask !== everyWord)) continue;
    total++;
    const score = everyWord !== 0 ? scores[number]! : scores[number]! * bitCount(mask);
    if (top.length === limit && score <= top[limit - 1]!.score) continue;
    let at = top.length;
    while (at > 0 && top[at - 1]!.score < score) at--;
    top.splice(at, 0, { number, mask, score });
    if (top.length > limit) top.pop();
  }
  return { top, total };
}
