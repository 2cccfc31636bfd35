import type {
  CategoryConfig,
  Config,
  ConsentModeOptions,
  CookieDescription,
  CookieOptions,
  NormalizedCategory,
  NormalizedConfig,
  NormalizedService,
  ServiceConfig,
} from './types';
import { error, warn } from './lib/log';
import { isPlainObject, isValidKey } from './lib/keys';
import { REGION_RULES, ruleForRegion } from './rules/region-rule';

export const DEFAULT_EXPIRES_DAYS = 182;
/** CNIL recommends keeping a choice for at most 13 months. */
export const MAX_EXPIRES_DAYS = 395;

/** Cookies of well-known trackers: declaring one under a required category is a mistake a regulator would see. */
const TRACKER_COOKIE = /^(_ga($|_)|_gid$|_gat|_gcl_|_fb[pc]$|_uet(sid|vid)$|_cl(ck|sk)$|_hj|IDE$|MUID$|_ttp$|_pin_unauth$|li_sugr$|bcookie$|_scid)/;

/** Catalogue entries by preset name. */
export type PresetRegistry = { [name: string]: ServiceConfig };

/** How one option is checked. */
export interface OptionRule<Value> {
  /** Whether a value the site gave is acceptable. */
  isValid: (value: unknown) => boolean;
  /** What the value must be, completing "config.x must be …" in the console message. */
  expected: string;
  /** The value used when the option is absent or invalid; without one the option stays unset. */
  fallback?: Value;
}

/**
 * A rule for every option of `Options`, and for nothing else: a key missing here, or one
 * that `Options` does not declare, is a compile error. That keeps the validation, the
 * public types and their TSDoc in step. Nested objects (a category, the cookie options)
 * are checked shallowly here and then read against their own schema.
 */
export type OptionSchema<Options> = { [Key in keyof Required<Options>]: OptionRule<Required<Options>[Key]> };

const isString = (value: unknown): value is string => typeof value === 'string';
const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';
const isText = (value: unknown) => isString(value) || (isPlainObject(value) && Object.values(value).every(isString));

const booleanRule = <Value extends boolean>(fallback?: Value): OptionRule<Value> => ({ isValid: isBoolean, expected: 'true or false', fallback });
const stringRule = <Value extends string>(fallback?: Value): OptionRule<Value> => ({ isValid: isString, expected: 'a string', fallback });
const objectRule = <Value extends object>(fallback: Value): OptionRule<Value> => ({ isValid: isPlainObject, expected: 'an object', fallback });
const textRule: OptionRule<never> = { isValid: isText, expected: 'a string or { [language]: string }' };
/** Names only: the Consent Mode integration checks each against the seven types and names the unknown ones. */
const consentModeTypesRule: OptionRule<never> = {
  isValid: (value) => Array.isArray(value) && value.every(isString),
  expected: 'a list of Consent Mode types',
};
const listRule = <Value extends unknown[]>(fallback: Value): OptionRule<Value> => ({ isValid: Array.isArray, expected: 'an array', fallback });
/** One of a fixed set of strings; the message lists them. */
const oneOfRule = <Choice extends string>(choices: readonly Choice[], fallback: Choice): OptionRule<Choice> => ({
  isValid: (value) => choices.includes(value as Choice),
  expected: choices.join(', '),
  fallback,
});

const CONFIG_SCHEMA: OptionSchema<Config> = {
  revision: { isValid: (value) => isString(value) || typeof value === 'number', expected: 'a string or a number', fallback: '' },
  privacyPolicyUrl: stringRule(''),
  categories: objectRule({}),
  services: objectRule({}),
  storage: oneOfRule(['cookie', 'localStorage', 'both'], 'cookie'),
  cookie: objectRule({}),
  reloadOnWithdraw: booleanRule(false),
  recordEndpoint: stringRule(''),
  serverCookie: booleanRule(false),
  // The options object is checked by the Consent Mode integration, which knows its types.
  googleConsentMode: { isValid: (value) => isBoolean(value) || isPlainObject(value), expected: 'true, false or an object', fallback: false },
  // Read by the auto-blocking file (it runs before the engine, from window.consentGateConfig); kept here.
  autoBlock: { isValid: (value) => isBoolean(value) || isPlainObject(value), expected: 'true, false or an object', fallback: false },
  gpc: booleanRule(true),
  mode: oneOfRule(['opt-in', 'opt-out'], 'opt-in'),
  // Each entry is checked in readRegions, which names a bad one.
  regions: objectRule({}),
  region: stringRule(''),
  language: stringRule(''),
  nonce: stringRule(''),
  autoShow: booleanRule(true),
  // The UI reads its own options; the core only keeps them.
  ui: objectRule({}),
  translations: objectRule({}),
};

const COOKIE_SCHEMA: OptionSchema<CookieOptions> = {
  // What a cookie name may safely be in every browser, with room to spare.
  name: { isValid: (value) => isString(value) && /^[\w.-]{1,64}$/.test(value), expected: '1-64 letters, digits, "_", "." or "-"', fallback: 'consent_gate' },
  domain: stringRule(),
  path: stringRule('/'),
  sameSite: oneOfRule(['Lax', 'Strict', 'None'], 'Lax'),
  secure: booleanRule(),
  expiresDays: {
    isValid: (value) => typeof value === 'number' && value > 0 && value < Infinity,
    expected: 'a positive number',
    fallback: DEFAULT_EXPIRES_DAYS,
  },
};

const CATEGORY_SCHEMA: OptionSchema<CategoryConfig> = {
  required: booleanRule(false),
  title: textRule,
  description: textRule,
  // Unset means "by key": see normalizeConfig.
  saleOrSharing: booleanRule(),
  consentMode: consentModeTypesRule,
  default: booleanRule(true),
  exempt: booleanRule(false),
};

const SERVICE_SCHEMA: OptionSchema<ServiceConfig> = {
  category: stringRule(''),
  title: textRule,
  description: textRule,
  provider: stringRule(),
  privacyPolicyUrl: stringRule(),
  cookies: listRule([]),
  storageKeys: listRule([]),
  hosts: listRule([]),
  // Already resolved by readService before the schema is read.
  preset: stringRule(),
  consentMode: consentModeTypesRule,
};

/**
 * Read `raw` against `schema`: each known option checked (a bad value is reported by its
 * path and replaced by the fallback), each unknown option reported and dropped. `true`
 * stands for "all defaults", like `googleConsentMode: true`.
 */
function readOptions<Options>(raw: unknown, schema: OptionSchema<Options>, path: string): Options {
  const given = isPlainObject(raw) ? raw : {};
  if (raw !== undefined && raw !== true && given !== raw) error(`${path} must be an object; using defaults.`);
  for (const key in given) if (!(key in schema)) warn(`${path}.${key} is not a known option; ignored.`);
  const options: { [key: string]: unknown } = {};
  for (const key in schema) {
    const { isValid, expected, fallback } = schema[key];
    const value = given[key];
    if (value === undefined || isValid(value)) options[key] = value ?? fallback;
    else {
      error(`${path}.${key} must be ${expected}; ${fallback === undefined ? 'ignored' : `using ${JSON.stringify(fallback)}`}.`);
      options[key] = fallback;
    }
  }
  // Every key passed its rule or holds the fallback of its rule, typed by the schema.
  return options as Options;
}

/** A country (`GB`), a subdivision (`US-CA`), a group such as `EU`, or `*` in `regions`. */
const REGION_CODE = /^([A-Z]{2,3}(-[A-Z\d]{1,3})?)$/;

/**
 * The valid `regions` entries, codes in upper case. A bad entry is named and dropped: its
 * region then gets the strictest rule configured, so a typo never loosens the rule.
 */
function readRegions(raw: { [code: string]: unknown }): NormalizedConfig['regions'] {
  const regions: NormalizedConfig['regions'] = Object.create(null);
  for (const code in raw) {
    const rule = raw[code] as NormalizedConfig['rule'];
    if (code !== '*' && !REGION_CODE.test(code.toUpperCase())) error(`regions.${code}: a region is a code such as "GB", "US-CA" or "*"; ignored.`);
    else if (!REGION_RULES.includes(rule)) error(`regions.${code} must be ${REGION_RULES.join(', ')}; ignored.`);
    else regions[code.toUpperCase()] = rule;
  }
  return regions;
}

/** Whether `key` may name a category or service; says why not. */
const isKeyAccepted = (key: string, path: string) => isValidKey(key) || error(`${path}: a key is a letter, then letters, digits, _ or -; ignored.`);

const isNameOrPattern = (value: unknown): value is string | RegExp => isString(value) || value instanceof RegExp;

/** One service: its preset merged under it, its options checked, its cookies and storage keys listed. */
function readService(key: string, raw: unknown, categories: { [key: string]: NormalizedCategory }, presets: PresetRegistry): NormalizedService | void {
  const path = `services.${key}`;
  if (!isKeyAccepted(key, path)) return;
  let given = isString(raw) ? { preset: raw } : raw;
  const presetName = isPlainObject(given) ? given.preset : undefined;
  if (presetName !== undefined) {
    const preset = isString(presetName) && presets[presetName];
    if (!preset) return error(`${path}.preset "${String(presetName)}" is not in the loaded catalogue; ignored.`);
    // The site's own fields win over the preset's.
    given = { ...preset, ...(given as object) };
  }
  const service = readOptions(given, SERVICE_SCHEMA, path);
  const category = categories[service.category];
  if (!category) return error(`${path}.category "${service.category}" is not a declared category; the service never runs.`);
  // The schema checked that both are lists; what they hold is checked here, entry by entry.
  const listedCookies = service.cookies as unknown[];
  const listedStorageKeys = service.storageKeys as unknown[];
  const cookies: CookieDescription[] = [];
  listedCookies.forEach((entry, index) => {
    const name = isPlainObject(entry) ? entry.name : entry;
    if (!isNameOrPattern(name)) return error(`${path}.cookies[${index}] must be a name, a RegExp or { name }; ignored.`);
    cookies.push(name === entry ? { name } : (entry as CookieDescription));
    if (category.required && isString(name) && TRACKER_COOKIE.test(name)) {
      warn(`${path}.cookies: "${name}" is a tracker cookie in required category "${category.key}"; trackers need consent.`);
    }
  });
  const storageKeys = listedStorageKeys.filter(isNameOrPattern);
  if (storageKeys.length < listedStorageKeys.length) error(`${path}.storageKeys must be names or RegExps; others ignored.`);
  const listedHosts = service.hosts as unknown[];
  const hosts = listedHosts.filter(isString);
  if (hosts.length < listedHosts.length) warn(`${path}.hosts must be host names (strings); others ignored.`);
  return { ...service, key, category: category.key, cookies, storageKeys, hosts };
}

/**
 * Validate and complete a configuration. Never throws: every problem is a console
 * message naming the field, and what cannot be understood grants nothing.
 */
export function normalizeConfig(input: unknown, presets: PresetRegistry = {}): NormalizedConfig {
  if (!isPlainObject(input)) error('config must be an object; nothing will be granted.');
  const config = readOptions(input, CONFIG_SCHEMA, 'config');
  // Keys come from the site: a dictionary without a prototype keeps "constructor" a plain key.
  const categories: { [key: string]: NormalizedCategory } = Object.create(null);
  for (const key in config.categories) {
    const path = `categories.${key}`;
    if (!isKeyAccepted(key, path)) continue;
    const category = readOptions(config.categories[key], CATEGORY_SCHEMA, path);
    categories[key] = {
      ...category,
      key,
      // Both have a fallback in CATEGORY_SCHEMA, so they are set.
      required: category.required!,
      default: category.default!,
      // Marketing is the category that sells or shares data unless the site says otherwise.
      saleOrSharing: category.saleOrSharing ?? key === 'marketing',
      exempt: category.exempt!,
    };
    // The statistics exception never covers selling or sharing data.
    if (category.exempt && categories[key].saleOrSharing) {
      warn(`${path}.exempt: a sale/sharing category cannot be exempt; it waits for consent.`);
      categories[key].exempt = false;
    }
  }
  const categoryList = Object.values(categories);
  if (!categoryList.length) error('categories is empty; nothing can be granted.');
  const services: NormalizedService[] = [];
  for (const key in config.services) {
    const service = readService(key, config.services[key], categories, presets);
    if (service) services.push(service);
  }
  const cookie = readOptions(config.cookie, COOKIE_SCHEMA, 'cookie') as NormalizedConfig['cookie'];
  if (cookie.expiresDays > MAX_EXPIRES_DAYS) {
    warn(`cookie.expiresDays ${cookie.expiresDays} is over the ${MAX_EXPIRES_DAYS}-day cap; using ${MAX_EXPIRES_DAYS}.`);
    cookie.expiresDays = MAX_EXPIRES_DAYS;
  }
  const consentMode = config.googleConsentMode;
  const regions = readRegions(config.regions!);
  const region = config.region!.toUpperCase();
  if (region && !REGION_CODE.test(region)) warn(`region "${config.region}" is not a region code such as "US-CA"; treated as unknown.`);
  const inForce = ruleForRegion(regions, REGION_CODE.test(region) ? region : '', config.mode!);
  return {
    ...(config as Omit<NormalizedConfig, 'revision' | 'categories' | 'services' | 'cookie' | 'googleConsentMode' | 'regions' | 'region' | 'rule'>),
    revision: String(config.revision).slice(0, 100),
    categories: categoryList,
    services,
    cookie,
    googleConsentMode: consentMode === true ? {} : (consentMode as false | ConsentModeOptions),
    regions,
    ...inForce,
  };
}

export type { Config };
