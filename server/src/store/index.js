// @ts-check
// The storage interface. SQLite and PostgreSQL implement the same few operations; everything
// else (validation, hashing, group commit, HTTP) is one code path above it.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * @typedef {object} NewRow  A validated receipt, ready to be chained and stored.
 * @property {string} rkey        idempotence key (chain.receiptKey)
 * @property {string} consentId
 * @property {string} ts          the client's timestamp
 * @property {string} receivedAt  the server's receive time, ISO 8601
 * @property {string} record      canonical JSON of everything stored
 * @property {string} recordHash  sha256(record)
 *
 * @typedef {object} StoredReceipt  A receipt read back: the stored record plus its seq.
 * @property {number} seq
 * @property {string} [hash]
 * @property {Record<string, unknown>} record
 *
 * @typedef {object} Range
 * @property {string} [from]  ISO time, inclusive (server receive time)
 * @property {string} [to]    ISO time, exclusive
 *
 * @typedef {object} Store
 * @property {'sqlite' | 'postgres'} kind
 * @property {string} label  the database for messages (no password)
 * @property {() => Promise<void>} migrate  create the tables (idempotent, safe with several instances)
 * @property {(rows: NewRow[]) => Promise<('stored' | 'duplicate')[]>} insertBatch  one transaction: chain and store the new ones
 * @property {(id: string) => Promise<StoredReceipt[]>} lookup  a consent id's receipts, oldest decision first
 * @property {(range: Range) => AsyncIterable<StoredReceipt>} export  receipts received in the range, in chain order
 * @property {(id: string) => Promise<number>} erase  replace a consent id's payloads by tombstones; rows erased
 * @property {() => Promise<import('../chain.js').VerifyResult>} verify  recompute the chain
 * @property {(before: string) => Promise<number>} purge  delete the oldest rows received before `before`; rows deleted
 * @property {() => Promise<void>} health  throws when the database does not answer
 * @property {() => Promise<void>} close
 */

/** Thrown for a --db value that names no database this server knows. */
export class DbUrlError extends Error {}

/**
 * `sqlite:./consent-log.db`, `sqlite:///var/lib/consent.db`, `sqlite::memory:` or
 * `postgres://user:password@host:5432/db` (also `postgresql://`).
 * @param {string} url
 * @returns {{ kind: 'sqlite', file: string } | { kind: 'postgres', url: string }}
 */
export function parseDbUrl(url) {
  if (/^postgres(ql)?:\/\//i.test(url)) return { kind: 'postgres', url };
  const m = /^sqlite:(?:\/\/)?(.+)$/i.exec(url);
  if (m) return { kind: 'sqlite', file: m[1] == ':memory:' ? ':memory:' : resolve(m[1]) };
  throw new DbUrlError(`--db "${url}" is neither sqlite:<file> nor postgres://…`);
}

/** The URL without its password, for messages. @param {string} url */
export const redact = (url) => url.replace(/^(postgres(?:ql)?:\/\/[^:/@]+):[^@]*@/i, '$1:***@');

/**
 * Open (and migrate) the database named by `url`.
 * @param {string} url
 * @param {{ migrate?: boolean }} [options]
 * @returns {Promise<Store>}
 */
export async function open(url, { migrate = true } = {}) {
  const db = parseDbUrl(url);
  /** @type {Store} */
  let store;
  if (db.kind == 'postgres') store = (await import('./postgres.js')).openPostgres(db.url);
  else {
    if (db.file != ':memory:') mkdirSync(dirname(db.file), { recursive: true });
    store = (await import('./sqlite.js')).openSqlite(db.file);
  }
  if (migrate) await store.migrate();
  return store;
}

/**
 * Rows page by page (keyset on seq), so a long export or verify never holds a transaction
 * or the whole table in memory.
 * @template T
 * @param {(after: number) => Promise<(T & { seq: number })[]>} page
 * @param {number} [after]
 * @returns {AsyncGenerator<T & { seq: number }>}
 */
export async function* paged(page, after = 0) {
  for (;;) {
    const rows = await page(after);
    if (!rows.length) return;
    yield* rows;
    after = rows[rows.length - 1].seq;
  }
}

/** Rows read per page by export and verify. */
export const PAGE = 1000;
