/**
 * The benchmark's web server on 127.0.0.1: the browser tests' static server
 * (`tests/e2e/server.ts`) serving the saved real pages from disk and the
 * generated pages from memory, HTML only. Every answer makes the page
 * cross-origin isolated (COOP + COEP), which gives `performance.now()` a
 * resolution of microseconds instead of 0.1 ms; the pages' remote resources
 * can not load here anyway.
 */
import { startStaticServer, type StaticServer } from '../tests/e2e/server';

const ISOLATION_HEADERS = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
  'cross-origin-resource-policy': 'same-origin',
};

/** Serve `directories` (URL prefix → directory) and `generated` (URL path → HTML), cross-origin isolated. */
export function startBenchServer(
  directories: Record<string, string>,
  generated: ReadonlyMap<string, string>,
): Promise<StaticServer> {
  return startStaticServer(directories, { headers: ISOLATION_HEADERS, generated, extensions: ['.html'] });
}
