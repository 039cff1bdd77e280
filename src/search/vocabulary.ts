/**
 * Every term the index holds, sorted, with how often it occurs: what a prefix
 * can be completed to. MiniSearch completes a prefix to every term under it,
 * which for two letters of a large fact base is thousands of terms and tens of
 * milliseconds; we complete short prefixes to their most frequent terms only.
 */

/** The terms of an index, counted while it is built. */
export interface Vocabulary {
  /** Count one occurrence of each term. */
  add(terms: readonly string[]): void;
  /** Count `times` occurrences of one term. */
  addTimes(term: string, times: number): void;
  /** Sort the terms now, once all are added, so that the reader's first keystroke does not wait for it. */
  sort(): void;
  /** How many distinct terms start with `prefix` (the term itself included). */
  countWithPrefix(prefix: string): number;
  /** Up to `max` terms that start with `prefix` and are longer than it, most frequent first. */
  completions(prefix: string, max: number): string[];
  /**
   * Terms within `maxDistance` edits of `term` (not `term` itself), with their
   * distance. Only terms sharing its first letter are tried: that keeps the
   * scan to a small slice of the vocabulary, and first letters are rarely mistyped.
   */
  similar(term: string, maxDistance: number): { term: string; distance: number }[];
}

/**
 * Levenshtein distance of `a` and `b`, or `max + 1` as soon as it must exceed
 * `max`, which is what keeps a scan of thousands of terms cheap.
 */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  // Two rows of the classic table, reused: this runs for thousands of candidates per keystroke.
  let previous = rowA.length > b.length ? rowA : (rowA = new Int32Array(b.length + 1));
  let current = rowB.length > b.length ? rowB : (rowB = new Int32Array(b.length + 1));
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMinimum = i;
    const letter = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = letter === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current[j] = value;
      if (value < rowMinimum) rowMinimum = value;
    }
    if (rowMinimum > max) return max + 1;
    const swap = previous;
    previous = current;
    current = swap;
  }
  return previous[b.length]!;
}

let rowA = new Int32Array(32);
let rowB = new Int32Array(32);

/** An empty vocabulary; sorting happens once, on `sort` or the first lookup after an `add`. */
export function createVocabulary(): Vocabulary {
  const counts = new Map<string, number>();
  let sorted: string[] | null = null;

  const terms = () => (sorted ??= [...counts.keys()].sort());

  const addTimes = (term: string, times: number) => {
    counts.set(term, (counts.get(term) ?? 0) + times);
    sorted = null;
  };

  /** Index of the first term not less than `value`. */
  const lowerBound = (list: readonly string[], value: string) => {
    let low = 0;
    let high = list.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (list[middle]! < value) low = middle + 1;
      else high = middle;
    }
    return low;
  };

  /** The half-open range of sorted terms starting with `prefix`. */
  const rangeOf = (prefix: string): [number, number] => {
    const list = terms();
    // U+FFFF sorts after every character a term can hold, so this bounds the prefix's range.
    return [lowerBound(list, prefix), lowerBound(list, `${prefix}\uffff`)];
  };

  return {
    add(added) {
      for (const term of added) addTimes(term, 1);
    },
    addTimes,
    sort() {
      terms();
    },
    countWithPrefix(prefix) {
      const [start, end] = rangeOf(prefix);
      return end - start;
    },
    completions(prefix, max) {
      const [start, end] = rangeOf(prefix);
      const list = terms();
      // Keep the `max` most frequent in a short sorted list: a two-letter prefix can cover thousands of terms.
      const best: { term: string; count: number }[] = [];
      for (let i = start; i < end; i++) {
        const term = list[i]!;
        if (term === prefix) continue;
        const count = counts.get(term)!;
        if (best.length === max && count <= best[max - 1]!.count) continue;
        let at = best.length;
        while (at > 0 && best[at - 1]!.count < count) at--;
        best.splice(at, 0, { term, count });
        if (best.length > max) best.pop();
      }
      return best.map((entry) => entry.term);
    },
    similar(term, maxDistance) {
      const [start, end] = rangeOf(term[0] ?? '');
      const list = terms();
      const found: { term: string; distance: number }[] = [];
      for (let i = start; i < end; i++) {
        const candidate = list[i]!;
        if (candidate === term || Math.abs(candidate.length - term.length) > maxDistance) continue;
        const distance = boundedEditDistance(term, candidate, maxDistance);
        if (distance <= maxDistance) found.push({ term: candidate, distance });
      }
      return found;
    },
  };
}
