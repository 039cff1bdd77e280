/**
 * An in-memory stand-in for `browser.storage.local`: values go through JSON
 * on the way in and out, as the real area copies them, and `onChanged`
 * fires with the same shape the browser uses. `failWrites` makes it refuse
 * writes the way a full quota does, optionally after storing part of them.
 */
import type { StorageArea, StorageChange } from '@/src/settings/storage-area';

type Listener = (changes: Record<string, StorageChange>, areaName: string) => void;

/** A storage area for tests, with its contents and change event in reach. */
export interface MemoryArea extends StorageArea {
  readonly data: Map<string, unknown>;
  readonly onChanged: {
    addListener(listener: Listener): void;
    removeListener(listener: Listener): void;
  };
  /** Every `set` call, in order, as the keys it wrote. */
  readonly writes: string[][];
  /**
   * Make the next `set` calls with more than `keysBeforeFailure` keys… fail:
   * the first `keysBeforeFailure` keys are stored, then it throws. Null: writes succeed.
   */
  failWrites: { keysBeforeFailure: number; times: number } | null;
}

const copy = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

/** A fresh area holding `initial`. */
export function memoryArea(initial: Record<string, unknown> = {}): MemoryArea {
  const data = new Map<string, unknown>(Object.entries(initial).map(([key, value]) => [key, copy(value)]));
  const listeners = new Set<Listener>();
  const writes: string[][] = [];
  const emit = (changes: Record<string, StorageChange>) => {
    if (Object.keys(changes).length) for (const listener of listeners) listener(changes, 'local');
  };
  const area: MemoryArea = {
    data,
    writes,
    failWrites: null,
    onChanged: { addListener: (listener) => listeners.add(listener), removeListener: (l) => listeners.delete(l) },
    async get(keys) {
      const wanted = keys === null ? [...data.keys()] : typeof keys === 'string' ? [keys] : keys;
      const result: Record<string, unknown> = {};
      for (const key of wanted) if (data.has(key)) result[key] = copy(data.get(key));
      return result;
    },
    async set(items) {
      const entries = Object.entries(items);
      writes.push(entries.map(([key]) => key));
      const failure = area.failWrites;
      const changes: Record<string, StorageChange> = {};
      const apply = (list: [string, unknown][]) => {
        for (const [key, value] of list) {
          changes[key] = { oldValue: copy(data.get(key)), newValue: copy(value) };
          data.set(key, copy(value));
        }
      };
      if (failure && failure.times > 0) {
        failure.times--;
        apply(entries.slice(0, failure.keysBeforeFailure));
        emit(changes);
        throw new Error('QUOTA_BYTES quota exceeded');
      }
      apply(entries);
      emit(changes);
    },
    async remove(keys) {
      const changes: Record<string, StorageChange> = {};
      for (const key of typeof keys === 'string' ? [keys] : keys) {
        if (!data.has(key)) continue;
        changes[key] = { oldValue: copy(data.get(key)) };
        data.delete(key);
      }
      emit(changes);
    },
  };
  return area;
}
