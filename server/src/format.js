// @ts-check
// Export formats: NDJSON (one receipt per line, exactly as stored) and CSV (for a spreadsheet).

/** @typedef {import('./store/index.js').StoredReceipt} StoredReceipt */

/** Receipt fields first, in the SDK's order, then what the server added. */
const ORDER = ['id', 'timestamp', 'revision', 'method', 'categories', 'services', 'gpc', 'language', 'url', 'region', 'rule', 'receivedAt', 'ip', 'userAgent'];

/** What the API and the exports show of a stored receipt: the record, plus its seq. */
export const present = (/** @type {StoredReceipt} */ r) => {
  /** @type {Record<string, unknown>} */
  const out = {};
  for (const k of ORDER) if (k in r.record) out[k] = r.record[k];
  return { ...out, ...r.record, seq: r.seq };
};

export const CSV_COLUMNS = ['seq', 'id', 'timestamp', 'receivedAt', 'method', 'revision', 'categories', 'services', 'gpc', 'language', 'url', 'ip', 'userAgent', 'hash'];

/**
 * One CSV cell. Quoted when needed; a text that a spreadsheet would run as a formula
 * (= + - @ tab CR at the start) gets a leading apostrophe (OWASP's advice), since revision,
 * url and user agent come from browsers.
 * @param {unknown} v
 */
function cell(v) {
  let s = v == null ? '' : typeof v == 'object' ? JSON.stringify(v) : String(v);
  if (typeof v == 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** @param {StoredReceipt} r */
export function csvLine(r) {
  /** @type {Record<string, unknown>} */
  const rec = { ...r.record, seq: r.seq, hash: r.hash };
  return `${CSV_COLUMNS.map((c) => cell(rec[c])).join(',')}\r\n`;
}

export const csvHeader = () => `${CSV_COLUMNS.join(',')}\r\n`;

/** @param {StoredReceipt} r */
export const ndjsonLine = (r) => `${JSON.stringify({ ...present(r), hash: r.hash })}\n`;

/**
 * Parse a --from / --to / ?from= / ?to= value: an ISO time, or a date (YYYY-MM-DD) meaning
 * that day's start (from) or the end of that day (to). Returns an ISO string, or throws.
 * @param {string | null | undefined} v
 * @param {'from' | 'to'} which
 */
export function parseBound(v, which) {
  if (v == null || v === '') return undefined;
  const date = /^\d{4}-\d{2}-\d{2}$/.test(v);
  const d = new Date(date ? `${v}T00:00:00.000Z` : v);
  if (!/^\d{4}-\d{2}-\d{2}/.test(v) || Number.isNaN(+d)) throw new RangeError(`${which} must be a date (2024-05-01) or an ISO time (2024-05-01T12:00:00Z)`);
  if (date && which == 'to') d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString();
}
