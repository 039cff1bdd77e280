import type { FactBase } from '../facts/schema';
import { indexFactBase, type FactBaseIndex } from './factbase-index';

/**
 * The fact base the background serves right now: the bundled one, later
 * merged with the user's own articles. Handlers read `current()` on every
 * request, so a replacement reaches the next request; listeners hear of it
 * so caches (matcher payload, search index) and open tabs can refresh.
 */
export interface FactBaseStore {
  current(): FactBaseIndex;
  replace(factBase: FactBase): void;
  /** Returns a function that removes the listener. */
  subscribe(listener: (index: FactBaseIndex) => void): () => void;
}

/** A store starting from `initial`. */
export function createFactBaseStore(initial: FactBase): FactBaseStore {
  let index = indexFactBase(initial);
  const listeners = new Set<(index: FactBaseIndex) => void>();
  return {
    current: () => index,
    replace(factBase) {
      index = indexFactBase(factBase);
      for (const listener of listeners) listener(index);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
