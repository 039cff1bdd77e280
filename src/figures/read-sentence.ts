/**
 * Reads the figures a page's sentence gives about the entities it names, with
 * the fact base builder's own readers (`src/ingest`): the same numerals, hedges,
 * rates, periods, measures, statuses and owners as the stories' figures, so a
 * page's "$240 million a year" and a story's "nearly $20 million per month" are
 * read alike before they are compared. Runs where the fact base lives (the
 * background), never in a content script: the readers are large.
 *
 * Pure: a sentence and the entities named in it in, plain figures out.
 */
import type { EntityKind, Figure } from '../facts/schema';
import { extractFigures } from '../ingest/figures';
import { describeFigures } from '../ingest/measure';
import { figureOwners, type OwnerMention } from '../ingest/owners';

/** An entity named in the sentence, with its UTF-16 offsets in the sentence. */
export interface SentenceMention {
  entityId: string;
  kind: EntityKind;
  start: number;
  end: number;
}

/** A figure of a page's sentence, shaped like a fact base figure without its story. */
export type SentenceFigure = Omit<Figure, 'id' | 'storyId'>;

/**
 * The figures of `sentence`, each with the entities it is about (`entityIds`,
 * possibly empty). `subject` stands for "the company" and "it" when the
 * sentence names nobody: the entity the caller knows the page to be about.
 */
export function readSentenceFigures(
  sentence: string,
  mentions: readonly SentenceMention[],
  subject: readonly string[] = [],
): SentenceFigure[] {
  const extracted = extractFigures(sentence);
  if (extracted.length === 0) return [];
  const meanings = describeFigures(sentence, extracted);
  const owners: OwnerMention[] = mentions.map((mention) => ({ ...mention }));
  const discourse = { subject, named: owners.map(({ entityId, kind }) => ({ entityId, kind })) };
  return extracted.map((figure, index) => ({
    entityIds: figureOwners(
      sentence,
      { start: figure.offset, end: figure.offset + figure.text.length },
      owners,
      discourse,
    ),
    text: figure.text,
    sentence,
    unit: figure.unit,
    value: figure.value,
    ...(figure.upper !== undefined && { upper: figure.upper }),
    ...(figure.per !== undefined && { per: figure.per }),
    ...(figure.qualifier !== undefined && { qualifier: figure.qualifier }),
    ...(figure.period !== undefined && { period: figure.period }),
    ...(figure.vague && { vague: true }),
    offset: figure.offset,
    ...meanings[index],
  }));
}
