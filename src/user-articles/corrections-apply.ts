/**
 * Applying the user's corrections on every rebuild, in two parts. Entities
 * discovered in the user's articles are corrected the way the catalog's
 * `discovery:` section corrects discovered names, as rules handed to the
 * build (`discoveryRulesOf`), so a dropped name is never found and a name
 * merged into a bundled entity is matched as that entity in every sentence,
 * and its figures follow. What rules can not say (a bundled entity renamed,
 * re-kinded, merged or dropped; a discovered entity merged into another
 * discovered one; every figure correction) is a pure pass over the merged
 * fact base (`applyCorrections`). A correction naming something the fact base
 * no longer has does nothing, and stays: it may apply again later.
 */
import { currentId, successorsOf } from '../facts/former-ids';
import type { AliasRule, Entity, FactBase, Figure, Story } from '../facts/schema';
import type { DiscoveryRules } from '../ingest/catalog';
import { slugify } from '../ingest/slug';
import { correctedId, figureKey, type Correction, type EntityRef } from './corrections';

/**
 * The discovery rules that say the user's corrections of entities discovered
 * in their articles (entities whose id is not in `bundledIds`). A rename onto
 * the name of a bundled entity is a merge into it: the build would otherwise
 * leave the renamed entity out, its id being taken.
 */
export function discoveryRulesOf(corrections: readonly Correction[], bundledIds: ReadonlySet<string>): DiscoveryRules {
  const rules: Required<DiscoveryRules> = { suppress: [], merge: {}, rename: {}, kind: {} };
  for (const correction of corrections) {
    if (!('entity' in correction) || bundledIds.has(correction.entity.id)) continue;
    const name = correction.entity.name;
    switch (correction.type) {
      case 'entity/drop':
        rules.suppress.push(name);
        break;
      case 'entity/rename': {
        const id = slugify(correction.name);
        if (bundledIds.has(id)) rules.merge[name] = id;
        else rules.rename[name] = correction.name;
        break;
      }
      case 'entity/kind':
        rules.kind[name] = correction.kind;
        break;
      case 'entity/merge':
        // Only a catalog entity can take a merge rule; a discovered target is merged after the build.
        if (bundledIds.has(correction.into.id)) rules.merge[name] = correction.into.id;
        break;
    }
  }
  return rules;
}

/** The bundled catalog's rules with the user's: names are compared in any case, so the user's win on a clash. */
export function unionDiscoveryRules(bundled: DiscoveryRules | undefined, user: DiscoveryRules): DiscoveryRules {
  const userNames = (record: Record<string, string> | undefined) =>
    new Set(Object.keys(record ?? {}).map((name) => name.toLowerCase()));
  const without = <T extends string>(record: Record<string, T> | undefined, names: Set<string>) =>
    Object.fromEntries(Object.entries(record ?? {}).filter(([name]) => !names.has(name.toLowerCase())));
  // A name the user re-homes (merged or renamed) must not keep the catalog's other rule for it.
  const moved = new Set([...userNames(user.merge), ...userNames(user.rename)]);
  return {
    suppress: [...(bundled?.suppress ?? []), ...(user.suppress ?? [])],
    merge: { ...without(bundled?.merge, moved), ...user.merge },
    rename: { ...without(bundled?.rename, moved), ...user.rename },
    kind: { ...bundled?.kind, ...user.kind },
  };
}

function unique<T>(items: Iterable<T>): T[] {
  return [...new Set(items)];
}

/**
 * Where each merged-away entity id goes, following chains (a → b → c) and ignoring cycles. A target the
 * builder has since joined into another entity (see `facts/former-ids.ts`) is that entity now.
 */
function mergeTargets(
  corrections: readonly Correction[],
  bundledIds: ReadonlySet<string>,
  present: ReadonlySet<string>,
  successors: ReadonlyMap<string, string>,
): Map<string, string> {
  const direct = new Map<string, string>();
  for (const correction of corrections) {
    if (correction.type !== 'entity/merge') continue;
    const discoveredIntoBundled = !bundledIds.has(correction.entity.id) && bundledIds.has(correction.into.id);
    if (discoveredIntoBundled) continue; // done by the build's merge rule
    const from = correctedId(corrections, correction.entity, bundledIds);
    const into = currentId(successors, correctedId(corrections, correction.into, bundledIds));
    if (from !== into && present.has(from) && present.has(into)) direct.set(from, into);
  }
  const final = new Map<string, string>();
  for (const from of direct.keys()) {
    let to = direct.get(from)!;
    const seen = new Set([from]);
    while (direct.has(to) && !seen.has(to)) {
      seen.add(to);
      to = direct.get(to)!;
    }
    if (to !== from && !seen.has(to)) final.set(from, to);
  }
  return final;
}

/** `entity` with `names` among its aliases; those of them in `shortForms` that it lacked become short forms. */
function withAliases(entity: Entity, names: readonly string[], shortForms: readonly string[] = []): Entity {
  const aliases = unique([...entity.aliases, ...names]);
  const added = aliases.filter((alias) => !entity.aliases.includes(alias));
  if (added.length === 0) return entity;
  const short = unique([...(entity.shortForms ?? []), ...added.filter((alias) => shortForms.includes(alias))]);
  return {
    ...entity,
    aliases,
    ...(short.length > 0 && { shortForms: short }),
    ...(entity.aliasRules && {
      aliasRules: [...entity.aliasRules, ...added.map((text): AliasRule => ({ text, case: 'exact' }))],
    }),
  };
}

/** `entity` called `name`: its own name is never one of its short forms. */
function named(entity: Entity, name: string): Entity {
  const shortForms = entity.shortForms?.filter((form) => form !== name);
  const { shortForms: _dropped, ...rest } = entity;
  return { ...rest, name, ...(shortForms?.length && { shortForms }) };
}

/** Bundled entities renamed and re-kinded by id; everything else is left as it is. */
function correctBundledEntities(
  entities: readonly Entity[],
  corrections: readonly Correction[],
  bundledIds: ReadonlySet<string>,
): Entity[] {
  const names = new Map<string, string>();
  const kinds = new Map<string, Entity['kind']>();
  for (const correction of corrections) {
    if (!('entity' in correction) || !bundledIds.has(correction.entity.id)) continue;
    if (correction.type === 'entity/rename') names.set(correction.entity.id, correction.name);
    if (correction.type === 'entity/kind') kinds.set(correction.entity.id, correction.kind);
  }
  return entities.map((entity) => {
    const name = names.get(entity.id);
    const kind = kinds.get(entity.id);
    let corrected = entity;
    // The new name is matched on pages too, as a renamed discovered entity's is; the old names still are.
    if (name !== undefined) corrected = named(withAliases(corrected, [name]), name);
    if (kind !== undefined) corrected = { ...corrected, kind };
    return corrected;
  });
}

/** The ids of bundled entities the user dropped (discovered ones are suppressed by the build). */
function droppedIds(corrections: readonly Correction[], bundledIds: ReadonlySet<string>): Set<string> {
  return new Set(
    corrections
      .filter((correction) => correction.type === 'entity/drop' && bundledIds.has(correction.entity.id))
      .map((correction) => (correction as { entity: EntityRef }).entity.id),
  );
}

/**
 * Entities merged and dropped: every reference to a merged entity now names
 * its target, and a dropped entity is named nowhere; its figures stay with
 * their stories.
 */
function foldEntities(factBase: FactBase, into: ReadonlyMap<string, string>, dropped: ReadonlySet<string>): FactBase {
  if (into.size === 0 && dropped.size === 0) return factBase;
  const map = (ids: readonly string[]) => unique(ids.map((id) => into.get(id) ?? id).filter((id) => !dropped.has(id)));
  const byId = new Map(factBase.entities.map((entity) => [entity.id, entity]));
  for (const [from, to] of into) {
    const source = byId.get(from)!;
    const target = byId.get(to)!;
    // The source's id, and those it had taken over, now name the target (see `facts/former-ids.ts`).
    const formerIds = unique([...(target.formerIds ?? []), from, ...(source.formerIds ?? [])])
      .filter((id) => id !== to)
      .sort();
    byId.set(to, {
      ...withAliases(target, [source.name, ...source.aliases], source.shortForms),
      formerIds,
      storyIds: unique([...target.storyIds, ...source.storyIds]),
      figureIds: unique([...target.figureIds, ...source.figureIds]),
    });
  }
  // Targets are final (see mergeTargets), so no target is itself merged away.
  const entities = [...byId.values()].filter((entity) => !into.has(entity.id) && !dropped.has(entity.id));
  const stories = factBase.stories.map((story): Story => {
    const sentences = new Map<string, string[]>();
    for (const mention of story.mentions) {
      const id = into.get(mention.entityId) ?? mention.entityId;
      if (dropped.has(id)) continue;
      sentences.set(id, unique([...(sentences.get(id) ?? []), ...mention.sentences]));
    }
    return {
      ...story,
      entityIds: map(story.entityIds),
      mentions: [...sentences].map(([entityId, said]) => ({ entityId, sentences: said })),
    };
  });
  const figures = factBase.figures.map((figure): Figure => ({ ...figure, entityIds: map(figure.entityIds) }));
  return { ...factBase, entities, stories, figures };
}

/**
 * Figures dropped and moved; every entity's figure list follows. A figure moved to an entity the builder
 * has since joined into another goes to that one.
 */
function correctFigures(
  factBase: FactBase,
  corrections: readonly Correction[],
  bundledIds: ReadonlySet<string>,
  into: ReadonlyMap<string, string>,
  successors: ReadonlyMap<string, string>,
): FactBase {
  const byFigure = new Map<string, Correction>();
  for (const correction of corrections)
    if ('figure' in correction) byFigure.set(figureKey(correction.figure), correction);
  if (byFigure.size === 0) return factBase;

  const present = new Set(factBase.entities.map((entity) => entity.id));
  const droppedFigures = new Set<string>();
  const owners = new Map<string, string[]>(); // figure id → new owners, for moved figures
  const figures: Figure[] = [];
  for (const figure of factBase.figures) {
    const correction = byFigure.get(figureKey(figure));
    if (correction?.type === 'figure/drop') {
      droppedFigures.add(figure.id);
      continue;
    }
    if (correction?.type === 'figure/move') {
      const entityIds = unique(
        correction.to
          .map((ref) => currentId(successors, correctedId(corrections, ref, bundledIds)))
          .map((id) => into.get(id) ?? id)
          .filter((id) => present.has(id)),
      );
      owners.set(figure.id, entityIds);
      figures.push({ ...figure, entityIds });
      continue;
    }
    figures.push(figure);
  }
  const changed = (id: string) => droppedFigures.has(id) || owners.has(id);
  const entities = factBase.entities.map((entity): Entity => {
    const gained = [...owners].filter(([, ids]) => ids.includes(entity.id)).map(([id]) => id);
    const kept = entity.figureIds.filter((id) => !changed(id));
    if (kept.length === entity.figureIds.length && gained.length === 0) return entity;
    // Keep the fact base's order (figures by story, then position) for the figures the entity gains.
    const order = new Map(figures.map((figure, index) => [figure.id, index]));
    const figureIds = unique([...kept, ...gained]).sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    return { ...entity, figureIds };
  });
  const stories = factBase.stories.map((story): Story =>
    story.figureIds.some((id) => droppedFigures.has(id))
      ? { ...story, figureIds: story.figureIds.filter((id) => !droppedFigures.has(id)) }
      : story,
  );
  return { ...factBase, entities, stories, figures };
}

/**
 * The fact base with the corrections the build's discovery rules could not
 * make: bundled entities renamed, re-kinded, merged or dropped by id, entities
 * merged into discovered ones, and figures moved or dropped. Pure; entities
 * and figures a correction names but the fact base lacks are passed over.
 */
export function applyCorrections(
  factBase: FactBase,
  corrections: readonly Correction[],
  bundledIds: ReadonlySet<string>,
): FactBase {
  if (corrections.length === 0) return factBase;
  const present = new Set(factBase.entities.map((entity) => entity.id));
  const successors = successorsOf(factBase.entities);
  const into = mergeTargets(corrections, bundledIds, present, successors);
  const dropped = droppedIds(corrections, bundledIds);
  const renamed = { ...factBase, entities: correctBundledEntities(factBase.entities, corrections, bundledIds) };
  const folded = foldEntities(renamed, into, dropped);
  return correctFigures(folded, corrections, bundledIds, into, successors);
}
