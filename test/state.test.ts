import { describe, expect, test } from 'vitest';
import { allFlags, diff, effective, status } from '../src/core/state';
import { normalizeConfig } from '../src/core/config';
import type { StoredChoice } from '../src/core/codec';

const RAW = {
  revision: 'r1',
  categories: { necessary: { required: true }, analytics: {}, marketing: {} },
  services: { stripe: { category: 'necessary' }, ga4: { category: 'analytics' }, youtube: { category: 'marketing' }, ads: { category: 'marketing' } },
};
const config = normalizeConfig(RAW);
const NOW = Date.parse('2024-06-01T00:00:00Z');

/** A stored choice: categories and services as the cookie codec gives them back. */
const stored = (categories: StoredChoice['categories'], services: StoredChoice['services'] = {}, extra: Partial<StoredChoice> = {}): StoredChoice => ({
  id: 'abcdefghijkl',
  revision: 'r1',
  first: NOW - 1000,
  last: NOW - 1000,
  expires: NOW + 1e9,
  gpc: false,
  categories,
  services,
  ...extra,
});
/** The keys granted, categories first. */
const granted = ({ categories, services }: { categories: object; services: object }) =>
  [...Object.entries(categories), ...Object.entries(services)].filter(([, on]) => on).map(([key]) => key);

describe('status', () => {
  test.each([
    ['no choice', null, { usable: false, decided: false, stale: false }],
    ['a complete choice', stored({ analytics: true, marketing: false }), { usable: true, decided: true, stale: false }],
    ['a category added since', stored({ analytics: true }), { usable: true, decided: false, stale: true }],
    ['another revision', stored({ analytics: true, marketing: true }, {}, { revision: 'r0' }), { usable: false, decided: false, stale: true }],
    ['expired', stored({ analytics: true, marketing: true }, {}, { expires: NOW }), { usable: false, decided: false, stale: false }],
  ])('%s', (_name, choice, expected) => {
    expect(status(config, choice, NOW)).toEqual(expected);
  });
});

describe('effective: the grants in force', () => {
  const inForce = (choice: StoredChoice | null, gpc = false, cfg = config) => granted(effective(cfg, choice, status(cfg, choice, NOW), gpc));
  test.each([
    ['nothing before a decision but what is required', null, ['necessary', 'stripe']],
    [
      'a category stored granted grants its services',
      stored({ analytics: true, marketing: false }, { ga4: true, youtube: false, ads: false }),
      ['necessary', 'analytics', 'stripe', 'ga4'],
    ],
    [
      'a service stored granted alone is granted, its category not',
      stored({ analytics: false, marketing: false }, { ga4: false, youtube: true, ads: false }),
      ['necessary', 'stripe', 'youtube'],
    ],
    [
      'a service stored refused stays refused in a granted category',
      stored({ analytics: true, marketing: true }, { ga4: true, youtube: false, ads: true }),
      ['necessary', 'analytics', 'marketing', 'stripe', 'ga4', 'ads'],
    ],
    // Choices stored before services could be granted alone hold what they always held.
    ['a service the choice does not mention follows its category', stored({ analytics: true, marketing: false }), ['necessary', 'analytics', 'stripe', 'ga4']],
    [
      'a required category and its services cannot be stored off',
      stored({ necessary: false, analytics: false, marketing: false }, { stripe: false }),
      ['necessary', 'stripe'],
    ],
    [
      'a choice of another revision grants nothing',
      stored({ analytics: true, marketing: true }, { youtube: true }, { revision: 'r0' }),
      ['necessary', 'stripe'],
    ],
  ])('%s', (_name, choice, expected) => {
    expect(inForce(choice)).toEqual(expected);
  });
  test('opt-out: on until refused, sale/sharing off under GPC', () => {
    const optOut = normalizeConfig({ ...RAW, mode: 'opt-out' });
    expect(inForce(null, false, optOut)).toEqual(['necessary', 'analytics', 'marketing', 'stripe', 'ga4', 'youtube', 'ads']);
    expect(inForce(null, true, optOut)).toEqual(['necessary', 'analytics', 'stripe', 'ga4']);
  });
});

describe('allFlags: accept all and reject all', () => {
  test.each([
    ['accept all', true, false, ['necessary', 'analytics', 'marketing', 'stripe', 'ga4', 'youtube', 'ads']],
    ['accept all under GPC leaves sale/sharing off, services and all', true, true, ['necessary', 'analytics', 'stripe', 'ga4']],
    ['reject all: everything optional off', false, false, ['necessary', 'stripe']],
  ])('%s', (_name, all, gpc, expected) => {
    expect(granted(allFlags(config, all, gpc))).toEqual(expected);
  });
});

test('diff names the keys whose value changed', () => {
  expect(diff({ a: true, b: false, c: true }, { a: true, b: true, c: false })).toEqual(['b', 'c']);
  expect(diff({}, { a: false })).toEqual(['a']);
});
