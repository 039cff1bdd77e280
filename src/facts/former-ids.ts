/**
 * Ids that moved (issue 11). An entity's id is a slug of its name, so when the builder joins two names as
 * one entity ("U.S." into "United States", "Kessler" into "Wade Kessler" once a story names him in full)
 * or the user renames or merges one, the id of the name that gave way is gone, and what the user keeps
 * under it (a mute, "Not this …" on a site) would stop applying without a word. The fact base keeps those
 * ids on the entity that took them over (`Entity.formerIds`); this reads them. Stored ids are never
 * rewritten: they are read through this map each time, so a join the builder later undoes (a second
 * Kessler arrives) gives the id back to its own entity, and nothing the user made is lost.
 */
import type { Entity } from './schema';

/**
 * Where each former id of `entities` went: former id → the id of the entity that has it now. An id an
 * entity still has itself is that entity's and is left out; an id two entities claim goes to the first
 * in the order given (the fact base's, by id).
 */
export function successorsOf(entities: readonly Pick<Entity, 'id' | 'formerIds'>[]): Map<string, string> {
  const present = new Set(entities.map((entity) => entity.id));
  const successors = new Map<string, string>();
  for (const entity of entities) {
    for (const former of entity.formerIds ?? []) {
      if (!present.has(former) && !successors.has(former)) successors.set(former, entity.id);
    }
  }
  return successors;
}

/** The id `id` names now: its successor's when it moved, else itself. */
export function currentId(successors: ReadonlyMap<string, string>, id: string): string {
  return successors.get(id) ?? id;
}
