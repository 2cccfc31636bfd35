// @ts-check
// Test helpers: real servers (child processes), real SQLite files, a real throwaway
// PostgreSQL cluster. No database is mocked.
import { spawn, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { randomBytes } from 'node:crypto';
import { after } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';

export const BIN = new URL('../bin/consent-gate-server.js', import.meta.url).pathname;
export const ORIGIN = 'https://shop.example';
export const TOKEN = 'test-token-0123456789abcdef0123456789';

/** @type {(() => void)[]} */
const cleanups = [];
process.on('exit', () => cleanups.splice(0).forEach((fn) => fn()));
/** Run `fn` when the test process exits. @param {() => void} fn */
export const atExit = (fn) => void cleanups.push(fn);
/** Server processes still running: killed after the file's last test (so a failed test that never stopped its server cannot hold the file open until its timeout) and at exit. */
const running = new Set();
const killRunning = () => running.forEach((proc) => proc.kill('SIGKILL'));
after(killRunning);
atExit(killRunning);

/** A temporary directory, removed at exit. */
export function tempDir(prefix = 'cg-test-') {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  atExit(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * The server in this process (quicker than a child when the test needs no kill -9).
 * @param {string} db
 * @param {Partial<import('../src/app.js').AppOptions>} [options]
 */
export async function startInProcess(db, options = {}) {
  const { open } = await import('../src/store/index.js');
  const { createLogServer } = await import('../src/app.js');
  const store = await open(db);
  const { server, app } = createLogServer({ store, token: TOKEN, origins: [ORIGIN], rateLimit: 0, log: () => {}, ...options });
  await new Promise((r) => server.listen(0, '127.0.0.1', () => r(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${port}`,
    store,
    async stop() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await app.close();
      await store.close();
    },
  };
}

/** `sqlite:` URL of a fresh database file. */
export const tempSqlite = () => `sqlite:${join(tempDir(), 'consent-log.db')}`;

/** A port nobody listens on (now). */
export async function freePort() {
  const s = createServer();
  await new Promise((r) => s.listen(0, '127.0.0.1', () => r(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (s.address());
  await new Promise((r) => s.close(r));
  return port;
}

/**
 * A receipt as the SDK would send it, with a fresh consent id unless given.
 * @param {Record<string, unknown>} [extra]
 */
export function receipt(extra = {}) {
  return {
    id: randomBytes(16).toString('hex'),
    timestamp: new Date(Date.UTC(2024, 4, 1, 12) + Math.floor(Math.random() * 1e9)).toISOString(),
    revision: '2023-12-04',
    method: 'accept_all',
    categories: { necessary: true, analytics: true, marketing: true },
    services: { ga4: true },
    gpc: false,
    language: 'en',
    url: `${ORIGIN}/pricing`,
    ...extra,
  };
}

/**
 * @typedef {object} Running
 * @property {string} url
 * @property {number} port
 * @property {import('node:child_process').ChildProcess} proc
 * @property {() => string} output   stdout and stderr so far
 * @property {() => Promise<void>} stop   SIGTERM, wait for exit
 * @property {() => Promise<void>} kill9  SIGKILL, wait for exit
 */

/**
 * Start `consent-gate-server` as a child process on a free port.
 * @param {string} db
 * @param {string[]} [args]
 * @param {{ port?: number, env?: Record<string, string> }} [options]
 * @returns {Promise<Running>}
 */
export async function startServer(db, args = [], { port = 0, env = {} } = {}) {
  const defaults = args.includes('--allow-origin') ? [] : ['--allow-origin', ORIGIN];
  const proc = spawn(process.execPath, [BIN, '--port', String(port), '--db', db, '--token', TOKEN, '--rate-limit', '0', ...defaults, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout?.on('data', (d) => (out += d));
  proc.stderr?.on('data', (d) => (out += d));
  const exited = new Promise((r) => proc.once('exit', r));
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 15_000);
    const check = () => {
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    proc.stdout?.on('data', check);
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
  running.add(proc);
  proc.once('exit', () => running.delete(proc));
  return {
    url,
    port: Number(new URL(url).port),
    proc,
    output: () => out,
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
      await exited;
    },
    async kill9() {
      proc.kill('SIGKILL');
      await exited;
    },
  };
}

/**
 * Run the CLI to completion.
 * @param {string[]} args
 * @param {Record<string, string>} [env]
 * @returns {Promise<{ code: number | null, stdout: string, stderr: string }>}
 */
export function cli(args, env = {}) {
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (d) => (stdout += d));
    proc.stderr.on('data', (d) => (stderr += d));
    proc.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * POST a body to the ingest route.
 * @param {string} base
 * @param {unknown} body  an object is sent as JSON text
 * @param {{ origin?: string | null, type?: string | null, headers?: Record<string, string>, path?: string }} [o]
 */
export function post(base, body, { origin = ORIGIN, type = 'text/plain;charset=UTF-8', headers = {}, path = '/v1/receipts' } = {}) {
  return fetch(base + path, {
    method: 'POST',
    body: typeof body == 'string' || body instanceof Uint8Array ? body : JSON.stringify(body),
    headers: { ...(origin ? { origin } : {}), ...(type ? { 'content-type': type } : {}), ...headers },
  });
}

/**
 * An admin API call.
 * @param {string} base @param {string} path @param {{ method?: string, token?: string | null }} [o]
 */
export function admin(base, path, { method = 'GET', token = TOKEN } = {}) {
  return fetch(base + path, { method, headers: token ? { authorization: `Bearer ${token}` } : {} });
}

// ---------- load and kill -9

/** Ids of every exported receipt. */
export async function exportedIds(/** @type {string} */ url) {
  const text = await (await admin(url, '/v1/receipts')).text();
  return new Set(
    text
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((/** @type {string} */ l) => JSON.parse(l).id),
  );
}

/**
 * Post `n` receipts with `concurrency` in flight; resolves with the ids answered 2xx.
 * Errors (the server killed under it) count as not acknowledged.
 */
export async function burst(/** @type {string} */ url, n = 100, concurrency = 50, onAck = (/** @type {number} */ _n) => {}) {
  /** @type {string[]} */
  const acked = [];
  let next = 0;
  const worker = async () => {
    while (next < n) {
      next++;
      const r = receipt();
      try {
        const res = await post(url, r);
        await res.arrayBuffer();
        if (res.ok) {
          acked.push(r.id);
          onAck(acked.length);
        }
      } catch {
        /* connection cut */
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return acked;
}

/** kill -9 after a burst and during one, restart, and find every acknowledged receipt. */
export async function killTest(/** @type {string} */ db) {
  let s = await startServer(db);
  const first = await burst(s.url, 600);
  assert.equal(first.length, 600);
  await s.kill9();

  s = await startServer(db);
  // The second burst is cut by the kill: requests still in flight get no answer.
  let killed = false;
  const second = await burst(s.url, 2000, 50, (n) => {
    if (n == 500 && !killed) {
      killed = true;
      s.proc.kill('SIGKILL');
    }
  });
  await s.kill9();
  assert.ok(second.length >= 500 && second.length < 2000, `${second.length} acknowledged before the kill`);

  s = await startServer(db);
  const ids = await exportedIds(s.url);
  const lost = [...first, ...second].filter((/** @type {string} */ id) => !ids.has(id));
  assert.deepEqual(lost, [], `${lost.length} acknowledged receipts lost`);
  const v = /** @type {any} */ (await (await admin(s.url, '/v1/verify')).json());
  assert.equal(v.ok, true, JSON.stringify(v));
  // Acknowledged ones are all there; a few more may be stored whose answer the kill cut off.
  assert.ok(v.count >= first.length + second.length);
  await s.stop();
}

// ---------- PostgreSQL

/** Debian's server binaries, newest version first. */
export function pgBin() {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => +b - +a) : [];
  for (const v of versions) if (existsSync(join(root, v, 'bin', 'initdb'))) return join(root, v, 'bin');
  throw new Error('PostgreSQL server binaries not found in /usr/lib/postgresql/*/bin: apt-get install -y postgresql (bash .ci/run does)');
}

/**
 * A throwaway PostgreSQL cluster on a free port, started as the `postgres` user (the server
 * refuses to run as root). `stop()`/`start()` take the server away and bring it back;
 * `destroy()` ends it for good.
 */
export async function startPostgres() {
  const bin = pgBin();
  const dir = mkdtempSync(join(tmpdir(), 'cg-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    chownSync(dir, uid, gid);
  }
  /** @param {string} cmd */
  const run = (cmd) => {
    if (asRoot) execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', cmd], { stdio: 'pipe' });
    else execFileSync('/bin/sh', ['-c', cmd], { stdio: 'pipe' });
  };
  const port = await freePort();
  run(`${bin}/initdb -D ${dir}/data -A trust -U postgres --no-sync >/dev/null`);
  const start = () => run(`${bin}/pg_ctl -D ${dir}/data -o "-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200" -l ${dir}/log -w start >/dev/null`);
  start();
  let destroyed = false;
  const destroy = () => {
    if (destroyed) return;
    destroyed = true;
    try {
      run(`${bin}/pg_ctl -D ${dir}/data -m immediate -w stop >/dev/null 2>&1`);
    } catch {
      /* already stopped */
    }
    rmSync(dir, { recursive: true, force: true });
  };
  atExit(destroy);
  const base = `postgres://postgres@127.0.0.1:${port}`;
  return {
    port,
    /** A new, empty database; its URL. @param {string} name */
    async createDb(name) {
      const c = new pg.Client({ connectionString: `${base}/postgres` });
      await c.connect();
      await c.query(`CREATE DATABASE ${name}`);
      await c.end();
      return `${base}/${name}`;
    },
    /** Run SQL on a database. @param {string} url @param {string} sql @param {unknown[]} [params] */
    async sql(url, sql, params = []) {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        return (await c.query(sql, params)).rows;
      } finally {
        await c.end();
      }
    },
    /** Stop the server (fast shutdown: connections are cut). */
    stop: () => run(`${bin}/pg_ctl -D ${dir}/data -m fast -w stop >/dev/null`),
    start,
    destroy,
  };
}
