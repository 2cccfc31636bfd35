// @ts-check
// PostgreSQL through node-postgres. Several server instances may share one database: each
// batch locks the chain-head row (SELECT … FOR UPDATE) inside its transaction, so batches
// from different instances are chained one after the other and seq has no gaps. COMMIT
// returns once the WAL is flushed (synchronous_commit = on, PostgreSQL's default; this store
// sets it for its sessions in case the server default was lowered).
import pg from 'pg';
import { GENESIS, link, verifyChain } from '../chain.js';
import { PAGE, paged, redact } from './index.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS consent_receipts (
  seq BIGINT PRIMARY KEY,
  rkey TEXT NOT NULL UNIQUE,
  consent_id TEXT,
  ts TEXT,
  received_at TEXT NOT NULL,
  record TEXT,
  record_hash TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  erased_at TEXT
);
CREATE INDEX IF NOT EXISTS consent_receipts_consent_id ON consent_receipts (consent_id);
CREATE INDEX IF NOT EXISTS consent_receipts_received_at ON consent_receipts (received_at);
CREATE TABLE IF NOT EXISTS consent_chain (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  seq BIGINT NOT NULL,
  hash TEXT NOT NULL,
  anchor_seq BIGINT NOT NULL,
  anchor_hash TEXT NOT NULL
);
INSERT INTO consent_chain (id, seq, hash, anchor_seq, anchor_hash) VALUES (1, 0, '${GENESIS}', 0, '${GENESIS}') ON CONFLICT DO NOTHING;
`;

/** Any number for pg_advisory_xact_lock: serialises migrations of instances starting together. */
const MIGRATION_LOCK = 7_412_001;

/** int8 (seq) as a JS number: safe up to 2^53 receipts. */
const types = {
  /** @param {number} oid @param {any} format */
  getTypeParser: (oid, format) => (oid === 20 ? Number : pg.types.getTypeParser(oid, format)),
};

/**
 * @param {string} url
 * @returns {import('./index.js').Store}
 */
export function openPostgres(url) {
  const pool = new pg.Pool({
    connectionString: url,
    max: 6,
    connectionTimeoutMillis: 3000,
    idleTimeoutMillis: 30_000,
    // A database that stops answering gives 503s after this, not requests hanging forever.
    query_timeout: 15_000,
    statement_timeout: 10_000,
    keepAlive: true,
    application_name: 'consent-gate-server',
    types,
  });
  // A pooled connection that dies while idle (database restarted) is dropped from the pool;
  // without this listener node-postgres would crash the process.
  pool.on('error', () => {});

  /**
   * Run `fn` in a transaction on one connection; a broken connection is discarded.
   * @template T
   * @param {(c: pg.PoolClient) => Promise<T>} fn
   * @returns {Promise<T>}
   */
  async function tx(fn) {
    const c = await pool.connect();
    try {
      await c.query("BEGIN; SET LOCAL synchronous_commit = 'on'");
      const out = await fn(c);
      await c.query('COMMIT');
      c.release();
      return out;
    } catch (e) {
      // ROLLBACK fails on a dead connection; either way this one is not reused.
      await c.query('ROLLBACK').catch(() => {});
      c.release(/** @type {Error} */ (e));
      throw e;
    }
  }

  /** @param {pg.PoolClient | pg.Pool} c @returns {Promise<import('../chain.js').ChainHead>} */
  const head = async (c, lock = false) =>
    (await c.query(`SELECT seq, hash, anchor_seq, anchor_hash FROM consent_chain WHERE id = 1${lock ? ' FOR UPDATE' : ''}`)).rows[0];

  /** @param {{ seq: number, hash?: string, record: string }} r */
  const parse = (r) => ({ seq: r.seq, ...(r.hash ? { hash: r.hash } : {}), record: JSON.parse(r.record) });

  return {
    kind: 'postgres',
    label: redact(url),
    async migrate() {
      await tx(async (c) => {
        await c.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
        await c.query(SCHEMA);
      });
    },
    insertBatch: (rows) =>
      tx(async (c) => {
        const h = await head(c, true);
        const existing = new Set((await c.query('SELECT rkey FROM consent_receipts WHERE rkey = ANY($1::text[])', [rows.map((r) => r.rkey)])).rows.map((r) => r.rkey));
        /** @type {('stored' | 'duplicate')[]} */
        const out = [];
        /** @type {unknown[][]} */
        const cols = [[], [], [], [], [], [], [], [], []];
        let seq = h.seq;
        let prev = h.hash;
        for (const r of rows) {
          if (existing.has(r.rkey)) {
            out.push('duplicate');
            continue;
          }
          existing.add(r.rkey);
          const hash = link(prev, r.recordHash);
          [++seq, r.rkey, r.consentId, r.ts, r.receivedAt, r.record, r.recordHash, prev, hash].forEach((v, i) => cols[i].push(v));
          prev = hash;
          out.push('stored');
        }
        if (seq != h.seq) {
          await c.query(
            `INSERT INTO consent_receipts (seq, rkey, consent_id, ts, received_at, record, record_hash, prev_hash, hash)
             SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])`,
            cols,
          );
          await c.query('UPDATE consent_chain SET seq = $1, hash = $2 WHERE id = 1', [seq, prev]);
        }
        return out;
      }),
    async lookup(id) {
      return (await pool.query('SELECT seq, record FROM consent_receipts WHERE consent_id = $1 ORDER BY ts, seq', [id])).rows.map(parse);
    },
    export({ from = '', to = '\uffff' }) {
      return paged(async (after) =>
        (
          await pool.query(
            'SELECT seq, hash, record FROM consent_receipts WHERE seq > $1 AND received_at >= $2 AND received_at < $3 AND record IS NOT NULL ORDER BY seq LIMIT $4',
            [after, from, to, PAGE],
          )
        ).rows.map(parse),
      );
    },
    async erase(id) {
      return (await pool.query('UPDATE consent_receipts SET record = NULL, consent_id = NULL, ts = NULL, erased_at = $1 WHERE consent_id = $2', [new Date().toISOString(), id])).rowCount || 0;
    },
    async verify() {
      const h = await head(pool);
      return verifyChain(
        h,
        paged(
          async (after) =>
            (
              await pool.query(
                'SELECT seq, rkey, consent_id, ts, received_at, record, record_hash, prev_hash, hash, erased_at FROM consent_receipts WHERE seq > $1 AND seq <= $2 ORDER BY seq LIMIT $3',
                [after, h.seq, PAGE],
              )
            ).rows,
          h.anchor_seq,
        ),
      );
    },
    purge: (before) =>
      tx(async (c) => {
        const h = await head(c, true);
        const first = (await c.query('SELECT MIN(seq) AS seq FROM consent_receipts WHERE received_at >= $1', [before])).rows[0].seq;
        const last = first == null ? h.seq : first - 1;
        if (last <= h.anchor_seq) return 0;
        const { hash } = (await c.query('SELECT hash FROM consent_receipts WHERE seq = $1', [last])).rows[0];
        const { rowCount } = await c.query('DELETE FROM consent_receipts WHERE seq <= $1', [last]);
        await c.query('UPDATE consent_chain SET anchor_seq = $1, anchor_hash = $2 WHERE id = 1', [last, hash]);
        return rowCount || 0;
      }),
    async health() {
      await pool.query('SELECT 1');
    },
    close: () => pool.end(),
  };
}
