/**
 * The user's articles, analysed once and kept: a Manifest V3 background stops after about 30 s idle and
 * starts again for the next page, and analysing every user article again before it answers made each
 * restart cost seconds with a few dozen articles (issue 11: "store the analysed facts of user articles and
 * redo only what changed"). The analysed fact base is kept under a key that names everything it was made
 * from: the builder's code, the catalog (the fact base's entities and the discovery rules, the user's
 * corrections among them) and the articles. Same key, same result: the builder is deterministic.
 *
 * The background keeps it in IndexedDB (`src/background/idb-area.ts`): out of content scripts' reach,
 * across background and browser restarts, without `storage.session`'s 10 MB limit (which the analysis of
 * about 600 articles fills) and without `storage.local`'s change events, which would carry every write
 * of it to every page. Pure but for the area it is given.
 */
import type { FactBase } from '../facts/schema';
import type { Catalog } from '../ingest/catalog';
import type { StorageArea } from '../settings/storage-area';
import type { UserBuild, UserBuilder } from './merge-built';
import type { UserArticle } from './schema';

/** The key of the kept build in its storage area. */
export const USER_BUILD_KEY = 'userBuild';

/** What is kept: the build and the key it was made under. */
export interface KeptUserBuild {
  version: 1;
  key: string;
  factBase: FactBase;
  problems: string[];
}

/**
 * A 53-bit hash of `text` (two 32-bit FNV-1a lanes with different offsets). Not for security: it only has
 * to tell one input from another, and a collision would at worst serve an older analysis.
 */
export function hashText(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x9747b28c;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x01000193) ^ (b >>> 13);
  }
  return ((a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff)).toString(36);
}

/** The key of a build: builder, catalog and articles, in a stable order. */
export function userBuildKey(builderId: string, articles: readonly UserArticle[], catalog: Catalog): string {
  const sorted = [...articles].sort((x, y) => (x.id < y.id ? -1 : 1));
  // Only what the build reads: when an article was added or edited does not change its facts.
  const read = sorted.map(({ id, title, date, source, url, body }) => [id, title, date, source, url, body]);
  return `${builderId}:${hashText(JSON.stringify(catalog))}:${hashText(JSON.stringify(read))}`;
}

/** Whether a stored value is a kept build of this version (its fact base was written by us; see below). */
function isKeptBuild(value: unknown): value is KeptUserBuild {
  const record = value as Partial<KeptUserBuild> | null | undefined;
  return (
    typeof record === 'object' &&
    record !== null &&
    record.version === 1 &&
    typeof record.key === 'string' &&
    typeof record.factBase === 'object' &&
    Array.isArray(record.problems)
  );
}

/** The analysis kept from earlier starts, looked up by what it was made from. */
export interface KeptUserBuilds {
  /** The kept build of exactly these articles with this catalog, or null; counted as a hit or a miss. */
  find(articles: readonly UserArticle[], catalog: Catalog): UserBuild | null;
  /** Keep `built`, the build of these articles with this catalog, for the next start. Never throws. */
  keep(articles: readonly UserArticle[], catalog: Catalog, built: UserBuild): void;
  /** Forget the kept build (the user has no article left). Never throws. */
  clear(): void;
  /** Builds served without analysing anything. */
  hits(): number;
  /** Builds that had to be made by analysing the articles. */
  misses(): number;
}

/**
 * Read the kept build from `area` (absent: nothing is kept). The kept fact base is not parsed again on reading: only the background writes this area, and the
 * merge that uses it validates the merged fact base with the schema anyway.
 */
export async function openKeptBuilds(
  area: StorageArea | undefined,
  builderId: string,
  log: (message: string) => void,
): Promise<KeptUserBuilds> {
  let kept: KeptUserBuild | null = null;
  if (area) {
    try {
      const stored = (await area.get(USER_BUILD_KEY))[USER_BUILD_KEY];
      if (isKeptBuild(stored)) kept = stored;
    } catch (error) {
      log(`could not read the kept analysis of your articles: ${String(error)}`);
    }
  }
  let hits = 0;
  let misses = 0;
  return {
    hits: () => hits,
    misses: () => misses,
    find(articles, catalog) {
      if (kept?.key === userBuildKey(builderId, articles, catalog)) {
        hits++;
        return { factBase: kept.factBase, problems: kept.problems };
      }
      misses++;
      return null;
    },
    keep(articles, catalog, built) {
      const key = userBuildKey(builderId, articles, catalog);
      kept = { version: 1, key, factBase: built.factBase, problems: built.problems };
      // Kept for the next start; failing to keep it costs that start time, never correctness.
      area
        ?.set({ [USER_BUILD_KEY]: kept })
        .catch((error: unknown) => log(`could not keep the analysis of your articles: ${String(error)}`));
    },
    clear() {
      if (!kept) return;
      kept = null;
      area
        ?.remove(USER_BUILD_KEY)
        .catch((error: unknown) => log(`could not forget the analysis of your articles: ${String(error)}`));
    },
  };
}

/** The builder, kept: counts what it served from the kept build and what it built. */
export interface KeptUserBuilder {
  build: UserBuilder;
  /** Builds served without analysing anything. */
  hits(): number;
  /** Builds made by analysing the articles. */
  misses(): number;
}

/**
 * A builder that serves the kept build when its key matches and otherwise builds with `build` (the
 * builder, `buildUserFactBase`, where it runs in place: the worker, Node) and keeps the result.
 */
export async function keptUserBuilder(
  area: StorageArea | undefined,
  builderId: string,
  log: (message: string) => void,
  build: UserBuilder,
): Promise<KeptUserBuilder> {
  const kept = await openKeptBuilds(area, builderId, log);
  return {
    hits: kept.hits,
    misses: kept.misses,
    build(articles, catalog): UserBuild {
      const found = kept.find(articles, catalog);
      if (found) return found;
      const built = build(articles, catalog);
      kept.keep(articles, catalog, built);
      return built;
    },
  };
}
