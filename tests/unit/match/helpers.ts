import { compileMatcher, type Matcher, type MatcherOptions } from '@/src/match/matcher';
import type { MatcherPayload } from '@/src/match/payload';
import type { ReferenceAlias } from '@/src/match/reference';

/** An alias as the tests write it: text, entity id, and `true` for case-insensitive. */
export type TestAlias = [text: string, entityId: string, insensitive?: boolean];

/** The payload for `aliases`, entities numbered in order of first appearance. */
export function payloadOf(aliases: readonly TestAlias[], context: Record<string, string[]> = {}): MatcherPayload {
  const entities = [...new Set([...aliases.map(([, id]) => id), ...Object.keys(context)])];
  return {
    v: 1,
    entities,
    aliases: aliases.map(([text, id, insensitive]) => [text, entities.indexOf(id), insensitive ? 1 : 0]),
    context: Object.fromEntries(Object.entries(context).map(([id, words]) => [String(entities.indexOf(id)), words])),
  };
}

/** The same aliases as the reference matcher takes them. */
export function referenceAliasesOf(aliases: readonly TestAlias[]): ReferenceAlias[] {
  return aliases.map(([text, entityId, insensitive]) => ({
    text,
    entityId,
    case: insensitive ? 'insensitive' : 'exact',
  }));
}

/** A matcher for `aliases`. */
export function matcherOf(aliases: readonly TestAlias[], options?: MatcherOptions): Matcher {
  return compileMatcher(payloadOf(aliases), options);
}

/** What a reader would see highlighted: the text of each mention and its entity. */
export function highlighted(matcher: Matcher, text: string): [string, string][] {
  return matcher.findMentions(text).map((mention) => [text.slice(mention.start, mention.end), mention.entityId]);
}
