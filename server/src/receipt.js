// @ts-check
// The receipt shape the SDK's `record` event carries (src/core/types.ts, ConsentReceipt),
// checked field by field. Anything else is refused with a message naming the field: the log
// keeps proof, so it keeps only what the SDK would have sent.

/**
 * @typedef {object} Receipt
 * @property {string} id
 * @property {string} timestamp  ISO 8601, UTC, as `Date.prototype.toISOString()` writes it
 * @property {string} revision
 * @property {'accept_all' | 'reject_all' | 'custom'} method
 * @property {Record<string, boolean>} categories
 * @property {Record<string, boolean>} services
 * @property {boolean} gpc
 * @property {string} language
 * @property {string} url
 * @property {string} [region]  the visitor's region as the site gave it ('' when unknown)
 * @property {'opt-in' | 'opt-out' | 'notice' | 'none'} [rule]  the consent rule in force
 */

/** Thrown for a body that is not a receipt: `field` names what is wrong. */
export class ReceiptError extends Error {
  /** @param {string} field @param {string} message */
  constructor(field, message) {
    super(`${field} ${message}`);
    this.field = field;
  }
}

const FIELDS = ['id', 'timestamp', 'revision', 'method', 'categories', 'services', 'gpc', 'language', 'url'];
const METHODS = ['accept_all', 'reject_all', 'custom'];
/** Sent by SDK versions with regional rules; receipts of earlier versions lack them. */
const OPTIONAL = ['region', 'rule'];
const RULES = ['opt-in', 'opt-out', 'notice', 'none'];
const REGION = /^([A-Z]{2,3}(-[A-Z\d]{1,3})?)?$/;
/** The SDK's consent ids are 32 hex digits; the stored-choice codec accepts [\w-]{8,64}. */
const ID = /^[\w-]{8,64}$/;
/** Category and service keys (src/core/lib/keys.ts): `__proto__`, `constructor`... never match. */
const KEY = /^[A-Za-z][\w-]{0,63}$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?Z$/;
const LANGUAGE = /^[\w-]{1,35}$/;
const MAX_KEYS = 100;

/** @param {unknown} v @returns {v is Record<string, unknown>} */
const isObject = (v) => !!v && typeof v == 'object' && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

/**
 * A valid ISO 8601 UTC time that names a real instant (no 30 February), between 2000 and 2100.
 * @param {unknown} v
 */
function isTimestamp(v) {
  if (typeof v != 'string') return false;
  const m = ISO.exec(v);
  if (!m) return false;
  const d = new Date(v);
  if (Number.isNaN(+d) || +m[1] < 2000 || +m[1] >= 2100) return false;
  // Date() rolls 2024-02-30 over to March; a real date reads back the same.
  return d.toISOString().slice(0, 19) == v.slice(0, 19);
}

/** @param {unknown} v @param {string} field @returns {Record<string, boolean>} */
function flags(v, field) {
  if (!isObject(v)) throw new ReceiptError(field, 'must be an object of name: true|false');
  const keys = Object.keys(v);
  if (keys.length > MAX_KEYS) throw new ReceiptError(field, `has more than ${MAX_KEYS} entries`);
  /** @type {Record<string, boolean>} */
  const out = Object.create(null);
  for (const k of keys) {
    if (!KEY.test(k)) throw new ReceiptError(`${field}.${k.slice(0, 70)}`, 'is not a valid key (a letter, then letters, digits, _ or -)');
    if (typeof v[k] != 'boolean') throw new ReceiptError(`${field}.${k}`, 'must be true or false');
    out[k] = /** @type {boolean} */ (v[k]);
  }
  return { ...out };
}

/** @param {unknown} v @param {string} field @param {number} max */
function text(v, field, max) {
  if (typeof v != 'string') throw new ReceiptError(field, 'must be a string');
  if (v.length > max) throw new ReceiptError(field, `is longer than ${max} characters`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(v)) throw new ReceiptError(field, 'contains control characters');
  return v;
}

/**
 * Parse and check a request body. Throws ReceiptError naming the first bad field.
 * @param {string} body
 * @returns {Receipt}
 */
export function parseReceipt(body) {
  let v;
  try {
    v = JSON.parse(body);
  } catch {
    throw new ReceiptError('body', 'is not JSON');
  }
  if (!isObject(v)) throw new ReceiptError('body', 'must be a JSON object (a consent receipt)');
  for (const k of Object.keys(v)) if (!FIELDS.includes(k) && !OPTIONAL.includes(k)) throw new ReceiptError(k.slice(0, 70), 'is not a receipt field');
  for (const k of FIELDS) if (!(k in v)) throw new ReceiptError(k, 'is missing');
  const id = text(v.id, 'id', 64);
  if (!ID.test(id)) throw new ReceiptError('id', 'must be 8-64 letters, digits, _ or -');
  if (!isTimestamp(v.timestamp)) throw new ReceiptError('timestamp', 'must be an ISO 8601 UTC time such as 2024-05-01T12:00:00.000Z');
  if (typeof v.method != 'string' || !METHODS.includes(v.method)) throw new ReceiptError('method', `must be one of ${METHODS.join(', ')}`);
  if (typeof v.gpc != 'boolean') throw new ReceiptError('gpc', 'must be true or false');
  const language = text(v.language, 'language', 35);
  if (!LANGUAGE.test(language)) throw new ReceiptError('language', 'must be a language code such as en or pt-BR');
  const url = text(v.url, 'url', 2048);
  if (url && !isHttpUrl(url)) throw new ReceiptError('url', 'must be an http(s) URL or empty');
  const categories = flags(v.categories, 'categories');
  if (!Object.keys(categories).length) throw new ReceiptError('categories', 'must name at least one category');
  /** @type {{ region?: string, rule?: Receipt['rule'] }} */
  const regional = {};
  if ('region' in v) {
    if (!REGION.test(text(v.region, 'region', 7))) throw new ReceiptError('region', 'must be a region code such as GB or US-CA, or empty');
    regional.region = /** @type {string} */ (v.region);
  }
  if ('rule' in v) {
    if (typeof v.rule != 'string' || !RULES.includes(v.rule)) throw new ReceiptError('rule', `must be one of ${RULES.join(', ')}`);
    regional.rule = /** @type {Receipt['rule']} */ (v.rule);
  }
  return {
    id,
    timestamp: /** @type {string} */ (v.timestamp),
    revision: text(v.revision, 'revision', 100),
    method: /** @type {Receipt['method']} */ (v.method),
    categories,
    services: flags(v.services, 'services'),
    gpc: v.gpc,
    language,
    url,
    ...regional,
  };
}

/** @param {string} s */
function isHttpUrl(s) {
  try {
    const u = new URL(s);
    return (u.protocol == 'https:' || u.protocol == 'http:') && !/\s/.test(s);
  } catch {
    return false;
  }
}
