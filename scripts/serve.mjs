#!/usr/bin/env node
// A dependency-free static server for the demo and the e2e pages.
// Serves the repository root; `/` redirects to the demo. Usage: node scripts/serve.mjs [--port 5173] [--quiet] [--no-log]
// It also runs the consent log (server/, on SQLite in .data/consent-log.db) under /consent-log/
// on this same origin, the way docs/consent-log.md puts it behind a site's own domain: the demo
// records there, and /demo/admin/ reads it back with the token printed at start.
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const args = process.argv.slice(2);
const portArg = args.indexOf('--port');
const port = Number(portArg >= 0 ? args[portArg + 1] : process.env.PORT || 5173);
const quiet = args.includes('--quiet');

/** The consent log, mounted at /consent-log/ (undefined with --no-log or when it cannot start). */
let consentLog;
const logToken = process.env.CONSENT_GATE_TOKEN || `dev-${randomBytes(18).toString('base64url')}`;
if (!args.includes('--no-log')) {
  try {
    const { open, createApp } = await import('../server/src/index.js');
    const store = await open(`sqlite:${join(root, '.data', 'consent-log.db')}`);
    consentLog = createApp({
      store,
      token: logToken,
      // This page's own origin. A site lists its own (docs/consent-log.md).
      origins: [`http://localhost:${port}`, `http://127.0.0.1:${port}`],
      // The demo and the e2e suite decide hundreds of times a minute from one address.
      rateLimit: 0,
      basePath: '/consent-log',
      log: (m) => quiet || console.error(`consent log: ${m}`),
    });
  } catch (e) {
    console.warn(`consent log not started (${e.message}); the demo's receipts wait in the browser's outbox.`);
  }
}

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
  if (consentLog && url.pathname.startsWith('/consent-log/')) return consentLog.handler(req, res);
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
  // Dot folders (.data holds the consent log's database, .git the history) are never served.
  if (!path.startsWith(root) || path.includes('node_modules') || /[\\/]\./.test(path.slice(root.length))) {
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
  if (quiet) return;
  console.log(`consent-gate demo: http://localhost:${port}/demo/`);
  if (consentLog) {
    console.log(`consent log: http://localhost:${port}/consent-log/ (SQLite, .data/consent-log.db)`);
    console.log(`consent log admin: http://localhost:${port}/demo/admin/  token: ${logToken}`);
  }
});
