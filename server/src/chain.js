// @ts-check
// The hash chain: what makes the log tamper-evident.
//
// Each stored row keeps `record` (the canonical JSON text of what was stored), `record_hash`
// = sha256(record) and `hash` = sha256(prev_hash + record_hash), `prev_hash` being the hash
// of the row before it (seq - 1). The chain runs over the record hash rather than over the
// record itself so that erasure can drop the personal payload (record, consent id, client
// time) and keep record_hash: the rest of the chain still verifies, and the tombstone shows
// that something was erased, and when.
import { createHash } from 'node:crypto';

/** prev_hash of the first row ever stored. */
export const GENESIS = '0'.repeat(64);

/** @param {string} text */
export const sha256 = (text) => createHash('sha256').update(text, 'utf8').digest('hex');

/** @param {string} prevHash @param {string} recordHash */
export const link = (prevHash, recordHash) => sha256(prevHash + recordHash);

/**
 * The idempotence key of a receipt: same consent id and same client timestamp, same receipt.
 * Hashed, so it can outlive an erasure (a browser resending an erased receipt from its outbox
 * gets 200 and does not bring it back) without keeping the consent id.
 * @param {string} id @param {string} timestamp
 */
export const receiptKey = (id, timestamp) => sha256(`${id}\n${timestamp}`);

/**
 * JSON with object keys sorted at every level: one text per value, whatever the key order
 * the browser sent.
 * @param {unknown} value
 * @returns {string}
 */
export function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value == 'object') {
    const obj = /** @type {Record<string, unknown>} */ (value);
    return `{${Object.keys(obj)
      .sort()
      .filter((k) => obj[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical(obj[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * @typedef {object} ChainRow  A stored row as the verifier reads it.
 * @property {number} seq
 * @property {string} rkey
 * @property {string | null} consent_id
 * @property {string | null} ts
 * @property {string} received_at
 * @property {string | null} record
 * @property {string} record_hash
 * @property {string} prev_hash
 * @property {string} hash
 * @property {string | null} erased_at
 *
 * @typedef {object} ChainHead  The single chain-head row.
 * @property {number} seq          last stored seq
 * @property {string} hash         its hash
 * @property {number} anchor_seq   last purged seq (0 when nothing was purged)
 * @property {string} anchor_hash  its hash (GENESIS when nothing was purged)
 *
 * @typedef {object} VerifyResult
 * @property {boolean} ok
 * @property {number} count   rows checked
 * @property {number} erased  tombstones among them
 * @property {{ seq: number, hash: string }} head
 * @property {{ seq: number, hash: string }} anchor  where the chain starts (after purges)
 * @property {{ seq: number, id: string | null, reason: string }} [break]  the first break
 */

/**
 * Recompute the chain from the anchor to the head and name the first break: a row edited
 * (record no longer matches its hash, or columns no longer match the record), removed (a gap
 * in seq or a prev_hash that does not follow), inserted, or rows cut off the end (the head
 * says more rows were stored).
 * @param {ChainHead} head
 * @param {AsyncIterable<ChainRow> | Iterable<ChainRow>} rows in seq order
 * @returns {Promise<VerifyResult>}
 */
export async function verifyChain(head, rows) {
  let seq = head.anchor_seq;
  let prev = head.anchor_hash;
  let count = 0;
  let erased = 0;
  /** @type {VerifyResult['break']} */
  let broken;
  for await (const row of rows) {
    const reason = checkRow(row, seq + 1, prev);
    if (reason) {
      // A gap is named by the seq that is missing: its consent id went with it.
      broken = row.seq > seq + 1 ? { seq: seq + 1, id: null, reason } : { seq: row.seq, id: row.consent_id ?? idOf(row.record), reason };
      break;
    }
    count++;
    if (row.erased_at) erased++;
    seq = row.seq;
    prev = row.hash;
  }
  if (!broken && (seq != head.seq || prev != head.hash)) {
    broken =
      seq < head.seq
        ? { seq: seq + 1, id: null, reason: `rows ${seq + 1}..${head.seq} are missing (the chain head says ${head.seq} rows were stored)` }
        : { seq, id: null, reason: `the chain head (seq ${head.seq}) does not match the last row` };
  }
  return {
    ok: !broken,
    count,
    erased,
    head: { seq: head.seq, hash: head.hash },
    anchor: { seq: head.anchor_seq, hash: head.anchor_hash },
    ...(broken ? { break: broken } : {}),
  };
}

/** @param {string | null} record */
function idOf(record) {
  try {
    const id = record && JSON.parse(record).id;
    return typeof id == 'string' ? id : null;
  } catch {
    return null;
  }
}

/**
 * Why `row` does not continue the chain at `seq` after `prev`, or '' when it does.
 * @param {ChainRow} row @param {number} seq @param {string} prev
 */
function checkRow(row, seq, prev) {
  if (row.seq != seq) return row.seq > seq ? `row ${seq}${row.seq > seq + 1 ? `..${row.seq - 1}` : ''} is missing (the next row is ${row.seq})` : `row ${row.seq} is out of order`;
  if (row.prev_hash != prev) return 'prev_hash does not match the hash of the row before (a row was removed, inserted or rewritten)';
  if (row.erased_at) {
    if (row.record != null || row.consent_id != null || row.ts != null) return 'an erased row still carries a payload';
  } else {
    if (row.record == null) return 'the record is missing but the row is not marked erased';
    if (sha256(row.record) != row.record_hash) return 'the record does not match its record_hash (edited)';
    let r;
    try {
      r = JSON.parse(row.record);
    } catch {
      return 'the record is not JSON';
    }
    if (canonical(r) != row.record) return 'the record is not in canonical form (edited)';
    if (r.id !== row.consent_id || r.timestamp !== row.ts || r.receivedAt !== row.received_at || receiptKey(r.id, r.timestamp) != row.rkey) {
      return 'the consent_id, ts, received_at or rkey column does not match the record (edited)';
    }
  }
  if (link(row.prev_hash, row.record_hash) != row.hash) return 'hash does not match sha256(prev_hash + record_hash) (edited)';
  return '';
}
