import { afterEach, describe, expect, test, vi } from 'vitest';
import * as entry from '../../src/integrations/catalogue/index';
import { catalogue, consentHooks } from '../../src/integrations/catalogue/index';
import { normalizeConfig } from '../../src/core-entry';
import { adPlatforms } from '../../src/integrations/ad-platforms';
import type { ServiceConfig } from '../../src/core-entry';

const REQUIRED = [
  'google-analytics',
  'google-tag-manager',
  'google-ads',
  'meta-pixel',
  'microsoft-uet',
  'microsoft-clarity',
  'hotjar',
  'linkedin-insight',
  'tiktok-pixel',
  'x-pixel',
  'pinterest-tag',
  'matomo',
  'plausible',
  'mixpanel',
  'segment',
  'amplitude',
  'posthog',
  'hubspot',
  'intercom',
  'crisp',
  'zendesk',
  'youtube',
  'vimeo',
  'google-maps',
  'google-recaptcha',
  'cloudflare-turnstile',
  'stripe',
  'paypal',
  'google-sign-in',
  'sign-in-with-apple',
  'github-oauth',
];
const CATEGORIES = ['necessary', 'preferences', 'analytics', 'marketing'];
const SERVICE_KEYS = ['category', 'title', 'description', 'provider', 'privacyPolicyUrl', 'cookies', 'storageKeys', 'hosts', 'consentMode'];
/** A host name (at least two labels, lower case), optionally a path prefix of whole segments: no scheme, port, query, wildcard or trailing slash. */
const HOST_ENTRY = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}(?:\/[A-Za-z0-9._~-]+)*$/;
const categories = { necessary: { required: true }, preferences: {}, analytics: {}, marketing: {} };
const camel = (name: string) => name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

afterEach(() => vi.restoreAllMocks());

describe('service catalogue', () => {
  test('has at least 30 entries and every service the issue lists', () => {
    expect(Object.keys(catalogue).length).toBeGreaterThanOrEqual(30);
    for (const name of REQUIRED) expect(catalogue, name).toHaveProperty([name]);
  });

  test('every preset is also its own named export (tree-shakable)', () => {
    for (const [name, preset] of Object.entries(catalogue)) {
      expect((entry as Record<string, unknown>)[camel(name)], name).toBe(preset);
    }
  });

  describe.each(Object.entries(catalogue))('%s', (name, preset: ServiceConfig) => {
    test('has the documented shape', () => {
      expect(name).toMatch(/^[a-z][a-z0-9-]*$/);
      for (const key of Object.keys(preset)) expect(SERVICE_KEYS, `${name}.${key}`).toContain(key);
      expect(typeof preset.title).toBe('string');
      expect((preset.title as string).length).toBeGreaterThan(1);
      expect(preset.provider).toMatch(/\S/);
      expect(CATEGORIES).toContain(preset.category);
      expect(preset.privacyPolicyUrl).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]{2,}\//);
      expect(typeof preset.description).toBe('string');
      expect(Array.isArray(preset.cookies)).toBe(true);
      for (const c of preset.cookies!) {
        expect(typeof c).toBe('object');
        const d = c as { name: unknown; lifetime: unknown; purpose: unknown };
        expect(typeof d.name === 'string' || d.name instanceof RegExp, `${name} cookie name`).toBe(true);
        expect(d.lifetime, `${name} ${String(d.name)} lifetime`).toMatch(/\S/);
        expect(d.purpose, `${name} ${String(d.name)} purpose`).toMatch(/\S/);
        if (d.name instanceof RegExp) expect(d.name.flags).not.toMatch(/[gy]/); // stateful RegExps would skip matches
      }
      for (const k of preset.storageKeys || []) expect(typeof k === 'string' || k instanceof RegExp).toBe(true);
    });

    test('lists the hosts it loads from and calls, each a host with an optional path prefix', () => {
      expect(preset.hosts!.length, `${name}.hosts`).toBeGreaterThan(0);
      for (const host of preset.hosts!) expect(host, `${name}.hosts`).toMatch(HOST_ENTRY);
      expect(new Set(preset.hosts).size, `${name}.hosts has no duplicates`).toBe(preset.hosts!.length);
    });

    test('normalises with no message, by string and by { preset } with overrides', () => {
      const err = vi.spyOn(console, 'error').mockImplementation(() => {});
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      const a = normalizeConfig({ categories, services: { x: name } }, catalogue);
      const b = normalizeConfig({ categories, services: { x: { preset: name, category: 'marketing', title: 'Mine' } } }, catalogue);
      expect(err).not.toHaveBeenCalled();
      expect(warn).not.toHaveBeenCalled();
      expect(a.services[0]).toMatchObject({ key: 'x', category: preset.category, title: preset.title });
      expect(b.services[0]).toMatchObject({ key: 'x', category: 'marketing', title: 'Mine' });
      expect(a.services[0]!.cookies).toHaveLength(preset.cookies!.length);
      expect(a.services[0]!.hosts).toEqual(preset.hosts);
    });
  });

  test('cookie patterns match the names the vendors document', () => {
    const matches = (name: string, cookie: string) =>
      catalogue[name]!.cookies!.some((c) => {
        const m = typeof c === 'object' && !(c instanceof RegExp) ? c.name : c;
        return typeof m === 'string' ? m === cookie : m.test(cookie);
      });
    expect(matches('google-analytics', '_ga_ABC123')).toBe(true);
    expect(matches('hotjar', '_hjSessionUser_123456')).toBe(true);
    expect(matches('matomo', '_pk_id.1.1fff')).toBe(true);
    expect(matches('mixpanel', 'mp_0123abcd_mixpanel')).toBe(true);
    expect(matches('amplitude', 'AMP_a2dbce0e18')).toBe(true);
    expect(matches('amplitude', 'AMP_MKTG_a2dbce0e18')).toBe(true);
    expect(matches('posthog', 'ph_phc_abc_posthog')).toBe(true);
    expect(matches('intercom', 'intercom-session-abc')).toBe(true);
    expect(matches('crisp', 'crisp-client/session/0f1e')).toBe(true);
    expect(matches('google-ads', '_gcl_aw')).toBe(true);
    expect(matches('google-analytics', '_gid_x')).toBe(false);
  });

  test('a host entry belongs to one service, except the gtag.js loader GA4 and Google Ads share', () => {
    const owners = new Map<string, string[]>();
    for (const [name, preset] of Object.entries(catalogue)) for (const host of preset.hosts!) owners.set(host, [...(owners.get(host) || []), name]);
    const shared = [...owners].filter(([, names]) => names.length > 1);
    expect(shared).toEqual([['googletagmanager.com/gtag', ['google-analytics', 'google-ads']]]);
  });

  test('the hosts of the vendors the scanner and auto-blocking meet most', () => {
    const hosts = (name: string) => catalogue[name]!.hosts;
    expect(hosts('google-analytics')).toEqual(expect.arrayContaining(['google-analytics.com', 'analytics.google.com']));
    expect(hosts('google-tag-manager')).toContain('googletagmanager.com');
    expect(hosts('meta-pixel')).toEqual(expect.arrayContaining(['connect.facebook.net', 'facebook.com/tr']));
    expect(hosts('hotjar')).toContain('hotjar.com');
    expect(hosts('stripe')).toContain('stripe.com');
    expect(hosts('paypal')).toContain('paypal.com');
    // Two Google services on www.google.com, told apart by path: a necessary one and a marketing one.
    expect(hosts('google-recaptcha')).toContain('google.com/recaptcha');
    expect(hosts('google-maps')).toContain('google.com/maps');
  });

  test('consent hooks name catalogue presets only', () => {
    for (const name of Object.keys(consentHooks)) expect(catalogue).toHaveProperty([name]);
    expect(consentHooks['meta-pixel']!.builtIn).toBe(true);
    expect(consentHooks['microsoft-uet']!.builtIn).toBe(true);
    expect(consentHooks['microsoft-clarity']!.builtIn).toBe(true);
  });

  test('the script-tag file defines window.consentGateCatalogue, keeps presets already there, and registers the ad-platform APIs', async () => {
    const w = window as { consentGateCatalogue?: Record<string, unknown>; consentGateIntegrations?: unknown[] };
    const embeds = () => {};
    w.consentGateCatalogue = { mine: { category: 'analytics' } };
    w.consentGateIntegrations = [embeds]; // the embeds script, loaded first
    await import('../../src/integrations/catalogue/browser');
    expect(w.consentGateCatalogue).toHaveProperty('mine');
    expect(w.consentGateCatalogue).toHaveProperty(['google-analytics'], catalogue['google-analytics']);
    // Meta Pixel, Microsoft UET and Clarity are not in the default script-tag bundle: this file brings them.
    expect(w.consentGateIntegrations).toEqual([embeds, adPlatforms]);
    delete w.consentGateCatalogue;
    delete w.consentGateIntegrations;
  });
});
