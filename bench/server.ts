/**
 * The benchmark's web server on 127.0.0.1: the saved real pages from disk and
 * the generated pages from memory. Every answer makes the page
 * cross-origin isolated (COOP + COEP), which gives `performance.now()` a
 * resolution of microseconds instead of 0.1 ms; the pages' remote resources
 * can not load here anyway.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/** A running server. */
export interface BenchServer {
  origin: string;
  close(): Promise<void>;
}

const ISOLATION_HEADERS = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
};

/**
 * Serve `directories` (URL prefix → directory) and `generated` (URL path → HTML).
 * Only `.html` files are served from disk; anything else is a 404.
 */
export async function startBenchServer(
  directories: Record<string, string>,
  generated: ReadonlyMap<string, string>,
): Promise<BenchServer> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const send = (status: number, body: string | Buffer) => {
      response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...ISOLATION_HEADERS });
      response.end(body);
    };
    const page = generated.get(url.pathname);
    if (page !== undefined) return send(200, page);
    const prefix = Object.keys(directories).find((candidate) => url.pathname.startsWith(candidate));
    if (!prefix || !url.pathname.endsWith('.html')) return send(404, 'not found');
    const name = decodeURIComponent(url.pathname.slice(prefix.length));
    if (name.includes('/') || name.includes('..')) return send(404, 'not found');
    readFile(path.join(directories[prefix]!, name)).then(
      (body) => send(200, body),
      () => send(404, 'not found'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
