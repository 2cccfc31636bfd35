import { describe, expect, test } from 'vitest';
import { bestHostOwner, hostEntryMatches, parseHostEntry } from '../../src/integrations/lib/match-host';
// The scanner's copy of the rule, in plain JavaScript for Node: both must answer alike.
// @ts-expect-error the scanner is checked by its own tsc (checkJs) and ships no declarations
import { hostEntryMatches as scannerMatches, parseHostEntry as scannerParse } from '../../scanner/lib/classify.js';
import { catalogue } from '../../src/integrations/catalogue/index';

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

  test('answers as the scanner does, for every case and every catalogue host', () => {
    const urls = [
      ...CASES.map(([, address]) => address),
      'https://js.stripe.com/v3/',
      'https://www.youtube.com/embed/x',
      'https://connect.facebook.net/en_US/fbevents.js',
    ];
    const entries = [...CASES.map(([entry]) => entry), ...Object.values(catalogue).flatMap((service) => service.hosts || [])];
    for (const entry of entries) {
      expect(parseHostEntry(entry)).toEqual(scannerParse(entry));
      for (const address of urls) {
        const url = new URL(address);
        expect(hostEntryMatches(parseHostEntry(entry), url.hostname, url.pathname), `${entry} ${address}`).toBe(
          scannerMatches(scannerParse(entry), url.hostname, url.pathname),
        );
      }
    }
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
