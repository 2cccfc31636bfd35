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
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  return (hash >>> 0).toString(36);
}

const toBits = (flags: { [key: string]: boolean }) => {
  const bits: { [key: string]: number } = {};
  for (const key in flags) bits[key] = +flags[key];
  return bits;
};
const toSeconds = (milliseconds: number) => Math.floor(milliseconds / 1000);

/**
 * Compact JSON, times in seconds, and a checksum over the rest. The one-letter keys are the
 * stored format (they keep the cookie short), read back by `decodeChoice`:
 * `v` format version, `i` id, `r` revision, `f`/`l`/`e` first and last decision and expiry,
 * `g` GPC, `c`/`s` category and service flags (0 or 1), `h` checksum.
 */
export function encodeChoice(choice: StoredChoice): string {
  const json = JSON.stringify({
    v: FORMAT_VERSION,
    i: choice.id,
    r: choice.revision,
    f: toSeconds(choice.first),
    l: toSeconds(choice.last),
    e: toSeconds(choice.expires),
    g: +choice.gpc,
    c: toBits(choice.categories),
    s: toBits(choice.services),
  });
  return `${json.slice(0, -1)},"h":"${checksum(json)}"}`;
}

export type DecodeResult = { ok: true; choice: StoredChoice } | { ok: false; reason: string };

/** Flags under valid keys (that each is 0 or 1 is proven by re-encoding), or undefined. */
function readFlags(value: unknown) {
  if (!isPlainObject(value) || !Object.keys(value).every(isValidKey)) return;
  const flags = dict<boolean>();
  for (const key in value) flags[key] = value[key] === 1;
  return flags;
}

const isNumber = (value: unknown): value is number => typeof value === 'number';

/**
 * Parse a stored value. Never throws, and never yields a grant from garbage: after the
 * shape checks, the value must re-encode to exactly itself, which proves every number is
 * a whole second, every flag is 0 or 1, and the checksum is right.
 */
export function decodeChoice(raw: unknown): DecodeResult {
  let stored: unknown;
  try {
    stored = JSON.parse(raw as string);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  if (!isPlainObject(stored) || stored.v !== FORMAT_VERSION) return { ok: false, reason: `not format version ${FORMAT_VERSION}` };
  const { i: id, r: revision, f: first, l: last, e: expires } = stored;
  const categories = readFlags(stored.c);
  const services = readFlags(stored.s);
  const wellFormed =
    categories &&
    services &&
    typeof id === 'string' &&
    /^[\w-]{8,64}$/.test(id) &&
    typeof revision === 'string' &&
    revision.length <= 100 &&
    isNumber(first) &&
    isNumber(last) &&
    isNumber(expires) &&
    0 < first &&
    first <= last &&
    last <= expires;
  if (!wellFormed) return { ok: false, reason: 'malformed or edited (checksum)' };
  const choice: StoredChoice = { id, revision, first: first * 1e3, last: last * 1e3, expires: expires * 1e3, gpc: stored.g === 1, categories, services };
  return encodeChoice(choice) === raw ? { ok: true, choice } : { ok: false, reason: 'malformed or edited (checksum)' };
}
