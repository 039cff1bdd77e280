/**
 * A storage area over IndexedDB, for what the background keeps for itself and that grows with the user's
 * articles: the kept analysis of them (src/user-articles/build-cache.ts). `storage.session` holds 10 MB
 * in Chrome, which the analysis of about 600 articles fills (bench:scale); `storage.local` would send
 * every write of it to each page's content script through `storage.onChanged`. IndexedDB has neither
 * limit nor broadcast, and survives a browser restart, so the first start of a session finds the
 * analysis too. Only the extension's own pages and background can open it.
 */
import type { StorageArea } from '../settings/storage-area';

const STORE = 'kept';

function request<T>(made: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    made.onsuccess = () => resolve(made.result);
    made.onerror = () => reject(made.error ?? new Error('IndexedDB request failed'));
  });
}

/** An area in the database `name`, opened on first use. */
export function indexedDbArea(name: string, factory: IDBFactory = indexedDB): StorageArea {
  let database: Promise<IDBDatabase> | null = null;
  const open = () => {
    database ??= new Promise<IDBDatabase>((resolve, reject) => {
      const opening = factory.open(name, 1);
      opening.onupgradeneeded = () => opening.result.createObjectStore(STORE);
      opening.onsuccess = () => resolve(opening.result);
      opening.onerror = () => reject(opening.error ?? new Error(`could not open ${name}`));
    }).catch((error: unknown) => {
      database = null;
      throw error;
    });
    return database;
  };
  const transaction = async (mode: IDBTransactionMode) => (await open()).transaction(STORE, mode).objectStore(STORE);
  const keysOf = (keys: string | string[] | null) => (keys === null ? null : Array.isArray(keys) ? keys : [keys]);

  return {
    async get(keys) {
      const store = await transaction('readonly');
      const wanted = keysOf(keys as string | string[] | null);
      const names = wanted ?? ((await request(store.getAllKeys())) as string[]);
      const values = await Promise.all(names.map((key) => request(store.get(key))));
      const found: Record<string, unknown> = {};
      names.forEach((key, at) => {
        if (values[at] !== undefined) found[key] = values[at];
      });
      return found;
    },
    async set(items) {
      const store = await transaction('readwrite');
      await Promise.all(Object.entries(items).map(([key, value]) => request(store.put(value, key))));
    },
    async remove(keys) {
      const store = await transaction('readwrite');
      await Promise.all((keysOf(keys) ?? []).map((key) => request(store.delete(key))));
    },
  };
}
