import { test, expect, ready } from './fixtures';
import type { Page } from '@playwright/test';

// What loads when (docs/architecture.md, "What loads when"): the engine on every page view,
// the banner with it, and the preferences dialog (consent-gate.ui.js) only when it opens.
const PAGE = '/e2e/pages/basic.html';
const UI_FILE = /\/dist\/consent-gate\.ui\.js$/;
const GTAG = /googletagmanager\.com\/gtag\/js/;

type W = Window & { ConsentGate: { instance: { acceptAll(): void; has(key: string): boolean } }; __inlineRuns?: number };
const evalW = <T>(page: Page, fn: (w: W) => T): Promise<T> => page.evaluate(`(${fn.toString()})(window)`) as Promise<T>;
const banner = (page: Page) => page.getByRole('region', { name: /cookie/i });
const dialog = (page: Page) => page.getByRole('dialog');

test('first visit: the banner shows without the dialog file; opening the preferences fetches it once', async ({ page, network }) => {
  await page.goto(PAGE);
  await expect(banner(page)).toBeVisible();
  expect(network.all.filter((url) => UI_FILE.test(url))).toEqual([]);
  await banner(page).getByRole('button', { name: 'Manage preferences' }).click();
  await expect(dialog(page)).toBeVisible();
  await dialog(page).getByRole('button', { name: 'Close' }).click();
  await banner(page).getByRole('button', { name: 'Manage preferences' }).click();
  await expect(dialog(page)).toBeVisible();
  expect(network.all.filter((url) => UI_FILE.test(url))).toHaveLength(1);
});

test("returning visit with floatingButton off: nothing is drawn; the page's own link still opens the dialog", async ({ page, network }) => {
  await page.goto('/e2e/pages/ui.html?fab=0');
  await banner(page).getByRole('button', { name: 'Accept all' }).click();
  await page.reload();
  await ready(page);
  await page.waitForLoadState('load');
  // No host element, so no shadow root and no stylesheet on this page view.
  await expect(page.locator('consent-gate')).toHaveCount(0);
  expect(network.all.filter((url) => UI_FILE.test(url))).toEqual([]);
  await page.getByRole('button', { name: 'Privacy choices' }).click();
  await expect(dialog(page)).toBeVisible();
  await expect(dialog(page).getByRole('switch', { name: 'Analytics', exact: true })).toBeChecked();
  await dialog(page).getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('button', { name: 'Privacy choices' })).toBeFocused();
});

test('returning visit: the dialog file is not requested; it is when the visitor opens the preferences', async ({ page, network }) => {
  await page.goto(PAGE);
  await banner(page).getByRole('button', { name: 'Accept all' }).click();
  await page.reload();
  await ready(page);
  await page.waitForFunction(() => (window as unknown as W).__inlineRuns === 1);
  expect(network.to(GTAG)).toHaveLength(2);
  await expect(banner(page)).toHaveCount(0);
  const before = network.all.length;
  // The floating button is the engine's own: no second file for it either.
  const settings = page.locator('consent-gate').getByRole('button', { name: 'Cookie settings' });
  await expect(settings).toBeVisible();
  expect(network.all.filter((url) => UI_FILE.test(url))).toEqual([]);
  await settings.click();
  await expect(dialog(page)).toBeVisible();
  await expect(dialog(page).getByRole('switch', { name: 'Analytics', exact: true })).toBeChecked();
  expect(network.all.slice(before).filter((url) => UI_FILE.test(url))).toHaveLength(1);
});

test('the dialog file failing to load: the console names its URL, nothing non-essential runs, acceptAll() still works', async ({
  page,
  network,
  consoleMessages,
  pageErrors,
}) => {
  await page.route(UI_FILE, (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto(PAGE);
  await banner(page).getByRole('button', { name: 'Manage preferences' }).click();
  await expect.poll(() => consoleMessages.filter((m) => m.type === 'error' && m.text.includes('/dist/consent-gate.ui.js')).length).toBe(1);
  await expect(dialog(page)).toHaveCount(0);
  // Still undecided, still gated: no tag requested, no gated script run, only the consent cookie may exist later.
  expect(network.to(GTAG)).toEqual([]);
  expect(await evalW(page, (w) => w.__inlineRuns)).toBeUndefined();
  expect((await page.context().cookies()).map((c) => c.name)).toEqual([]);
  await expect(banner(page)).toBeVisible();
  await evalW(page, (w) => w.ConsentGate.instance.acceptAll());
  await page.waitForFunction(() => (window as unknown as W).__inlineRuns === 1);
  expect(network.to(GTAG)).toHaveLength(1);
  expect(pageErrors).toEqual([]);
});

test('a changed copy of the dialog file (its SRI hash no longer matches) never runs', async ({ page, network, consoleMessages }) => {
  await page.route(UI_FILE, async (route) => {
    const response = await route.fetch();
    const tampered = (await response.text()) + '\nwindow.__tampered = true;';
    await route.fulfill({ response, body: tampered });
  });
  await page.goto(PAGE);
  await banner(page).getByRole('button', { name: 'Manage preferences' }).click();
  await expect.poll(() => consoleMessages.filter((m) => m.type === 'error' && m.text.includes('/dist/consent-gate.ui.js')).length).toBeGreaterThan(0);
  expect(await page.evaluate(() => (window as unknown as { __tampered?: boolean }).__tampered)).toBeUndefined();
  await expect(dialog(page)).toHaveCount(0);
  expect(network.to(GTAG)).toEqual([]);
});
