import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';

/**
 * The SPA demo (demo/spa/): consent-gate imported from the npm build through an import map,
 * history-API routing, and a live event log.
 */

const ROUTES = [
  { path: '/demo/spa/', link: 'Overview', heading: 'Overview' },
  { path: '/demo/spa/playground', link: 'Playground', heading: 'Moderation playground' },
  { path: '/demo/spa/video', link: 'Video', heading: 'Video' },
  { path: '/demo/spa/settings', link: 'Privacy settings', heading: 'Privacy settings' },
];
const SHOTS = new URL('./screenshots/', import.meta.url).pathname;

type W = Window & {
  kestrelConsole: { consent: { get(): { categories: Record<string, boolean> }; hasService(k: string): boolean } };
  kestrelAnalytics?: { event: string; page?: string }[];
  __noReload?: boolean;
};
const evalW = <T>(page: Page, fn: (w: W) => T): Promise<T> => page.evaluate(`(${fn.toString()})(window)`) as Promise<T>;
const banner = (page: Page) => page.getByRole('region', { name: /cookie/i });
const nav = (page: Page) => page.getByRole('navigation', { name: 'App' });
/** Event names in the log, oldest first. */
const logged = async (page: Page) => (await page.locator('#log li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-event')))).reverse();

function problems(messages: { type: string; text: string }[]): string[] {
  return messages.filter((m) => m.type === 'error' || (m.type === 'warning' && m.text.includes('[consent-gate]'))).map((m) => `${m.type}: ${m.text}`);
}

test.describe('SPA demo', () => {
  test('routes render client-side; the log shows ready, show, consent, record, hide', async ({ page, network, pageErrors, consoleMessages }) => {
    await page.goto('/demo/spa/');
    await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
    await expect(banner(page)).toBeVisible();
    expect(await logged(page)).toEqual(['ready', 'show']);
    await evalW(page, (w) => (w.__noReload = true));

    // Every route before a decision: the banner stays, nothing gated runs.
    for (const r of ROUTES) {
      await nav(page).getByRole('link', { name: r.link }).click();
      await expect(page).toHaveURL(r.path);
      await expect(page.getByRole('heading', { level: 1, name: r.heading })).toBeVisible();
      await expect(nav(page).getByRole('link', { name: r.link })).toHaveAttribute('aria-current', 'page');
    }
    expect(await evalW(page, (w) => w.__noReload)).toBe(true);
    expect(await evalW(page, (w) => w.kestrelAnalytics)).toBeUndefined();

    await banner(page).getByRole('button', { name: 'Accept all', exact: true }).click();
    await expect(banner(page)).toBeHidden();
    await expect.poll(() => logged(page)).toEqual(['ready', 'show', 'consent', 'record', 'hide']);
    await expect(page.locator('#log li[data-event="consent"]')).toContainText('first decision: necessary, analytics, marketing');

    // Analytics loads once granted (loadScript) and sends a page_view per route change.
    await page.waitForFunction(() => ((window as unknown as W).kestrelAnalytics || []).some((h) => h.event === 'page_view'));
    await nav(page).getByRole('link', { name: 'Playground' }).click();
    await expect
      .poll(() => evalW(page, (w) => (w.kestrelAnalytics || []).filter((h) => h.event === 'page_view').map((h) => h.page)))
      .toEqual(['/demo/spa/settings', '/demo/spa/playground']);

    // Back button: history routing.
    await page.goBack();
    await expect(page).toHaveURL('/demo/spa/settings');
    await expect(page.getByRole('heading', { level: 1, name: 'Privacy settings' })).toBeVisible();
    expect(await evalW(page, (w) => w.__noReload)).toBe(true);

    expect(network.external).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(problems(consoleMessages)).toEqual([]);
  });

  for (const r of ROUTES.slice(1)) {
    test(`deep link ${r.path} opens its route and Reject all works there`, async ({ page, network, pageErrors, consoleMessages }) => {
      await page.goto(r.path);
      await expect(page).toHaveURL(r.path);
      await expect(page.getByRole('heading', { level: 1, name: r.heading })).toBeVisible();
      await banner(page).getByRole('button', { name: 'Reject all', exact: true }).click();
      await expect(banner(page)).toBeHidden();
      await expect.poll(() => logged(page)).toEqual(['ready', 'show', 'consent', 'record', 'hide']);
      expect(await evalW(page, (w) => w.kestrelConsole.consent.get().categories)).toEqual({ necessary: true, analytics: false, marketing: false });
      await page.reload();
      await expect(page.getByRole('heading', { level: 1, name: r.heading })).toBeVisible();
      await expect(banner(page)).toHaveCount(0);
      await expect(page.locator('#log li[data-event="ready"]')).toContainText('stored choice restored (necessary)');
      expect(network.external).toEqual([]);
      expect(pageErrors).toEqual([]);
      expect(problems(consoleMessages)).toEqual([]);
    });
  }

  test('video route: an embed added by the router loads once marketing is allowed', async ({ page, network }) => {
    await page.goto('/demo/spa/video');
    await banner(page).getByRole('button', { name: 'Reject all', exact: true }).click();
    const frame = page.locator('iframe[data-consent="marketing"]');
    await expect(frame).toBeAttached();
    expect(await frame.getAttribute('src')).toBeNull();
    await page.getByRole('button', { name: 'Allow marketing and load video' }).click();
    await expect(page.locator('iframe[data-consent="marketing"]')).toHaveAttribute('src', /youtube-embed\.html#aqz-KE-bpKQ/);
    // The banner was already closed: change and record, no second hide.
    await expect(page.locator('#log li').first()).toHaveAttribute('data-event', 'record');
    await expect(page.locator('#log li[data-event="change"]')).toContainText('changed marketing, youtube');
    expect(network.external).toEqual([]);
  });

  test('settings route: own controls change consent; Forget my choice asks again', async ({ page }) => {
    await page.goto('/demo/spa/settings');
    await banner(page).getByRole('button', { name: 'Reject all', exact: true }).click();
    await page.getByLabel('Analytics').check();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.locator('#log li[data-event="change"]')).toContainText('changed analytics, ga4');
    await expect(page.locator('#snapshot')).toContainText('"analytics": true');
    expect(await evalW(page, (w) => w.kestrelConsole.consent.hasService('ga4'))).toBe(true);
    await page.getByRole('button', { name: 'Forget my choice' }).click();
    await expect(banner(page)).toBeVisible();
    await expect(page.getByLabel('Analytics')).not.toBeChecked();
  });

  test('screenshot: SPA with event log', async ({ page }) => {
    mkdirSync(SHOTS, { recursive: true });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('/demo/spa/settings');
    await banner(page).getByRole('button', { name: 'Accept all', exact: true }).click();
    await page.getByLabel('Marketing').uncheck();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.locator('#log li[data-event="change"]')).toBeVisible();
    await page.screenshot({ path: `${SHOTS}spa-event-log.png` });
  });
});
