/**
 * Data we can not read is never deleted: it is copied aside under a key of its
 * own, `<key>.corrupt.<ISO time>`, before anything overwrites it, so the user
 * can download it from the options page (and send it to us) or delete it.
 */
import type { ReadableArea, StorageArea } from './storage-area';

/** The infix of a kept-aside key: `settings.corrupt.2025-10-17T08:00:00.000Z`. */
export const CORRUPT_INFIX = '.corrupt.';

/** The key unreadable data of `key` is kept under, stamped with `now`. */
export function corruptKeyFor(key: string, now: number): string {
  return `${key}${CORRUPT_INFIX}${new Date(now).toISOString()}`;
}

/** One piece of unreadable data that was kept aside. */
export interface KeptAside {
  /** The storage key it is kept under. */
  key: string;
  /** The key it was read from: `settings` or `userArticles`. */
  from: string;
  /** When it was kept aside, as an ISO time. */
  at: string;
  value: unknown;
}

/** Copy `value` aside before `key` is overwritten; returns the key it went to. */
export async function keepAside(area: StorageArea, key: string, value: unknown, now: number): Promise<string> {
  const asideKey = corruptKeyFor(key, now);
  await area.set({ [asideKey]: value });
  return asideKey;
}

/** Everything kept aside so far, oldest first. */
export async function listKeptAside(area: ReadableArea): Promise<KeptAside[]> {
  const everything = await area.get(null);
  const kept: KeptAside[] = [];
  for (const [key, value] of Object.entries(everything)) {
    const at = key.indexOf(CORRUPT_INFIX);
    if (at <= 0) continue;
    kept.push({ key, from: key.slice(0, at), at: key.slice(at + CORRUPT_INFIX.length), value });
  }
  return kept.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}
