/**
 * A compact inverted index for the long texts of a fact base: story bodies and
 * summaries, figure sentences. These are most of its words, and scoring their
 * long posting lists through MiniSearch's per-match objects costs tens of
 * milliseconds for a common word at 10,000 stories; here a posting list is two
 * typed arrays and a query adds into one array of scores, which is fast
 * enough for every keystroke.
 */
import { searchTerms } from './terms';
import type { RowAccumulator } from './ranking';
import type { Vocabulary } from './vocabulary';

/** A weighted term to look up: a query word itself, a completion of it, or a near spelling. */
export interface WeightedTerm {
  term: string;
  weight: number;
}

/** Searchable texts, numbered as they were given. */
export interface TextIndex {
  /** Add each text's score for `terms` (BM25, times each term's weight, times `boost`) into `scores`. */
  accumulate(terms: readonly WeightedTerm[], boost: number, scores: RowAccumulator): void;
  /** Whether text number `text` contains `term`. */
  contains(term: string, text: number): boolean;
}

/** BM25's usual constants: how fast repeats stop counting, and how much long texts are discounted. */
const K1 = 1.2;
const B = 0.75;

/**
 * Index `texts`; every distinct term of each text is counted once in `vocabulary`.
 * Postings are packed into three arrays for the whole index (each term owns a
 * slice), which at 10,000 stories takes a fraction of the memory of a pair of
 * small arrays per term.
 */
export function buildTextIndex(texts: readonly string[], vocabulary: Vocabulary): TextIndex {
  // While building: per term, its text numbers and counts interleaved in one growing list.
  const growing = new Map<string, number[]>();
  const lengths = new Uint32Array(texts.length);
  let postingCount = 0;
  // One map of a text's term counts, emptied for the next text.
  const inText = new Map<string, number>();
  texts.forEach((text, number) => {
    const terms = searchTerms(text);
    lengths[number] = terms.length;
    for (const term of terms) inText.set(term, (inText.get(term) ?? 0) + 1);
    for (const [term, count] of inText) {
      let postings = growing.get(term);
      if (!postings) growing.set(term, (postings = []));
      postings.push(number, Math.min(count, 0xffff));
    }
    postingCount += inText.size;
    inText.clear();
  });
  const slices = new Map<string, number>();
  const starts = new Uint32Array(growing.size + 1);
  const textNumbers = new Uint32Array(postingCount);
  const counts = new Uint16Array(postingCount);
  let at = 0;
  for (const [term, postings] of growing) {
    // A term counts once for each text that has it.
    vocabulary.addTimes(term, postings.length / 2);
    starts[slices.size] = at;
    slices.set(term, slices.size);
    for (let i = 0; i < postings.length; i += 2) {
      textNumbers[at] = postings[i]!;
      counts[at] = postings[i + 1]!;
      at++;
    }
  }
  starts[slices.size] = at;
  growing.clear();

  const textCount = texts.length;
  const averageLength = lengths.reduce((sum, length) => sum + length, 0) / Math.max(1, textCount);
  // Per text, the part of BM25's denominator that depends only on its length.
  const lengthNorms = Float64Array.from(lengths, (length) => K1 * (1 - B + (B * length) / (averageLength || 1)));

  return {
    accumulate(terms, boost, scores) {
      for (const { term, weight } of terms) {
        const slice = slices.get(term);
        if (slice === undefined) continue;
        const start = starts[slice]!;
        const end = starts[slice + 1]!;
        const frequency = end - start;
        const idf = Math.log(1 + (textCount - frequency + 0.5) / (frequency + 0.5));
        const factor = boost * weight * idf * (K1 + 1);
        for (let i = start; i < end; i++) {
          const number = textNumbers[i]!;
          const count = counts[i]!;
          scores.add(number, (factor * count) / (count + lengthNorms[number]!));
        }
      }
    },
    contains(term, text) {
      const slice = slices.get(term);
      if (slice === undefined) return false;
      // A term's postings are in text order: binary search its slice.
      const end = starts[slice + 1]!;
      let low = starts[slice]!;
      let high = end;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (textNumbers[middle]! < text) low = middle + 1;
        else high = middle;
      }
      return low < end && textNumbers[low] === text;
    },
  };
}
