/**
 * Combining what each query word matched into ranked rows. A word's matches
 * are kept sparse (the rows it matched, with their scores), so a search costs
 * in proportion to what its words match rather than to the size of the fact
 * base; scratch arrays the size of each kind of row are allocated once per
 * index and cleaned after use.
 */

/** The rows of one kind a word matched, with a score each. */
export interface SparseRows {
  rows: Uint32Array;
  scores: Float64Array;
}

/** Collects scores per row, remembering which rows it touched; reused from word to word. */
export class RowAccumulator {
  private readonly scores: Float64Array;
  private readonly seen: Uint8Array;
  private touched: number[] = [];

  constructor(size: number) {
    this.scores = new Float64Array(size);
    this.seen = new Uint8Array(size);
  }

  /** Add `score` to `row`. */
  add(row: number, score: number): void {
    if (this.seen[row] === 0) {
      this.seen[row] = 1;
      this.touched.push(row);
    }
    this.scores[row] = this.scores[row]! + score;
  }

  /** The rows added to, with their totals; the accumulator is empty again afterwards. */
  take(): SparseRows {
    const rows = Uint32Array.from(this.touched);
    const scores = new Float64Array(rows.length);
    rows.forEach((row, index) => {
      scores[index] = this.scores[row]!;
      this.scores[row] = 0;
      this.seen[row] = 0;
    });
    this.touched = [];
    return { rows, scores };
  }
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

/** Higher score first; on equal scores the row earlier in the fact base, whatever order the words found them in. */
function ranksAbove(a: RankedRow, b: RankedRow): boolean {
  return a.score > b.score || (a.score === b.score && a.number < b.number);
}

/** Adds up the words' sparse rows of one kind; one per kind of row, reused from search to search. */
export class RowCombiner {
  private readonly scores: Float64Array;
  private readonly masks: Uint32Array;

  constructor(size: number) {
    this.scores = new Float64Array(size);
    this.masks = new Uint32Array(size);
  }

  /**
   * The best `limit` rows under `combination`, best first, and how many rows
   * count in all (`perWord[i]` sets bit `i` of a row's mask). One pass over
   * the matched rows with a short sorted list, never a sort of them all.
   */
  rank(perWord: readonly SparseRows[], limit: number, combination: Combination): { top: RankedRow[]; total: number } {
    const { scores, masks } = this;
    const touched: number[] = [];
    perWord.forEach(({ rows, scores: wordScores }, index) => {
      const bit = 1 << index;
      for (let at = 0; at < rows.length; at++) {
        const row = rows[at]!;
        if (masks[row] === 0) touched.push(row);
        scores[row] = scores[row]! + wordScores[at]!;
        masks[row] = masks[row]! | bit;
      }
    });
    const everyWord = combination.kind === 'all' ? combination.everyWord : 0;
    const top: RankedRow[] = [];
    let total = 0;
    for (const number of touched) {
      const mask = masks[number]!;
      const raw = scores[number]!;
      scores[number] = 0;
      masks[number] = 0;
      if (everyWord !== 0 && mask !== everyWord) continue;
      total++;
      const row = { number, mask, score: everyWord !== 0 ? raw : raw * bitCount(mask) };
      if (top.length === limit && !ranksAbove(row, top[limit - 1]!)) continue;
      let at = top.length;
      while (at > 0 && ranksAbove(row, top[at - 1]!)) at--;
      top.splice(at, 0, row);
      if (top.length > limit) top.pop();
    }
    return { top, total };
  }
}
