import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, cookieNames, expectCookiesGone, ready } from './fixtures';

type Entry = { args: boolean; items: unknown };
type Instance = {
  get(): { decided: boolean; gpc: boolean; categories: Record<string, boolean>; services: Record<string, boolean> };
  has(k: string): boolean;
  hasService(k: string): boolean;
  set(c: object, s?: object): void;
  acceptAll(): void;
  rejectAll(): void;
};
type W = Window & {
  ConsentGate: { instance: Instance };
  __dl(): Entry[];
  __events: { name: string; detail: Record<string, unknown> }[];
  __gtagLoads?: number;
  __gtagConsentSeen?: Record<string, string>;
  __gtagPings?: string[];
  __fbCalls?: unknown[][];
  __fbQueueAtInit?: unknown[][];
  __uetLog?: string[];
  __uetQueueAtInit?: unknown[];
  __clarityCalls?: unknown[][];
  __marketingRuns?: number;
  __csp?: { directive: string; sample: string }[];
  consentGateCatalogue?: object;
  consentGateIntegrations?: unknown[];
  uetq?: unknown;
  clarity?: unknown;
};

const TYPES = ['ad_personalization', 'ad_storage', 'ad_user_data', 'analytics_storage', 'functionality_storage', 'personalization_storage', 'security_storage'];
const GTAG = /googletagmanager\.com\/gtag\/js/;
/** Evaluate `fn(window)` in the page. */
const evalW = <T>(page: Page, fn: (w: W) => T): Promise<T> => page.evaluate(`(${fn.toString()})(window)`) as Promise<T>;
const acceptAll = (page: Page) => page.getByRole('button', { name: 'Accept all', exact: true }).first().click();
const rejectAll = (page: Page) => page.getByRole('button', { name: 'Reject all', exact: true }).first().click();
/** The gtag commands in the dataLayer as [command, kind, params]; plain objects as ['event', name]. */
const commands = async (page: Page) =>
  (await evalW(page, (w) => w.__dl())).map((e) => (e.args ? (e.items as unknown[]) : ['event', (e.items as { event?: string }).event, e.items]));
const consentCalls = async (page: Page, kind: string) =>
  (await commands(page)).filter((c) => c[0] === 'consent' && c[1] === kind).map((c) => c[2] as Record<string, unknown>);
const all = (value: 'granted' | 'denied') => Object.fromEntries(TYPES.map((t) => [t, value]));

test.describe('Google Consent Mode v2, basic (tags gated)', () => {
  test('consent default is the first dataLayer entry, an Arguments object with all seven types', async ({ page, network }) => {
    await page.goto('/e2e/pages/int-gcm.html');
    await ready(page);
    const dl = await evalW(page, (w) => w.__dl());
    expect(dl).toHaveLength(1);
    expect(dl[0]!.args).toBe(true);
    const [cmd, kind, params] = dl[0]!.items as [string, string, Record<string, string>];
    expect([cmd, kind]).toEqual(['consent', 'default']);
    expect(Object.keys(params).sort()).toEqual(TYPES);
    expect(params).toEqual({ ...all('denied'), security_storage: 'granted' });
    expect(network.to(GTAG)).toEqual([]);
  });

  test("accept: update before the gated tag's js/config/event, all seven keys granted, plus the GTM event", async ({ page, network }) => {
    await page.goto('/e2e/pages/int-gcm.html');
    await acceptAll(page);
    await page.waitForFunction(() => (window as unknown as W).__gtagLoads === 1);
    await expect.poll(async () => (await commands(page)).some((c) => c[0] === 'config')).toBe(true);
    const cmds = await commands(page);
    const dl = await evalW(page, (w) => w.__dl());
    const firstTagCommand = cmds.findIndex((c) => ['config', 'js'].includes(c[0] as string) || (c[0] === 'event' && c[1] !== 'consent_gate_update'));
    const firstDefault = cmds.findIndex((c) => c[0] === 'consent' && c[1] === 'default');
    expect(firstDefault).toBe(0);
    expect(dl[firstDefault]!.args).toBe(true);
    expect(firstTagCommand).toBeGreaterThan(firstDefault);
    const updateAt = cmds.findIndex((c) => c[0] === 'consent' && c[1] === 'update');
    expect(updateAt).toBeGreaterThan(firstDefault);
    expect(updateAt).toBeLessThan(firstTagCommand);
    expect(dl[updateAt]!.args).toBe(true);
    expect(cmds[updateAt]![2]).toEqual(all('granted'));
    expect(cmds[updateAt + 1]!.slice(0, 2)).toEqual(['event', 'consent_gate_update']);
    expect((cmds[updateAt + 1]![2] as { consent_gate: { categories: object } }).consent_gate.categories).toEqual({
      necessary: true,
      preferences: true,
      analytics: true,
      marketing: true,
    });
    expect(network.to(GTAG)).toHaveLength(1);
  });

  test('custom choice and withdrawal each add an update with all seven keys and the right values', async ({ page }) => {
    await page.goto('/e2e/pages/int-gcm.html');
    await ready(page);
    await evalW(page, (w) => w.ConsentGate.instance.set({ analytics: true, marketing: false }));
    await evalW(page, (w) => w.ConsentGate.instance.set({ preferences: true, marketing: true }));
    await evalW(page, (w) => w.ConsentGate.instance.set({ analytics: false, marketing: false }));
    await evalW(page, (w) => w.ConsentGate.instance.rejectAll());
    const updates = await consentCalls(page, 'update');
    expect(updates).toHaveLength(4);
    for (const u of updates) expect(Object.keys(u).sort()).toEqual(TYPES);
    expect(updates[0]).toEqual({ ...all('denied'), analytics_storage: 'granted', security_storage: 'granted' });
    expect(updates[1]).toEqual(all('granted'));
    expect(updates[2]).toEqual({ ...all('denied'), functionality_storage: 'granted', personalization_storage: 'granted', security_storage: 'granted' });
    expect(updates[3]).toEqual({ ...all('denied'), security_storage: 'granted' });
    const events = (await commands(page)).filter((c) => c[0] === 'event' && c[1] === 'consent_gate_update');
    expect(events).toHaveLength(4);
  });

  test('a restored choice pushes default then update before the tag runs', async ({ page }) => {
    await page.goto('/e2e/pages/int-gcm.html');
    await acceptAll(page);
    await page.waitForFunction(() => (window as unknown as W).__gtagLoads === 1);
    await page.reload();
    await page.waitForFunction(() => (window as unknown as W).__gtagLoads === 1);
    await expect.poll(async () => (await commands(page)).some((c) => c[0] === 'config')).toBe(true);
    const cmds = await commands(page);
    expect(cmds.slice(0, 3).map((c) => c.slice(0, 2))).toEqual([
      ['consent', 'default'],
      ['consent', 'update'],
      ['event', 'consent_gate_update'],
    ]);
    expect(cmds[0]![2]).toEqual({ ...all('denied'), security_storage: 'granted' });
    expect(cmds[1]![2]).toEqual(all('granted'));
    expect(cmds.slice(3).map((c) => c[0])).toEqual(['js', 'config', 'event']);
  });

  test('wait_for_update, region defaults as separate calls, ads_data_redaction, url_passthrough', async ({ page }) => {
    await page.goto('/e2e/pages/int-gcm.html?gcm=full');
    await ready(page);
    const dl = await evalW(page, (w) => w.__dl());
    expect(dl.every((e) => e.args)).toBe(true);
    const cmds = dl.map((e) => e.items as unknown[]);
    expect(cmds.map((c) => c.slice(0, 2).join(' '))).toEqual([
      'consent default',
      'consent default',
      'consent default',
      'set ads_data_redaction',
      'set url_passthrough',
    ]);
    expect(cmds[0]![2]).toEqual({ ...all('denied'), security_storage: 'granted', wait_for_update: 500 });
    expect(cmds[1]![2]).toEqual({
      ...all('denied'),
      security_storage: 'granted',
      analytics_storage: 'granted',
      region: ['US-CA', 'US-CO'],
      wait_for_update: 500,
    });
    expect(cmds[2]![2]).toEqual({ ...all('denied'), security_storage: 'granted', region: ['GB'], wait_for_update: 500 });
    expect(cmds[3]![2]).toBe(true);
    expect(cmds[4]![2]).toBe(true);
  });
});

test.describe('Google Consent Mode v2, advanced (tag ungated)', () => {
  test('the tag loads with denied defaults and sets no _ga before a grant', async ({ page, network }) => {
    // The consent-aware stand-in answers for this page only (the shared stub sets _ga regardless).
    const body = readFileSync(new URL('./stubs/gtag-consent.js', import.meta.url), 'utf8');
    await page.route(GTAG, (route) => {
      network.external.push(route.request().url());
      return route.fulfill({ status: 200, contentType: 'text/javascript', body });
    });
    await page.goto('/e2e/pages/int-gcm-advanced.html');
    await page.waitForFunction(() => (window as unknown as W).__gtagLoads === 1);
    await page.waitForLoadState('load');
    expect(network.to(GTAG)).toHaveLength(1);
    expect(await evalW(page, (w) => w.__gtagConsentSeen)).toEqual({ ...all('denied'), security_storage: 'granted', wait_for_update: 500 });
    await expect.poll(() => evalW(page, (w) => w.__gtagPings)).toContain('G0');
    expect(await cookieNames(page)).not.toContain('_ga');
    const cmds = await commands(page);
    expect(cmds.findIndex((c) => c[0] === 'consent' && c[1] === 'default')).toBe(0);
    expect(cmds.findIndex((c) => c[0] === 'js')).toBeGreaterThan(0);

    await rejectAll(page);
    expect(await cookieNames(page)).not.toContain('_ga');
    await evalW(page, (w) => w.ConsentGate.instance.set({ analytics: true }));
    await expect.poll(() => cookieNames(page)).toContain('_ga');
    expect(await evalW(page, (w) => w.__gtagPings!.at(-1))).toBe('G1');
    // Withdrawal: update denied and the declared cookie is deleted.
    await evalW(page, (w) => w.ConsentGate.instance.set({ analytics: false }));
    expect((await consentCalls(page, 'update')).at(-1)).toMatchObject({ analytics_storage: 'denied' });
    await expectCookiesGone(page, ['_ga']);
  });
});

test.describe('Global Privacy Control', () => {
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true }));
  });

  test('Accept all grants analytics, not marketing; an explicit switch grants marketing; receipts say gpc', async ({ page }) => {
    await page.goto('/e2e/pages/int-gcm.html');
    await ready(page);
    expect(await evalW(page, (w) => (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl === true && w.ConsentGate.instance.get().gpc)).toBe(
      true,
    );
    await acceptAll(page);
    expect(await evalW(page, (w) => w.ConsentGate.instance.get().categories)).toEqual({
      necessary: true,
      preferences: true,
      analytics: true,
      marketing: false,
    });
    expect((await consentCalls(page, 'update')).at(-1)).toMatchObject({
      analytics_storage: 'granted',
      ad_storage: 'denied',
      ad_user_data: 'denied',
      ad_personalization: 'denied',
    });

    // The preferences dialog says the signal is honoured.
    await evalW(page, (w) => (w.ConsentGate.instance as unknown as { showPreferences(): void }).showPreferences());
    await expect(page.getByRole('dialog')).toContainText('Global Privacy Control');
    await page.keyboard.press('Escape');

    await evalW(page, (w) => w.ConsentGate.instance.set({ marketing: true }));
    expect(await evalW(page, (w) => w.ConsentGate.instance.has('marketing'))).toBe(true);
    expect((await consentCalls(page, 'update')).at(-1)).toMatchObject({ ad_storage: 'granted' });

    const receipts = await evalW(page, (w) => w.__events.filter((e) => e.name === 'record').map((e) => e.detail));
    expect(receipts).toHaveLength(2);
    expect(receipts.map((r) => [r.method, r.gpc, (r.categories as Record<string, boolean>).marketing])).toEqual([
      ['accept_all', true, false],
      ['custom', true, true],
    ]);
  });

  test('gpc: false ignores the signal: Accept all grants marketing', async ({ page }) => {
    await page.goto('/e2e/pages/int-gcm.html?gpc=off');
    await acceptAll(page);
    expect(await evalW(page, (w) => w.ConsentGate.instance.get())).toMatchObject({ gpc: false, categories: { marketing: true } });
    const receipt = await evalW(page, (w) => w.__events.find((e) => e.name === 'record')!.detail);
    expect(receipt.gpc).toBe(false);
  });
});

test.describe('the default script-tag bundle alone (no catalogue script)', () => {
  test('gates, and Consent Mode works; the ad-platform APIs are not driven, as they come with the catalogue script', async ({
    page,
    network,
    pageErrors,
    consoleMessages,
  }) => {
    await page.goto('/e2e/pages/int-default.html');
    await ready(page);
    await page.waitForLoadState('load');
    expect(await evalW(page, (w) => [w.consentGateCatalogue, w.consentGateIntegrations])).toEqual([undefined, undefined]);
    // Before a decision: one denied default, nothing gated ran or loaded.
    const dl = await evalW(page, (w) => w.__dl());
    expect(dl).toHaveLength(1);
    expect(dl[0]!.args).toBe(true);
    expect(dl[0]!.items).toEqual(['consent', 'default', { ...all('denied'), security_storage: 'granted' }]);
    expect(network.to(GTAG)).toEqual([]);
    expect(await evalW(page, (w) => w.__marketingRuns)).toBeUndefined();
    // Services keyed like the ad-platform presets: their vendors' globals are left alone.
    expect(await evalW(page, (w) => [Object.getOwnPropertyDescriptor(w, 'fbq'), w.uetq, typeof w.clarity])).toEqual([undefined, undefined, 'undefined']);

    await acceptAll(page);
    await page.waitForFunction(() => (window as unknown as W).__gtagLoads === 1);
    expect(await evalW(page, (w) => w.__marketingRuns)).toBe(1);
    const cmds = await commands(page);
    const updateAt = cmds.findIndex((c) => c[0] === 'consent' && c[1] === 'update');
    expect(updateAt).toBe(1);
    // No preferences category on this page: functionality and personalization stay denied.
    expect(cmds[updateAt]![2]).toEqual({ ...all('granted'), functionality_storage: 'denied', personalization_storage: 'denied' });
    expect(cmds[updateAt + 1]!.slice(0, 2)).toEqual(['event', 'consent_gate_update']);
    expect(cmds.findIndex((c) => c[0] === 'js')).toBeGreaterThan(updateAt);

    await evalW(page, (w) => w.ConsentGate.instance.rejectAll());
    expect((await consentCalls(page, 'update')).at(-1)).toEqual({ ...all('denied'), security_storage: 'granted' });
    expect(await cookieNames(page)).not.toContain('_ga');
    expect(await evalW(page, (w) => [w.uetq, typeof w.clarity])).toEqual([undefined, 'undefined']);
    expect(pageErrors).toEqual([]);
    expect(consoleMessages.filter((m) => m.text.includes('[consent-gate]'))).toEqual([]);
  });
});

test.describe('Meta Pixel, Microsoft UET, Microsoft Clarity (with the catalogue script)', () => {
  const PAGE = '/e2e/pages/int-ads.html';
  const loaded = (page: Page) =>
    page.waitForFunction(() => {
      const w = window as unknown as { __fbLoaded?: number; __uetLoaded?: number; __clarityLoaded?: number; __uetLog?: string[] };
      return w.__fbLoaded && w.__uetLoaded && w.__clarityLoaded && (w.__uetLog || []).includes('pageLoad');
    });

  test('revoke/default are queued before init; grant/update only after marketing consent; withdrawal revokes and deletes catalogue cookies', async ({
    page,
  }) => {
    await page.goto(PAGE);
    await loaded(page);
    expect(await evalW(page, (w) => w.__fbQueueAtInit)).toEqual([
      ['consent', 'revoke'],
      ['init', '1234567890'],
      ['track', 'PageView'],
    ]);
    expect(await evalW(page, (w) => w.__uetQueueAtInit)).toEqual(['consent', 'default', { ad_storage: 'denied' }]);
    expect(await evalW(page, (w) => w.__uetLog)).toEqual(['consent default denied', 'pageLoad']);
    expect(await evalW(page, (w) => w.__clarityCalls)).toEqual([['consentv2', { ad_Storage: 'denied', analytics_Storage: 'denied' }]]);

    // Analytics only: Clarity's analytics storage, nothing for the ad platforms.
    await evalW(page, (w) => w.ConsentGate.instance.set({ analytics: true }));
    expect(await evalW(page, (w) => w.__fbCalls!.filter((c) => c[0] === 'consent'))).toEqual([['consent', 'revoke']]);
    expect(await evalW(page, (w) => w.__uetLog)).toEqual(['consent default denied', 'pageLoad', 'consent update denied']);
    expect(await evalW(page, (w) => w.__clarityCalls!.at(-1))).toEqual(['consentv2', { ad_Storage: 'denied', analytics_Storage: 'granted' }]);
    expect(await cookieNames(page)).not.toContain('_fbp');

    await evalW(page, (w) => w.ConsentGate.instance.set({ marketing: true }));
    expect(await evalW(page, (w) => w.__fbCalls)).toEqual([
      ['consent', 'revoke'],
      ['init', '1234567890'],
      ['track', 'PageView'],
      ['consent', 'grant'],
    ]);
    expect((await evalW(page, (w) => w.__uetLog!)).at(-1)).toBe('consent update granted');
    expect(await evalW(page, (w) => w.__clarityCalls!.at(-1))).toEqual(['consentv2', { ad_Storage: 'granted', analytics_Storage: 'granted' }]);
    expect(await cookieNames(page)).toEqual(expect.arrayContaining(['_fbp', '_uetsid', '_uetvid', '_clck', '_clsk']));

    // Withdrawal: the APIs hear it, and the cookies the catalogue declares are deleted.
    await evalW(page, (w) => w.ConsentGate.instance.rejectAll());
    expect((await evalW(page, (w) => w.__fbCalls!)).at(-1)).toEqual(['consent', 'revoke']);
    expect((await evalW(page, (w) => w.__uetLog!)).at(-1)).toBe('consent update denied');
    expect(await evalW(page, (w) => w.__clarityCalls!.at(-1))).toEqual(['consentv2', { ad_Storage: 'denied', analytics_Storage: 'denied' }]);
    await expectCookiesGone(page, ['_fbp', '_uetsid', '_uetvid', '_clck', '_clsk']);
    expect(await cookieNames(page)).toContain('consent_gate');
  });

  test('a stored grant is queued before init and before UET pageLoad on the next page', async ({ page }) => {
    await page.goto(PAGE);
    await loaded(page);
    await acceptAll(page);
    await page.reload();
    await loaded(page);
    expect(await evalW(page, (w) => w.__fbQueueAtInit)).toEqual([
      ['consent', 'grant'],
      ['init', '1234567890'],
      ['track', 'PageView'],
    ]);
    expect(await evalW(page, (w) => w.__uetLog)).toEqual(['consent default denied', 'consent update granted', 'pageLoad']);
    expect(await evalW(page, (w) => w.__clarityCalls![0])).toEqual(['consentv2', { ad_Storage: 'granted', analytics_Storage: 'granted' }]);
  });
});

test.describe('add-on scripts', () => {
  for (const [order, url] of [
    ['embeds first, each included twice', '/e2e/pages/int-addons.html'],
    ['catalogue first', '/e2e/pages/int-addons-reverse.html'],
  ]) {
    test(`catalogue and embeds scripts both register, ${order}`, async ({ page, pageErrors }) => {
      await page.goto(url);
      await ready(page);
      expect(await evalW(page, (w) => (w.consentGateIntegrations || []).length)).toBe(2);
      // Embeds: one placeholder. Catalogue: its presets, and the UET default pushed once.
      await expect(page.locator('.cg-embed')).toHaveCount(1);
      expect(await evalW(page, (w) => Object.keys(w.ConsentGate.instance.get().services))).toEqual(['yt', 'bing']);
      expect(await evalW(page, (w) => w.uetq)).toEqual(['consent', 'default', { ad_storage: 'denied' }]);
      await evalW(page, (w) => w.ConsentGate.instance.set({ marketing: true }));
      await expect(page.locator('.cg-embed')).toHaveCount(0);
      expect(await evalW(page, (w) => (w.uetq as unknown[]).slice(3))).toEqual(['consent', 'update', { ad_storage: 'granted' }]);
      expect(pageErrors).toEqual([]);
    });
  }
});

test.describe('embed placeholders', () => {
  const PAGE = '/e2e/pages/int-embeds.html';
  const placeholder = (page: Page, iframeTitle: string) => page.locator(`.cg-embed:has(+ iframe[title="${iframeTitle}"])`);
  /** Tab until the focused element is a button named `name` inside the placeholder of `iframeTitle`. */
  const tabTo = async (page: Page, iframeTitle: string, name: string) => {
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const hit = await page.evaluate(
        ([title, label]) => {
          const el = document.activeElement;
          return !!el && el.tagName === 'BUTTON' && el.textContent === label && el.closest('.cg-embed')?.nextElementSibling?.getAttribute('title') === title;
        },
        [iframeTitle, name],
      );
      if (hit) return;
    }
    throw new Error(`could not reach "${name}" by keyboard`);
  };

  for (const [order, url] of [
    ['after', PAGE],
    ['before (included twice)', '/e2e/pages/int-embeds-early.html'],
  ]) {
    test(`loaded ${order} consent-gate.js: one placeholder per iframe, and destroy() removes them`, async ({ page }) => {
      await page.goto(url);
      await ready(page);
      const first = page.locator('iframe').first();
      const title = (await first.getAttribute('title'))!;
      await expect(placeholder(page, title)).toHaveCount(1);
      await page.evaluate(() => (window as unknown as { ConsentGate: { instance: { destroy(): void } } }).ConsentGate.instance.destroy());
      await expect(page.locator('.cg-embed')).toHaveCount(0);
      await expect(first).not.toHaveAttribute('src', /.+/);
    });
  }

  test('each blocked iframe shows an accessible placeholder; axe finds nothing', async ({ page, network }) => {
    await page.goto(PAGE);
    await ready(page);
    const one = placeholder(page, 'Video one');
    await expect(one).toBeVisible();
    await expect(one).toHaveAttribute('role', 'group');
    await expect(page.getByRole('group', { name: 'This YouTube video is blocked until you allow Marketing cookies.' })).toHaveCount(2);
    await expect(one.getByRole('button', { name: 'Load video' })).toBeVisible();
    await expect(one.getByRole('button', { name: 'Always allow YouTube' })).toBeVisible();
    await expect(placeholder(page, 'Map')).toContainText('This Google Maps map is blocked until you allow Marketing cookies.');
    await expect(page.locator('iframe[title="Video one"]')).toBeHidden();
    const box = await one.boundingBox();
    expect(Math.round(box!.width)).toBe(320);
    const results = await new AxeBuilder({ page }).include('.cg-embed').analyze();
    expect(results.violations).toEqual([]);
    expect(network.to(/youtube|google\.com\/maps/)).toEqual([]);
  });

  test('keyboard: "Always allow YouTube" grants YouTube only; "Load video" loads only that iframe', async ({ page, network }) => {
    await page.goto(PAGE);
    await ready(page);
    // Video two names no service: allowing YouTube would not load it, so it offers "Load video" only.
    await expect(placeholder(page, 'Video two').getByRole('button')).toHaveText(['Load video']);

    await tabTo(page, 'Video one', 'Always allow YouTube');
    await page.keyboard.press('Space');
    await expect(page.locator('iframe[title="Video one"]')).toHaveAttribute('src', /embed\/one/);
    await expect.poll(() => network.to(/youtube-nocookie\.com\/embed\/one/).length).toBe(1);
    const state = await evalW(page, (w) => w.ConsentGate.instance.get());
    expect(state.services).toEqual({ yt: true, maps: false, fb: false });
    // YouTube only: Marketing stays refused, so what is gated on the category alone (Video two,
    // the inline script) still waits for it. Mark each embed with data-service (README#embeds).
    expect(state.categories.marketing).toBe(false);
    expect(await evalW(page, (w) => w.__marketingRuns)).toBeUndefined();
    await expect(placeholder(page, 'Video two')).toBeVisible();
    await expect(placeholder(page, 'Map')).toBeVisible();
    expect(network.to(/embed\/two|google\.com\/maps/)).toEqual([]);

    const decided = await evalW(page, (w) => w.ConsentGate.instance.get());
    await tabTo(page, 'Video two', 'Load video');
    await page.keyboard.press('Enter');
    await expect(page.locator('iframe[title="Video two"]')).toHaveAttribute('src', 'https://www.youtube-nocookie.com/embed/two');
    await expect.poll(() => network.to(/youtube-nocookie\.com\/embed\/two/).length).toBe(1);
    expect(network.to(/google\.com\/maps/)).toEqual([]);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('title'))).toBe('Video two');
    // "Load video" stores nothing: the choice is the one "Always allow" made.
    expect(await evalW(page, (w) => w.ConsentGate.instance.get())).toEqual(decided);
    await expect(placeholder(page, 'Video two')).toHaveCount(0);

    // The next page view: YouTube is still allowed on its own, Video two waits again.
    await page.reload();
    await ready(page);
    await expect.poll(() => network.to(/youtube-nocookie\.com\/embed\/one/).length).toBe(2);
    await expect(placeholder(page, 'Video one')).toHaveCount(0);
    await expect(placeholder(page, 'Video two')).toBeVisible();
    expect(await evalW(page, (w) => [w.ConsentGate.instance.has('marketing'), w.ConsentGate.instance.hasService('yt'), w.__marketingRuns ?? 0])).toEqual([
      false,
      true,
      0,
    ]);
  });

  test('a decision elsewhere removes the placeholders and loads the embeds', async ({ page, network }) => {
    await page.goto(PAGE);
    await ready(page);
    await acceptAll(page);
    await expect(page.locator('.cg-embed')).toHaveCount(0);
    await expect.poll(() => network.to(/youtube-nocookie|google\.com\/maps/).length).toBe(3);
  });

  test('works under a strict CSP (nonce only, no inline styles)', async ({ page }) => {
    await page.goto('/e2e/pages/int-embeds-csp.html');
    await ready(page);
    const one = placeholder(page, 'Video one');
    await expect(one).toBeVisible();
    expect(await one.evaluate((el) => getComputedStyle(el).display)).toBe('flex');
    expect(await evalW(page, (w) => (w.__csp || []).filter((v) => /cg-embed/.test(v.sample)))).toEqual([]);
    await one.getByRole('button', { name: 'Load video' }).click();
    await expect(page.locator('iframe[title="Video one"]')).toHaveAttribute('src', /embed\/one/);
  });
});
