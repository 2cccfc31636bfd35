import { afterEach, beforeEach, describe, expect, test, vi, type MockInstance } from 'vitest';
import { normalizeConfig, MAX_EXPIRES_DAYS } from '../src/core/config';

let warn: MockInstance<typeof console.warn>;
let error: MockInstance<typeof console.error>;
const messages = () => [...warn.mock.calls, ...error.mock.calls].map((c) => String(c[0]));

beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  error = vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());

const base = { categories: { necessary: { required: true }, analytics: {}, marketing: {} } };

describe('normalizeConfig', () => {
  test('fills defaults for the smallest config', () => {
    const c = normalizeConfig(base);
    expect(c.revision).toBe('');
    expect(c.storage).toBe('cookie');
    expect(c.cookie).toMatchObject({ name: 'consent_gate', path: '/', sameSite: 'Lax', expiresDays: 182 });
    expect(c.categories.map((x) => [x.key, x.required, x.saleOrSharing])).toEqual([
      ['necessary', true, false],
      ['analytics', false, false],
      ['marketing', false, true],
    ]);
    expect(messages()).toEqual([]);
  });

  test.each([
    [{ ...base, colour: 'red' }, /config\.colour is not a known option/],
    [{ ...base, revision: {} }, /config\.revision must be a string or a number/],
    [{ ...base, storage: 'sessionStorage' }, /config\.storage must be cookie, localStorage, both/],
    [{ ...base, gpc: 'yes' }, /config\.gpc must be true or false/],
    [{ ...base, cookie: { name: 'bad name;' } }, /cookie\.name must be/],
    [{ ...base, cookie: { expiresDays: -1 } }, /cookie\.expiresDays must be a positive number/],
    [{ ...base, cookie: { expiresDays: 1000 } }, new RegExp(`cookie\\.expiresDays 1000 is over the ${MAX_EXPIRES_DAYS}-day cap`)],
    [{ ...base, cookie: 'x' }, /cookie must be an object/],
    [{ ...base, regions: { EU: 'opt-inn' } }, /regions\.EU must be opt-in, opt-out, notice, none|regions\.EU must be none, opt-out, notice, opt-in/],
    [{ ...base, regions: { 'not a code': 'opt-in' } }, /regions\.not a code: a region is a code/],
    [{ ...base, regions: [] }, /config\.regions must be an object/],
    [{ ...base, region: 7 }, /config\.region must be a string/],
    [{ ...base, region: 'Atlantis!' }, /region "Atlantis!" is not a region code/],
    [{ categories: { marketing: { exempt: true } } }, /categories\.marketing\.exempt: a sale\/sharing category cannot be exempt/],
    [{ categories: { analytics: { exempt: 'yes' } } }, /categories\.analytics\.exempt must be true or false/],
    [{ categories: { analytics: { requird: true } } }, /categories\.analytics\.requird is not a known option/],
    [{ categories: { analytics: { title: 5 } } }, /categories\.analytics\.title must be a string or/],
    [{ categories: { analytics: { consentMode: 'ads' } } }, /categories\.analytics\.consentMode must be a list of Consent Mode types/],
    [{ categories: { 'bad key!': {} } }, /categories\.bad key!: a key is a letter, then letters/],
    [{ categories: {} }, /categories is empty/],
    [{ ...base, services: { ga4: { category: 'stats' } } }, /services\.ga4\.category "stats" is not a declared category/],
    [{ ...base, services: { ga4: 'google-analytics' } }, /services\.ga4\.preset "google-analytics" is not in the loaded catalogue/],
    [{ ...base, services: { ga4: 42 } }, /services\.ga4 must be an object/],
    [{ ...base, services: { ga4: { category: 'analytics', cookies: [5] } } }, /services\.ga4\.cookies\[0\] must be a name/],
    [{ ...base, services: { ga4: { category: 'analytics', storageKeys: [5] } } }, /services\.ga4\.storageKeys must be names/],
    [{ ...base, services: { ga4: { category: 'analytics', hosts: ['google-analytics.com', 5] } } }, /services\.ga4\.hosts must be host names/],
    [{ ...base, services: { ga4: { category: 'analytics', hosts: 'google-analytics.com' } } }, /services\.ga4\.hosts must be an array/],
    [
      { ...base, services: { ga4: { category: 'necessary', cookies: ['_ga'] } } },
      /services\.ga4\.cookies: "_ga" is a tracker cookie in required category "necessary"/,
    ],
    [{ ...base, services: { fb: { category: 'necessary', cookies: [{ name: '_fbp' }] } } }, /"_fbp" is a tracker cookie/],
  ])('names the field: %j', (input, pattern) => {
    normalizeConfig(input);
    expect(
      messages().some((m) => pattern.test(m)),
      messages().join('\n'),
    ).toBe(true);
  });

  test.each([null, undefined, 'config', 42, [], () => {}])('never throws on %p and grants nothing', (input) => {
    const c = normalizeConfig(input);
    expect(c.categories).toEqual([]);
    expect(error).toHaveBeenCalled();
  });

  test('a service in an undeclared category is dropped, so it can never run', () => {
    expect(normalizeConfig({ ...base, services: { x: { category: 'nope' } } }).services).toEqual([]);
  });

  test('presets are merged under the entry, overrides win', () => {
    const c = normalizeConfig(
      { ...base, services: { ga4: 'ga', ga: { preset: 'ga', category: 'marketing' } } },
      { ga: { category: 'analytics', title: 'Google Analytics', cookies: ['_ga'] } },
    );
    expect(c.services.map((s) => [s.key, s.category, s.title, s.cookies])).toEqual([
      ['ga4', 'analytics', 'Google Analytics', [{ name: '_ga' }]],
      ['ga', 'marketing', 'Google Analytics', [{ name: '_ga' }]],
    ]);
  });

  test('a number given as a string is not a number: the default lifetime stays', () => {
    const c = normalizeConfig({ ...base, cookie: { expiresDays: '30' } });
    expect(c.cookie.expiresDays).toBe(182);
    expect(messages()).toEqual(['[consent-gate] cookie.expiresDays must be a positive number; using 182.']);
  });

  test('a bad option without a default is reported as ignored and stays unset', () => {
    const c = normalizeConfig({ ...base, cookie: { domain: 5 }, categories: { analytics: { saleOrSharing: 'no' } } });
    expect(c.cookie.domain).toBeUndefined();
    expect(c.categories[0]!.saleOrSharing).toBe(false);
    expect(messages()).toEqual([
      '[consent-gate] categories.analytics.saleOrSharing must be true or false; ignored.',
      '[consent-gate] cookie.domain must be a string; ignored.',
    ]);
  });

  test('the 395-day cap clamps the value, not only warns', () => {
    expect(normalizeConfig({ ...base, cookie: { expiresDays: 1000 } }).cookie.expiresDays).toBe(MAX_EXPIRES_DAYS);
    expect(normalizeConfig({ ...base, cookie: { expiresDays: 30 } }).cookie.expiresDays).toBe(30);
  });

  test('a category given as true takes every default', () => {
    const c = normalizeConfig({ categories: { analytics: true } });
    expect(c.categories).toEqual([{ key: 'analytics', required: false, default: true, saleOrSharing: false, exempt: false }]);
    expect(messages()).toEqual([]);
  });

  test('hosts are kept as a list of strings, from the preset or the entry; other values are dropped and named', () => {
    const c = normalizeConfig(
      { ...base, services: { ga4: 'ga', own: { category: 'marketing', hosts: ['ads.example.com', 7, 'example.net/px'] } } },
      { ga: { category: 'analytics', hosts: ['google-analytics.com'] } },
    );
    expect(c.services.map((s) => [s.key, s.hosts])).toEqual([
      ['ga4', ['google-analytics.com']],
      ['own', ['ads.example.com', 'example.net/px']],
    ]);
    expect(messages()).toEqual([expect.stringMatching(/services\.own\.hosts must be host names/)]);
    expect(normalizeConfig({ ...base, services: { x: { category: 'analytics' } } }).services[0]!.hosts).toEqual([]);
  });

  test('googleConsentMode true becomes an options object; revision numbers become strings', () => {
    const c = normalizeConfig({ ...base, googleConsentMode: true, revision: 3 });
    expect(c.googleConsentMode).toEqual({});
    expect(c.revision).toBe('3');
  });
});
