/**
 * A tiny static file server for browser tests and the benchmark: it serves
 * fixture pages from 127.0.0.1 so that content scripts see an ordinary
 * http:// origin. Browsers treat file:// pages specially (Firefox isolates
 * each file, Chromium needs an extra switch before extensions may touch them),
 * so tests never use file://.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/** A running server: its origin (`http://127.0.0.1:<port>`) and how to stop it. */
export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** What a server adds to serving files. */
export interface StaticServerOptions {
  /** Headers sent with every answer, besides the content type (the benchmark's cross-origin isolation). */
  headers?: Record<string, string>;
  /** Pages served from memory: URL path → HTML. */
  generated?: ReadonlyMap<string, string>;
  /** Only files with these extensions are served from disk; others answer 404. Default: all. */
  extensions?: readonly string[];
}

/**
 * Serve directories under URL prefixes on 127.0.0.1 at a free port.
 *
 * @param roots - URL prefix → directory, e.g. `{ '/': 'tests/fixtures', '/gen/': '/tmp/generated' }`.
 *   The longest matching prefix wins. A directory that does not exist simply answers 404.
 */
export async function startStaticServer(
  roots: Record<string, string>,
  options: StaticServerOptions = {},
): Promise<StaticServer> {
  const mounts = Object.entries(roots)
    .map(([prefix, dir]) => ({ prefix: prefix.endsWith('/') ? prefix : `${prefix}/`, dir: path.resolve(dir) }))
    .sort((a, b) => b.prefix.length - a.prefix.length);

  const server = createServer((request, response) => {
    serve(mounts, options, request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        // Browsers keep connections alive; without this close() waits for them to time out.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function serve(
  mounts: { prefix: string; dir: string }[],
  { headers = {}, generated, extensions }: StaticServerOptions,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
  const page = generated?.get(pathname);
  if (page !== undefined) {
    response.writeHead(200, { 'content-type': CONTENT_TYPES['.html']!, 'cache-control': 'no-store', ...headers });
    response.end(request.method === 'HEAD' ? undefined : page);
    return;
  }
  const file = await resolveFile(mounts, pathname);
  if (!file || (extensions && !extensions.includes(path.extname(file).toLowerCase()))) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', ...headers }).end(`Not found: ${pathname}`);
    return;
  }
  response.writeHead(200, {
    'content-type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    // Tests rebuild fixtures between runs; a cached copy would hide the change.
    'cache-control': 'no-store',
    ...headers,
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  createReadStream(file).pipe(response);
}

async function resolveFile(mounts: { prefix: string; dir: string }[], pathname: string): Promise<string | null> {
  const mount = mounts.find(({ prefix }) => pathname.startsWith(prefix) || `${pathname}/` === prefix);
  if (!mount) return null;
  const relative = pathname.slice(mount.prefix.length);
  const candidate = path.resolve(mount.dir, `.${path.posix.sep}${relative}`);
  // Refuse anything that escapes the mounted directory ("/../../etc/passwd").
  if (candidate !== mount.dir && !candidate.startsWith(mount.dir + path.sep)) return null;
  const info = await stat(candidate).catch(() => null);
  if (info?.isFile()) return candidate;
  if (info?.isDirectory()) {
    const index = path.join(candidate, 'index.html');
    const indexInfo = await stat(index).catch(() => null);
    if (indexInfo?.isFile()) return index;
  }
  return null;
}
