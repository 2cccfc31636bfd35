// @ts-check
// The HTTP side: ingest, admin API, health. Node's own `http` module, no framework: the
// request path is short and every step that matters for proof (body limit, validation,
// group commit, answering only after COMMIT) is in plain sight here.
import { createServer } from 'node:http';
import { createHash, timingSafeEqual } from 'node:crypto';
import { canonical, receiptKey, sha256 } from './chain.js';
import { ReceiptError, parseReceipt } from './receipt.js';
import { createBatcher } from './batch.js';
import { createLimiter } from './limit.js';
import { clientAddress, clientKey, maskIp, maskUserAgent } from './net.js';
import { serverCookie } from './cookie.js';
import { csvHeader, csvLine, ndjsonLine, parseBound, present } from './format.js';

/**
 * @typedef {object} AppOptions
 * @property {import('./store/index.js').Store} store
 * @property {string} [token]             admin token; without one the admin API is off (404)
 * @property {string[]} [origins]         allowed page origins ('*' = any)
 * @property {boolean} [storeIp]          store the client address, masked (IPv4 /24, IPv6 /48)
 * @property {boolean} [storeUserAgent]   store the user agent, versions cut to majors
 * @property {boolean} [trustProxy]       client address from X-Forwarded-For, host from X-Forwarded-Host
 * @property {number} [rateLimit]         receipts per minute per client; 0 = none
 * @property {number} [maxBody]           bytes
 * @property {string} [basePath]          a prefix to strip (the server mounted under a path)
 * @property {(message: string) => void} [log]
 */

export const DEFAULTS = { rateLimit: 120, maxBody: 8192 };
/** Wrong admin tokens a client may send per minute before it gets 429 without a check. */
const AUTH_FAILURES_PER_MINUTE = 30;
/** An oversized body is read and discarded up to this many bytes before the 413. */
const DISCARD = 1 << 20;

/** @typedef {import('node:http').IncomingMessage} Req */
/** @typedef {import('node:http').ServerResponse} Res */

/** An answer other than success: status and message (and the field for a 400). */
class HttpError extends Error {
  /** @param {number} status @param {string} message @param {Record<string, string>} [headers] */
  constructor(status, message, headers) {
    super(message);
    this.status = status;
    this.headers = headers;
  }
}

/** @param {string} o */
export function normalizeOrigin(o) {
  if (o == '*') return o;
  const u = new URL(o);
  if (u.protocol != 'http:' && u.protocol != 'https:') throw new TypeError(`origin "${o}" is not http(s)`);
  return u.origin;
}

/**
 * @param {AppOptions} options
 */
export function createApp(options) {
  const { store, storeIp = false, storeUserAgent = false, trustProxy = false, basePath = '' } = options;
  const rateLimit = options.rateLimit ?? DEFAULTS.rateLimit;
  const maxBody = options.maxBody ?? DEFAULTS.maxBody;
  const log = options.log || ((m) => console.error(m));
  const origins = new Set((options.origins || []).map(normalizeOrigin));
  const tokenHash = options.token ? createHash('sha256').update(options.token).digest() : null;
  const limiter = createLimiter(rateLimit);
  const authFailures = createLimiter(AUTH_FAILURES_PER_MINUTE);
  const batcher = createBatcher((/** @type {import('./store/index.js').NewRow[]} */ rows) => store.insertBatch(rows));

  // One line per kind of database error and 10 s, however many requests fail meanwhile.
  let lastDbLog = 0;
  let dbDown = false;
  /** @param {unknown} e */
  const dbError = (e) => {
    dbDown = true;
    if (Date.now() - lastDbLog > 10_000) {
      lastDbLog = Date.now();
      log(`database unavailable (${/** @type {Error} */ (e)?.message || e}); answering 503 until it is back`);
    }
  };
  const dbOk = () => {
    if (dbDown) log('database is back');
    dbDown = false;
    lastDbLog = 0;
  };

  /** @param {string | undefined} origin */
  const allowed = (origin) => !!origin && origin != 'null' && (origins.has('*') || origins.has(origin));

  /**
   * @param {Res} res @param {number} status @param {unknown} body @param {Record<string, string | number>} [headers]
   */
  const send = (res, status, body, headers = {}) => {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
    res.end(text);
  };

  /** CORS for the page origins the log takes receipts from. @param {Req} req @param {Res} res */
  const cors = (req, res) => {
    const origin = req.headers.origin;
    res.setHeader('vary', 'Origin');
    if (!allowed(origin)) return false;
    res.setHeader('access-control-allow-origin', /** @type {string} */ (origin));
    // serverCookie sends the request with credentials so that Set-Cookie applies.
    res.setHeader('access-control-allow-credentials', 'true');
    return true;
  };

  /** @param {Req} req */
  const host = (req) => String((trustProxy && req.headers['x-forwarded-host']) || req.headers.host || '').split(',')[0].trim();

  /**
   * The body, at most maxBody bytes, as UTF-8 text.
   * @param {Req} req
   * @returns {Promise<string>}
   */
  function body(req) {
    return new Promise((resolve, reject) => {
      const tooBig = () => new HttpError(413, `the body is over ${maxBody} bytes`);
      // Up to DISCARD bytes are read to their end and thrown away, so the client, which is
      // still sending, gets its 413 on a healthy connection; past that the connection is cut.
      if (Number(req.headers['content-length']) > DISCARD) return reject(tooBig());
      /** @type {Buffer[]} */
      const chunks = [];
      let size = 0;
      const onData = (/** @type {Buffer} */ chunk) => {
        size += chunk.length;
        if (size <= maxBody) chunks.push(chunk);
        else if (size > DISCARD) {
          req.off('data', onData).off('end', onEnd);
          reject(tooBig());
        }
      };
      const onEnd = () => {
        if (size > maxBody) return reject(tooBig());
        try {
          resolve(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)));
        } catch {
          reject(new HttpError(400, 'the body is not UTF-8 text'));
        }
      };
      req.on('data', onData).on('end', onEnd).on('error', reject);
    });
  }

  /** POST /v1/receipts. @param {Req} req @param {Res} res @param {URL} url */
  async function ingest(req, res, url) {
    const origin = req.headers.origin;
    if (!cors(req, res)) throw new HttpError(403, origin ? `origin ${origin} is not allowed (--allow-origin)` : 'the Origin header is missing: receipts come from web pages');
    const address = clientAddress(req, trustProxy);
    const key = clientKey(address);
    if (!limiter.take(key)) throw new HttpError(429, 'too many receipts from this client; try again later', { 'retry-after': String(limiter.retryAfter(key)) });
    const type = String(req.headers['content-type'] || 'text/plain').toLowerCase();
    const [mime, ...params] = type.split(';').map((s) => s.trim());
    if (mime != 'text/plain' && mime != 'application/json') throw new HttpError(415, 'send the receipt as text/plain or application/json');
    if (params.some((p) => p.startsWith('charset=') && !/^charset="?utf-8"?$/.test(p))) throw new HttpError(415, 'the body must be UTF-8');
    const text = await body(req);
    let receipt;
    try {
      receipt = parseReceipt(text);
    } catch (e) {
      if (e instanceof ReceiptError) return send(res, 400, { error: e.message, field: e.field });
      throw e;
    }
    const receivedAt = new Date().toISOString();
    const record = {
      ...receipt,
      receivedAt,
      ...(storeIp ? { ip: maskIp(address) } : {}),
      ...(storeUserAgent ? { userAgent: maskUserAgent(req.headers['user-agent']) } : {}),
    };
    const canon = canonical(record);
    let result;
    try {
      result = await batcher.add({ rkey: receiptKey(receipt.id, receipt.timestamp), consentId: receipt.id, ts: receipt.timestamp, receivedAt, record: canon, recordHash: sha256(canon) });
      dbOk();
    } catch (e) {
      if (/** @type {any} */ (e)?.overloaded) throw new HttpError(503, 'overloaded; the receipt was not stored, send it again later', { 'retry-after': '2' });
      dbError(e);
      throw new HttpError(503, 'the database is unavailable; the receipt was not stored, send it again later', { 'retry-after': '5' });
    }
    const cookie = await serverCookie(req, url, receipt, /** @type {string} */ (origin), host(req), log).catch(() => undefined);
    if (cookie) res.setHeader('set-cookie', cookie);
    const stored = result == 'stored';
    send(res, stored ? 201 : 200, { ok: true, stored, id: receipt.id, timestamp: receipt.timestamp });
  }

  /** Admin routes: Bearer token, constant-time. @param {Req} req */
  function admin(req) {
    if (!tokenHash) throw new HttpError(404, 'the admin API is off: start the server with --token (or CONSENT_GATE_TOKEN)');
    const key = clientKey(clientAddress(req, trustProxy));
    if (authFailures.peek(key)) throw new HttpError(429, 'too many wrong tokens from this client; try again later', { 'retry-after': String(authFailures.retryAfter(key)) });
    const m = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(String(req.headers.authorization || ''));
    const given = createHash('sha256')
      .update(m ? m[1] : '')
      .digest();
    if (!m || !timingSafeEqual(given, tokenHash)) {
      authFailures.take(key);
      throw new HttpError(401, m ? 'wrong admin token' : 'the admin API needs Authorization: Bearer <token>', { 'www-authenticate': 'Bearer realm="consent-gate"' });
    }
  }

  /** @template T @param {() => Promise<T>} fn */
  const db = async (fn) => {
    try {
      const out = await fn();
      dbOk();
      return out;
    } catch (e) {
      dbError(e);
      throw new HttpError(503, 'the database is unavailable');
    }
  };

  /** GET /v1/receipts?from&to&format: streamed. @param {Res} res @param {URL} url */
  async function exportRange(res, url) {
    const format = url.searchParams.get('format') || 'ndjson';
    if (format != 'ndjson' && format != 'csv') throw new HttpError(400, 'format must be ndjson or csv');
    let from, to;
    try {
      from = parseBound(url.searchParams.get('from'), 'from');
      to = parseBound(url.searchParams.get('to'), 'to');
    } catch (e) {
      throw new HttpError(400, /** @type {Error} */ (e).message);
    }
    const rows = store.export({ from, to })[Symbol.asyncIterator]();
    // Read the first page before the 200, so a database that is down still gets a 503.
    const first = await db(() => rows.next());
    const name = `consent-receipts${from ? `-from-${from.slice(0, 10)}` : ''}${to ? `-to-${to.slice(0, 10)}` : ''}.${format}`;
    res.writeHead(200, {
      'content-type': format == 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
      'content-disposition': `attachment; filename="${name}"`,
    });
    const line = format == 'csv' ? csvLine : ndjsonLine;
    if (format == 'csv') res.write(csvHeader());
    try {
      for (let r = first; !r.done; r = await rows.next()) {
        if (!res.write(line(r.value))) await new Promise((ok) => res.once('drain', ok));
        if (res.destroyed) return;
      }
      res.end();
    } catch (e) {
      // Headers are out: cut the response so the client sees an incomplete export, not a short one.
      dbError(e);
      res.destroy();
    }
  }

  /** @param {Req} req @param {Res} res */
  async function route(req, res) {
    let url;
    try {
      url = new URL(req.url || '/', 'http://localhost');
    } catch {
      throw new HttpError(400, 'bad request URL');
    }
    let path = url.pathname;
    if (basePath && path.startsWith(basePath)) path = path.slice(basePath.length) || '/';
    const method = req.method || 'GET';
    /** @param {string[]} methods */
    const only = (methods) => {
      if (!methods.includes(method)) throw new HttpError(405, `${method} is not allowed here`, { allow: methods.join(', ') });
    };

    if (path == '/health') {
      only(['GET', 'HEAD']);
      try {
        await store.health();
        dbOk();
        return send(res, 200, { ok: true, database: store.kind, pending: batcher.pending });
      } catch (e) {
        dbError(e);
        return send(res, 503, { ok: false, database: store.kind, error: 'the database does not answer' });
      }
    }
    if (path == '/v1/receipts') {
      if (method == 'OPTIONS') {
        // Preflight for application/json (text/plain, as sendBeacon sends it, needs none).
        if (!cors(req, res)) throw new HttpError(403, 'origin not allowed');
        res.writeHead(204, {
          'access-control-allow-methods': 'POST',
          'access-control-allow-headers': 'content-type',
          'access-control-max-age': '86400',
        });
        return res.end();
      }
      if (method == 'POST') return ingest(req, res, url);
      only(['GET', 'POST', 'OPTIONS']);
      admin(req);
      return exportRange(res, url);
    }
    const m = /^\/v1\/receipts\/([^/]+)$/.exec(path);
    if (m) {
      only(['GET', 'DELETE']);
      admin(req);
      let id;
      try {
        id = decodeURIComponent(m[1]);
      } catch {
        throw new HttpError(400, 'bad consent id');
      }
      if (method == 'DELETE') {
        const erased = await db(() => store.erase(id));
        if (!erased) throw new HttpError(404, `no receipts for consent id ${id}`);
        log(`erased ${erased} receipt(s) of consent id ${id}`);
        return send(res, 200, { id, erased });
      }
      const receipts = await db(() => store.lookup(id));
      if (!receipts.length) throw new HttpError(404, `no receipts for consent id ${id}`);
      return send(res, 200, { id, receipts: receipts.map(present) });
    }
    if (path == '/v1/verify') {
      only(['GET']);
      admin(req);
      const result = await db(() => store.verify());
      return send(res, 200, result);
    }
    throw new HttpError(404, 'not found');
  }

  /** @param {Req} req @param {Res} res */
  function handler(req, res) {
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('cache-control', 'no-store');
    route(req, res).catch((e) => {
      const status = e instanceof HttpError ? e.status : 500;
      if (status == 500) log(`error: ${e?.stack || e}`);
      if (res.headersSent) return void res.destroy();
      const headers = { ...(e instanceof HttpError ? e.headers : {}) };
      // A body the server will not read to its end: answer at once and close the connection.
      if (!req.complete) Object.assign(headers, { connection: 'close' });
      send(res, status, { error: status == 500 ? 'internal error' : e.message }, headers);
      if (!req.complete) {
        // Let the client finish sending (so it reads the answer), but not forever.
        let extra = 0;
        req.on('data', (c) => (extra += c.length) > DISCARD && req.destroy());
        req.resume();
        setTimeout(() => req.destroy(), 5000).unref();
      }
    });
  }

  return {
    handler,
    batcher,
    /** Stop timers and wait for receipts being committed. */
    async close() {
      limiter.close();
      authFailures.close();
      await batcher.drain();
    },
  };
}

/**
 * An HTTP server around the app, with timeouts against slow clients.
 * @param {AppOptions} options
 */
export function createLogServer(options) {
  const app = createApp(options);
  const server = createServer({ requestTimeout: 15_000, headersTimeout: 10_000, keepAliveTimeout: 5_000 }, app.handler);
  return { server, app };
}
