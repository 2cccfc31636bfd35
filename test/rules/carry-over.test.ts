import { describe, expect, test } from 'vitest';
import { carryOver } from '../../src/core/rules/carry-over';
import type { Grants } from '../../src/core/state';
import type { NormalizedConfig } from '../../src/core/types';

const config = {
  categories: [
    { key: 'necessary', required: true },
    { key: 'analytics', required: false },
    { key: 'marketing', required: false },
  ],
  services: [
    { key: 'stripe', category: 'necessary' },
    { key: 'ga4', category: 'analytics' },
    { key: 'hotjar', category: 'analytics' },
    { key: 'youtube', category: 'marketing' },
    { key: 'ads', category: 'marketing' },
  ],
} as unknown as Pick<NormalizedConfig, 'categories' | 'services'>;

/** Grants where exactly `on` is granted. */
const grants = (...on: string[]): Grants => ({
  categories: Object.fromEntries(config.categories.map(({ key }) => [key, on.includes(key)])),
  services: Object.fromEntries(config.services.map(({ key }) => [key, on.includes(key)])),
});
/** The keys granted in `result`, categories first. */
const granted = (result: Grants) => [...Object.entries(result.categories), ...Object.entries(result.services)].filter(([, on]) => on).map(([key]) => key);

const NOTHING = grants('necessary', 'stripe');
const ANALYTICS_NO_HOTJAR = grants('necessary', 'stripe', 'analytics', 'ga4');
const YOUTUBE_ONLY = grants('necessary', 'stripe', 'youtube');
const ALL = grants('necessary', 'stripe', 'analytics', 'ga4', 'hotjar', 'marketing', 'youtube', 'ads');

describe('carryOver: what set(categories, services) leads to', () => {
  test.each([
    ['granting a category grants its services', NOTHING, { analytics: true }, {}, ['necessary', 'analytics', 'stripe', 'ga4', 'hotjar']],
    ['…unless one is refused by name', NOTHING, { analytics: true }, { hotjar: false }, ['necessary', 'analytics', 'stripe', 'ga4']],
    ['refusing a category refuses its services', ALL, { marketing: false }, {}, ['necessary', 'analytics', 'stripe', 'ga4', 'hotjar']],
    ['…unless one is granted by name', ALL, { marketing: false }, { youtube: true }, ['necessary', 'analytics', 'stripe', 'ga4', 'hotjar', 'youtube']],
    ['a service granted on its own leaves its category refused', NOTHING, {}, { youtube: true }, ['necessary', 'stripe', 'youtube']],
    [
      'a service refused on its own leaves its category granted',
      ALL,
      {},
      { ads: false },
      ['necessary', 'analytics', 'marketing', 'stripe', 'ga4', 'hotjar', 'youtube'],
    ],
    [
      'an earlier refusal by name carries over when another category changes',
      ANALYTICS_NO_HOTJAR,
      { marketing: true },
      {},
      ['necessary', 'analytics', 'marketing', 'stripe', 'ga4', 'youtube', 'ads'],
    ],
    ['…and when its category is named again unchanged', ANALYTICS_NO_HOTJAR, { analytics: true }, {}, ['necessary', 'analytics', 'stripe', 'ga4']],
    [
      '…until the category is switched off and on: then it follows it',
      grants('necessary', 'stripe', 'ga4'),
      { analytics: true },
      {},
      ['necessary', 'analytics', 'stripe', 'ga4', 'hotjar'],
    ],
    [
      'an earlier grant by name carries over when another category changes',
      YOUTUBE_ONLY,
      { analytics: true },
      {},
      ['necessary', 'analytics', 'stripe', 'ga4', 'hotjar', 'youtube'],
    ],
    [
      'granting the category of a service granted alone grants the rest of it',
      YOUTUBE_ONLY,
      { marketing: true },
      {},
      ['necessary', 'marketing', 'stripe', 'youtube', 'ads'],
    ],
    // A call changes what it switches: naming an already refused category again changes nothing.
    ['naming that category refused again keeps the service granted alone', YOUTUBE_ONLY, { marketing: false }, {}, ['necessary', 'stripe', 'youtube']],
    ['…refusing it by name refuses it', YOUTUBE_ONLY, { marketing: false }, { youtube: false }, ['necessary', 'stripe']],
    [
      'granting and refusing the category in turn refuses it',
      grants('necessary', 'stripe', 'marketing', 'youtube'),
      { marketing: false },
      {},
      ['necessary', 'stripe'],
    ],
    ['nothing named: everything carries over', YOUTUBE_ONLY, {}, {}, ['necessary', 'stripe', 'youtube']],
    ['required categories and their services stay on', NOTHING, { necessary: false }, { stripe: false }, ['necessary', 'stripe']],
  ])('%s', (_name, current, categories, services, expected) => {
    expect(granted(carryOver(config, current, { categories, services }))).toEqual(expected);
  });

  test('every declared key gets a flag, and nothing undeclared is added', () => {
    const result = carryOver(config, NOTHING, { categories: { stats: true }, services: { vimeo: true } });
    expect(Object.keys(result.categories)).toEqual(['necessary', 'analytics', 'marketing']);
    expect(Object.keys(result.services)).toEqual(['stripe', 'ga4', 'hotjar', 'youtube', 'ads']);
  });
});
