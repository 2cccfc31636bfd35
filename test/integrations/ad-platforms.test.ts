import { afterEach, describe, expect, test } from 'vitest';
import { createConsent, memoryStorage, type ConsentStorage } from '../../src/core-entry';
import { adPlatforms } from '../../src/integrations/ad-platforms';
import { builtinIntegrations } from '../../src/integrations/index';

type Fn = ((...a: unknown[]) => void) & { queue?: unknown[]; q?: IArguments[]; callMethod?: unknown; loaded?: boolean };
type W = Window & { fbq?: Fn; _fbq?: Fn; uetq?: unknown[]; clarity?: Fn };
const w = window as W;

const categories = { necessary: { required: true }, analytics: {}, marketing: {} };
const live: { destroy(): void }[] = [];
const make = (services: object, storage: ConsentStorage = memoryStorage(), presets = {}) => {
  const c = createConsent({ categories, services, autoShow: false }, { integrations: [adPlatforms], storage, presets });
  live.push(c);
  return c;
};

/** Meta's base code, as published, without the script insertion. */
function metaBaseCode() {
  const f = w as unknown as { fbq?: Fn; _fbq?: Fn };
  (function () {
    if (f.fbq) return;
    const n: Fn = (f.fbq = function (...args: unknown[]) {
      n.callMethod ? (n.callMethod as (...a: unknown[]) => void)(...args) : n.queue!.push(args);
    } as Fn);
    if (!f._fbq) f._fbq = n;
    n.loaded = true;
    n.queue = [];
  })();
  w.fbq!('init', '123');
  w.fbq!('track', 'PageView');
}

afterEach(() => {
  live.splice(0).forEach((c) => c.destroy());
  delete w.fbq;
  delete w._fbq;
  delete w.uetq;
  delete w.clarity;
});

describe('adPlatforms', () => {
  test('is built into the consent-gate npm entry (the script-tag build gets it from the catalogue script)', () => {
    expect(builtinIntegrations).toContain(adPlatforms);
  });

  test('touches nothing without a matching service', () => {
    make({ ga4: { category: 'analytics' } });
    expect(Object.getOwnPropertyDescriptor(w, 'fbq')).toBeUndefined();
    expect(w.uetq).toBeUndefined();
    expect(w.clarity).toBeUndefined();
  });

  describe('Meta Pixel', () => {
    test('revoke is queued before init; grant follows marketing consent; withdrawal revokes', () => {
      const c = make({ ga4: { category: 'analytics' }, 'meta-pixel': { category: 'marketing' } });
      metaBaseCode();
      expect(w.fbq!.queue).toEqual([
        ['consent', 'revoke'],
        ['init', '123'],
        ['track', 'PageView'],
      ]);
      c.set({ analytics: true });
      expect(w.fbq!.queue).toHaveLength(3);
      c.acceptAll();
      expect(w.fbq!.queue!.at(-1)).toEqual(['consent', 'grant']);
      c.set({ marketing: false });
      expect(w.fbq!.queue!.at(-1)).toEqual(['consent', 'revoke']);
      expect(w.fbq!.queue).toHaveLength(5);
    });

    test('a restored grant is queued before init; the property becomes a plain one', () => {
      const storage = memoryStorage();
      make({ 'meta-pixel': { category: 'marketing' } }, storage).acceptAll();
      delete w.fbq;
      make({ 'meta-pixel': { category: 'marketing' } }, storage);
      metaBaseCode();
      expect(w.fbq!.queue!.slice(0, 2)).toEqual([
        ['consent', 'grant'],
        ['init', '123'],
      ]);
      expect(Object.getOwnPropertyDescriptor(w, 'fbq')).toMatchObject({ writable: true });
    });

    test('found by preset name too; an fbq that already exists is called at once', () => {
      const calls: unknown[][] = [];
      const existing = Object.assign((...a: unknown[]) => calls.push(a), { queue: [] as unknown[] });
      w.fbq = existing as Fn;
      const c = make({ fb: 'meta-pixel' }, memoryStorage(), { 'meta-pixel': { category: 'marketing' } });
      expect(calls).toEqual([['consent', 'revoke']]);
      c.acceptAll();
      expect(calls).toEqual([
        ['consent', 'revoke'],
        ['consent', 'grant'],
      ]);
    });

    test('a refused service stays revoked although its category is granted', () => {
      const c = make({ 'meta-pixel': { category: 'marketing' } });
      metaBaseCode();
      c.set({ marketing: true }, { 'meta-pixel': false });
      expect(w.fbq!.queue!.filter((e) => (e as unknown[])[0] === 'consent')).toEqual([['consent', 'revoke']]);
    });
  });

  describe('Microsoft UET', () => {
    test('default denied before the tag; update after each decision', () => {
      const c = make({ 'microsoft-uet': { category: 'marketing' } });
      expect(w.uetq).toEqual(['consent', 'default', { ad_storage: 'denied' }]);
      c.acceptAll();
      c.rejectAll();
      expect(w.uetq).toEqual([
        'consent',
        'default',
        { ad_storage: 'denied' },
        'consent',
        'update',
        { ad_storage: 'granted' },
        'consent',
        'update',
        { ad_storage: 'denied' },
      ]);
    });

    test('keeps an existing queue; a restored choice updates at once', () => {
      const storage = memoryStorage();
      make({ bing: { category: 'marketing' } }, storage).acceptAll();
      w.uetq = ['earlier'];
      make({ bing: { category: 'marketing' } }, storage);
      expect(w.uetq).toEqual(['earlier']); // key "bing", no preset: not UET
      make({ bing: 'microsoft-uet' }, storage, { 'microsoft-uet': { category: 'marketing' } });
      expect(w.uetq).toEqual(['earlier', 'consent', 'default', { ad_storage: 'denied' }, 'consent', 'update', { ad_storage: 'granted' }]);
    });
  });

  describe('Microsoft Clarity', () => {
    test("consentv2 through Clarity's queue stub, at setup and after each decision", () => {
      const c = make({ 'microsoft-clarity': { category: 'analytics' } });
      expect(typeof w.clarity).toBe('function');
      c.set({ analytics: true });
      c.acceptAll();
      c.rejectAll();
      expect(w.clarity!.q!.map((a) => Array.from(a))).toEqual([
        ['consentv2', { ad_Storage: 'denied', analytics_Storage: 'denied' }],
        ['consentv2', { ad_Storage: 'denied', analytics_Storage: 'granted' }],
        ['consentv2', { ad_Storage: 'granted', analytics_Storage: 'granted' }],
        ['consentv2', { ad_Storage: 'denied', analytics_Storage: 'denied' }],
      ]);
    });

    test('keeps an existing clarity function', () => {
      const calls: unknown[][] = [];
      w.clarity = ((...a: unknown[]) => calls.push(a)) as Fn;
      make({ 'microsoft-clarity': { category: 'analytics' } });
      expect(calls).toEqual([['consentv2', { ad_Storage: 'denied', analytics_Storage: 'denied' }]]);
    });
  });

  test('a marketing grant stored before GPC is revoked on the next page once GPC is on (11 CCR §7025(c)(3))', () => {
    const storage = memoryStorage();
    const first = make({ 'meta-pixel': { category: 'marketing' } }, storage);
    first.acceptAll();
    expect(first.hasService('meta-pixel')).toBe(true);
    first.destroy();
    delete w.fbq;
    const descriptor = Object.getOwnPropertyDescriptor(Navigator.prototype, 'globalPrivacyControl');
    Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true });
    try {
      make({ 'meta-pixel': { category: 'marketing' } }, storage);
      metaBaseCode();
      expect(w.fbq!.queue!.slice(0, 2)).toEqual([
        ['consent', 'revoke'],
        ['init', '123'],
      ]);
    } finally {
      if (descriptor) Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', descriptor);
      else delete (Navigator.prototype as { globalPrivacyControl?: boolean }).globalPrivacyControl;
    }
  });
});
