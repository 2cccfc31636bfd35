// @ts-check
// The command line: serve (the default), verify, export, purge.
import { parseArgs } from 'node:util';
import { createWriteStream, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { open, parseDbUrl, redact } from './store/index.js';
import { DEFAULTS, createLogServer, normalizeOrigin } from './app.js';
import { csvHeader, csvLine, ndjsonLine, parseBound } from './format.js';

const VERSION = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;
export const DEFAULT_DB = 'sqlite:./consent-log.db';
/**
 * Default retention for `purge`: five years. A receipt has to outlive the consent it proves
 * (a choice lasts at most 13 months) by as long as a complaint, an audit or a claim about
 * that consent can still come; limitation periods for those are three to five years in most
 * EU member states. Five covers the common ones; pick yours with your DPO.
 */
export const DEFAULT_RETENTION_DAYS = 1825;

const HELP = `consent-gate-server ${VERSION}: the self-hosted consent log for consent-gate

Usage:
  consent-gate-server [serve] [options]     receive and keep proof-of-consent receipts
  consent-gate-server verify  [--db URL] [--json]
  consent-gate-server export  [--db URL] [--from DATE] [--to DATE] [--format ndjson|csv] [--out FILE]
  consent-gate-server purge   [--db URL] [--older-than DAYS]
  consent-gate-server --help | --version

serve options:
  --port N              port (env PORT; default 8787; 0 picks a free one)
  --host ADDR           address to listen on (default 127.0.0.1)
  --db URL              sqlite:./consent-log.db (default) or postgres://user:pass@host:5432/db
                        (env CONSENT_GATE_DB)
  --token TOKEN         admin API token (env CONSENT_GATE_TOKEN, which keeps it out of ps);
                        without one the admin API is off (404)
  --allow-origin ORIGIN page origin allowed to send receipts, e.g. https://example.com;
                        repeatable, * for any (env CONSENT_GATE_ORIGINS, comma-separated)
  --store-ip            also store the client address, masked to /24 (IPv4) or /48 (IPv6)
  --store-user-agent    also store the user agent, version numbers cut to the major
  --trust-proxy         take the client address from the last X-Forwarded-For entry and the
                        host from X-Forwarded-Host (only behind your own reverse proxy)
  --rate-limit N        receipts per minute per client address (default ${DEFAULTS.rateLimit}; 0 = off)
  --max-body BYTES      largest receipt accepted (default ${DEFAULTS.maxBody})
  --quiet               no start-up summary

verify: recompute the hash chain; exit 0 when intact, 1 naming the first break.
export: receipts received in [from, to) (dates are whole UTC days), to stdout or --out.
purge:  delete receipts received more than DAYS ago (default ${DEFAULT_RETENTION_DAYS}, five years);
        the chain stays verifiable from the first receipt kept.

Exit codes: 0 ok, 1 failure (database, broken chain), 2 usage error.
`;

class UsageError extends Error {}

/** @type {Record<string, import('node:util').ParseArgsOptionDescriptor>} */
const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  db: { type: 'string' },
  token: { type: 'string' },
  'allow-origin': { type: 'string', multiple: true },
  'store-ip': { type: 'boolean' },
  'store-user-agent': { type: 'boolean' },
  'trust-proxy': { type: 'boolean' },
  'rate-limit': { type: 'string' },
  'max-body': { type: 'string' },
  quiet: { type: 'boolean' },
  json: { type: 'boolean' },
  from: { type: 'string' },
  to: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  'older-than': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
};

/** Which options each command takes. */
const ALLOWED = {
  serve: ['port', 'host', 'db', 'token', 'allow-origin', 'store-ip', 'store-user-agent', 'trust-proxy', 'rate-limit', 'max-body', 'quiet'],
  verify: ['db', 'json'],
  export: ['db', 'from', 'to', 'format', 'out'],
  purge: ['db', 'older-than'],
};

/**
 * @param {string | undefined} v @param {string} name @param {number} min @param {number} max
 */
function int(v, name, min, max) {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v) || +v < min || +v > max) throw new UsageError(`${name} must be a whole number from ${min} to ${max}, not "${v}"`);
  return +v;
}

/** @param {string | undefined} url */
function dbUrl(url) {
  const v = url || process.env.CONSENT_GATE_DB || DEFAULT_DB;
  try {
    parseDbUrl(v);
  } catch (e) {
    throw new UsageError(/** @type {Error} */ (e).message);
  }
  return v;
}

/**
 * Run the command line. Resolves with the exit code for one-shot commands; `serve` resolves
 * once listening and keeps the process alive.
 * @param {string[]} argv
 * @param {{ stdout?: NodeJS.WritableStream, stderr?: NodeJS.WritableStream }} [io]
 */
export async function main(argv, { stdout = process.stdout, stderr = process.stderr } = {}) {
  /** @param {string} s */
  const out = (s) => stdout.write(`${s}\n`);
  /** @param {string} s */
  const err = (s) => stderr.write(`${s}\n`);
  try {
    const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    if (values.help || positionals[0] == 'help') return out(HELP), 0;
    if (values.version) return out(VERSION), 0;
    if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`);
    const command = /** @type {keyof typeof ALLOWED} */ (positionals[0] || 'serve');
    if (!(command in ALLOWED)) throw new UsageError(`unknown command "${command}"`);
    for (const k of Object.keys(values)) if (!ALLOWED[command].includes(k)) throw new UsageError(`--${k} does not apply to ${command}`);
    if (command == 'serve') return await serve(values, out, err);
    const url = dbUrl(/** @type {string | undefined} */ (values.db));
    if (command == 'verify') return await verify(url, !!values.json, out, err);
    if (command == 'export') return await exportCmd(url, values, stdout, err);
    return await purge(url, values, out);
  } catch (e) {
    if (e instanceof UsageError || /** @type {any} */ (e)?.code?.startsWith?.('ERR_PARSE_ARGS')) {
      err(`consent-gate-server: ${/** @type {Error} */ (e).message}`);
      err('Run consent-gate-server --help for usage.');
      return 2;
    }
    err(`consent-gate-server: ${/** @type {Error} */ (e)?.message || e}`);
    return 1;
  }
}

/**
 * @param {Record<string, any>} values
 * @param {(s: string) => void} out @param {(s: string) => void} err
 */
async function serve(values, out, err) {
  const port = int(values.port ?? process.env.PORT, '--port', 0, 65535) ?? 8787;
  const host = values.host || '127.0.0.1';
  const url = dbUrl(values.db);
  const token = values.token || process.env.CONSENT_GATE_TOKEN || '';
  const fromEnv = (process.env.CONSENT_GATE_ORIGINS || '').split(/[\s,]+/).filter(Boolean);
  const list = values['allow-origin']?.length ? values['allow-origin'] : fromEnv;
  let origins;
  try {
    origins = list.map(normalizeOrigin);
  } catch (e) {
    throw new UsageError(`--allow-origin: ${/** @type {Error} */ (e).message}`);
  }
  const rateLimit = int(values['rate-limit'], '--rate-limit', 0, 1e9) ?? DEFAULTS.rateLimit;
  const maxBody = int(values['max-body'], '--max-body', 512, 1 << 20) ?? DEFAULTS.maxBody;

  const kind = parseDbUrl(url).kind;
  /** @type {import('./store/index.js').Store} */
  let store;
  if (kind == 'sqlite') store = await open(url);
  else {
    // PostgreSQL may not be up yet: serve 503s meanwhile and create the tables once it answers.
    store = await open(url, { migrate: false });
    const failed = (/** @type {unknown} */ e) => err(`consent-gate-server: database not ready (${/** @type {Error} */ (e)?.message || e}); retrying`);
    if (!(await store.migrate().then(() => true, (e) => (failed(e), false)))) {
      (async () => {
        for (let wait = 500; ; wait = Math.min(wait * 2, 5000)) {
          await new Promise((r) => setTimeout(r, wait));
          try {
            await store.migrate();
            return err('consent-gate-server: database ready, tables in place');
          } catch (e) {
            failed(e);
          }
        }
      })();
    }
  }
  const { server, app } = createLogServer({
    store,
    token,
    origins,
    storeIp: !!values['store-ip'],
    storeUserAgent: !!values['store-user-agent'],
    trustProxy: !!values['trust-proxy'],
    rateLimit,
    maxBody,
    log: (m) => err(`consent-gate-server: ${m}`),
  });
  server.listen(port, host);
  await once(server, 'listening');
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  const shown = address.family == 'IPv6' ? `[${address.address}]` : address.address;
  // One write, so a process reading our output never sees the first line without the rest.
  const banner = [`consent-gate-server ${VERSION}: listening on http://${shown}:${address.port}`];
  if (!values.quiet)
    banner.push(
      `  database: ${store.label}${kind == 'sqlite' ? ' (WAL, synchronous=FULL)' : ''}`,
      `  origins: ${origins.length ? origins.join(' ') : 'none: every browser receipt is refused (403) until you pass --allow-origin'}`,
      `  admin API: ${token ? 'on (Bearer token)' : 'off: no --token or CONSENT_GATE_TOKEN, so /v1/receipts lookups, export, erasure and /v1/verify answer 404'}`,
      `  stored beside each receipt: receive time${values['store-ip'] ? ', IP (masked)' : ''}${values['store-user-agent'] ? ', user agent (masked)' : ''}`,
      `  rate limit: ${rateLimit ? `${rateLimit} receipts/min per client` : 'off'}; body limit: ${maxBody} bytes`,
    );
  out(banner.join('\n'));
  if (token && token.length < 16) err('consent-gate-server: warning: the admin token is short; use 32 random characters or more');

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(1), 10_000).unref();
    server.close();
    server.closeIdleConnections?.();
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  return { server, app, store };
}

/**
 * @param {string} url @param {boolean} json
 * @param {(s: string) => void} out @param {(s: string) => void} err
 */
async function verify(url, json, out, err) {
  const store = await open(url);
  try {
    const r = await store.verify();
    if (json) out(JSON.stringify(r));
    else if (r.ok) out(`ok: ${r.count} receipts chained (${r.erased} erased), head seq ${r.head.seq} hash ${r.head.hash}`);
    else err(`BROKEN at seq ${r.break?.seq} (consent id ${r.break?.id ?? 'unknown'}): ${r.break?.reason}; ${r.count} receipts before it verify`);
    return r.ok ? 0 : 1;
  } finally {
    await store.close();
  }
}

/**
 * @param {string} url @param {Record<string, any>} values
 * @param {NodeJS.WritableStream} stdout @param {(s: string) => void} err
 */
async function exportCmd(url, values, stdout, err) {
  const format = values.format || 'ndjson';
  if (format != 'ndjson' && format != 'csv') throw new UsageError('--format must be ndjson or csv');
  let from, to;
  try {
    from = parseBound(values.from, 'from');
    to = parseBound(values.to, 'to');
  } catch (e) {
    throw new UsageError(`--${/** @type {Error} */ (e).message}`);
  }
  const store = await open(url);
  const sink = values.out ? createWriteStream(values.out) : stdout;
  let n = 0;
  try {
    /** @param {string} s */
    const write = async (s) => {
      if (!sink.write(s)) await once(sink, 'drain');
    };
    if (format == 'csv') await write(csvHeader());
    for await (const r of store.export({ from, to })) {
      await write(format == 'csv' ? csvLine(r) : ndjsonLine(r));
      n++;
    }
  } finally {
    await store.close();
    if (values.out) await new Promise((/** @type {(v?: unknown) => void} */ r) => sink.end(() => r()));
  }
  err(`exported ${n} receipts${values.out ? ` to ${values.out}` : ''}`);
  return 0;
}

/**
 * @param {string} url @param {Record<string, any>} values @param {(s: string) => void} out
 */
async function purge(url, values, out) {
  const days = int(values['older-than'], '--older-than', 0, 100_000) ?? DEFAULT_RETENTION_DAYS;
  const before = new Date(Date.now() - days * 864e5).toISOString();
  const store = await open(url);
  try {
    const n = await store.purge(before);
    out(`purged ${n} receipts received before ${before} (older than ${days} days) from ${redact(url)}`);
    return 0;
  } finally {
    await store.close();
  }
}

