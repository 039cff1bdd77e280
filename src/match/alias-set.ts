/**
 * A compiled set of aliases: finds where they occur in a text as whole words.
 *
 * Design: a few trie-shaped RegExps find candidates at native speed; a
 * little JavaScript per candidate checks word boundaries and maps the matched
 * text back to its alias. (Aho–Corasick in JavaScript measured slower than a
 * RegExp on real page text in the measurements the issue reports.)
 *
 * - The expressions scan a normalised view of the text (whitespace runs as
 *   one space, ’ as '; see `normalize.ts`), so keys need no repetitions.
 * - Exact aliases go into `u` expressions, case-insensitive ones into `iu`
 *   expressions: a single expression cannot mix the two.
 * - Keys are split into runs of at most {@link DEFAULT_MAX_SOURCE_LENGTH}
 *   characters of source, one expression each (see `splitKeys` for the
 *   measurements behind the limit).
 * - Boundaries are decided in JavaScript (`boundary.ts`). The `i` flag widens
 *   every character class to its case variants (the combining iota U+0345
 *   drags the Greek letter iota into `\p{M}`), so the exact rule cannot live
 *   in an `iu` expression. The expressions only carry a guard that rejects
 *   the commonest certain failure, an ASCII letter or digit on both sides.
 * - When the longest candidate at a position ends inside a word
 *   ("Microsoft Azurex"), the shorter aliases there are prefixes of it
 *   (sibling branches of a trie exclude each other), so we look up the
 *   candidate's prefixes, longest first, and keep the first that is an alias
 *   ending on a boundary ("Microsoft").
 * - Each expression reports its leftmost-longest hit; merging them by
 *   (leftmost, longest, earliest alias) gives the leftmost-longest hit of the
 *   whole set.
 */
import { aliasKey, keyOf, keyWithPrefixLengths } from './alias-key';
import { ASCII_WORD_EDGE_GUARD, isWordEdge } from './boundary';
import { normalizeText } from './normalize';
import { splitKeys, trieSource } from './trie-regex';

/** One alias to compile. */
export interface AliasInput {
  text: string;
  insensitive: boolean;
}

/** An occurrence of an alias: UTF-16 offsets, `end` exclusive; `alias` indexes the compiled inputs. */
export interface AliasHit {
  start: number;
  end: number;
  alias: number;
}

/** Tuning for {@link planAliasSet}. */
export interface AliasSetOptions {
  /**
   * Largest RegExp source, in characters, before the keys are split into
   * several expressions. Default {@link DEFAULT_MAX_SOURCE_LENGTH}.
   */
  maxSourceLength?: number;
}

/** Default size limit of one expression's source, in characters. */
export const DEFAULT_MAX_SOURCE_LENGTH = 16_000;

/** A compiled alias set. */
export interface AliasSet {
  /** How many inputs can match (the others were empty or malformed). */
  readonly size: number;
  /** How many RegExps the set runs over each text. */
  readonly expressionCount: number;
  /** Hits sorted by start, non-overlapping, leftmost-longest; ties go to the earliest input. */
  findAll(text: string): AliasHit[];
  /**
   * For every start position and every expression, the longest alias of that
   * expression occurring there. Hits may overlap and are not sorted; callers
   * that need every alias keep prefix-free sets (see `context.ts`).
   */
  findAtEveryStart(text: string): AliasHit[];
}

interface Expression {
  re: RegExp;
  insensitive: boolean;
  aliasByKey: ReadonlyMap<string, number>;
}

function codePointWidthAt(text: string, index: number): number {
  return (text.codePointAt(index) ?? 0) > 0xffff ? 2 : 1;
}

/**
 * The longest alias that `matched` (found at `start` of the normalised
 * `text`) or one of its prefixes spells and that ends on a word edge.
 */
function longestAliasAt(expression: Expression, text: string, start: number, matched: string): AliasHit | null {
  const whole = expression.aliasByKey.get(keyOf(matched, expression.insensitive));
  if (whole !== undefined && isWordEdge(text, start + matched.length)) {
    return { start, end: start + matched.length, alias: whole };
  }
  const { key, lengths } = keyWithPrefixLengths(matched, expression.insensitive);
  const ends: number[] = [];
  let offset = start;
  for (const char of matched) {
    offset += char.length;
    ends.push(offset);
  }
  for (let i = ends.length - 2; i >= 0; i--) {
    const alias = expression.aliasByKey.get(key.slice(0, lengths[i]));
    if (alias !== undefined && isWordEdge(text, ends[i]!)) return { start, end: ends[i]!, alias };
  }
  return null;
}

/** The leftmost-longest hit of `expression` in the normalised `text` at or after `from`. */
function nextHit(expression: Expression, text: string, from: number): AliasHit | null {
  const { re } = expression;
  for (let at = from; at < text.length;) {
    re.lastIndex = at;
    const match = re.exec(text);
    if (match === null) return null;
    const start = match.index;
    // Every alias that fits here starts with the same character, so a
    // blocked start rules them all out.
    if (isWordEdge(text, start)) {
      const hit = longestAliasAt(expression, text, start, match[0]);
      if (hit !== null) return hit;
    }
    at = start + codePointWidthAt(text, start);
  }
  return null;
}

function isBetter(a: AliasHit, b: AliasHit): boolean {
  if (a.start !== b.start) return a.start < b.start;
  if (a.end !== b.end) return a.end > b.end;
  return a.alias < b.alias;
}

/**
 * The keys of one letter case kind of an alias set, and the input each
 * reports. Keys hold no line breaks (whitespace runs are one space), so they
 * travel as one string, a line per key: 20,000 strings in an array cost a
 * content script ten times longer to check on receipt.
 */
export interface KeyTable {
  /** The keys, joined with "\n". */
  keys: string;
  /** The input each key reports, in the order of `keys`. */
  aliases: number[];
}

/** The keys of a {@link KeyTable}. */
export function keysOf(table: KeyTable): string[] {
  return table.keys === '' ? [] : table.keys.split('\n');
}

/**
 * An alias set worked out ahead of use, as plain data: the keys and the
 * expressions' sources. Working it out (keying, sorting, building the tries)
 * is most of what compiling costs, so the background does it once per fact
 * base and every content script only {@link instantiateAliasSet}s it.
 */
export interface AliasSetPlan {
  /** How many inputs can match. */
  size: number;
  exact: KeyTable;
  insensitive: KeyTable;
  /** Expression sources; `insensitive` picks the key table and the flags. */
  expressions: { source: string; insensitive: boolean }[];
}

/**
 * Plans `inputs` (see {@link AliasSetPlan}). Inputs that are empty, only
 * whitespace or not well-formed UTF-16 are ignored; when several inputs have
 * the same key, the earliest one is reported.
 */
export function planAliasSet(inputs: readonly AliasInput[], options: AliasSetOptions = {}): AliasSetPlan {
  const maxSourceLength = options.maxSourceLength ?? DEFAULT_MAX_SOURCE_LENGTH;
  const exactKeys = new Map<string, number>();
  const insensitiveKeys = new Map<string, number>();
  let size = 0;
  inputs.forEach((input, index) => {
    const key = aliasKey(input.text, input.insensitive);
    if (key === null) return;
    size++;
    const keys = input.insensitive ? insensitiveKeys : exactKeys;
    if (!keys.has(key)) keys.set(key, index);
  });

  const expressions: AliasSetPlan['expressions'] = [];
  for (const [aliasByKey, insensitive] of [
    [exactKeys, false],
    [insensitiveKeys, true],
  ] as const) {
    const sorted = [...aliasByKey.keys()].sort();
    for (const run of splitKeys(sorted, maxSourceLength - 2 * ASCII_WORD_EDGE_GUARD.length)) {
      expressions.push({
        source: `${ASCII_WORD_EDGE_GUARD}(?:${trieSource(run)})${ASCII_WORD_EDGE_GUARD}`,
        insensitive,
      });
    }
  }
  const table = (keys: Map<string, number>): KeyTable => ({
    keys: [...keys.keys()].join('\n'),
    aliases: [...keys.values()],
  });
  return { size, exact: table(exactKeys), insensitive: table(insensitiveKeys), expressions };
}

/**
 * The {@link AliasSet} of a plan: builds the key lookups and the RegExps (the
 * engine compiles each on its first use). Linear in the number of keys.
 */
export function instantiateAliasSet(plan: AliasSetPlan): AliasSet {
  const lookup = (table: KeyTable): Map<string, number> => {
    const byKey = new Map<string, number>();
    keysOf(table).forEach((key, index) => byKey.set(key, table.aliases[index]!));
    return byKey;
  };
  const exactKeys = lookup(plan.exact);
  const insensitiveKeys = lookup(plan.insensitive);
  const expressions: Expression[] = plan.expressions.map(({ source, insensitive }) => ({
    re: new RegExp(source, insensitive ? 'giu' : 'gu'),
    insensitive,
    aliasByKey: insensitive ? insensitiveKeys : exactKeys,
  }));
  const size = plan.size;

  return {
    size,
    expressionCount: expressions.length,
    findAll(original) {
      const view = normalizeText(original);
      const { text } = view;
      const hits: AliasHit[] = [];
      const heads = expressions.map((expression) => nextHit(expression, text, 0));
      for (;;) {
        let best: AliasHit | null = null;
        for (const head of heads) if (head !== null && (best === null || isBetter(head, best))) best = head;
        if (best === null) break;
        hits.push(best);
        const resumeAt = best.end;
        // A head that starts before the end of the chosen hit overlaps it;
        // heads further on are still the leftmost-longest of their expression.
        heads.forEach((head, i) => {
          if (head !== null && head.start < resumeAt) heads[i] = nextHit(expressions[i]!, text, resumeAt);
        });
      }
      return hits.map((hit) => ({ ...hit, start: view.original(hit.start), end: view.original(hit.end) }));
    },
    findAtEveryStart(original) {
      const view = normalizeText(original);
      const { text } = view;
      const hits: AliasHit[] = [];
      for (const expression of expressions) {
        for (let hit = nextHit(expression, text, 0); hit !== null;) {
          hits.push({ ...hit, start: view.original(hit.start), end: view.original(hit.end) });
          hit = nextHit(expression, text, hit.start + codePointWidthAt(text, hit.start));
        }
      }
      return hits;
    },
  };
}
