// Static server for the benchmark pages, on a free port the OS picks (port 0) unless one is given,
// so it never collides with the e2e and dev servers of whoever else uses the machine.
//
// Serves only what the bench pages need: bench/pages/, dist/, and the three peer packages from
// node_modules. Every file is read once and kept in memory, so a rebuild of dist/ by someone else
// during a run cannot change what is measured half-way (bench/run.mjs reads every dist/ file at the
// start); `file(path)` returns the bytes that were, or will be, served for a path.
// No compression on the wire (localhost); transfer sizes are computed separately from these bytes.
import { createServer } from 'node:http';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** URL path prefixes that may be served, relative to the repository root. */
const ALLOWED = ['/bench/pages/', '/dist/', '/node_modules/vanilla-cookieconsent/dist/', '/node_modules/klaro/dist/', '/node_modules/tarteaucitronjs/'];

/**
 * @param {{ root: string, port?: number }} opts  port 0 (default): any free port; the one bound is returned
 * @returns {Promise<{ port: number, close(): Promise<void>, file(path: string): Buffer | null, log: { path: string, t: number }[] }>}
 */
export async function startServer({ root, port = 0 }) {
  root = resolve(root);
  /** @type {Map<string, Buffer | null>} */
  const cache = new Map();
  const log = [];

  const file = (urlPath) => {
    if (cache.has(urlPath)) return cache.get(urlPath);
    let body = null;
    if (ALLOWED.some((p) => urlPath.startsWith(p))) {
      const path = normalize(join(root, urlPath));
      if (path.startsWith(root + '/') && existsSync(path) && statSync(path).isFile()) body = readFileSync(path);
    }
    cache.set(urlPath, body);
    return body;
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url || '/', 'http://localhost');
    let path;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    log.push({ path, t: Date.now() });
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    if (path === '/__blank') {
      // Same-origin start page: each context opens it first, so the measured navigation stays in the
      // same renderer process (CDP sessions and the profiler follow it) and process start-up is not timed.
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end('<!doctype html><title>blank</title>');
      return;
    }
    const body = file(path);
    if (!body) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res
      .writeHead(200, {
        'content-type': TYPES[extname(path)] || 'application/octet-stream',
        'content-length': body.length,
        'cache-control': 'no-store',
      })
      .end(body);
  });
  server.keepAliveTimeout = 1000;

  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', ok);
  });
  return {
    port: server.address().port,
    file,
    log,
    close: () =>
      new Promise((ok) => {
        server.close(() => ok());
        server.closeAllConnections?.();
      }),
  };
}
