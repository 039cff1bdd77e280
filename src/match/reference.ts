/**
 * A slow matcher that is easy to check by reading: at each position, try
 * every alias, character by character. The tests (and the benchmark) compare
 * the compiled matcher against it on random inputs. It shares with the
 * compiled matcher only two definitions, the word-boundary rule
 * (`isWordEdge`) and equality ignoring case (`sameIgnoringCase`, the engine's
 * own `iu` folding), and spells out the rest of the rules again here:
 *
 * - an alias is trimmed; an empty alias or one with a lone surrogate never matches;
 * - a run of whitespace in the alias matches a run of whitespace in the text;
 * - ' and ’ in the alias match either of them in the text;
 * - any other character matches itself, or for an `insensitive` alias any
 *   character equal to it ignoring case (Unicode simple case folding);
 * - a match must start and end on a word edge;
 * - scanning left to right, the longest match at the leftmost position wins,
 *   then the earliest alias; the scan resumes after it.
 */
import { APOSTROPHES, sameIgnoringCase } from './alias-key';
import { isWordEdge } from './boundary';
import type { Mention } from './matcher';

/** An alias as the reference matcher takes it. */
export interface ReferenceAlias {
  text: string;
  case: 'exact' | 'insensitive';
  entityId: string;
}

type Token = { kind: 'space' } | { kind: 'apostrophe' } | { kind: 'char'; char: string };

const WHITESPACE = /\s/u;

function tokenize(alias: string): Token[] {
  const tokens: Token[] = [];
  for (const char of alias.trim()) {
    if (WHITESPACE.test(char)) {
      if (tokens.at(-1)?.kind !== 'space') tokens.push({ kind: 'space' });
    } else if (APOSTROPHES.includes(char)) {
      tokens.push({ kind: 'apostrophe' });
    } else {
      tokens.push({ kind: 'char', char });
    }
  }
  return tokens;
}

/** Where `tokens` matched from `start` end, or -1. */
function matchAt(text: string, start: number, tokens: readonly Token[], insensitive: boolean): number {
  let at = start;
  for (const token of tokens) {
    if (token.kind === 'space') {
      if (!WHITESPACE.test(text.charAt(at))) return -1;
      while (at < text.length && WHITESPACE.test(text.charAt(at))) at++;
    } else if (token.kind === 'apostrophe') {
      if (at >= text.length || !APOSTROPHES.includes(text.charAt(at))) return -1;
      at++;
    } else {
      const codePoint = text.codePointAt(at);
      if (codePoint === undefined) return -1;
      const char = String.fromCodePoint(codePoint);
      if (char !== token.char && !(insensitive && sameIgnoringCase(token.char, char))) return -1;
      at += char.length;
    }
  }
  return at;
}

/**
 * All mentions of `aliases` in `text`, by the rules above: sorted,
 * non-overlapping, leftmost-longest, ties to the earliest alias.
 */
export function referenceFindMentions(text: string, aliases: readonly ReferenceAlias[]): Mention[] {
  const prepared = aliases
    .filter((alias) => alias.text.trim() !== '' && !/\p{Cs}/u.test(alias.text))
    .map((alias) => {
      const tokens = tokenize(alias.text);
      return { ...alias, tokens, firstToken: tokens.slice(0, 1) };
    });
  // Which aliases can start with a given character, worked out once per
  // character; only these are tried in full. Keeps 20,000 aliases testable.
  const startingWith = new Map<string, typeof prepared>();
  const candidatesAt = (start: number) => {
    const char = String.fromCodePoint(text.codePointAt(start)!);
    let candidates = startingWith.get(char);
    if (candidates === undefined) {
      candidates = prepared.filter(
        (alias) => matchAt(char, 0, alias.firstToken, alias.case === 'insensitive') === char.length,
      );
      startingWith.set(char, candidates);
    }
    return candidates;
  };
  const mentions: Mention[] = [];
  for (let start = 0; start < text.length;) {
    let best: Mention | null = null;
    if (isWordEdge(text, start)) {
      for (const alias of candidatesAt(start)) {
        const end = matchAt(text, start, alias.tokens, alias.case === 'insensitive');
        if (end > start && isWordEdge(text, end) && (best === null || end > best.end)) {
          best = { start, end, entityId: alias.entityId };
        }
      }
    }
    if (best !== null) {
      mentions.push(best);
      start = best.end;
    } else {
      start++;
    }
  }
  return mentions;
}
