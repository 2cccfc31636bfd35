// @ts-check
// SQLite through better-sqlite3: the embedded default.
//
// Durability: WAL with synchronous=FULL, so every COMMIT fsyncs the WAL before it returns.
// (With WAL, synchronous=NORMAL survives a killed process but can lose the last commits on
// power loss or an OS crash; the log answers 2xx only for what is on disk, so FULL.)
// better-sqlite3 is synchronous: a commit blocks the event loop for one fsync (about 0.3 ms
// here), and the requests that arrive meanwhile form the next batch.
import Database from 'better-sqlite3';
import { GENESIS, link, verifyChain } from '../chain.js';
import { PAGE, paged } from './index.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS consent_receipts (
  seq INTEGER PRIMARY KEY,
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
  seq INTEGER NOT NULL,
  hash TEXT NOT NULL,
  anchor_seq INTEGER NOT NULL,
  anchor_hash TEXT NOT NULL
);
INSERT INTO consent_chain (id, seq, hash, anchor_seq, anchor_hash) VALUES (1, 0, '${GENESIS}', 0, '${GENESIS}') ON CONFLICT DO NOTHING;
`;

/**
 * @param {string} file
 * @returns {import('./index.js').Store}
 */
export function openSqlite(file) {
  // timeout: wait up to 5 s for another process's write lock (several servers on one file).
  const db = new Database(file, { timeout: 5000 });
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');

  /** @type {Record<string, import('better-sqlite3').Statement>} */
  const q = {};
  const prepare = () => {
    Object.assign(q, {
      head: db.prepare('SELECT seq, hash, anchor_seq, anchor_hash FROM consent_chain WHERE id = 1'),
      exists: db.prepare('SELECT 1 FROM consent_receipts WHERE rkey = ?'),
      insert: db.prepare(
        'INSERT INTO consent_receipts (seq, rkey, consent_id, ts, received_at, record, record_hash, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      setHead: db.prepare('UPDATE consent_chain SET seq = ?, hash = ? WHERE id = 1'),
      lookup: db.prepare('SELECT seq, record FROM consent_receipts WHERE consent_id = ? ORDER BY ts, seq'),
      exportPage: db.prepare(
        'SELECT seq, hash, record FROM consent_receipts WHERE seq > ? AND received_at >= ? AND received_at < ? AND record IS NOT NULL ORDER BY seq LIMIT ?',
      ),
      chainPage: db.prepare(
        'SELECT seq, rkey, consent_id, ts, received_at, record, record_hash, prev_hash, hash, erased_at FROM consent_receipts WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?',
      ),
      erase: db.prepare('UPDATE consent_receipts SET record = NULL, consent_id = NULL, ts = NULL, erased_at = ? WHERE consent_id = ?'),
      firstKept: db.prepare('SELECT MIN(seq) AS seq FROM consent_receipts WHERE received_at >= ?'),
      hashAt: db.prepare('SELECT hash FROM consent_receipts WHERE seq = ?'),
      purge: db.prepare('DELETE FROM consent_receipts WHERE seq <= ?'),
      setAnchor: db.prepare('UPDATE consent_chain SET anchor_seq = ?, anchor_hash = ? WHERE id = 1'),
      ping: db.prepare('SELECT 1'),
    });
  };

  /** @returns {import('../chain.js').ChainHead} */
  const head = () => /** @type {any} */ (q.head.get());

  const insertBatch = db.transaction((/** @type {import('./index.js').NewRow[]} */ rows) => {
    const h = head();
    let seq = h.seq;
    let prev = h.hash;
    const seen = new Set();
    /** @type {('stored' | 'duplicate')[]} */
    const out = [];
    for (const r of rows) {
      if (seen.has(r.rkey) || q.exists.get(r.rkey)) {
        out.push('duplicate');
        continue;
      }
      seen.add(r.rkey);
      const hash = link(prev, r.recordHash);
      q.insert.run(++seq, r.rkey, r.consentId, r.ts, r.receivedAt, r.record, r.recordHash, prev, hash);
      prev = hash;
      out.push('stored');
    }
    if (seq != h.seq) q.setHead.run(seq, prev);
    return out;
  });

  const purge = db.transaction((/** @type {string} */ before) => {
    const h = head();
    const first = /** @type {{ seq: number | null }} */ (q.firstKept.get(before)).seq;
    const last = first == null ? h.seq : first - 1;
    if (last <= h.anchor_seq) return 0;
    const { hash } = /** @type {{ hash: string }} */ (q.hashAt.get(last));
    const { changes } = q.purge.run(last);
    q.setAnchor.run(last, hash);
    return changes;
  });

  /** @param {{ seq: number, hash?: string, record: string }} r */
  const parse = (r) => ({ seq: r.seq, ...(r.hash ? { hash: r.hash } : {}), record: JSON.parse(r.record) });

  return {
    kind: 'sqlite',
    label: `sqlite:${file}`,
    async migrate() {
      db.transaction(() => db.exec(SCHEMA)).immediate();
      prepare();
    },
    async insertBatch(rows) {
      return insertBatch.immediate(rows);
    },
    async lookup(id) {
      return /** @type {any[]} */ (q.lookup.all(id)).map(parse);
    },
    export({ from = '', to = '\uffff' }) {
      return paged(async (after) => /** @type {any[]} */ (q.exportPage.all(after, from, to, PAGE)).map(parse));
    },
    async erase(id) {
      return q.erase.run(new Date().toISOString(), id).changes;
    },
    async verify() {
      const h = head();
      return verifyChain(
        h,
        paged(async (after) => /** @type {any[]} */ (q.chainPage.all(after, h.seq, PAGE)), h.anchor_seq),
      );
    },
    async purge(before) {
      return purge.immediate(before);
    },
    async health() {
      q.ping.get();
    },
    async close() {
      db.close();
    },
  };
}
