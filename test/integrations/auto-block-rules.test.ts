import { describe, expect, test, vi } from 'vitest';
import { compileMatcher, compileRules, EVERY_OPTIONAL, type BlockGrants } from '../../src/integrations/auto-block/rules';
import { catalogue } from '../../src/integrations/catalogue/index';

const config = {
  categories: { necessary: { required: true }, analytics: {}, marketing: {} },
  services: {
    ga4: 'google-analytics',
    meta: 'meta-pixel',
    stripe: 'stripe',
    own: { category: 'analytics', hosts: ['stats.example.com/collect'] },
    video: { preset: 'youtube', category: 'analytics' },
  },
  autoBlock: true,
};
const url = (address: string) => new URL(address);
const grants = (categories: BlockGrants['categories'], services: BlockGrants['services']): BlockGrants => ({ categories, services });

describe('auto-blocking rules', () => {
  const rules = compileRules(config, catalogue, () => {});

  test.each([
    ['https://www.googletagmanager.com/gtag/js?id=G-1', 'ga4'],
    ['https://region1.google-analytics.com/g/collect', 'ga4'],
    ['https://connect.facebook.net/en_US/fbevents.js', 'meta'],
    ['https://www.facebook.com/tr?id=1', 'meta'],
    ['https://stats.example.com/collect/x', 'own'],
    ['https://www.youtube.com/embed/x', 'video'],
    // Necessary and unknown hosts pass; so does what is not http(s).
    ['https://js.stripe.com/v3/', undefined],
    ['https://cdn.example.org/lib.js', undefined],
    ['https://www.googletagmanager.com/gtm.js', undefined],
    ['data:text/javascript,1', undefined],
  ])('%s belongs to %s', (address, owner) => {
    expect(rules.ownerOf(url(address))).toBe(owner);
  });

  test('a service is released by its own grant; required ones always; nothing without grants', () => {
    expect(rules.isGranted('ga4', null)).toBe(false);
    expect(rules.isGranted('stripe', null)).toBe(true);
    expect(rules.isGranted('ga4', grants({ analytics: true }, { ga4: true }))).toBe(true);
    expect(rules.isGranted('ga4', grants({ analytics: true }, { ga4: false }))).toBe(false);
    expect(rules.isGranted('unknown', grants({}, {}))).toBe(false);
    expect(rules.categoryOf('video')).toBe('analytics');
  });

  test('a plain block entry waits for every optional category', () => {
    const blocking = compileRules({ ...config, autoBlock: { block: ['pixel.ads.example'] } }, catalogue, () => {});
    expect(blocking.ownerOf(url('https://pixel.ads.example/p.gif'))).toBe(EVERY_OPTIONAL);
    expect(blocking.isGranted(EVERY_OPTIONAL, null)).toBe(false);
    expect(blocking.isGranted(EVERY_OPTIONAL, grants({ necessary: true, analytics: true, marketing: false }, {}))).toBe(false);
    expect(blocking.isGranted(EVERY_OPTIONAL, grants({ necessary: true, analytics: true, marketing: true }, {}))).toBe(true);
  });

  test('block with a service, allow, and URL patterns correct the catalogue', () => {
    const corrected = compileRules(
      {
        ...config,
        autoBlock: {
          allow: ['https://www.youtube.com/embed/allowed*'],
          block: [{ service: 'ga4', match: 'https://*.example.net/g/*' }, '*.tracker.example/*'],
        },
      },
      catalogue,
      () => {},
    );
    expect(corrected.ownerOf(url('https://www.youtube.com/embed/allowed-1'))).toBeUndefined();
    expect(corrected.ownerOf(url('https://www.youtube.com/embed/other'))).toBe('video');
    expect(corrected.ownerOf(url('https://a.example.net/g/collect'))).toBe('ga4');
    expect(corrected.ownerOf(url('https://cdn.tracker.example/t.js'))).toBe(EVERY_OPTIONAL);
  });

  test('own files and necessary services pass whatever block says', () => {
    const hostile = compileRules(
      { ...config, autoBlock: { block: ['localhost', 'js.stripe.com', { service: 'meta', match: 'js.stripe.com' }] } },
      catalogue,
      () => {},
      (address) => address.pathname.startsWith('/dist/'),
    );
    expect(hostile.ownerOf(url('http://localhost/dist/consent-gate.js'))).toBeUndefined();
    expect(hostile.ownerOf(url('http://localhost/app.js'))).toBe(EVERY_OPTIONAL);
    expect(hostile.ownerOf(url('https://js.stripe.com/v3/'))).toBeUndefined();
  });

  test('a hostile config is reported field by field and blocks nothing necessary', () => {
    const report = vi.fn();
    const hostile = compileRules(
      {
        ...config,
        autoBlock: {
          allow: [42, '', 'not a host', null, '*', 'https://*'],
          block: [
            '*',
            '**',
            'https://*',
            { service: 'stripe', match: 'js.stripe.com' },
            { service: 'nope', match: 'x.example' },
            { service: 'ga4', match: '*' },
            {},
          ],
        },
      },
      catalogue,
      report,
    );
    const messages = report.mock.calls.map(([message]) => message as string);
    for (const field of [
      'allow[0]',
      'allow[1]',
      'allow[2]',
      'allow[3]',
      'allow[4]',
      'allow[5]',
      'block[0]',
      'block[1]',
      'block[2]',
      'block[3].service',
      'block[4].service',
      'block[5].match',
      'block[6].service',
    ])
      expect(
        messages.some((message) => message.startsWith(`autoBlock.${field} `)),
        field,
      ).toBe(true);
    expect(hostile.ownerOf(url('https://js.stripe.com/v3/'))).toBeUndefined();
    expect(hostile.ownerOf(url('https://cdn.example.org/lib.js'))).toBeUndefined();
    expect(hostile.ownerOf(url('https://www.googletagmanager.com/gtag/js'))).toBe('ga4');
  });

  test('lists that are not lists, and configs that are not objects', () => {
    const report = vi.fn();
    compileRules({ ...config, autoBlock: { allow: 'x', block: 3 } }, catalogue, report);
    expect(report.mock.calls.map(([message]) => message)).toEqual([
      'autoBlock.allow must be a list of hosts or URL patterns; ignored.',
      'autoBlock.block must be a list of hosts or URL patterns; ignored.',
    ]);
    const empty = compileRules(null, undefined, report);
    expect(empty.ownerOf(url('https://www.google-analytics.com/'))).toBeUndefined();
  });

  test('a preset that is not loaded is unresolved: nothing of it can be held', () => {
    const missing = compileRules(config, undefined, () => {});
    expect(missing.unresolved).toEqual(['ga4', 'meta', 'stripe', 'video']);
    expect(missing.ownerOf(url('https://stats.example.com/collect'))).toBe('own');
  });

  test('matchers: hosts, patterns, junk', () => {
    expect(compileMatcher('cdn.example.com/x')).toMatchObject({ kind: 'host' });
    expect(compileMatcher('https://*.example.com/a.b?c=(1)*')).toMatchObject({ kind: 'pattern', whole: true });
    expect((compileMatcher('https://*.example.com/a.b?c=(1)*') as { pattern: RegExp }).pattern.test('https://x.example.com/a.b?c=(1)&d')).toBe(true);
    expect((compileMatcher('https://*.example.com/a.b') as { pattern: RegExp }).pattern.test('https://x.example.com/aXb')).toBe(false);
    for (const junk of [undefined, 5, '', '   ', 'no-dot', 'http:', 'x'.repeat(501)]) expect(compileMatcher(junk), String(junk)).toBeNull();
  });
});
