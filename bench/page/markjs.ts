/**
 * The mark.js baseline: the same aliases marked with mark.js, the usual way a
 * page-marking extension is built (wrap every match in a `<mark>` element).
 * Options chosen to ask mark.js for what Factlens does and no more: whole
 * words, exact case, no diacritics folding, no splitting of multi-word names.
 */
import Mark from 'mark.js/dist/mark.es6.js';
import type { MarkjsResult } from '../types';

/** Punctuation that may touch a whole-word match (mark.js only knows whitespace otherwise). */
const LIMITERS = [...',.;:!?\'"()[]{}“”‘’«»—–-/'];

function markOptions(done: (marks: number) => void) {
  return {
    separateWordSearch: false,
    accuracy: { value: 'exactly' as const, limiters: LIMITERS },
    diacritics: false,
    caseSensitive: true,
    acrossElements: false,
    done,
  };
}

function timed(run: (done: (marks: number) => void) => void): Promise<MarkjsResult> {
  return new Promise((resolve) => {
    const started = performance.now();
    run((marks) => resolve({ ms: performance.now() - started, marks }));
  });
}

/** mark.js given the aliases as an array: one pass over the page per alias. */
export function markArray(aliases: string[]): Promise<MarkjsResult> {
  const root = document.body ?? document.documentElement;
  return timed((done) => new Mark(root).mark(aliases, markOptions(done)));
}

/** mark.js given one RegExp: the aliases as one alternation, longest first, between word boundaries. */
export function markRegExp(source: string, flags: string): Promise<MarkjsResult> {
  const root = document.body ?? document.documentElement;
  return timed((done) => new Mark(root).markRegExp(new RegExp(source, flags), { acrossElements: false, done }));
}
