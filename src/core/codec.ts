import { dict, isPlainObject, isValidKey } from './lib/keys';

/** Format version of the stored choice. Another version reads as "no consent". */
export const FORMAT_VERSION = 1;

/** The choice as kept in storage. Times are epoch milliseconds. */
export interface StoredChoice {
  id: string;
  revision: string;
  first: number;
  last: number;
  expires: number;
  categories: { [key: string]: boolean };
  services: { [key: string]: boolean };
  gpc: boolean;
}

/** FNV-1a, 32 bit, base 36: catches corruption and hand edits (it is not a signature). */
function checksum(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

const flags = (map: { [key: string]: boolean }) => {
  const out: { [key: string]: 0 | 1 } = {};
  for (const k of Object.keys(map)) out[k] = map[k] ? 1 : 0;
  return out;
};

/** Compact JSON with seconds for times; the checksum covers everything else. */
export function encodeChoice(choice: StoredChoice): string {
  const body = {
    v: FORMAT_VERSION,
    i: choice.id,
    r: choice.revision,
    f: Math.floor(choice.first / 1000),
    l: Math.floor(choice.last / 1000),
    e: Math.floor(choice.expires / 1000),
    g: choice.gpc ? 1 : 0,
    c: flags(choice.categories),
    s: flags(choice.services),
  };
  const json = JSON.stringify(body);
  return `${json.slice(0, -1)},"h":"${checksum(json)}"}`;
}

export type DecodeResult = { ok: true; choice: StoredChoice } | { ok: false; reason: string };

const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0 && v < 1e11;

function readFlags(v: unknown): { [key: string]: boolean } | null {
  if (!isPlainObject(v)) return null;
  const out = dict<boolean>();
  for (const k of Object.keys(v)) {
    if (!isValidKey(k) || (v[k] !== 0 && v[k] !== 1)) return null;
    out[k] = v[k] === 1;
  }
  return out;
}

/**
 * Parse a stored value. Anything malformed, of another version or failing the checksum
 * is rejected with a reason; it never throws and never yields a grant from garbage.
 */
export function decodeChoice(raw: unknown): DecodeResult {
  if (typeof raw !== 'string' || raw.length > 4096) return { ok: false, reason: 'not a string of at most 4096 characters' };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  if (!isPlainObject(data)) return { ok: false, reason: 'not an object' };
  if (data.v !== FORMAT_VERSION) return { ok: false, reason: `format version ${JSON.stringify(data.v)} is not ${FORMAT_VERSION}` };
  const { i, r, f, l, e, g, h } = data;
  if (typeof i !== 'string' || !/^[\w-]{8,64}$/.test(i)) return { ok: false, reason: 'bad id' };
  if (typeof r !== 'string' || r.length > 100) return { ok: false, reason: 'bad revision' };
  if (!isTime(f) || !isTime(l) || !isTime(e) || f > l || l > e) return { ok: false, reason: 'bad timestamps' };
  if (g !== 0 && g !== 1) return { ok: false, reason: 'bad gpc flag' };
  const categories = readFlags(data.c);
  const services = readFlags(data.s);
  if (!categories || !services) return { ok: false, reason: 'bad choices' };
  if (typeof h !== 'string') return { ok: false, reason: 'no checksum' };
  const choice: StoredChoice = { id: i, revision: r, first: f * 1000, last: l * 1000, expires: e * 1000, gpc: g === 1, categories, services };
  const expected = encodeChoice(choice);
  if (expected !== raw) return { ok: false, reason: 'checksum or layout mismatch (edited by hand?)' };
  return { ok: true, choice };
}
