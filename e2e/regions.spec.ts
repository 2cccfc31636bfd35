import type { Page } from '@playwright/test';
import { test, expect, ready } from './fixtures';

const PAGE = '/e2e/pages/regions.html';
const YOUTUBE = /youtube-nocookie\.com/;

type Snapshot = { decided: boolean; gpc: boolean; gpcConflict: boolean; region: string; rule: string; categories: Record<string, boolean> };
type W = Window & {
  ConsentGate: { instance: { get(): Snapshot; has(k: string): boolean; hasService(k: string): boolean; acceptAll(): void; showPreferences(): void } };
  __events: { name: string; detail: Record<string, unknown> }[];
  __analyticsRuns?: number;
  __marketingRuns?: number;
  __consentUpdates(): [string, Record<string, string>][];
};
const evalW = <T>(page: Page, fn: (w: W) => T): Promise<T> => page.evaluate(`(${fn.toString()})(window)`) as Promise<T>;
const banner = (page: Page) => page.locator('consent-gate').getByRole('region');
/** Global Privacy Control, on from the next page load once `sessionStorage.gpc` is set. */
const gpcFromStorage = (page: Page) =>
  page.addInitScript(() => {
    if (sessionStorage.getItem('gpc')) Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true });
  });
const gpcAlways = (page: Page) =>
  page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true }));

test.describe('Global Privacy Control after a grant (11 CCR §7025(c)(3))', () => {
  test('accept without GPC, reload with GPC: marketing refused, analytics kept, no marketing script or embed, no re-prompt; the dialog explains; an explicit grant stands across a reload', async ({
    page,
    network,
  }) => {
    await gpcFromStorage(page);
    await page.goto(`${PAGE}?region=DE`);
    await banner(page).getByRole('button', { name: 'Accept all', exact: true }).click();
    expect(await evalW(page, (w) => [w.__analyticsRuns, w.__marketingRuns])).toEqual([1, 1]);

    await page.evaluate(() => sessionStorage.setItem('gpc', '1'));
    const requestsBefore = network.all.length;
    await page.reload();
    await ready(page);
    expect(await evalW(page, (w) => w.ConsentGate.instance.get())).toMatchObject({
      decided: true,
      gpc: true,
      gpcConflict: true,
      categories: { analytics: true, marketing: false },
    });
    expect(await evalW(page, (w) => [w.ConsentGate.instance.has('marketing'), w.ConsentGate.instance.hasService('ads')])).toEqual([false, false]);
    expect(await evalW(page, (w) => [w.__analyticsRuns, w.__marketingRuns])).toEqual([1, undefined]);
    expect(network.all.slice(requestsBefore).filter((url) => YOUTUBE.test(url))).toEqual([]);
    await expect(page.locator('iframe[title="Video"]')).not.toHaveAttribute('src', /./);
    // Consent Mode is told: the restored state's update denies the three ad types.
    expect((await evalW(page, (w) => w.__consentUpdates())).at(-1)).toEqual([
      'update',
      expect.objectContaining({ analytics_storage: 'granted', ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied' }),
    ]);
    // No re-prompt: the visitor decided; the signal only narrows that decision.
    await page.waitForTimeout(300);
    await expect(banner(page)).toHaveCount(0);

    await evalW(page, (w) => w.ConsentGate.instance.showPreferences());
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('treated as withdrawn');
    await expect(dialog.getByRole('switch', { name: 'Marketing' })).not.toBeChecked();
    await dialog.getByRole('switch', { name: 'Marketing' }).check();
    await dialog.getByRole('button', { name: 'Save preferences' }).click();
    const receipt = await evalW(page, (w) => w.__events.filter((e) => e.name === 'record').at(-1)!.detail);
    expect(receipt).toMatchObject({ method: 'custom', gpc: true, categories: { marketing: true } });

    await page.reload();
    await ready(page);
    expect(await evalW(page, (w) => w.ConsentGate.instance.get())).toMatchObject({ gpc: true, gpcConflict: false, categories: { marketing: true } });
    expect(await evalW(page, (w) => w.__marketingRuns)).toBe(1);
  });

  test('a GPC visitor who decided is not asked again after a reload', async ({ page }) => {
    await gpcAlways(page);
    await page.goto(`${PAGE}?region=DE`);
    await banner(page).getByRole('button', { name: 'Reject all', exact: true }).click();
    await page.reload();
    await ready(page);
    await page.waitForTimeout(300);
    await expect(banner(page)).toHaveCount(0);
    expect(await evalW(page, (w) => w.__events.filter((e) => e.name === 'show'))).toEqual([]);
  });
});

test.describe('regions', () => {
  test('opt-out (US-CA): no banner, a "Your Privacy Choices" control with the icon, categories on until refused', async ({ page }) => {
    await page.goto(`${PAGE}?region=US-CA`);
    await ready(page);
    const choices = page.locator('consent-gate').getByRole('button', { name: 'Your Privacy Choices' });
    await expect(choices).toBeVisible();
    await expect(choices.locator('svg')).toHaveCount(1);
    await expect(banner(page)).toHaveCount(0);
    expect(await evalW(page, (w) => w.ConsentGate.instance.get())).toMatchObject({
      decided: false,
      region: 'US-CA',
      rule: 'opt-out',
      categories: { analytics: true, marketing: true },
    });
    expect(await evalW(page, (w) => [w.__analyticsRuns, w.__marketingRuns])).toEqual([1, 1]);
    await choices.click();
    await expect(page.getByRole('dialog')).toBeVisible();
  });

  test('opt-out with GPC: sale/sharing refused with no click, and Consent Mode defaults say so', async ({ page, network }) => {
    await gpcAlways(page);
    await page.goto(`${PAGE}?region=US-CA`);
    await ready(page);
    expect(await evalW(page, (w) => w.ConsentGate.instance.get())).toMatchObject({
      gpc: true,
      rule: 'opt-out',
      categories: { analytics: true, marketing: false },
    });
    expect(await evalW(page, (w) => [w.__analyticsRuns, w.__marketingRuns])).toEqual([1, undefined]);
    expect(network.to(YOUTUBE)).toEqual([]);
    expect((await evalW(page, (w) => w.__consentUpdates()))[0]).toEqual([
      'default',
      expect.objectContaining({ analytics_storage: 'granted', ad_storage: 'denied' }),
    ]);
    await expect(banner(page)).toHaveCount(0);
  });

  test('notice (GB): exempt analytics runs after the notice, marketing waits; Reject all objects, and it stays off', async ({ page }) => {
    await page.goto(`${PAGE}?region=GB&exempt=1`);
    await expect(banner(page)).toBeVisible();
    expect(await evalW(page, (w) => [w.__analyticsRuns, w.__marketingRuns])).toEqual([1, undefined]);
    expect(await evalW(page, (w) => w.ConsentGate.instance.get())).toMatchObject({ rule: 'notice', categories: { analytics: true, marketing: false } });
    await banner(page).getByRole('button', { name: 'Reject all', exact: true }).click();
    const receipt = await evalW(page, (w) => w.__events.find((e) => e.name === 'record')!.detail);
    expect(receipt).toMatchObject({ method: 'reject_all', region: 'GB', rule: 'notice', categories: { analytics: false, marketing: false } });
    await page.reload();
    await ready(page);
    expect(await evalW(page, (w) => [w.__analyticsRuns, w.ConsentGate.instance.has('analytics')])).toEqual([undefined, false]);
  });

  test('an unknown region, and no region at all, fall back to the strictest rule configured (opt-in)', async ({ page }) => {
    for (const query of ['region=BR', '']) {
      await page.goto(`${PAGE}?${query}`);
      await expect(banner(page)).toBeVisible();
      expect(await evalW(page, (w) => w.ConsentGate.instance.get())).toMatchObject({ rule: 'opt-in', categories: { analytics: false, marketing: false } });
      expect(await evalW(page, (w) => [w.__analyticsRuns, w.__marketingRuns])).toEqual([undefined, undefined]);
    }
  });

  for (const header of ['US-CA', '']) {
    test(`the host names the region: ${header ? 'the Consent-Gate-Region header of the data-config response' : "the script tag's data-region"}`, async ({
      page,
    }) => {
      await page.route('**/e2e/pages/regions-config.json', (route) =>
        route.fulfill({
          contentType: 'application/json',
          headers: header ? { 'Consent-Gate-Region': header } : {},
          body: JSON.stringify({ regions: { 'US-CA': 'opt-out', '*': 'opt-in' }, categories: { necessary: { required: true }, marketing: {} } }),
        }),
      );
      await page.goto('/e2e/pages/regions-data-config.html');
      await ready(page);
      expect(await evalW(page, (w) => w.ConsentGate.instance.get())).toMatchObject(
        header ? { region: 'US-CA', rule: 'opt-out' } : { region: 'GB', rule: 'opt-in' },
      );
    });
  }
});
