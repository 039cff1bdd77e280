/**
 * What the search indexes hold for each entity, story and figure: entities in
 * MiniSearch (numbered by position in the fact base), every field of stories
 * and figures in the compact text indexes (numbered the same way).
 */
import type { Entity, FactBase, Figure, Story } from '../facts/schema';
import { kindLabel } from '../format/labels';

/** The short, indexed text of one entity. */
export interface SearchDocument {
  /** The entity's position in the fact base. */
  id: number;
  /** Its name. */
  title: string;
  /** Its other names. */
  aliases: string;
  /** Its description. */
  summary: string;
  /** Its kind. */
  source: string;
}

/** The fields MiniSearch indexes. */
export const SEARCH_FIELDS = ['title', 'aliases', 'summary', 'source'] as const;

const SCALES = [
  { size: 1e12, word: 'trillion' },
  { size: 1e9, word: 'billion' },
  { size: 1e6, word: 'million' },
  { size: 1e3, word: 'thousand' },
] as const;

/** An amount in words a reader would type: 20000000 → "20 million", 143.61 → "143.61". */
function amountInWords(value: number): string {
  const magnitude = Math.abs(value);
  const scale = SCALES.find((candidate) => magnitude >= candidate.size);
  if (!scale) return String(value);
  return `${Number((value / scale.size).toPrecision(3))} ${scale.word}`;
}

/**
 * A figure's amount as words, so a search for what the number is finds it
 * whatever the article wrote: "almost a quarter" is 25 percent, "$20M" is
 * 20 million, "more than double" is 2 times. (Built here rather than with the
 * display formatter because Intl formatting is slow for thousands of figures.)
 */
export function figureAmountWords(figure: Figure): string {
  const amounts = [figure.value, ...(figure.upper === undefined ? [] : [figure.upper])];
  const words = amounts.map((amount) => {
    if (figure.unit === 'percent') return `${amount} percent`;
    // Written out as a reader would say it; the unit's code name ("percentage-point") is nobody's search.
    if (figure.unit === 'percentage-point') return `${amount} percentage ${amount === 1 ? 'point' : 'points'}`;
    if (figure.unit === 'multiple') return `${amount} times`;
    if (figure.unit === 'count') return amountInWords(amount);
    return `${amountInWords(amount)} ${figure.unit}`;
  });
  return [...words, figure.qualifier ?? '', figure.period ?? ''].filter(Boolean).join(' · ');
}

function namesOf(entityIds: readonly string[], entities: ReadonlyMap<string, Entity>): string {
  return entityIds
    .map((id) => entities.get(id)?.name)
    .filter(Boolean)
    .join(' · ');
}

/** The MiniSearch rows: one per entity. */
export function* documentsOf(factBase: FactBase): Generator<SearchDocument> {
  for (const [index, entity] of factBase.entities.entries()) {
    yield {
      id: index,
      title: entity.name,
      aliases: entity.aliases.filter((alias) => alias !== entity.name).join(' · '),
      summary: entity.description ?? '',
      source: kindLabel(entity.kind),
    };
  }
}

/** A field kept in a compact text index: its texts, one per story or per figure, and its boost. */
export interface TextField {
  texts: string[];
  boost: number;
}

/**
 * The fields of stories and figures, kept in compact text indexes rather than
 * MiniSearch, which keeps entities only. A story field has a row per story,
 * so a two-letter prefix of a common title word matches thousands of rows,
 * and MiniSearch makes an object for each (measured at 10,000 stories: a
 * third of a keystroke's time); the compact index adds into one array.
 * Boosts match {@link SEARCH_FIELDS}'s for the same kind of text.
 */
export function textFieldsOf(factBase: FactBase, entities: ReadonlyMap<string, Entity>) {
  return {
    story: {
      title: { texts: factBase.stories.map((story: Story) => story.title), boost: 6 },
      summary: { texts: factBase.stories.map((story: Story) => story.summary), boost: 2 },
      names: { texts: factBase.stories.map((story: Story) => namesOf(story.entityIds, entities)), boost: 1.5 },
      source: { texts: factBase.stories.map((story: Story) => story.source ?? ''), boost: 0.5 },
      body: { texts: factBase.stories.map((story: Story) => story.body), boost: 1 },
    },
    figure: {
      text: { texts: factBase.figures.map((figure: Figure) => figure.text), boost: 6 },
      amount: { texts: factBase.figures.map(figureAmountWords), boost: 4 },
      sentence: { texts: factBase.figures.map((figure: Figure) => figure.sentence), boost: 2 },
      names: { texts: factBase.figures.map((figure: Figure) => namesOf(figure.entityIds, entities)), boost: 1.5 },
    },
  } satisfies Record<string, Record<string, TextField>>;
}
