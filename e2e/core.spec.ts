import { test, expect, cookieNames, ready } from './fixtures';
import type { Page } from '@playwright/test';

const PAGE = '/e2e/pages/basic.html';
const GTAG = /googletagmanager\.com\/gtag\/js/;
const COLLECT = /google-analytics\.com/;

type W = Window & {
  ConsentGate: {
    instance: { get(): { categories: Record<string, boolean>; decided: boolean }; has(k: string): boolean; rejectAll(): void; set(c: object): void };
  };
  __gtagLoads?: number;
  __inlineRuns?: number;
  __refusedRuns?: number;
  __order?: string[];
  __events: { name: string; detail: { [k: string]: unknown } }[];
};

const banner = (page: Page) => page.getByRole('region', { name: /cookie/i });
const click = (page: Page, name: string) => banner(page).getByRole('button', { name, exact: true }).click();
/** Evaluate `fn(window)` in the page. */
const evalW = <T>(page: Page, fn: (w: W) => T): Promise<T> => page.evaluate(`(${fn.toString()})(window)`) as Promise<T>;

test.describe('before any decision', () => {
  test('nothing non-essential runs, loads, or is stored', async ({ page, network, pageErrors }) => {
    await page.goto(PAGE);
    await expect(banner(page)).toBeVisible();
    await page.waitForLoadState('load');
    expect(network.to(GTAG)).toEqual([]);
    expect(network.to(COLLECT)).toEqual([]);
    expect(network.to(/youtube/)).toEqual([]);
    expect(await cookieNames(page)).toEqual([]);
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    expect(await evalW(page, (w) => [w.__gtagLoads, w.__inlineRuns, w.__refusedRuns])).toEqual([undefined, undefined, undefined]);
    expect(await page.locator('iframe').getAttribute('src')).toBeNull();
    expect(pageErrors).toEqual([]);
  });
});

test.describe('accept', () => {
  test('loads the tag once, in document order, and restores on reload', async ({ page, network, pageErrors }) => {
    await page.goto(PAGE);
    await click(page, 'Accept all');
    await expect(banner(page)).toBeHidden();
    await page.waitForFunction(() => (window as unknown as W).__inlineRuns === 1);
    expect(network.to(GTAG)).toHaveLength(1);
    expect(await evalW(page, (w) => ({ loads: w.__gtagLoads, order: w.__order, refused: w.__refusedRuns }))).toEqual({
      loads: 1,
      order: ['gtag.js', 'inline'],
      refused: undefined,
    });
    expect(await cookieNames(page)).toEqual(expect.arrayContaining(['_ga', 'consent_gate']));
    const names = await evalW(page, (w) => w.__events.map((e) => e.name));
    expect(names).toEqual(['ready', 'show', 'consent', 'record', 'hide']);
    // Activating again (a second decision) must not re-run anything.
    await evalW(page, (w) => w.ConsentGate.instance.set({ marketing: true }));
    await page.waitForTimeout(100);
    expect(await evalW(page, (w) => [w.__gtagLoads, w.__inlineRuns])).toEqual([1, 1]);

    await page.reload();
    await ready(page);
    await page.waitForFunction(() => (window as unknown as W).__inlineRuns === 1);
    await expect(banner(page)).toHaveCount(0);
    expect(network.to(GTAG)).toHaveLength(2);
    expect(await evalW(page, (w) => w.__events.map((e) => e.name))).toEqual(['ready']);
    expect(pageErrors).toEqual([]);
  });

  test('iframes with data-src load only once their category is granted', async ({ page, network }) => {
    await page.goto(PAGE);
    await click(page, 'Accept all');
    await expect(page.locator('iframe')).toHaveAttribute('src', /youtube-nocookie/);
    await expect.poll(() => network.to(/youtube/).length).toBe(1);
  });
});

test.describe('reject', () => {
  test('nothing runs, also after reload; the !analytics script runs instead', async ({ page, network }) => {
    await page.goto(PAGE);
    await click(page, 'Reject all');
    await expect(banner(page)).toBeHidden();
    await page.waitForFunction(() => (window as unknown as W).__refusedRuns === 1);
    await page.reload();
    await ready(page);
    await page.waitForFunction(() => (window as unknown as W).__refusedRuns === 1);
    await expect(banner(page)).toHaveCount(0);
    expect(network.to(GTAG)).toEqual([]);
    expect(network.to(COLLECT)).toEqual([]);
    expect(await cookieNames(page)).toEqual(['consent_gate']);
  });
});

test('withdrawal deletes _ga set on the parent domain', async ({ page, context }) => {
  const url = `http://app.example.test:${new URL(test.info().project.use.baseURL!).port}${PAGE}`;
  await page.goto(url);
  await click(page, 'Accept all');
  await page.waitForFunction(() => (window as unknown as W).__gtagLoads === 1);
  const before = await context.cookies(url);
  const ga = before.find((c) => c.name === '_ga');
  expect(ga?.domain).toBe('.example.test');
  await evalW(page, (w) => w.ConsentGate.instance.set({ analytics: false }));
  const after = (await context.cookies(url)).map((c) => c.name);
  expect(after).not.toContain('_ga');
  expect(after).not.toContain('_ga_TEST');
  expect(after).toContain('consent_gate');
  expect(await evalW(page, (w) => w.__events.filter((e) => e.name === 'change').map((e) => e.detail.changed))).toEqual([
    { categories: ['analytics'], services: ['ga4'] },
  ]);
});

test('a changed revision asks again and grants nothing', async ({ page, network }) => {
  await page.goto(PAGE);
  await click(page, 'Accept all');
  await page.waitForFunction(() => (window as unknown as W).__gtagLoads === 1);
  await page.goto(`${PAGE}?rev=2024-06-01`);
  await expect(banner(page)).toBeVisible();
  expect(await evalW(page, (w) => w.ConsentGate.instance.has('analytics'))).toBe(false);
  expect(await evalW(page, (w) => w.ConsentGate.instance.get().decided)).toBe(false);
  expect(network.to(GTAG)).toHaveLength(1);
});

test('two tabs stay in sync', async ({ context, network }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await a.goto(PAGE);
  await b.goto(PAGE);
  await expect(banner(b)).toBeVisible();
  await click(a, 'Accept all');
  await b.waitForFunction(() => (window as unknown as W).__gtagLoads === 1);
  await expect(banner(b)).toHaveCount(0);
  expect(await evalW(b, (w) => w.__events.some((e) => e.name === 'consent'))).toBe(true);
  expect(network.to(GTAG)).toHaveLength(2);
  // Withdrawal in b reaches a.
  await evalW(b, (w) => w.ConsentGate.instance.rejectAll());
  await a.waitForFunction(() => (window as unknown as W).ConsentGate.instance.has('analytics') === false);
});

test.describe('hostile stored values grant nothing and throw nothing', () => {
  const valid =
    '{"v":1,"i":"abcdefghijklmnop","r":"2023-12-04","f":1700000000,"l":1700000000,"e":4102444800,"g":0,"c":{"analytics":1,"marketing":1},"s":{"ga4":1}';
  const hostile = [
    '{',
    'null',
    '[]',
    '"string"',
    '{"__proto__":{"analytics":true},"v":1}',
    `${valid},"h":"wrong"}`,
    `${valid}}`,
    valid.replace('"v":1', '"v":2') + ',"h":"x"}',
    '{"v":1,"c":{"__proto__":1,"analytics":1}}',
    '{"v":1,"i":"<img src=x onerror=alert(1)>","r":"","f":1,"l":1,"e":9999999999,"g":0,"c":{"analytics":1},"s":{},"h":"0"}',
    'x'.repeat(3500),
    '%E0%A4%A',
    '{"v":1,"i":"abcdefghijklmnop","r":"2023-12-04","f":1700000000,"l":1700000000,"e":4102444800,"g":0,"c":{"analytics":"yes"},"s":{}}',
  ];
  for (const [i, value] of hostile.entries()) {
    test(`value #${i}`, async ({ page, context, network, pageErrors, consoleMessages }) => {
      await context.addCookies([
        { name: 'consent_gate', value: encodeURIComponent(value).slice(0, 3900), url: new URL(PAGE, test.info().project.use.baseURL!).href },
      ]);
      await page.goto(PAGE);
      await expect(banner(page)).toBeVisible();
      expect(await evalW(page, (w) => ({ a: w.ConsentGate.instance.has('analytics'), d: w.ConsentGate.instance.get().decided }))).toEqual({
        a: false,
        d: false,
      });
      expect(await evalW(page, () => ({}).hasOwnProperty.call(Object.prototype, 'analytics'))).toBe(false);
      expect(network.to(GTAG)).toEqual([]);
      expect(pageErrors).toEqual([]);
      expect(consoleMessages.some((m) => m.type === 'warning' && /stored choice .* unreadable/.test(m.text))).toBe(true);
    });
  }
  test('5 KB of junk (browser truncates or rejects it)', async ({ page, context, network, pageErrors }) => {
    await context.addCookies([{ name: 'consent_gate', value: 'A'.repeat(4000), url: new URL(PAGE, test.info().project.use.baseURL!).href }]);
    await page.addInitScript(() => localStorage.setItem('consent_gate', `9999999999999|${'{'.repeat(5000)}`));
    await page.goto(`${PAGE}?storage=both`);
    await expect(banner(page)).toBeVisible();
    expect(network.to(GTAG)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

test('storage that throws still lets a visitor accept', async ({ page, network, pageErrors, consoleMessages }) => {
  await page.addInitScript(() => {
    const boom = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    Object.defineProperty(Document.prototype, 'cookie', { get: boom, set: boom, configurable: true });
    Object.defineProperty(window, 'localStorage', { get: boom, configurable: true });
  });
  await page.goto(`${PAGE}?storage=both`);
  await click(page, 'Accept all');
  await page.waitForFunction(() => (window as unknown as W).__gtagLoads === 1);
  expect(network.to(GTAG)).toHaveLength(1);
  expect(pageErrors.filter((e) => !/insecure/.test(e.message))).toEqual([]);
  expect(consoleMessages.some((m) => /kept for this page only/.test(m.text))).toBe(true);
});

test('including the script twice and calling init again gives one instance and one banner', async ({ page, pageErrors, consoleMessages }) => {
  await page.goto('/e2e/pages/double.html');
  await expect(banner(page)).toHaveCount(1);
  expect(await page.evaluate(() => (window as unknown as { __second: boolean }).__second)).toBe(true);
  expect(consoleMessages.some((m) => /init\(\) was called again/.test(m.text))).toBe(true);
  expect(pageErrors).toEqual([]);
});

test('data-config loads the config from JSON', async ({ page, network }) => {
  await page.goto('/e2e/pages/data-config.html');
  await click(page, 'Accept all');
  await expect.poll(() => network.to(/G-JSON/).length).toBe(1);
});

test('started after DOMContentLoaded (data-config): a returning visitor gets the floating button and the tag', async ({ page, network }) => {
  await page.goto('/e2e/pages/data-config.html');
  await click(page, 'Accept all');
  await page.reload();
  await expect(page.getByRole('button', { name: 'Cookie settings' })).toBeVisible();
  await expect(banner(page)).toHaveCount(0);
  await expect.poll(() => network.to(/G-JSON/).length).toBe(2);
});

test('a data-config that cannot be loaded is a console error naming it; nothing is granted', async ({ page, network, consoleMessages }) => {
  await page.goto('/e2e/pages/data-config-missing.html');
  await expect
    .poll(() => consoleMessages.filter((m) => m.type === 'error' && m.text.startsWith('[consent-gate]')).map((m) => m.text))
    .toEqual(['[consent-gate] data-config "/e2e/pages/no-such-config.json" could not be loaded (HTTP 404); nothing is granted.']);
  expect(await page.evaluate(() => typeof (window as unknown as { ConsentGate?: { init: unknown; instance?: unknown } }).ConsentGate?.init)).toBe('function');
  expect(await page.evaluate(() => !!(window as unknown as { ConsentGate: { instance?: unknown } }).ConsentGate.instance)).toBe(false);
  await page.waitForLoadState('load');
  expect(network.to(GTAG)).toEqual([]);
});

test('gated scripts added later run on consent; loadScript waits; modules keep their type; receipts reach the endpoint', async ({ page, network }) => {
  await page.goto('/e2e/pages/dynamic.html');
  await expect(banner(page)).toBeVisible();
  await page.evaluate(() => (window as unknown as { addGated(): void }).addGated());
  const loaded = page.evaluate(() =>
    (window as unknown as W & { ConsentGate: { instance: { loadScript(s: string, c: string): Promise<HTMLScriptElement> } } }).ConsentGate.instance
      .loadScript('https://www.googletagmanager.com/gtag/js?id=G-LOAD', 'analytics')
      .then((s) => s.src),
  );
  await page.waitForTimeout(200);
  expect(network.to(/G-LOAD/)).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __lateRuns?: number }).__lateRuns)).toBeUndefined();
  await click(page, 'Accept all');
  expect(await loaded).toMatch(/G-LOAD/);
  await page.waitForFunction(() => (window as unknown as { __lateRuns?: number }).__lateRuns === 1);
  await page.waitForFunction(() => (window as unknown as { __moduleRan?: boolean }).__moduleRan === true);
  // Added after consent: runs at once.
  await page.evaluate(() => (window as unknown as { addGated(): void }).addGated());
  await page.waitForFunction(() => (window as unknown as { __lateRuns?: number }).__lateRuns === 2);
  const id = await page.evaluate(() => (window as unknown as { ConsentGate: { instance: { get(): { id: string } } } }).ConsentGate.instance.get().id);
  const receipts = async () => ((await (await page.request.get('/__receipts')).json()) as { id: string; method: string }[]).filter((r) => r.id === id);
  await expect.poll(async () => (await receipts()).map((r) => r.method)).toEqual(['accept_all']);
});

test('under a strict CSP with Trusted Types, gated scripts run only with their own nonce, with no other violation', async ({ page, network, pageErrors }) => {
  await page.addInitScript(() => {
    (window as unknown as { __violations: string[] }).__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { __violations: string[] }).__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`),
    );
  });
  await page.goto('/e2e/pages/csp-gate.html');
  await click(page, 'Accept all');
  await page.waitForFunction(() => (window as unknown as W).__inlineRuns === 1 && (window as unknown as W).__gtagLoads === 1);
  const loaded = await page.evaluate(() =>
    (window as unknown as { ConsentGate: { instance: { loadScript(s: string, c: string): Promise<HTMLScriptElement> } } }).ConsentGate.instance
      .loadScript('https://www.googletagmanager.com/gtag/js?id=G-TT', 'analytics')
      .then(() => 'loaded'),
  );
  expect(loaded).toBe('loaded');
  expect(network.to(/G-TT/)).toHaveLength(1);
  const violations = await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
  // Exactly one: the script the page author left without a nonce, which must stay blocked.
  expect(violations).toHaveLength(1);
  expect(violations[0]).toMatch(/^script-src-elem inline/);
  expect(await page.evaluate(() => (window as unknown as { __unnoncedRuns?: number }).__unnoncedRuns)).toBeUndefined();
  expect(pageErrors).toEqual([]);
});

test('reloadOnWithdraw reloads after a withdrawal, and the tag does not run again', async ({ page, network }) => {
  await page.goto(`${PAGE}?reload`);
  await click(page, 'Accept all');
  await page.waitForFunction(() => (window as unknown as W).__gtagLoads === 1);
  // Granting more is not a withdrawal: no reload.
  await page.evaluate(() => ((window as unknown as { __marker: number }).__marker = 1));
  await evalW(page, (w) => w.ConsentGate.instance.set({ marketing: true }));
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(1);
  const reloaded = page.waitForEvent('load');
  await evalW(page, (w) => w.ConsentGate.instance.set({ analytics: false }));
  await reloaded;
  await ready(page);
  expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBeUndefined();
  expect(await evalW(page, (w) => w.__gtagLoads)).toBeUndefined();
  expect(network.to(GTAG)).toHaveLength(1);
  expect(await cookieNames(page)).not.toContain('_ga');
});
