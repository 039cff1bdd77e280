/**
 * Pairs of entity names that might be one entity, for a labeller to judge (`npm run eval:identity --
 * --candidates`). Deliberately wide: every pair that shares a last word, where one name's initials are the
 * other, one name's words hold the other's, one is the other's plural, two long names differ by at most two
 * letters, or two forms of one short name differ only by dots. Build-time only. Pure.
 */
import { editDistance } from './same-entity';

/** Two names to judge, in a stable order (the first sorts first, in lower case). */
export interface CandidatePair {
  a: string;
  b: string;
  /** Why the pair was put forward, e.g. "last word", "initials". */
  reasons: string[];
}

const wordsOf = (name: string) =>
  name
    .toLowerCase()
    .split(/[\s-]+/)
    .filter(Boolean);

/** Letters of `text` only, lower case: "U.S." → "us". */
const lettersOf = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

function reasonsFor(first: string, second: string): string[] {
  const reasons: string[] = [];
  const [wordsA, wordsB] = [wordsOf(first), wordsOf(second)];
  if (wordsA.length && wordsB.length && wordsA.at(-1) === wordsB.at(-1)) reasons.push('last word');
  const initials = (words: string[]) => words.map((word) => word[0]).join('');
  const [lettersA, lettersB] = [lettersOf(first), lettersOf(second)];
  if (
    (wordsA.length > 1 && lettersB.length > 1 && initials(wordsA) === lettersB) ||
    (wordsB.length > 1 && lettersA.length > 1 && initials(wordsB) === lettersA)
  )
    reasons.push('initials');
  const contains = (outer: string[], inner: string[]) =>
    inner.length < outer.length &&
    outer.some((_, start) => inner.every((word, offset) => outer[start + offset] === word));
  if (contains(wordsA, wordsB) || contains(wordsB, wordsA)) reasons.push('contained');
  const [lowerA, lowerB] = [first.toLowerCase(), second.toLowerCase()];
  if ([`${lowerA}s`, `${lowerA}es`].includes(lowerB) || [`${lowerB}s`, `${lowerB}es`].includes(lowerA))
    reasons.push('plural');
  if (lettersA === lettersB && lowerA !== lowerB) reasons.push('dots');
  if (Math.min(lowerA.length, lowerB.length) >= 8 && lowerA !== lowerB && editDistance(lowerA, lowerB) <= 2)
    reasons.push('spelling');
  return reasons;
}

/** Every candidate pair among `names` (each name once), sorted by its first and then second name. */
export function candidatePairs(names: readonly string[]): CandidatePair[] {
  const sorted = [...new Set(names)].sort((x, y) => x.toLowerCase().localeCompare(y.toLowerCase()));
  const pairs: CandidatePair[] = [];
  for (const [index, a] of sorted.entries()) {
    for (const b of sorted.slice(index + 1)) {
      const reasons = reasonsFor(a, b);
      if (reasons.length) pairs.push({ a, b, reasons });
    }
  }
  return pairs;
}
