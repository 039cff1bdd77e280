/** Words the popover uses for fact-base values. */
import type { EntityKind } from '../facts/schema';

const KIND_LABELS: Record<EntityKind, string> = {
  company: 'Company',
  product: 'Product',
  organization: 'Organization',
  person: 'Person',
  place: 'Place',
  program: 'Program',
  topic: 'Topic',
};

/** The kind of an entity as a label: "Company", "Organization", … */
export function kindLabel(kind: EntityKind): string {
  return KIND_LABELS[kind];
}

/** "1 figure", "3 figures": a count with its noun, singular or plural. */
export function countLabel(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

/** A checked figure's verdict in words (the page marks it by its line's style and colour). */
export const VERDICT_LABELS = { agrees: 'Agrees', close: 'Close', differs: 'Differs' } as const;
