import { test, expect, cookieNames } from './fixtures';
import type { Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';

/**
 * The configurator (demo/configurator/): the preview follows the form, and the snippet it
 * writes works when pasted into a blank page, for Accept all and Reject all alike.
 */

const SHOTS = new URL('./screenshots/', import.meta.url).pathname;
const DIST = new URL('../dist/', import.meta.url);
const preview = (page: Page) => page.frameLocator('#preview');
const previewBanner = (page: Page) => preview(page).getByRole('region', { name: /cookie/i });
const snippet = (page: Page) => page.locator('#snippet').textContent() as Promise<string>;

function problems(messages: { type: string; text: string }[]): string[] {
  return messages.filter((m) => m.type === 'error' || (m.type === 'warning' && m.text.includes('[consent-gate]'))).map((m) => `${m.type}: ${m.text}`);
}

/** Set up the configurator as a site owner would: bar at the top, dark, a brand colour, GA + YouTube. */
async function configure(page: Page) {
  await page.goto('/demo/configurator/');
  await expect(previewBanner(page)).toBeVisible();
  await page.getByLabel('Layout').selectOption('bar');
  await page.getByLabel('Position').selectOption('top');
  await page.getByLabel('Theme').selectOption('dark');
  await page.getByLabel('Button colour').fill('#7c3aed');
  await page.getByLabel('Preferences').check();
  await page.getByLabel('Meta Pixel').check();
  await expect(page.locator('#snippet')).toContainText('"meta-pixel": "meta-pixel"');
  await expect(page.locator('#preview')).toHaveAttribute('data-loaded', /meta-pixel/);
}

/** Serve the snippet as the <head> of a blank page; the CDN URLs answer with the local build. */
async function pasteIntoBlankPage(page: Page, code: string) {
  await page.route(/^https:\/\/cdn\.jsdelivr\.net\/npm\/consent-gate@[^/]+\/dist\/(consent-gate(\.catalogue|\.embeds)?\.js)$/, (route) => {
    const file = /dist\/(.+)$/.exec(route.request().url())![1]!;
    return route.fulfill({ status: 200, contentType: 'text/javascript', body: readFileSync(new URL(file, DIST), 'utf8') });
  });
  await page.route('**/e2e/pages/docs-configurator-blank.html', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html',
      body: `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Blank page</title>
${code}
<script type="text/plain" data-consent="analytics" data-service="google-analytics">window.__analyticsRan = true;</script>
<script type="text/plain" data-consent="!analytics">window.__refusedRan = true;</script>
</head>
<body>
<h1>A blank page</h1>
<iframe title="Video" data-consent="marketing" data-service="youtube" data-src="https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ" width="320" height="180"></iframe>
</body>
</html>`,
    }),
  );
  await page.goto('/e2e/pages/docs-configurator-blank.html');
}

test.describe('configurator', () => {
  test('the preview follows the form', async ({ page, pageErrors, consoleMessages, network }) => {
    await page.goto('/demo/configurator/');
    await expect(previewBanner(page)).toBeVisible();
    // Default: a box.
    await expect(preview(page).locator('[part="banner"]')).not.toHaveClass(/cg-bar/);
    await page.getByLabel('Layout').selectOption('bar');
    await expect(preview(page).locator('[part="banner"]')).toHaveClass(/cg-bar/);
    await page.getByLabel('Theme').selectOption('dark');
    await expect(preview(page).locator('consent-gate')).toHaveAttribute('data-theme', 'dark');
    await page.getByLabel('Button colour').fill('#7c3aed');
    // The preview reloads with the new settings; read its style once that frame has loaded.
    await expect(page.locator('#preview')).toHaveAttribute('data-loaded', /7c3aed/);
    await expect
      .poll(() =>
        preview(page)
          .locator('consent-gate')
          .evaluate((el) => getComputedStyle(el).getPropertyValue('--cg-accent').trim()),
      )
      .toBe('#7c3aed');
    await expect(page.locator('#contrast-note')).toContainText('Button text contrast');
    // Choosing a marketing service switches marketing on; the dialog lists the service.
    await page.getByLabel('Marketing', { exact: true }).uncheck();
    await page.getByLabel('Meta Pixel').check();
    await expect(page.getByLabel('Marketing', { exact: true })).toBeChecked();
    await expect(page.locator('#preview')).toHaveAttribute('data-loaded', /meta-pixel/);
    await previewBanner(page).getByRole('button', { name: 'Manage preferences', exact: true }).click();
    await expect(preview(page).getByRole('dialog')).toContainText('Meta Pixel');
    // Accepting in the preview is forgotten on the next change.
    await preview(page).getByRole('dialog').getByRole('button', { name: 'Accept all', exact: true }).click();
    await expect(previewBanner(page)).toBeHidden();
    await page.getByLabel('Layout').selectOption('cloud');
    await expect(preview(page).locator('[part="banner"]')).toHaveClass(/cg-cloud/);
    expect(await page.context().cookies()).toEqual([]);
    expect(network.external).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(problems(consoleMessages)).toEqual([]);
  });

  test('Copy snippet puts the snippet on the clipboard', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await configure(page);
    await page.getByRole('button', { name: 'Copy snippet' }).click();
    await expect(page.getByRole('status')).toHaveText('Copied to the clipboard.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await snippet(page));
  });

  test('round trip: the snippet in a blank page, Accept all', async ({ page, pageErrors, consoleMessages }) => {
    await configure(page);
    const code = await snippet(page);
    expect(code).toContain('<script src="https://cdn.jsdelivr.net/npm/consent-gate@0.1.0/dist/consent-gate.js"></script>');
    await pasteIntoBlankPage(page, code);
    const banner = page.getByRole('region', { name: /cookie/i });
    await expect(banner).toBeVisible();
    await expect(page.locator('[part="banner"]')).toHaveClass(/cg-bar/);
    await expect(page.locator('[part="banner"]')).toHaveClass(/cg-top/);
    await expect(page.locator('consent-gate')).toHaveAttribute('data-theme', 'dark');
    expect(await page.locator('consent-gate').evaluate((el) => getComputedStyle(el).getPropertyValue('--cg-accent').trim())).toBe('#7c3aed');
    expect(await page.evaluate(() => (window as unknown as { __analyticsRan?: boolean }).__analyticsRan)).toBeUndefined();
    await banner.getByRole('button', { name: 'Accept all', exact: true }).click();
    await expect(banner).toBeHidden();
    await page.waitForFunction(() => (window as unknown as { __analyticsRan?: boolean }).__analyticsRan === true);
    await expect(page.locator('iframe[title="Video"]')).toHaveAttribute('src', /youtube-nocookie/);
    expect(await cookieNames(page)).toContain('consent_gate');
    const state = await page.evaluate(() =>
      (window as unknown as { ConsentGate: { instance: { get(): { categories: object; services: object } } } }).ConsentGate.instance.get(),
    );
    expect(state.categories).toEqual({ necessary: true, preferences: true, analytics: true, marketing: true });
    expect(state.services).toMatchObject({ 'google-analytics': true, youtube: true, 'meta-pixel': true });
    expect(pageErrors).toEqual([]);
    expect(problems(consoleMessages)).toEqual([]);
  });

  test('round trip: the snippet in a blank page, Reject all', async ({ page, network, pageErrors, consoleMessages }) => {
    await configure(page);
    const code = await snippet(page);
    await pasteIntoBlankPage(page, code);
    const banner = page.getByRole('region', { name: /cookie/i });
    await banner.getByRole('button', { name: 'Reject all', exact: true }).click();
    await expect(banner).toBeHidden();
    await page.waitForFunction(() => (window as unknown as { __refusedRan?: boolean }).__refusedRan === true);
    expect(await page.evaluate(() => (window as unknown as { __analyticsRan?: boolean }).__analyticsRan)).toBeUndefined();
    // The embed stays blocked behind its placeholder (consent-gate.embeds.js, added for YouTube).
    expect(await page.locator('iframe[title="Video"]').getAttribute('src')).toBeNull();
    await expect(page.getByText('This YouTube video is blocked until you allow Marketing cookies.')).toBeVisible();
    await page.reload();
    await expect(page.locator('h1')).toHaveText('A blank page');
    await expect(banner).toHaveCount(0);
    await page.waitForFunction(() => (window as unknown as { __refusedRan?: boolean }).__refusedRan === true);
    // Only the CDN script files (answered locally); no tracker host.
    for (const url of network.external) expect(url).toMatch(/^https:\/\/cdn\.jsdelivr\.net\//);
    expect(await cookieNames(page)).toEqual(['consent_gate']);
    expect(pageErrors).toEqual([]);
    expect(problems(consoleMessages)).toEqual([]);
  });

  test('screenshot: configurator', async ({ page }) => {
    mkdirSync(SHOTS, { recursive: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await configure(page);
    await page.getByLabel('Layout').selectOption('box');
    await page.getByLabel('Position').selectOption('bottom');
    await page.getByLabel('Theme').selectOption('light');
    await expect(previewBanner(page)).toBeVisible();
    await expect(preview(page).locator('[part="banner"]')).not.toHaveClass(/cg-bar/);
    await expect
      .poll(() =>
        preview(page)
          .locator('consent-gate')
          .evaluate((el) => getComputedStyle(el).getPropertyValue('--cg-accent').trim()),
      )
      .toBe('#7c3aed');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${SHOTS}configurator.png` });
  });
});
