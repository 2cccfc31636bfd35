import { dict, isPlainObject, isValidKey } from './lib/keys';

/** Format version of the stored choice. Another version reads as "no consent". */
export const FORMAT_VERSION = 1;

/** The choice as kept in storage. Times are epoch milliseconds (stored as seconds). */
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
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

const bits = (map: { [key: string]: boolean }) => {
  const out: { [key: string]: number } = {};
  for (const k in map) out[k] = +map[k]!;
  return out;
};
const sec = (ms: number) => Math.floor(ms / 1000);

/** Compact JSON, times in seconds, and a checksum over the rest. */
export function encodeChoice(c: StoredChoice): string {
  const json = JSON.stringify({ v: FORMAT_VERSION, i: c.id, r: c.revision, f: sec(c.first), l: sec(c.last), e: sec(c.expires), g: +c.gpc, c: bits(c.categories), s: bits(c.services) });
  return `${json.slice(0, -1)},"h":"${checksum(json)}"}`;
}

export type DecodeResult = { ok: true; choice: StoredChoice } | { ok: false; reason: string };

/** Flags under valid keys (that each is 0 or 1 is proven by re-encoding), or undefined. */
function flags(v: unknown) {
  if (!isPlainObject(v) || !Object.keys(v).every(isValidKey)) return;
  const out = dict<boolean>();
  for (const k in v) out[k] = v[k] === 1;
  return out;
}

/**
 * Parse a stored value. Never throws, and never yields a grant from garbage: after the
 * shape checks, the value must re-encode to exactly itself, which proves every number is
 * a whole second, every flag is 0 or 1, and the checksum is right.
 */
export function decodeChoice(raw: unknown): DecodeResult {
  let d: any;
  try {
    d = JSON.parse(raw as string);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  if (d?.v !== FORMAT_VERSION) return { ok: false, reason: `not format version ${FORMAT_VERSION}` };
  const choice: StoredChoice = { id: d.i, revision: d.r, first: d.f * 1e3, last: d.l * 1e3, expires: d.e * 1e3, gpc: d.g === 1, categories: flags(d.c)!, services: flags(d.s)! };
  const valid =
    choice.categories && choice.services && /^[\w-]{8,64}$/.test(d.i) && typeof d.i == 'string' && typeof d.r == 'string' && d.r.length <= 100 && 0 < d.f && d.f <= d.l && d.l <= d.e;
  return valid && encodeChoice(choice) === raw ? { ok: true, choice } : { ok: false, reason: 'malformed or edited (checksum)' };
}
