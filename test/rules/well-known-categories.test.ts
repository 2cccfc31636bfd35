import { describe, expect, test } from 'vitest';
import { isWellKnownCategory, WELL_KNOWN_CATEGORIES } from '../../src/core/rules/well-known-categories';
import en from '../../src/ui/i18n/en';
import { languages } from '../../src/ui/i18n/languages';

describe('the well-known categories', () => {
  test('are the four the docs name', () => {
    expect([...WELL_KNOWN_CATEGORIES]).toEqual(['necessary', 'preferences', 'analytics', 'marketing']);
  });
  test.each([
    ['analytics', true],
    ['marketing', true],
    ['statistics', false],
    ['', false],
    ['constructor', false],
  ])('isWellKnownCategory(%j) is %s', (key, expected) => {
    expect(isWellKnownCategory(key)).toBe(expected);
  });
  test.each([['en', en], ...Object.entries(languages)] as [string, Record<string, string>][])('%s titles and describes each of them', (_code, strings) => {
    for (const key of WELL_KNOWN_CATEGORIES) {
      expect(strings[key]?.trim()).toBeTruthy();
      expect(strings[key + 'Text']?.trim()).toBeTruthy();
    }
  });
});
