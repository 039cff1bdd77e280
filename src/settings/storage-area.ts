/**
 * The slice of `browser.storage.local` that settings, user articles and
 * backups use. Everything that touches storage takes one of these, so tests
 * pass an in-memory area (or one that fails on purpose) instead of the browser.
 */

/** A storage area that can be read by key. */
export interface ReadableArea {
  /** `null` reads every key; a string or a list reads those keys only. */
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
}

/** A storage area that can be read and written; `browser.storage.local` is one. */
export interface StorageArea extends ReadableArea {
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/** What `browser.storage.onChanged` reports for one key. */
export interface StorageChange {
  oldValue?: unknown;
  newValue?: unknown;
}

/** The `browser.storage.onChanged` event, typed by what we use. */
export interface StorageChangedEvent {
  addListener(listener: (changes: Record<string, StorageChange>, areaName: string) => void): void;
  removeListener(listener: (changes: Record<string, StorageChange>, areaName: string) => void): void;
}
