import type {
  Config,
  ConsentModeOptions,
  CookieDescription,
  NormalizedCategory,
  NormalizedConfig,
  NormalizedService,
  ServiceConfig,
} from './types';
import { error, warn } from './lib/log';
import { isPlainObject, isValidKey } from './lib/keys';

export const DEFAULT_EXPIRES_DAYS = 182;
/** CNIL recommends keeping a choice for at most 13 months. */
export const MAX_EXPIRES_DAYS = 395;

/** Cookies of well-known trackers: declaring one under a required category is a mistake a regulator would see. */
const TRACKER_COOKIE = /^(_ga($|_)|_gid$|_gat|_gcl_|_fb[pc]$|_uet(sid|vid)$|_cl(ck|sk)$|_hj|IDE$|MUID$|_ttp$|_pin_unauth$|li_sugr$|bcookie$|_scid)/;

/** Catalogue entries by preset name. */
export type PresetRegistry = { [name: string]: ServiceConfig };

/**
 * Option schemas: name -> [type, default]. Types: b boolean, s string, o object, a array,
 * t text (string or { [language]: string }), n positive number, r string or number,
 * m list of Consent Mode type names (checked by the Consent Mode integration), c cookie name, g boolean or object, `x|y|z` one of those strings.
 * Every option is listed, so an unknown key can be named.
 */
type Schema = { [key: string]: [string, unknown?] };

const TOP: Schema = {
  revision: ['r', ''],
  privacyPolicyUrl: ['s', ''],
  categories: ['o', {}],
  services: ['o', {}],
  storage: ['cookie|localStorage|both', 'cookie'],
  cookie: ['o', {}],
  reloadOnWithdraw: ['b', false],
  recordEndpoint: ['s', ''],
  serverCookie: ['b', false],
  googleConsentMode: ['g', false],
  gpc: ['b', true],
  mode: ['opt-in|opt-out', 'opt-in'],
  language: ['s', ''],
  nonce: ['s', ''],
  autoShow: ['b', true],
  ui: ['o', {}],
  translations: ['o', {}],
};
const COOKIE: Schema = {
  name: ['c', 'consent_gate'],
  domain: ['s'],
  path: ['s', '/'],
  sameSite: ['Lax|Strict|None', 'Lax'],
  secure: ['b'],
  expiresDays: ['n', DEFAULT_EXPIRES_DAYS],
};
const CATEGORY: Schema = { required: ['b', false], title: ['t'], description: ['t'], saleOrSharing: ['b'], consentMode: ['m'], default: ['b', true] };
const SERVICE: Schema = {
  category: ['s', ''],
  title: ['t'],
  description: ['t'],
  provider: ['s'],
  privacyPolicyUrl: ['s'],
  cookies: ['a', []],
  storageKeys: ['a', []],
  hosts: ['a', []],
  preset: ['*'],
  consentMode: ['m'],
};

const isString = (v: unknown): v is string => typeof v == 'string';
const TYPES: { [type: string]: [(v: any) => unknown, string] } = {
  b: [(v) => typeof v == 'boolean', 'true or false'],
  s: [isString, 'a string'],
  o: [isPlainObject, 'an object'],
  a: [Array.isArray, 'an array'],
  t: [(v) => isString(v) || (isPlainObject(v) && Object.values(v).every(isString)), 'a string or { [language]: string }'],
  n: [(v) => v > 0 && v < Infinity, 'a positive number'],
  r: [(v) => isString(v) || typeof v == 'number', 'a string or a number'],
  m: [(v) => Array.isArray(v) && v.every(isString), 'a list of Consent Mode types'],
  c: [(v) => isString(v) && /^[\w.-]{1,64}$/.test(v), '1-64 letters, digits, "_", "." or "-"'],
  g: [(v) => typeof v == 'boolean' || isPlainObject(v), 'true, false or an object'],
  '*': [() => 1, ''],
};

/**
 * Read `raw` against `schema`: each known option checked (a bad value is reported
 * by its path and replaced by the default), each unknown option reported and dropped.
 */
function read(raw: unknown, schema: Schema, path: string): { [key: string]: any } {
  const out: { [key: string]: unknown } = {};
  const obj = isPlainObject(raw) ? raw : {};
  if (raw !== undefined && raw !== true && obj !== raw) error(`${path} must be an object; using defaults.`);
  for (const key in obj) if (!(key in schema)) warn(`${path}.${key} is not a known option; ignored.`);
  for (const key in schema) {
    const [type, fallback] = schema[key]!;
    const [test, expected] = TYPES[type] || [(v: string) => type.split('|').includes(v), type.replace(/\|/g, ', ')];
    const value = obj[key];
    out[key] = value === undefined ? fallback : test(value) ? value : (error(`${path}.${key} must be ${expected}; using ${JSON.stringify(fallback)}.`), fallback);
  }
  return out;
}

/** Whether `key` may name a category or service; says why not. */
const keyOk = (key: string, path: string) => isValidKey(key) || error(`${path}: a key is a letter, then letters, digits, _ or -; ignored.`);

const isMatcher = (v: unknown): v is string | RegExp => isString(v) || v instanceof RegExp;

function readService(key: string, raw: unknown, categories: { [key: string]: NormalizedCategory }, presets: PresetRegistry): NormalizedService | void {
  const path = `services.${key}`;
  if (!keyOk(key, path)) return;
  let src = isString(raw) ? { preset: raw } : raw;
  const name = isPlainObject(src) ? src.preset : undefined;
  if (name !== undefined) {
    const preset = isString(name) && presets[name];
    if (!preset) return error(`${path}.preset "${name}" is not in the loaded catalogue; ignored.`);
    src = { ...preset, ...(src as object) };
  }
  const s = read(src, SERVICE, path);
  const category = categories[s.category];
  if (!category) return error(`${path}.category "${s.category}" is not a declared category; the service never runs.`);
  const cookies: CookieDescription[] = [];
  (s.cookies as unknown[]).forEach((c, i) => {
    const name = isPlainObject(c) ? c.name : c;
    if (!isMatcher(name)) error(`${path}.cookies[${i}] must be a name, a RegExp or { name }; ignored.`);
    else {
      cookies.push(name === c ? { name } : (c as unknown as CookieDescription));
      if (category.required && isString(name) && TRACKER_COOKIE.test(name)) {
        warn(`${path}.cookies: "${name}" is a tracker cookie in required category "${category.key}"; trackers need consent.`);
      }
    }
  });
  const storageKeys = (s.storageKeys as unknown[]).filter(isMatcher);
  if (storageKeys.length < s.storageKeys.length) error(`${path}.storageKeys must be names or RegExps; others ignored.`);
  const hosts = (s.hosts as unknown[]).filter(isString);
  if (hosts.length < s.hosts.length) warn(`${path}.hosts must be host names (strings); others ignored.`);
  return { ...s, key, category: category.key, cookies, storageKeys, hosts } as NormalizedService;
}

/**
 * Validate and complete a configuration. Never throws: every problem is a console
 * message naming the field, and what cannot be understood grants nothing.
 */
export function normalizeConfig(input: unknown, presets: PresetRegistry = {}): NormalizedConfig {
  if (!isPlainObject(input)) error('config must be an object; nothing will be granted.');
  const cfg = read(input, TOP, 'config');
  const categories: { [key: string]: NormalizedCategory } = Object.create(null);
  for (const key in cfg.categories) {
    const path = `categories.${key}`;
    if (!keyOk(key, path)) continue;
    const c = read(cfg.categories[key], CATEGORY, path);
    categories[key] = { ...c, key, saleOrSharing: c.saleOrSharing ?? key == 'marketing' } as NormalizedCategory;
  }
  const list = Object.values(categories);
  if (!list.length) error('categories is empty; nothing can be granted.');
  const services: NormalizedService[] = [];
  for (const key in cfg.services) {
    const s = readService(key, cfg.services[key], categories, presets);
    if (s) services.push(s);
  }
  const cookie = read(cfg.cookie, COOKIE, 'cookie');
  if (cookie.expiresDays > MAX_EXPIRES_DAYS) {
    warn(`cookie.expiresDays ${cookie.expiresDays} is over the ${MAX_EXPIRES_DAYS}-day cap; using ${MAX_EXPIRES_DAYS}.`);
    cookie.expiresDays = MAX_EXPIRES_DAYS;
  }
  const gcm = cfg.googleConsentMode;
  return {
    ...cfg,
    revision: String(cfg.revision).slice(0, 100),
    categories: list,
    services,
    cookie,
    googleConsentMode: gcm === true ? {} : (gcm as false | ConsentModeOptions),
  } as NormalizedConfig;
}

export type { Config };
