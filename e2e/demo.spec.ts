import { test, expect, cookieNames, expectCookiesGone, ready } from './fixtures';
import type { Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';

/**
 * The demo site (demo/*.html): every page loads without an error or a request leaving the
 * machine, and the consent flow works on each. Third-party scripts are the local stand-ins
 * in demo/vendor/ unless a test asks for `?live`.
 */

const PAGES = ['/demo/', '/demo/pricing.html', '/demo/signin.html', '/demo/docs.html', '/demo/privacy.html'];
/** Cookies declared as strictly necessary in demo/consent-config.js. */
const NECESSARY = ['__stripe_mid', '__stripe_sid', 'consent_gate', 'g_state', 'kestrel_csrf', 'kestrel_session', 'ts'];
const SHOTS = new URL('./screenshots/', import.meta.url).pathname;

type W = Window & {
  ConsentGate: { instance: { set(c: object, s?: object): void; get(): { decided: boolean; categories: Record<string, boolean> }; showPreferences(): void } };
  kestrelAnalytics?: { event: string; page: string; cookies?: boolean }[];
};
const evalW = <T>(page: Page, fn: (w: W) => T): Promise<T> => page.evaluate(`(${fn.toString()})(window)`) as Promise<T>;

const banner = (page: Page) => page.getByRole('region', { name: /cookie/i });
const click = (page: Page, name: string) => banner(page).getByRole('button', { name, exact: true }).click();

/** Console errors and consent-gate warnings (a demo config must be clean). */
function problems(messages: { type: string; text: string }[]): string[] {
  return messages.filter((m) => m.type === 'error' || (m.type === 'warning' && m.text.includes('[consent-gate]'))).map((m) => `${m.type}: ${m.text}`);
}

test.describe('demo site pages', () => {
  for (const path of PAGES) {
    test(`${path}: nothing before consent, everything after Accept all`, async ({ page, network, pageErrors, consoleMessages }) => {
      await page.goto(path);
      await expect(banner(page)).toBeVisible();
      await page.waitForLoadState('load');
      expect(await evalW(page, (w) => w.kestrelAnalytics)).toBeUndefined();
      expect((await cookieNames(page)).filter((n) => !NECESSARY.includes(n))).toEqual([]);
      expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);

      await click(page, 'Accept all');
      await expect(banner(page)).toBeHidden();
      // Google Analytics (the gtag stand-in) ran after consent and set its cookies.
      await page.waitForFunction(() => ((window as unknown as W).kestrelAnalytics || []).some((h) => h.event === 'page_view'));
      expect(await cookieNames(page)).toEqual(expect.arrayContaining(['_ga', '_ga_KESTREL01', 'consent_gate']));
      await expect(page.locator('#consent-status')).toContainText('Analytics on');

      // Reload: the choice is restored, no banner, GA runs again.
      await page.reload();
      await ready(page);
      await page.waitForFunction(() => ((window as unknown as W).kestrelAnalytics || []).length > 0);
      await expect(banner(page)).toHaveCount(0);

      expect(network.external).toEqual([]);
      expect(pageErrors).toEqual([]);
      expect(problems(consoleMessages)).toEqual([]);
    });
  }

  test('Reject all: no analytics, no video, no chat, also after reload', async ({ page, network, pageErrors, consoleMessages }) => {
    await page.goto('/demo/docs.html');
    await click(page, 'Reject all');
    await expect(banner(page)).toBeHidden();
    await page.reload();
    await ready(page);
    await page.waitForLoadState('load');
    await expect(banner(page)).toHaveCount(0);
    await page.waitForTimeout(200);
    expect(await evalW(page, (w) => w.kestrelAnalytics)).toBeUndefined();
    expect(await page.locator('iframe[data-consent]').getAttribute('src')).toBeNull();
    await expect(page.locator('.chat-launcher')).toHaveCount(0);
    expect(await cookieNames(page)).toEqual(['consent_gate']);
    await expect(page.locator('#consent-status')).toContainText('Analytics off');
    expect(network.external).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(problems(consoleMessages)).toEqual([]);
  });

  test('docs: the video placeholder and chat load on consent; withdrawal deletes their storage', async ({ page, network, pageErrors }) => {
    await page.goto('/demo/docs.html');
    const frame = page.locator('iframe[data-consent="marketing"]');
    await expect(page.getByRole('button', { name: 'Allow marketing and load video' })).toBeVisible();
    await page.getByRole('button', { name: 'Allow marketing and load video' }).click();
    await expect(frame).toHaveAttribute('src', '/demo/vendor/youtube-embed.html#aqz-KE-bpKQ');
    await expect(page.getByRole('button', { name: 'Allow marketing and load video' })).toBeHidden();
    expect(await evalW(page, (w) => w.ConsentGate.instance.get().categories)).toEqual({
      necessary: true,
      preferences: false,
      analytics: false,
      marketing: true,
    });
    await expect(page.locator('.chat-launcher')).toHaveCount(0);

    await page.getByRole('button', { name: 'Allow preferences and start chat' }).click();
    await page.getByRole('button', { name: 'Chat with support' }).click();
    await expect(page.getByRole('region', { name: 'Support chat' })).toBeVisible();
    expect(await page.evaluate(() => localStorage.getItem('helpdock-visitor'))).toMatch(/^v-/);
    expect(await cookieNames(page)).toContain('hd_session');

    // Withdraw preferences: the chat's cookie and localStorage key are deleted.
    await evalW(page, (w) => w.ConsentGate.instance.set({ preferences: false }));
    expect(await page.evaluate(() => localStorage.getItem('helpdock-visitor'))).toBeNull();
    await expectCookiesGone(page, ['hd_session']);
    expect(network.external).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  test('withdrawing analytics deletes the _ga cookies', async ({ page }) => {
    await page.goto('/demo/');
    await click(page, 'Accept all');
    await page.waitForFunction(() => !!(window as unknown as W).kestrelAnalytics);
    expect(await cookieNames(page)).toEqual(expect.arrayContaining(['_ga', '_ga_KESTREL01']));
    await evalW(page, (w) => w.ConsentGate.instance.set({ analytics: false }));
    await expectCookiesGone(page, (name) => name.startsWith('_ga'));
  });

  test('theme is remembered only with preferences consent', async ({ page }) => {
    await page.goto('/demo/');
    await click(page, 'Reject all');
    await page.getByRole('button', { name: 'Dark mode' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(await page.evaluate(() => localStorage.getItem('kestrel-theme'))).toBeNull();
    await evalW(page, (w) => w.ConsentGate.instance.set({ preferences: true }));
    await page.getByRole('button', { name: 'Light mode' }).click();
    await page.getByRole('button', { name: 'Dark mode' }).click();
    expect(await page.evaluate(() => localStorage.getItem('kestrel-theme'))).toBe('dark');
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    // Withdrawal deletes the stored theme (services['site-preferences'].storageKeys).
    await evalW(page, (w) => w.ConsentGate.instance.set({ preferences: false }));
    expect(await page.evaluate(() => localStorage.getItem('kestrel-theme'))).toBeNull();
  });

  test('pricing: Stripe and PayPal checkout work before any cookie decision', async ({ page, network }) => {
    await page.goto('/demo/pricing.html');
    await expect(banner(page)).toBeVisible();
    await page.getByRole('button', { name: 'Pay with card' }).first().click();
    await expect(page.getByRole('dialog', { name: /Stripe Checkout/ })).toContainText('price_pro_monthly');
    await page.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'Pay with PayPal' }).nth(1).click();
    await expect(page.getByRole('dialog', { name: /PayPal/ })).toContainText('ORDER-price_team_monthly');
    await page.getByRole('button', { name: 'Close' }).click();
    await expect(page.getByRole('status')).toHaveText('PayPal approved ORDER-price_team_monthly.');
    expect(await cookieNames(page)).toEqual(['__stripe_mid']);
    expect(network.external).toEqual([]);
  });

  test('sign-in: Google, GitHub and Apple work before any cookie decision', async ({ page, network }) => {
    await page.goto('/demo/signin.html');
    for (const provider of ['Google', 'GitHub', 'Apple']) {
      await page.getByRole('button', { name: `Sign in with ${provider}` }).click();
      await expect(page.getByRole('dialog', { name: new RegExp(provider) })).toBeVisible();
      await page.getByRole('button', { name: 'Close' }).click();
      await expect(page.getByRole('status')).toHaveText(`Signed in with ${provider} (demo).`);
    }
    expect(network.external).toEqual([]);
  });

  test('privacy policy: the cookie table is generated from the config and follows the choice', async ({ page }) => {
    await page.goto('/demo/privacy.html');
    await expect(page.getByText('Updated: December 4th, 2023')).toBeVisible();
    const tables = page.locator('#cookie-tables table');
    await expect(tables).toHaveCount(4);
    const config = (await page.evaluate(() => {
      const c = (window as unknown as { consentGateConfig: { services: Record<string, { cookies?: ({ name: unknown } | string)[] }> } }).consentGateConfig;
      return Object.keys(c.services);
    })) as string[];
    for (const key of config) await expect(page.locator(`#cookie-tables tr[data-service="${key}"]`).first()).toBeAttached();
    const analytics = page.locator('[data-category="analytics"]');
    await expect(analytics.locator('tbody th')).toHaveText(['_ga', '_ga_*']);
    await expect(analytics.locator('.badge')).toHaveText('Not allowed');
    await expect(page.locator('[data-category="necessary"] tr[data-service="consent-gate"]')).toContainText('consent_gate');
    await expect(page.locator('[data-category="necessary"] tr[data-service="moderation"]')).toContainText('stores nothing in your browser');
    await expect(page.locator('#your-choice')).toContainText('not made a cookie choice');
    await click(page, 'Accept all');
    await expect(analytics.locator('.badge')).toHaveText('Allowed');
    await expect(page.locator('#your-choice')).toContainText('consent id');
    // Withdrawing is as easy: the page's own button (data-consent-open) opens the dialog with the stored state.
    await page.getByRole('button', { name: 'Change cookie settings' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('switch', { name: 'Analytics' })).toBeChecked();
    await dialog.getByRole('button', { name: 'Reject all', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(analytics.locator('.badge')).toHaveText('Not allowed');
    await expect(page.locator('#consent-status')).toContainText('Analytics off');
  });

  test('?live: real vendor URLs, requested only after consent and only for gated services', async ({ page, network, pageErrors }) => {
    await page.goto('/demo/docs.html?live');
    await page.waitForLoadState('load');
    expect(network.external).toEqual([]);
    await click(page, 'Accept all');
    await expect(page.locator('iframe[data-consent]')).toHaveAttribute('src', /^https:\/\/www\.youtube-nocookie\.com\/embed\//);
    await expect.poll(() => network.to(/googletagmanager\.com\/gtag\/js/).length).toBe(1);
    await expect.poll(() => network.to(/helpdock\.example/).length).toBe(1);
    // Only the hosts of gated services, and the collect beacon of the (stubbed) real gtag.js.
    for (const url of network.external)
      expect(new URL(url).hostname).toMatch(/^(www\.googletagmanager\.com|www\.google-analytics\.com|www\.youtube-nocookie\.com|widget\.helpdock\.example)$/);
    expect(pageErrors).toEqual([]);
  });

  test('screenshots: home with banner, preferences dialog', async ({ page }) => {
    mkdirSync(SHOTS, { recursive: true });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('/demo/');
    await expect(banner(page)).toBeVisible();
    await page.waitForLoadState('load');
    await page.screenshot({ path: `${SHOTS}demo-home-banner.png` });
    await banner(page).getByRole('button', { name: 'Manage preferences', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await dialog.getByText('Services and cookies').nth(2).click();
    await page.screenshot({ path: `${SHOTS}demo-preferences-dialog.png` });
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto('/demo/pricing.html');
    await page.waitForLoadState('load');
    await page.screenshot({ path: `${SHOTS}demo-pricing-mobile.png` });
  });
});
