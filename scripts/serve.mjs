#!/usr/bin/env node
// A dependency-free static server for the demo and the e2e pages.
// Serves the repository root; `/` redirects to the demo. Usage: node scripts/serve.mjs [--port 5173] [--quiet]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const args = process.argv.slice(2);
const portArg = args.indexOf('--port');
const port = Number(portArg >= 0 ? args[portArg + 1] : process.env.PORT || 5173);
const quiet = args.includes('--quiet');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** Received proof-of-consent receipts, readable at GET /__receipts for tests. */
const receipts = [];

const server = createServer(async (req, res) => {
  const url = new URL(req.url || '/', 'http://localhost');
  if (url.pathname === '/__receipts') {
    if (req.method === 'POST') {
      let body = '';
      for await (const chunk of req) body += chunk;
      try {
        receipts.push(JSON.parse(body));
      } catch {
        receipts.push({ invalid: body });
      }
      res.writeHead(204).end();
    } else res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(receipts));
    return;
  }
  if (url.pathname === '/') {
    res.writeHead(302, { location: '/demo/' }).end();
    return;
  }
  let path = normalize(join(root, decodeURIComponent(url.pathname)));
  if (!path.startsWith(root) || path.includes('node_modules')) {
    res.writeHead(403).end('forbidden');
    return;
  }
  try {
    if ((await stat(path)).isDirectory()) path = join(path, 'index.html');
    const body = await readFile(path);
    const headers = { 'content-type': TYPES[extname(path)] || 'application/octet-stream', 'cache-control': 'no-store' };
    // Pages that test a strict Content-Security-Policy carry it in a sibling *.csp file.
    try {
      headers['content-security-policy'] = (await readFile(`${path}.csp`, 'utf8')).trim();
    } catch {
      /* no policy for this file */
    }
    res.writeHead(200, headers).end(body);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  }
});

server.listen(port, '127.0.0.1', () => {
  if (!quiet) console.log(`consent-gate demo: http://localhost:${port}/demo/`);
});
