/**
 * Context words: the evidence that an ambiguous name means our entity.
 * "Credo" is a chip company on a page about semiconductors and a creed on a
 * petition; "Azure" is a cloud next to "Microsoft" and a colour in a poem.
 *
 * A context word counts when it occurs anywhere in the given text as a whole
 * word (the same boundaries as mentions), in any letter case. All words of
 * all entities are found in one pass per layer: words are split into layers
 * in which no word's key is a prefix of another's, so that at each position
 * at most one word of a layer can occur and none is hidden behind a longer
 * one ("data" behind "data center").
 */
import { aliasKey } from './alias-key';
import { instantiateAliasSet, planAliasSet, type AliasSetOptions, type AliasSetPlan } from './alias-set';

/** Options for {@link planContextWords} and {@link instantiateContextWords}. */
export interface ContextOptions extends AliasSetOptions {
  /** How many distinct context words an entity needs. Default 1. */
  minContextWords?: number;
}

/** Compiled context words of a set of entities. */
export interface ContextWords {
  /** The entities that need context. */
  readonly entityIds: ReadonlySet<string>;
  /** The entities of {@link entityIds} with enough context words in `text`. */
  entitiesWithContext(text: string): Set<string>;
}

/** Gives each key its layer: one more than the deepest layer among the keys it extends. */
function layerKeys(keys: readonly string[]): string[][] {
  const layerOf = new Map<string, number>();
  const layers: string[][] = [];
  for (const key of [...keys].sort((a, b) => a.length - b.length)) {
    let layer = 0;
    for (let length = 1; length < key.length; length++) {
      const below = layerOf.get(key.slice(0, length));
      if (below !== undefined) layer = Math.max(layer, below + 1);
    }
    layerOf.set(key, layer);
    (layers[layer] ??= []).push(key);
  }
  return layers;
}

/**
 * Context words worked out ahead of use, as plain data (see
 * `AliasSetPlan`): each entity's words by index, and the layers of words.
 */
export interface ContextPlan {
  /** Entity id → indexes of its words (entities left without words are not listed). */
  entities: [entityId: string, wordIndexes: number[]][];
  /** Words in prefix-free layers; `wordIndexes[i]` is the word of the layer's input `i`. */
  layers: { set: AliasSetPlan; wordIndexes: number[] }[];
}

/**
 * Plans the context words of each entity (entity id → words). Words that are
 * empty are ignored; an entity left without words needs no context and is
 * not listed.
 */
export function planContextWords(
  wordsByEntity: ReadonlyMap<string, readonly string[]>,
  options: AliasSetOptions = {},
): ContextPlan {
  const wordIndexByKey = new Map<string, number>();
  const entities: ContextPlan['entities'] = [];
  for (const [entityId, words] of wordsByEntity) {
    const indexes = new Set<number>();
    for (const word of words) {
      const key = aliasKey(word, true);
      if (key === null) continue;
      if (!wordIndexByKey.has(key)) wordIndexByKey.set(key, wordIndexByKey.size);
      indexes.add(wordIndexByKey.get(key)!);
    }
    if (indexes.size > 0) entities.push([entityId, [...indexes]]);
  }
  // A key is its own case-folded text, so it compiles to the same word.
  const layers = layerKeys([...wordIndexByKey.keys()]).map((keys) => ({
    set: planAliasSet(
      keys.map((key) => ({ text: key, insensitive: true })),
      options,
    ),
    wordIndexes: keys.map((key) => wordIndexByKey.get(key)!),
  }));
  return { entities, layers };
}

/** The {@link ContextWords} of a plan. */
export function instantiateContextWords(
  plan: ContextPlan,
  options: Pick<ContextOptions, 'minContextWords'> = {},
): ContextWords {
  const minContextWords = options.minContextWords ?? 1;
  const wordsOfEntity = new Map(plan.entities);
  const layers = plan.layers.map(({ set, wordIndexes }) => ({ set: instantiateAliasSet(set), wordIndexes }));

  return {
    entityIds: new Set(wordsOfEntity.keys()),
    entitiesWithContext(text) {
      const satisfied = new Set<string>();
      if (wordsOfEntity.size === 0) return satisfied;
      const found = new Set<number>();
      for (const { set, wordIndexes } of layers) {
        for (const hit of set.findAtEveryStart(text)) found.add(wordIndexes[hit.alias]!);
      }
      for (const [entityId, indexes] of wordsOfEntity) {
        if (indexes.filter((index) => found.has(index)).length >= minContextWords) satisfied.add(entityId);
      }
      return satisfied;
    },
  };
}
