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

/** The texts one term occurs in, by text number, with how often. */
interface Postings {
  texts: Uint32Array;
  counts: Uint16Array;
}

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

/** Index `texts`; every distinct term of each text is counted once in `vocabulary`. */
export function buildTextIndex(texts: readonly string[], vocabulary: Vocabulary): TextIndex {
  const growing = new Map<string, { texts: number[]; counts: number[] }>();
  const lengths = new Uint32Array(texts.length);
  texts.forEach((text, number) => {
    const terms = searchTerms(text);
    lengths[number] = terms.length;
    const counts = new Map<string, number>();
    for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    for (const [term, count] of counts) {
      let postings = growing.get(term);
      if (!postings) growing.set(term, (postings = { texts: [], counts: [] }));
      postings.texts.push(number);
      postings.counts.push(Math.min(count, 0xffff));
    }
    vocabulary.add([...counts.keys()]);
  });
  const postingsOf = new Map<string, Postings>();
  for (const [term, postings] of growing) {
    postingsOf.set(term, { texts: Uint32Array.from(postings.texts), counts: Uint16Array.from(postings.counts) });
  }
  const textCount = texts.length;
  const averageLength = lengths.reduce((sum, length) => sum + length, 0) / Math.max(1, textCount);
  // Per text, the part of BM25's denominator that depends only on its length.
  const lengthNorms = Float64Array.from(lengths, (length) => K1 * (1 - B + (B * length) / (averageLength || 1)));

  return {
    accumulate(terms, boost, scores) {
      for (const { term, weight } of terms) {
        const postings = postingsOf.get(term);
        if (!postings) continue;
        const { texts: numbers, counts } = postings;
        const idf = Math.log(1 + (textCount - numbers.length + 0.5) / (numbers.length + 0.5));
        const factor = boost * weight * idf * (K1 + 1);
        for (let i = 0; i < numbers.length; i++) {
          const number = numbers[i]!;
          const count = counts[i]!;
          scores.add(number, (factor * count) / (count + lengthNorms[number]!));
        }
      }
    },
    contains(term, text) {
      const numbers = postingsOf.get(term)?.texts;
      if (!numbers) return false;
      let low = 0;
      let high = numbers.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (numbers[middle]! < text) low = middle + 1;
        else high = middle;
      }
      return numbers[low] === text;
    },
  };
}
