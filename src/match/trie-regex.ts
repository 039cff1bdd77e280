/**
 * Turns a sorted list of keys into the source of one RegExp shaped like a
 * trie: shared prefixes are written once (`Micro(?:soft(?: Azure)?)?`), so
 * the expression is small and at every position the engine follows a single
 * path instead of trying thousands of alternatives.
 *
 * At a given start the expression matches the longest key that fits: sibling
 * branches begin with different key characters (for case-insensitive keys,
 * different case classes, see `foldChar`), so at most one branch can go on,
 * and an optional tail `(?:…)?` is greedy, so the engine tries the longer key
 * before settling for the shorter one.
 */
import { escapeForRegExp } from './alias-key';

/**
 * The RegExp source matching `key` literally. Key spaces and apostrophes are
 * literal too: the expressions scan normalised text (see `normalize.ts`).
 */
export function keySource(key: string): string {
  return escapeForRegExp(key);
}

function codePointWidth(text: string, index: number): number {
  return (text.codePointAt(index) ?? 0) > 0xffff ? 2 : 1;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Length of the common prefix of `a` and `b`, known to be at least `from`, never splitting a surrogate pair. */
function commonPrefixLength(a: string, b: string, from: number): number {
  let end = from;
  const limit = Math.min(a.length, b.length);
  while (end < limit && a.charCodeAt(end) === b.charCodeAt(end)) end++;
  if (end > from && end < limit && isHighSurrogate(a.charCodeAt(end - 1))) end--;
  return end;
}

/**
 * The trie-shaped RegExp source for `keys` (unique, non-empty). The source
 * has no flags of its own; use it with `u` (exact keys) or `iu` (folded keys).
 */
export function trieSource(unsortedKeys: readonly string[]): string {
  // Sorting by UTF-16 code units puts keys that share a prefix next to each
  // other, and a key before the keys it is a prefix of.
  const keys = [...unsortedKeys].sort();
  // keys[lo..hi) all share keys[lo].slice(0, depth).
  const branch = (lo: number, hi: number, depth: number): string => {
    const endsHere = keys[lo]!.length === depth;
    if (endsHere) lo++;
    const alternatives: string[] = [];
    for (let i = lo; i < hi;) {
      const first = keys[i]!.codePointAt(depth);
      let j = i + 1;
      while (j < hi && keys[j]!.codePointAt(depth) === first) j++;
      // Sorted, so the prefix all of keys[i..j) share is the one the first and last share.
      const shared = commonPrefixLength(keys[i]!, keys[j - 1]!, depth + codePointWidth(keys[i]!, depth));
      alternatives.push(keySource(keys[i]!.slice(depth, shared)) + branch(i, j, shared));
      i = j;
    }
    if (alternatives.length === 0) return '';
    const body = alternatives.join('|');
    if (endsHere) return `(?:${body})?`;
    return alternatives.length > 1 ? `(?:${body})` : body;
  };
  return keys.length === 0 ? '' : branch(0, keys.length, 0);
}

/**
 * Splits sorted `keys` into consecutive runs whose trie source stays within
 * `maxSourceLength` characters (a run holds at least one key). Consecutive
 * runs keep shared prefixes together, so each run's trie stays compact.
 *
 * Why split at all: V8 in Node 20 optimises no RegExp whose source passes
 * about 20 KB, and compiles large ones slowly (20,000 aliases: 0.8 s as one
 * expression, 0.3 s as 16 KB runs). Chromium 156 and Firefox ESR 153 compile
 * 16 KB runs a little faster than one expression (55–70 ms against 80–120 ms)
 * and scan with them a little slower, so one limit serves everywhere.
 *
 * A trie's source is at most the sum of its keys' sources plus a few
 * characters of grouping per key, which is what we budget.
 */
export function splitKeys(keys: readonly string[], maxSourceLength: number): string[][] {
  const runs: string[][] = [];
  let run: string[] = [];
  let size = 0;
  for (const key of keys) {
    const cost = keySource(key).length + 6;
    if (run.length > 0 && size + cost > maxSourceLength) {
      runs.push(run);
      run = [];
      size = 0;
    }
    run.push(key);
    size += cost;
  }
  if (run.length > 0) runs.push(run);
  return runs;
}
