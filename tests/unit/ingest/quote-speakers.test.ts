import { describe, expect, it } from 'vitest';
import type { OwnerMention } from '@/src/ingest/owners';
import { quoteSpeakers } from '@/src/ingest/quote-speakers';

/** Invented people, as the matcher would report them. */
const PEOPLE: Record<string, string> = { 'Jane Roe': 'jane-roe', Roe: 'jane-roe', 'John Doe': 'john-doe' };

function sentence(text: string): { text: string; mentions: OwnerMention[] } {
  const mentions: OwnerMention[] = [];
  for (const [name, entityId] of Object.entries(PEOPLE)) {
    for (const match of text.matchAll(new RegExp(`\\b${name}\\b`, 'g'))) {
      const covered = mentions.some((m) => m.start <= match.index && m.end >= match.index + name.length);
      if (!covered) mentions.push({ entityId, kind: 'person', start: match.index, end: match.index + name.length });
    }
  }
  return { text, mentions: mentions.sort((a, b) => a.start - b.start) };
}

describe('quoteSpeakers', () => {
  it.each<[string, string[], (string | undefined)[]]>([
    [
      'an attribution after the closing mark, for every sentence of the quotation',
      ['“I lost 14 followers in a week.', 'I don’t post as often,” said Roe.', 'The app grew.'],
      ['jane-roe', 'jane-roe', undefined],
    ],
    ['a name before "said"', ['“Of my 1,000 followers, five left,” Jane Roe said.'], ['jane-roe']],
    ['straight quotation marks', ['"I sold 30 boats," said John Doe.'], ['john-doe']],
    [
      'no speaker for a quotation nobody is named for, nor for the next one',
      ['“I lost 14 followers.”', '“Sales fell,” said the report.', 'John Doe left.'],
      [undefined, undefined, undefined],
    ],
    ['no speaker for the writer’s own "I"', ['I have accounts on hundreds of services.'], [undefined]],
  ])('%s', (_, texts, speakers) => {
    expect(quoteSpeakers(texts.map(sentence))).toEqual(speakers);
  });
});
