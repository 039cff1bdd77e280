/**
 * Bundles the in-page probes with esbuild (the same modules the extension
 * ships, from `src/`), each into one script that defines one global object.
 * The runner evaluates them in the page's main world.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));

/** The probes, by the global each defines. */
export const PROBES = {
  floor: { entry: 'page/floor.ts', global: '__factlensBenchFloor' },
  factlens: { entry: 'page/factlens.ts', global: '__factlensBenchScan' },
  markjs: { entry: 'page/markjs.ts', global: '__factlensBenchMarkjs' },
  check: { entry: 'page/check.ts', global: '__factlensBenchCheck' },
  watcher: { entry: 'page/watcher.ts', global: '__factlensBenchWatcher' },
  search: { entry: 'page/search.ts', global: '__factlensBenchSearch' },
  hover: { entry: 'page/hover.ts', global: '__factlensBenchHover' },
  matcher: { entry: 'page/matcher.ts', global: '__factlensBenchMatcher' },
  decisions: { entry: 'page/decisions.ts', global: '__factlensBenchDecisions' },
} as const;

/** A probe's name. */
export type ProbeName = keyof typeof PROBES;

/** A bundled probe: its script and the global it defines. */
export interface Probe {
  global: string;
  source: string;
}

/**
 * Bundle one probe. Minified like the extension's own build, so the page
 * parses about as much code as the content script makes it parse; readable
 * names (`minify` false) are for profiling.
 */
export async function bundleProbe(name: ProbeName, minify = true): Promise<Probe> {
  const { entry, global } = PROBES[name];
  const result = await build({
    entryPoints: [path.join(BENCH_DIR, entry)],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: global,
    // Preload scripts may run inside a function: make the global explicit.
    footer: { js: `globalThis.${global}=${global};` },
    platform: 'browser',
    target: 'es2022',
    minify,
    legalComments: 'none',
    logLevel: 'silent',
  });
  return { global, source: result.outputFiles[0]!.text };
}

/** Bundle every probe once. */
export async function bundleProbes(): Promise<Record<ProbeName, Probe>> {
  const names = Object.keys(PROBES) as ProbeName[];
  const bundles = await Promise.all(names.map((name) => bundleProbe(name)));
  return Object.fromEntries(names.map((name, index) => [name, bundles[index]!])) as Record<ProbeName, Probe>;
}

/**
 * Bundle the matcher worker for Node into `outDir` and return its path. A
 * worker thread is a fresh V8 isolate, but Node's workers do not run
 * TypeScript: the bundle is plain JavaScript.
 */
export async function bundleMatcherWorker(outDir: string): Promise<string> {
  const outfile = path.join(outDir, 'matcher-worker.mjs');
  await build({
    entryPoints: [path.join(BENCH_DIR, 'node/matcher-worker.ts')],
    bundle: true,
    outfile,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'silent',
  });
  return outfile;
}
