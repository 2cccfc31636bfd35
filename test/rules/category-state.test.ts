import { describe, expect, test } from 'vitest';
import { categoryState } from '../../src/core/rules/category-state';
import type { NormalizedConfig } from '../../src/core/types';

const config = {
  categories: [
    { key: 'necessary', required: true },
    { key: 'analytics', required: false },
    { key: 'marketing', required: false },
    { key: 'preferences', required: false },
  ],
  services: [
    { key: 'ga4', category: 'analytics' },
    { key: 'youtube', category: 'marketing' },
    { key: 'ads', category: 'marketing' },
  ],
} as unknown as Pick<NormalizedConfig, 'categories' | 'services'>;

describe('categoryState', () => {
  test.each([
    ['marketing', { marketing: true }, { youtube: true, ads: true }, 'on'],
    ['marketing', { marketing: false }, { youtube: false, ads: false }, 'off'],
    // "Always allow YouTube": the category is refused, one of its services allowed.
    ['marketing', { marketing: false }, { youtube: true, ads: false }, 'partial'],
    // Granted, but one service refused by name.
    ['marketing', { marketing: true }, { youtube: true, ads: false }, 'partial'],
    ['analytics', { analytics: true }, { ga4: true }, 'on'],
    // A category without services is what its own flag says.
    ['preferences', { preferences: true }, {}, 'on'],
    ['preferences', {}, {}, 'off'],
    // Required: always on, whatever a working copy says.
    ['necessary', { necessary: false }, {}, 'on'],
    // Undeclared: nothing is on.
    ['stats', {}, {}, 'off'],
  ])('%s with %j and %j is %s', (category, categories, services, expected) => {
    expect(categoryState(config, { categories, services }, category)).toBe(expected);
  });
});
