import { describe, expect, test } from 'vitest';
import { bestHostOwner, hostEntryMatches, parseHostEntry } from '../../src/integrations/lib/match-host';

const CASES: [entry: string, url: string, matches: boolean][] = [
  ['google-analytics.com', 'https://google-analytics.com/g/collect', true],
  ['google-analytics.com', 'https://region1.google-analytics.com/g/collect', true],
  ['google-analytics.com', 'https://notgoogle-analytics.com/', false],
  ['google-analytics.com', 'https://google-analytics.com.evil.test/', false],
  ['facebook.com/tr', 'https://www.facebook.com/tr?id=1', true],
  ['facebook.com/tr', 'https://www.facebook.com/tr/x', true],
  ['facebook.com/tr', 'https://www.facebook.com/track', false],
  ['facebook.com/tr/', 'https://www.facebook.com/tr', true],
  ['Hotjar.COM.', 'https://static.hotjar.com/c/hotjar-1.js', true],
  ['googletagmanager.com/gtag', 'https://www.googletagmanager.com/gtag/js?id=G-1', true],
  ['googletagmanager.com/gtag', 'https://www.googletagmanager.com/gtm.js', false],
];

describe('hosts rule (match-host)', () => {
  test.each(CASES)('%s against %s: %s', (entry, address, expected) => {
    const url = new URL(address);
    expect(hostEntryMatches(parseHostEntry(entry), url.hostname, url.pathname)).toBe(expected);
  });

  test('an empty host matches nothing', () => {
    expect(hostEntryMatches(parseHostEntry('/path'), 'example.com', '/path')).toBe(false);
  });

  test('the longest entry names the owner; ties go to the first listed', () => {
    const entries = [
      { ...parseHostEntry('googletagmanager.com'), owner: 'gtm' },
      { ...parseHostEntry('googletagmanager.com/gtag'), owner: 'ga4' },
      { ...parseHostEntry('googletagmanager.com/gtag'), owner: 'ads' },
    ];
    expect(bestHostOwner(entries, 'www.googletagmanager.com', '/gtag/js')).toBe('ga4');
    expect(bestHostOwner(entries, 'www.googletagmanager.com', '/gtm.js')).toBe('gtm');
    expect(bestHostOwner(entries, 'example.com', '/')).toBeUndefined();
  });
});
