/**
 * What a reader types into the popup's search box, a keystroke at a time:
 * names from the fact base, topics, figures, a typo. Shared by the Node and
 * the in-browser search measurements so both time the same queries.
 */
import type { FactBase } from '@/src/facts/schema';

/** Phrases that do not depend on the fact base. */
export const TOPIC_PHRASES: readonly string[] = [
  'cloud revenue growth',
  '20 million',
  '29%',
  'microsfot',
  'data center chips',
  'energy department',
];

/** Every prefix of `phrase`, shortest first: what the box holds after each keystroke. */
export function keystrokes(phrase: string): string[] {
  return Array.from(phrase, (_, at) => phrase.slice(0, at + 1));
}

/**
 * The typing sessions to time: two entity names and a story title's first
 * words from `factBase`, then the topic phrases. Each session is the list of
 * queries its keystrokes produce.
 */
export function typingSessions(factBase: FactBase): string[][] {
  const names = [factBase.entities[3], factBase.entities[Math.floor(factBase.entities.length / 2)]]
    .filter((entity) => entity !== undefined)
    .map((entity) => entity.name.toLowerCase());
  const title = factBase.stories[7]?.title.split(/\s+/).slice(0, 3).join(' ').toLowerCase();
  const phrases = [...names, ...(title ? [title] : []), ...TOPIC_PHRASES];
  return phrases.map(keystrokes);
}
