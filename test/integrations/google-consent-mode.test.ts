import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createConsent, memoryStorage, type ConsentStorage } from '../../src/core-entry';
import { googleConsentMode, CONSENT_MODE_EVENT } from '../../src/integrations/google-consent-mode';
import { builtinIntegrations } from '../../src/integrations/index';

type W = Window & { dataLayer?: unknown[]; gtag?: unknown };
const w = window as W;

const TYPES = ['ad_storage', 'ad_user_data', 'ad_personalization', 'analytics_storage', 'functionality_storage', 'personalization_storage', 'security_storage'];
const categories = { necessary: { required: true }, preferences: {}, analytics: {}, marketing: {} };
const isArgs = (e: unknown) => Object.prototype.toString.call(e) === '[object Arguments]';
const commands = () => (w.dataLayer || []).filter(isArgs).map((e) => Array.from(e as ArrayLike<unknown>));
const consentCalls = (kind: string) =>
  commands()
    .filter((c) => c[0] === 'consent' && c[1] === kind)
    .map((c) => c[2] as Record<string, unknown>);

const live: { destroy(): void }[] = [];
const make = (config: object, storage: ConsentStorage = memoryStorage()) => {
  const c = createConsent({ categories, autoShow: false, ...config }, { integrations: [googleConsentMode], storage });
  live.push(c);
  return c;
};

beforeEach(() => {
  delete w.dataLayer;
  delete w.gtag;
});
afterEach(() => {
  live.splice(0).forEach((c) => c.destroy());
  delete w.dataLayer;
  delete w.gtag;
});

describe('googleConsentMode', () => {
  test('is registered as a built-in integration', () => {
    expect(builtinIntegrations).toContain(googleConsentMode);
  });

  test('does nothing unless turned on', () => {
    make({});
    expect(w.dataLayer).toBeUndefined();
    expect(w.gtag).toBeUndefined();
  });

  test('pushes one default with all seven types as an Arguments object, denied unless required', () => {
    make({ googleConsentMode: true });
    expect(w.dataLayer).toHaveLength(1);
    expect(isArgs(w.dataLayer![0])).toBe(true);
    const [def] = consentCalls('default');
    expect(Object.keys(def!).sort()).toEqual([...TYPES].sort());
    expect(def).toEqual({
      ad_storage: 'denied',
      ad_user_data: 'denied',
      ad_personalization: 'denied',
      analytics_storage: 'denied',
      functionality_storage: 'denied',
      personalization_storage: 'denied',
      security_storage: 'granted',
    });
    expect(consentCalls('update')).toEqual([]);
  });

  test('keeps an existing gtag and dataLayer', () => {
    const seen: unknown[][] = [];
    w.dataLayer = ['earlier'];
    w.gtag = (...a: unknown[]) => seen.push(a);
    make({ googleConsentMode: true });
    expect(w.dataLayer).toEqual(['earlier']);
    expect(seen[0]![0]).toBe('consent');
    expect(seen[0]![1]).toBe('default');
  });

  test('wait_for_update, region defaults as separate calls, ads_data_redaction and url_passthrough', () => {
    make({
      googleConsentMode: {
        waitForUpdate: 500,
        regions: [{ region: ['US-CA', 'US-CO'], granted: ['analytics_storage', 'bogus'] }, { region: 'GB' }],
        adsDataRedaction: true,
        urlPassthrough: true,
      },
    });
    const cmds = commands();
    expect(cmds.map((c) => c.slice(0, 2).join(' '))).toEqual([
      'consent default',
      'consent default',
      'consent default',
      'set ads_data_redaction',
      'set url_passthrough',
    ]);
    expect(cmds[0]![2]).toMatchObject({ analytics_storage: 'denied', wait_for_update: 500 });
    expect(cmds[0]![2]).not.toHaveProperty('region');
    expect(cmds[1]![2]).toMatchObject({ analytics_storage: 'granted', ad_storage: 'denied', region: ['US-CA', 'US-CO'], wait_for_update: 500 });
    expect(cmds[1]![2]).not.toHaveProperty('bogus');
    expect(cmds[2]![2]).toMatchObject({ analytics_storage: 'denied', region: ['GB'] });
    expect(cmds[3]![2]).toBe(true);
  });

  test('a region, and its granted types, may each be given as one value instead of a list', () => {
    make({
      googleConsentMode: {
        regions: [
          { region: 'FR', granted: 'analytics_storage' },
          { region: 'DE', granted: 5 },
        ],
      },
    });
    const [, fr, de] = consentCalls('default');
    expect(fr).toEqual({ ...Object.fromEntries(TYPES.map((t) => [t, 'denied'])), security_storage: 'granted', analytics_storage: 'granted', region: ['FR'] });
    expect(de).toMatchObject({ analytics_storage: 'denied', region: ['DE'] });
  });

  test('every decision pushes an update with all seven types and a GTM event', () => {
    const c = make({ googleConsentMode: true });
    c.acceptAll();
    c.set({ marketing: false });
    c.rejectAll();
    const updates = consentCalls('update');
    expect(updates).toHaveLength(3);
    for (const u of updates) expect(Object.keys(u).sort()).toEqual([...TYPES].sort());
    expect(updates[0]).toEqual(Object.fromEntries(TYPES.map((t) => [t, 'granted'])));
    expect(updates[1]).toMatchObject({
      ad_storage: 'denied',
      ad_user_data: 'denied',
      ad_personalization: 'denied',
      analytics_storage: 'granted',
      functionality_storage: 'granted',
    });
    expect(updates[2]).toMatchObject({ analytics_storage: 'denied', functionality_storage: 'denied', security_storage: 'granted' });
    const events = (w.dataLayer || []).filter((e) => !isArgs(e)) as { event: string; consent_gate: { categories: object } }[];
    expect(events.map((e) => e.event)).toEqual([CONSENT_MODE_EVENT, CONSENT_MODE_EVENT, CONSENT_MODE_EVENT]);
    expect(events[2]!.consent_gate.categories).toMatchObject({ analytics: false, necessary: true });
    // Each update follows its decision's arguments entry, then its event.
    const kinds = (w.dataLayer || []).map((e) => (isArgs(e) ? (e as IArguments)[1] : (e as { event: string }).event));
    expect(kinds).toEqual(['default', 'update', CONSENT_MODE_EVENT, 'update', CONSENT_MODE_EVENT, 'update', CONSENT_MODE_EVENT]);
  });

  test('reset (withdrawal of everything) pushes a denied update', () => {
    const c = make({ googleConsentMode: true });
    c.acceptAll();
    c.reset();
    expect(consentCalls('update').at(-1)).toMatchObject({ ad_storage: 'denied', analytics_storage: 'denied', security_storage: 'granted' });
  });

  test('a restored choice pushes default then update at setup', () => {
    const storage = memoryStorage();
    make({}, storage).set({ analytics: true });
    const c = make({ googleConsentMode: true }, storage);
    expect(c.get().decided).toBe(true);
    expect(consentCalls('default')[0]).toMatchObject({ analytics_storage: 'denied' });
    expect(consentCalls('update')).toEqual([expect.objectContaining({ analytics_storage: 'granted', ad_storage: 'denied' })]);
  });

  test('well-known category keys map to their types by default: marketing grants the three ad types', () => {
    make({ googleConsentMode: true }).set({ marketing: true });
    expect(consentCalls('update')[0]).toMatchObject({
      ad_storage: 'granted',
      ad_user_data: 'granted',
      ad_personalization: 'granted',
      analytics_storage: 'denied',
    });
  });

  test('a consentMode entry that is no Consent Mode type is named in a warning and never signalled', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    make({
      categories: { ...categories, analytics: { consentMode: ['ads'] } },
      services: { x: { category: 'analytics', consentMode: ['cookies'] } },
      googleConsentMode: true,
    }).set({ analytics: true });
    const said = warn.mock.calls.map((c) => String(c[0])).join('\n');
    expect(said).toMatch(/categories\.analytics\.consentMode: "ads" is not a Consent Mode type/);
    expect(said).toMatch(/services\.x\.consentMode: "cookies" is not a Consent Mode type/);
    expect(Object.keys(consentCalls('update')[0]!)).toEqual(TYPES);
    warn.mockRestore();
  });

  test('mapping overrides categories[].consentMode per category; unknown types ignored', () => {
    const c = make({
      categories: { ...categories, analytics: { consentMode: ['analytics_storage', 'personalization_storage'] }, stats: {} },
      googleConsentMode: { mapping: { marketing: ['ad_storage', 'nope'], stats: ['functionality_storage'] } },
    });
    c.set({ analytics: true, marketing: true, stats: true });
    expect(consentCalls('update')[0]).toEqual({
      ad_storage: 'granted',
      ad_user_data: 'denied',
      ad_personalization: 'denied',
      analytics_storage: 'granted',
      functionality_storage: 'granted',
      personalization_storage: 'granted',
      security_storage: 'granted',
    });
  });

  test('opt-out mode: the default grants the default-on categories, GPC holds marketing back', () => {
    Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true });
    try {
      make({ mode: 'opt-out', googleConsentMode: true });
      expect(consentCalls('default')[0]).toMatchObject({ analytics_storage: 'granted', functionality_storage: 'granted', ad_storage: 'denied' });
    } finally {
      delete (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl;
    }
  });

  test('destroy stops updates', () => {
    const c = make({ googleConsentMode: true });
    live.pop()!.destroy();
    c.acceptAll();
    expect(consentCalls('update')).toEqual([]);
  });
});

describe('review fixes', () => {
  const ads = ['ad_storage', 'ad_user_data', 'ad_personalization'] as const;
  const services = {
    gads: { category: 'marketing', consentMode: [...ads] },
    youtube: { category: 'marketing' },
  };

  test('a refused service is never signalled as consent, even with its category granted', () => {
    const c = make({ googleConsentMode: true, services });
    c.set({ marketing: true }, { gads: false, youtube: true });
    const last = () => consentCalls('update').at(-1)!;
    for (const t of ads) expect(last()[t]).toBe('denied');
    c.set({}, { gads: true });
    for (const t of ads) expect(last()[t]).toBe('granted');
  });

  test('a service granted on its own grants only the types it stands for', () => {
    const c = make({ googleConsentMode: true, services });
    const last = () => consentCalls('update').at(-1)!;
    // "Always allow YouTube": YouTube names no types, so Marketing's ad types stay denied.
    c.set({}, { youtube: true });
    expect(c.has('marketing')).toBe(false);
    for (const t of ads) expect(last()[t]).toBe('denied');
    // Google Ads allowed on its own stands for the ad types: Google may use ad storage for it.
    c.set({}, { gads: true });
    for (const t of ads) expect(last()[t]).toBe('granted');
    expect(last().analytics_storage).toBe('denied');
    c.rejectAll();
    for (const t of ads) expect(last()[t]).toBe('denied');
  });

  test('under GPC, region defaults cannot grant what sale/sharing categories stand for', () => {
    const nav = Object.getOwnPropertyDescriptor(Navigator.prototype, 'globalPrivacyControl');
    Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true });
    try {
      make({ googleConsentMode: { regions: [{ region: ['US-CA'], granted: [...ads, 'analytics_storage'] }] } });
      const region = consentCalls('default')[1]!;
      expect(region.region).toEqual(['US-CA']);
      for (const t of ads) expect(region[t]).toBe('denied');
      expect(region.analytics_storage).toBe('granted');
    } finally {
      if (nav) Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', nav);
      else delete (Navigator.prototype as { globalPrivacyControl?: boolean }).globalPrivacyControl;
    }
  });

  test('a malformed regions entry is skipped with a warning and updates still flow', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const c = make({ googleConsentMode: { regions: [null, { region: 5 }, { region: 'FR', granted: ['analytics_storage'] }] } });
    expect(consentCalls('default')).toHaveLength(2);
    expect(warn.mock.calls.map((x) => String(x[0])).filter((m) => /regions\[\d\]/.test(m))).toHaveLength(2);
    c.acceptAll();
    expect(consentCalls('update')).toHaveLength(1);
  });

  test('exactly one update per decision, a repeated one included', () => {
    const c = make({ googleConsentMode: true });
    c.rejectAll();
    expect(consentCalls('update')).toHaveLength(1);
    c.rejectAll();
    expect(consentCalls('update')).toHaveLength(2);
    c.acceptAll();
    expect(consentCalls('update')).toHaveLength(3);
    c.reset();
    expect(consentCalls('update')).toHaveLength(4);
    expect(consentCalls('update').at(-1)!.analytics_storage).toBe('denied');
  });

  test('warns when Google tag commands were queued before the default', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    w.dataLayer = [];
    (function gtag(..._args: unknown[]) {
      // eslint-disable-next-line prefer-rest-params
      w.dataLayer!.push(arguments);
    })('js', new Date());
    make({ googleConsentMode: true });
    expect(warn.mock.calls.some((x) => /ran before the consent default/.test(String(x[0])))).toBe(true);
  });
});
