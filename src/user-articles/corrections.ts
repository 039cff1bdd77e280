/**
 * The user's corrections to what the builder found: rename, re-kind, merge or
 * drop an entity; move or drop a figure. The schema of the stored record (and
 * of the corrections a backup carries), and the pure list operations the
 * options page, the entity view and the background share. Kept free of the
 * ingest pipeline (yaml, compromise): the options page and the popup import it.
 *
 * Corrections are kept by what they are about, not by where it sits in the
 * fact base, so each applies again after every rebuild (see `entityKey` and
 * `figureKey`).
 */
import * as z from 'zod/mini';
import { EntityKind, Slug, type Figure } from '../facts/schema';
import { slugify } from '../ingest/slug';

/** The storage key of the corrections. */
export const CORRECTIONS_KEY = 'corrections';

/** The current version of the stored record. */
export const CORRECTIONS_VERSION = 1;

const Name = z.string().check(
  z.refine((text) => text.trim().length > 0, 'is empty'),
  z.maxLength(200),
);

/**
 * An entity as the builder made it, before any correction: its id and its
 * name. A bundled entity is found again by its id; one discovered in the
 * user's articles by its name, as the catalog's `discovery:` rules find it,
 * because its id is only a slug of that name.
 */
export const EntityRef = z.strictObject({ id: Slug, name: Name });
export type EntityRef = z.infer<typeof EntityRef>;

/**
 * A figure by its story, its own words and its sentence. Not by its id
 * (`story#n`): that is its position in the story, and shifts whenever the
 * builder learns to find one more or one fewer figure before it.
 */
export const FigureRef = z.strictObject({ storyId: Slug, text: z.string(), sentence: z.string() });
export type FigureRef = z.infer<typeof FigureRef>;

/** When a correction was made, ISO 8601; shown in the list and used to order it. */
const At = z.string();

/** Show the entity under another name. */
export const RenameEntity = z.strictObject({ type: z.literal('entity/rename'), entity: EntityRef, name: Name, at: At });
/** Give the entity another kind. */
export const RekindEntity = z.strictObject({
  type: z.literal('entity/kind'),
  entity: EntityRef,
  kind: EntityKind,
  at: At,
});
/** Fold the entity into another: its names, stories and figures become the other's. */
export const MergeEntity = z.strictObject({
  type: z.literal('entity/merge'),
  entity: EntityRef,
  into: EntityRef,
  at: At,
});
/** The entity is not one: leave it out. */
export const DropEntity = z.strictObject({ type: z.literal('entity/drop'), entity: EntityRef, at: At });
/** The figure belongs to these entities (none: to its story only). */
export const MoveFigure = z.strictObject({
  type: z.literal('figure/move'),
  figure: FigureRef,
  to: z.array(EntityRef),
  at: At,
});
/** The figure is not one: leave it out. */
export const DropFigure = z.strictObject({ type: z.literal('figure/drop'), figure: FigureRef, at: At });

/** One correction. */
export const Correction = z.discriminatedUnion('type', [
  RenameEntity,
  RekindEntity,
  MergeEntity,
  DropEntity,
  MoveFigure,
  DropFigure,
]);
export type Correction = z.infer<typeof Correction>;
export type EntityCorrection = Extract<Correction, { entity: EntityRef }>;
export type FigureCorrection = Extract<Correction, { figure: FigureRef }>;

/** What `browser.storage.local` holds under {@link CORRECTIONS_KEY}. */
export const StoredCorrections = z.object({
  version: z.literal(CORRECTIONS_VERSION),
  corrections: z.array(Correction),
});
export type StoredCorrections = z.infer<typeof StoredCorrections>;

/** A correction as the user asks for it, before it is stamped. */
export type CorrectionRequest = Correction extends infer C ? (C extends Correction ? Omit<C, 'at'> : never) : never;

/** How an entity is found again: a discovered one by its name in any case, as discovery rules are. */
export function entityKey(ref: EntityRef, bundledIds: ReadonlySet<string>): string {
  return bundledIds.has(ref.id) ? `id:${ref.id}` : `name:${ref.name.toLowerCase()}`;
}

/** How a figure is found again; see {@link FigureRef}. */
export function figureKey(figure: FigureRef): string {
  return `${figure.storyId}\n${figure.text}\n${figure.sentence}`;
}

/** The reference of a figure of the fact base. */
export function figureRef(figure: Pick<Figure, 'storyId' | 'text' | 'sentence'>): FigureRef {
  return { storyId: figure.storyId, text: figure.text, sentence: figure.sentence };
}

/**
 * What a correction is about, and which part of it: a later correction with
 * the same slot replaces the earlier one. An entity's fate (merged or dropped)
 * is one slot, so dropping a merged entity undoes the merge; its name and kind
 * are slots of their own. A figure has one slot: moved or dropped.
 */
export function correctionSlot(correction: Correction | CorrectionRequest): string {
  if ('figure' in correction) return `figure\n${figureKey(correction.figure)}`;
  const part = correction.type === 'entity/merge' || correction.type === 'entity/drop' ? 'fate' : correction.type;
  // Entities are compared by id and by name here: the slot must not depend on which of them are bundled.
  return `${part}\n${correction.entity.id}\n${correction.entity.name.toLowerCase()}`;
}

/** Sorted oldest first, then by slot, so equal lists are stored identically. */
function ordered(corrections: readonly Correction[]): Correction[] {
  return [...corrections].sort(
    (a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0) || (correctionSlot(a) < correctionSlot(b) ? -1 : 1),
  );
}

/** The record to store for `corrections`. */
export function correctionsRecord(corrections: readonly Correction[]): StoredCorrections {
  return { version: CORRECTIONS_VERSION, corrections: ordered(corrections) };
}

/**
 * The id the entity of `ref` has once `corrections` are applied: a rename of
 * a discovered entity gives it the slug of its new name (the builder makes
 * ids that way); a bundled one keeps its id.
 */
export function correctedId(
  corrections: readonly Correction[],
  ref: EntityRef,
  bundledIds: ReadonlySet<string>,
): string {
  if (bundledIds.has(ref.id)) return ref.id;
  const key = entityKey(ref, bundledIds);
  const rename = corrections.find(
    (correction) => correction.type === 'entity/rename' && entityKey(correction.entity, bundledIds) === key,
  );
  return rename?.type === 'entity/rename' ? slugify(rename.name) || ref.id : ref.id;
}

/**
 * The entity as the builder made it, for one the user sees now: an entity
 * renamed before is shown under its new name (and, if discovered, a new id),
 * but its corrections stay keyed by the name the builder found.
 */
export function originalEntity(corrections: readonly Correction[], shown: EntityRef): EntityRef {
  const renamed = corrections.find(
    (correction) =>
      correction.type === 'entity/rename' &&
      (correction.entity.id === shown.id || slugify(correction.name) === shown.id) &&
      correction.name.toLowerCase() === shown.name.toLowerCase(),
  );
  return renamed?.type === 'entity/rename' ? renamed.entity : { id: shown.id, name: shown.name };
}

/**
 * Add a correction (stamped `now`), replacing any in the same slot. A rename
 * back to the name the builder gave is no correction: it only removes the
 * rename in that slot.
 */
export function addCorrection(
  corrections: readonly Correction[],
  request: CorrectionRequest,
  now: number,
): Correction[] {
  const slot = correctionSlot(request);
  const others = corrections.filter((correction) => correctionSlot(correction) !== slot);
  if (request.type === 'entity/rename' && request.name.trim() === request.entity.name) return ordered(others);
  const correction = Correction.parse({ ...request, at: new Date(now).toISOString() });
  return ordered([...others, correction]);
}

/** Remove the correction in `correction`'s slot; removing one that is not there does nothing. */
export function removeCorrection(corrections: readonly Correction[], correction: Correction): Correction[] {
  const slot = correctionSlot(correction);
  return corrections.filter((entry) => correctionSlot(entry) !== slot);
}

/** The corrections about one entity (by the name or id the builder gave it), one per slot. */
export function correctionsOfEntity(corrections: readonly Correction[], ref: EntityRef): EntityCorrection[] {
  return corrections.filter(
    (correction): correction is EntityCorrection =>
      'entity' in correction &&
      (correction.entity.id === ref.id || correction.entity.name.toLowerCase() === ref.name.toLowerCase()),
  );
}

/** The correction of one figure, if any. */
export function correctionOfFigure(
  corrections: readonly Correction[],
  figure: Pick<Figure, 'storyId' | 'text' | 'sentence'>,
): FigureCorrection | undefined {
  const key = figureKey(figureRef(figure));
  return corrections.find(
    (correction): correction is FigureCorrection => 'figure' in correction && figureKey(correction.figure) === key,
  );
}

/** One sentence saying what a correction does, for lists and announcements. */
export function describeCorrection(correction: Correction): string {
  switch (correction.type) {
    case 'entity/rename':
      return `“${correction.entity.name}” is called “${correction.name}”`;
    case 'entity/kind':
      return `“${correction.entity.name}” is ${/^[aeiou]/.test(correction.kind) ? 'an' : 'a'} ${correction.kind}`;
    case 'entity/merge':
      return `“${correction.entity.name}” is another name for “${correction.into.name}”`;
    case 'entity/drop':
      return `“${correction.entity.name}” is not an entity`;
    case 'figure/move':
      return correction.to.length
        ? `“${correction.figure.text}” is about ${correction.to.map((ref) => `“${ref.name}”`).join(', ')}`
        : `“${correction.figure.text}” is about its story only`;
    case 'figure/drop':
      return `“${correction.figure.text}” is not a figure`;
  }
}
