// @ts-check
// A tiny static server for the fixture sites, on 127.0.0.1 and a free port.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES = /** @type {{ [ext: string]: string }} */ ({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
});

/**
 * Serve `root`. `routes` answers chosen paths itself (headers, errors, a response that never
 * ends); `mounts` maps a URL prefix to another directory (consent tools from node_modules).
 * @param {string} root
 * @param {{ routes?: { [path: string]: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void }, headers?: { [path: string]: { [name: string]: string | string[] } }, mounts?: { [prefix: string]: string } }} [options]
 * @returns {Promise<{ url: string, origin: string, close: () => Promise<void> }>}
 */
export async function serveDirectory(root, { routes = {}, headers = {}, mounts = {} } = {}) {
  /** @type {Set<import('node:http').ServerResponse>} */
  const open = new Set();
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url || '/', 'http://x').pathname);
    open.add(res);
    res.on('close', () => open.delete(res));
    if (routes[path]) return routes[path](req, res);
    let base = root;
    let rest = path;
    for (const [prefix, dir] of Object.entries(mounts)) {
      if (path.startsWith(prefix)) {
        base = dir;
        rest = path.slice(prefix.length - 1);
      }
    }
    let file = normalize(join(base, rest));
    if (!file.startsWith(base)) return res.writeHead(403).end();
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream', 'cache-control': 'no-store', ...(headers[path] || {}) });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    url: origin + '/',
    origin,
    close: () =>
      new Promise((resolve) => {
        for (const res of open) res.destroy();
        server.close(() => resolve());
      }),
  };
}
