import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { test, expect, ready } from './fixtures';

const PAGE = '/e2e/pages/ui.html';
const GTAG = /googletagmanager\.com\/gtag\/js/;
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

type W = Window & {
  ConsentGate: {
    instance: {
      get(): { decided: boolean; categories: Record<string, boolean> };
      has(k: string): boolean;
      setLanguage(c: string): void;
      set(c: object): void;
      rejectAll(): void;
    };
  };
  __events: string[];
  __analyticsRuns?: number;
  __violations?: string[];
  __xss?: number;
  __cls?: number;
  __atDCL?: boolean;
};
const evalW = <T>(page: Page, fn: (w: W) => T): Promise<T> => page.evaluate(`(${fn.toString()})(window)`) as Promise<T>;

/** The banner, found as the contract says, or by role in any language. */
const banner = (page: Page) => page.getByRole('region', { name: /cookie/i });
const region = (page: Page) => page.locator('consent-gate').getByRole('region');
const dialog = (page: Page) => page.getByRole('dialog');
const button = (scope: Locator, name: string) => scope.getByRole('button', { name, exact: true });

/** What has focus, looking into shadow roots. */
const focused = (page: Page) =>
  page.evaluate(() => {
    let a = document.activeElement;
    while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
    return {
      id: a?.id || '',
      text: (a?.getAttribute('aria-label') || a?.textContent || '').trim(),
      role: a?.getAttribute('role') || a?.tagName.toLowerCase() || '',
      inBanner: !!a?.closest('section'),
      inDialog: !!a?.closest('dialog'),
    };
  });

/** Press Tab until `pred` holds for the focused element; fail after `max` presses. */
async function tabTo(page: Page, pred: (f: Awaited<ReturnType<typeof focused>>) => boolean, max = 20) {
  for (let n = 0; n < max; n++) {
    if (pred(await focused(page))) return n;
    await page.keyboard.press('Tab');
  }
  throw new Error(`focus never reached the target; last: ${JSON.stringify(await focused(page))}`);
}

async function axe(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(TAGS).include('consent-gate').analyze();
  expect(result.passes.length).toBeGreaterThan(5); // the shadow root was really scanned
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary}`).join('; ')}`);
}

test.describe('axe-core, zero violations, with screenshots', () => {
  for (const theme of ['light', 'dark'])
    for (const width of [1280, 320])
      for (const lang of ['en', 'ar']) {
        const name = `${theme}-${width}-${lang}`;
        test(name, async ({ page, pageErrors }) => {
          await page.setViewportSize({ width, height: width > 400 ? 800 : 640 });
          await page.emulateMedia({ colorScheme: theme === 'dark' ? 'dark' : 'light' });
          await page.goto(`${PAGE}?theme=${theme}&lang=${lang}`);
          await expect(region(page)).toBeVisible();
          expect(await page.locator('consent-gate .cg-r').getAttribute('dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
          expect(await axe(page)).toEqual([]);
          await page.screenshot({ path: `e2e/screenshots/banner-${name}.png` });
          await region(page).getByRole('button').last().click();
          await expect(dialog(page)).toBeVisible();
          await dialog(page).locator('details').nth(1).locator('summary').click();
          expect(await axe(page)).toEqual([]);
          await page.screenshot({ path: `e2e/screenshots/dialog-${name}.png` });
          expect(pageErrors).toEqual([]);
        });
      }
  test('auto theme follows prefers-color-scheme', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`${PAGE}?theme=auto`);
    const bg = () => region(page).evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(await bg()).toBe('rgb(31, 35, 40)');
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await bg()).toBe('rgb(255, 255, 255)');
    expect(await axe(page)).toEqual([]);
  });
});

test('keyboard only: banner within 2 Tabs, Analytics on, save, analytics runs', async ({ page, network }) => {
  await page.goto(PAGE);
  await expect(banner(page)).toBeVisible();
  expect(await tabTo(page, (f) => f.inBanner, 3)).toBeLessThanOrEqual(2);
  await tabTo(page, (f) => f.text === 'Manage preferences', 6);
  await page.keyboard.press('Enter');
  await expect(dialog(page)).toBeVisible();
  expect((await focused(page)).inDialog).toBe(true);
  await tabTo(page, (f) => f.id === 'cg-c-analytics');
  await page.keyboard.press('Space');
  await expect(dialog(page).getByRole('switch', { name: 'Analytics', exact: true })).toBeChecked();
  await tabTo(page, (f) => f.text === 'Save preferences');
  await page.keyboard.press('Enter');
  await expect(dialog(page)).toBeHidden();
  await expect(banner(page)).toBeHidden();
  await page.waitForFunction(() => (window as unknown as W).__analyticsRuns === 1);
  expect(network.to(GTAG)).toHaveLength(1);
  expect(await evalW(page, (w) => w.ConsentGate.instance.get().categories)).toEqual({ necessary: true, preferences: false, analytics: true, marketing: false });
});

test('Tab and Shift+Tab cycle inside the dialog', async ({ page }) => {
  await page.goto(PAGE);
  await button(banner(page), 'Manage preferences').click();
  await expect(dialog(page)).toBeVisible();
  for (let n = 0; n < 25; n++) {
    await page.keyboard.press('Tab');
    expect((await focused(page)).inDialog).toBe(true);
  }
  await dialog(page).getByRole('button', { name: 'Close' }).focus();
  await page.keyboard.press('Shift+Tab');
  expect((await focused(page)).text).toBe('Reject all');
  await page.keyboard.press('Tab');
  expect((await focused(page)).text).toBe('Close');
});

test.describe('Escape closes without deciding; focus returns to the opener', () => {
  test('opened from a data-consent-open element of the page', async ({ page }) => {
    await page.goto(PAGE);
    await expect(banner(page)).toBeVisible();
    await page.locator('#open').focus();
    await page.keyboard.press('Enter');
    await expect(dialog(page)).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog(page)).toBeHidden();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('open');
    await expect(banner(page)).toBeVisible();
    expect(await evalW(page, (w) => w.ConsentGate.instance.get().decided)).toBe(false);
    expect(await evalW(page, (w) => w.__events)).toEqual(['ready:', 'show:banner', 'show:preferences', 'hide:preferences']);
  });
  test('opened from the banner, closed with the Close button', async ({ page }) => {
    await page.goto(PAGE);
    await button(banner(page), 'Manage preferences').focus();
    await page.keyboard.press('Enter');
    await expect(dialog(page)).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog(page)).toBeHidden();
    expect((await focused(page)).text).toBe('Manage preferences');
    await button(banner(page), 'Manage preferences').click();
    await dialog(page).getByRole('button', { name: 'Close' }).click();
    await expect(dialog(page)).toBeHidden();
    expect((await focused(page)).text).toBe('Manage preferences');
    expect(await evalW(page, (w) => w.ConsentGate.instance.get().decided)).toBe(false);
  });
});

test('equal prominence: Accept all and Reject all measure the same', async ({ page }) => {
  const look = (l: Locator) =>
    l.evaluate((el) => {
      const s = getComputedStyle(el);
      return {
        tag: el.tagName,
        height: el.getBoundingClientRect().height,
        fontSize: s.fontSize,
        fontWeight: s.fontWeight,
        color: s.color,
        background: s.backgroundColor,
        border: `${s.borderTopWidth} ${s.borderTopColor}`,
      };
    });
  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: 700 });
    await page.goto(PAGE);
    for (const scope of [banner(page), dialog(page)]) {
      if (scope.toString() === dialog(page).toString()) await button(banner(page), 'Manage preferences').click();
      const accept = await look(button(scope, 'Accept all'));
      expect(accept.tag).toBe('BUTTON');
      expect(accept.height).toBeGreaterThanOrEqual(24);
      expect(await look(button(scope, 'Reject all'))).toEqual(accept);
    }
  }
});

for (const [name, path] of [
  ['a strict CSP (nonces only)', 'ui-csp.html'],
  ['Trusted Types', 'ui-tt.html'],
]) {
  test(`full flow under ${name} with zero violations`, async ({ page, network, pageErrors, consoleMessages }) => {
    await page.goto(`/e2e/pages/${path}`);
    await expect(banner(page)).toBeVisible();
    // Styled, so the stylesheet was not blocked.
    expect(await button(banner(page), 'Accept all').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(11, 87, 208)');
    await button(banner(page), 'Manage preferences').click();
    await dialog(page).getByRole('switch', { name: 'Analytics', exact: true }).check();
    await button(dialog(page), 'Save preferences').click();
    await expect(dialog(page)).toBeHidden();
    await page.waitForFunction(() => (window as unknown as W).__analyticsRuns === 1);
    expect(network.to(GTAG)).toHaveLength(1);
    await page.getByRole('button', { name: 'Cookie settings' }).click();
    await expect(dialog(page).getByRole('switch', { name: 'Analytics', exact: true })).toBeChecked();
    await button(dialog(page), 'Reject all').click();
    await expect(dialog(page)).toBeHidden();
    expect(await evalW(page, (w) => w.__violations)).toEqual([]);
    expect(consoleMessages.filter((m) => /security policy|trusted ?type|refused/i.test(m.text))).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
}

test('config texts show literally and run nothing; only safe links become links', async ({ page, pageErrors }) => {
  await page.goto(`${PAGE}?hostile=1`);
  await expect(banner(page)).toContainText('Hi <b>bold</b>');
  await expect(banner(page).getByRole('link', { name: 'good' })).toHaveAttribute('href', '/privacy');
  await expect(banner(page).getByRole('link', { name: 'bad' })).toHaveCount(0);
  await expect(banner(page)).toContainText('bad');
  await expect(banner(page).getByRole('link', { name: 'tab' })).toHaveCount(0);
  await button(banner(page), 'Manage preferences').click();
  await expect(dialog(page).getByRole('switch', { name: '<img src=x onerror="window.__xss=1">', exact: true })).toBeVisible();
  await dialog(page).locator('details').nth(1).locator('summary').click();
  await expect(dialog(page).getByRole('switch', { name: '<script>window.__xss=3</script>', exact: true })).toBeVisible();
  expect(await page.locator('consent-gate').evaluate((h) => h.shadowRoot!.querySelectorAll('img, script, b').length)).toBe(0);
  await page.waitForTimeout(200);
  expect(await evalW(page, (w) => w.__xss)).toBeUndefined();
  expect(pageErrors).toEqual([]);
});

test('reflows at 320 px: no horizontal scrolling anywhere', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 480 });
  await page.goto(PAGE);
  const noHScroll = () => page.evaluate(() => document.documentElement.scrollWidth <= innerWidth);
  const inside = async (l: Locator) => {
    const b = (await l.boundingBox())!;
    expect(b.x).toBeGreaterThanOrEqual(0);
    expect(b.x + b.width).toBeLessThanOrEqual(320);
  };
  await inside(banner(page));
  expect(await noHScroll()).toBe(true);
  await button(banner(page), 'Manage preferences').click();
  for (const s of await dialog(page).locator('summary').all()) await s.click();
  await inside(dialog(page));
  expect(await dialog(page).evaluate((d) => d.scrollWidth <= d.clientWidth)).toBe(true);
  expect(await noHScroll()).toBe(true);
});

test('visible by DOMContentLoaded, and no layout shift', async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as W;
    w.__cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__cls! += (e as unknown as { value: number }).value;
    }).observe({ type: 'layout-shift', buffered: true });
    // Registered before the page's scripts, so this runs before any DOMContentLoaded handler of theirs.
    document.addEventListener('DOMContentLoaded', () => {
      w.__atDCL = !!document.querySelector('consent-gate')?.shadowRoot?.querySelector('section');
    });
  });
  await page.goto(PAGE);
  await expect(banner(page)).toBeVisible();
  await page.waitForTimeout(500);
  expect(await evalW(page, (w) => w.__atDCL)).toBe(true);
  expect(await evalW(page, (w) => w.__cls)).toBe(0);
});

test('first visit: nothing optional pre-checked; reopening shows the stored choice', async ({ page }) => {
  await page.goto(PAGE);
  await button(banner(page), 'Manage preferences').click();
  const sw = (name: string) => dialog(page).getByRole('switch', { name, exact: true });
  await expect(sw('Strictly necessary')).toBeChecked();
  await expect(sw('Strictly necessary')).toBeDisabled();
  await expect(dialog(page)).toContainText('Always on');
  for (const name of ['Preferences', 'Analytics', 'Marketing']) await expect(sw(name)).not.toBeChecked();
  // Per-service switches follow their category and can be refused on their own.
  await dialog(page).locator('details').nth(1).locator('summary').click();
  await sw('Analytics').check();
  await expect(sw('Google Analytics')).toBeChecked();
  await expect(dialog(page).locator('td', { hasText: '_ga_' })).toBeVisible();
  await sw('Marketing').check();
  await button(dialog(page), 'Save preferences').click();
  await page.reload();
  await ready(page);
  await expect(banner(page)).toHaveCount(0);
  await page.getByRole('button', { name: 'Cookie settings' }).click();
  for (const [name, on] of [
    ['Preferences', false],
    ['Analytics', true],
    ['Marketing', true],
  ] as const) {
    if (on) await expect(sw(name)).toBeChecked();
    else await expect(sw(name)).not.toBeChecked();
  }
  // Withdraw one service only.
  await dialog(page).locator('details').nth(1).locator('summary').click();
  await sw('Google Analytics').uncheck();
  await button(dialog(page), 'Save preferences').click();
  await expect(dialog(page)).toBeHidden();
  expect(
    await evalW(page, (w) => [
      w.ConsentGate.instance.has('analytics'),
      (w.ConsentGate.instance as unknown as { hasService(k: string): boolean }).hasService('ga4'),
    ]),
  ).toEqual([true, false]);
  // Focus went back to the floating button that opened the dialog.
  expect((await focused(page)).text).toBe('Cookie settings');
});

test('Global Privacy Control: a notice, Accept all skips sale/sharing, an explicit switch still works', async ({ page }) => {
  await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }));
  await page.goto(PAGE);
  await button(banner(page), 'Manage preferences').click();
  await expect(dialog(page)).toContainText('Global Privacy Control');
  await button(dialog(page), 'Accept all').click();
  expect(await evalW(page, (w) => w.ConsentGate.instance.get().categories)).toEqual({ necessary: true, preferences: true, analytics: true, marketing: false });
  await page.getByRole('button', { name: 'Cookie settings' }).click();
  await dialog(page).getByRole('switch', { name: 'Marketing', exact: true }).check();
  await button(dialog(page), 'Save preferences').click();
  expect(await evalW(page, (w) => w.ConsentGate.instance.has('marketing'))).toBe(true);
});

test('a changed revision says the policy changed', async ({ page }) => {
  await page.goto(PAGE);
  await button(banner(page), 'Reject all').click();
  await page.goto(`${PAGE}?rev=2024-06-01`);
  await expect(banner(page)).toContainText('Our cookie policy has changed');
});

test('layouts and positions', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const box = async (q: string) => {
    await page.goto(`${PAGE}?${q}`);
    return (await banner(page).boundingBox())!;
  };
  let b = await box('layout=bar');
  expect([b.x, b.width, Math.round(b.y + b.height)]).toEqual([0, 1280, 800]);
  b = await box('layout=bar&position=top');
  expect([b.x, b.y, b.width]).toEqual([0, 0, 1280]);
  b = await box('');
  expect(Math.round(1280 - b.x - b.width)).toBe(16);
  expect(Math.round(800 - b.y - b.height)).toBe(16);
  b = await box('position=left');
  expect(b.x).toBe(16);
  b = await box('position=top');
  expect(b.y).toBe(16);
  b = await box('layout=cloud');
  expect(Math.abs(b.x - (1280 - b.x - b.width))).toBeLessThan(2);
  expect(b.width).toBeGreaterThan(600);
  await page.screenshot({ path: 'e2e/screenshots/banner-cloud-light-1280-en.png' });
  await box('layout=bar&theme=dark');
  await page.screenshot({ path: 'e2e/screenshots/banner-bar-dark-1280-en.png' });
});

test('blocking: the page is inert until a decision', async ({ page }) => {
  await page.goto(`${PAGE}?blocking=1`);
  await expect(banner(page)).toBeVisible();
  expect(await page.locator('main').evaluate((m) => (m as HTMLElement).inert)).toBe(true);
  await page.screenshot({ path: 'e2e/screenshots/banner-blocking-light-1280-en.png' });
  for (const key of ['Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
    await page.keyboard.press(key);
    expect((await focused(page)).inBanner).toBe(true);
  }
  await button(banner(page), 'Reject all').click();
  expect(await page.locator('main').evaluate((m) => (m as HTMLElement).inert)).toBe(false);
  await page.locator('#open').click();
  await expect(dialog(page)).toBeVisible();
});

test('floating button: on by default, movable, can be turned off', async ({ page }) => {
  await page.goto(PAGE);
  await expect(page.getByRole('button', { name: 'Cookie settings' })).toHaveCount(0);
  await button(banner(page), 'Accept all').click();
  const fab = page.getByRole('button', { name: 'Cookie settings' });
  const b = (await fab.boundingBox())!;
  expect(b.x).toBeLessThanOrEqual(24);
  expect(b.height).toBeGreaterThanOrEqual(24);
  await page.screenshot({ path: 'e2e/screenshots/floating-button-light-1280-en.png' });
  await page.goto(`${PAGE}?fab=right`);
  const r = (await fab.boundingBox())!;
  expect(page.viewportSize()!.width - r.x - r.width).toBeLessThanOrEqual(24);
  await page.goto(`${PAGE}?fab=0`);
  await ready(page);
  await expect(fab).toHaveCount(0);
});

test('languages: setLanguage() at run time, RTL, and a single-language script loaded late', async ({ page }) => {
  await page.goto(PAGE);
  await evalW(page, (w) => w.ConsentGate.instance.setLanguage('de'));
  const r = region(page);
  await expect(button(r, 'Alle akzeptieren')).toBeVisible();
  await expect(button(r, 'Alle ablehnen')).toBeVisible();
  await evalW(page, (w) => w.ConsentGate.instance.setLanguage('he'));
  await expect(page.locator('consent-gate .cg-r')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('consent-gate .cg-r')).toHaveAttribute('lang', 'he');
  await evalW(page, (w) => w.ConsentGate.instance.setLanguage('pt-BR'));
  await expect(button(r, 'Aceitar tudo')).toBeVisible();
  // A language with no loaded texts falls back to English, marked as English.
  await evalW(page, (w) => w.ConsentGate.instance.setLanguage('xx'));
  await expect(page.locator('consent-gate .cg-r')).toHaveAttribute('lang', 'en');

  // basic.html loads no translations; fr.iife.js added afterwards re-renders the banner.
  await page.goto('/e2e/pages/basic.html');
  await evalW(page, (w) => w.ConsentGate.instance.setLanguage('fr'));
  await expect(button(banner(page), 'Accept all')).toBeVisible();
  await page.addScriptTag({ url: '/dist/i18n/fr.iife.js' });
  await expect(button(region(page), 'Tout refuser')).toBeVisible();
});

test('WCAG 2.4.11: a focused page element is never hidden behind the banner', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 600 });
  for (const [q, id] of [
    ['layout=bar&long=1', 'last-link'],
    ['layout=bar&position=top', 'main'],
  ]) {
    await page.goto(`${PAGE}?${q}`);
    await expect(banner(page)).toBeVisible();
    const target = id === 'main' ? page.getByRole('link', { name: 'Skip to content' }) : page.locator(`#${id}`);
    await target.focus();
    await page.waitForTimeout(50);
    const [t, b] = [(await target.boundingBox())!, (await banner(page).boundingBox())!];
    const overlaps = t.y < b.y + b.height && t.y + t.height > b.y;
    expect(overlaps, `${q}: ${JSON.stringify({ t, b })}`).toBe(false);
    expect(t.y).toBeGreaterThanOrEqual(0);
    expect(t.y + t.height).toBeLessThanOrEqual(600);
  }
});

test.describe('page lifecycle: a replaced <body>, destroy(), focus', () => {
  const LIFECYCLE = '/e2e/pages/ui-lifecycle.html';
  type I = { destroy(): void; showPreferences(): void; acceptAll(): void };
  const instance = (page: Page, method: keyof I) => page.evaluate(`window.ConsentGate.instance.${method}()`);
  /** Replace <body> as Turbo, pjax and some SPA routers do. */
  const replaceBody = (page: Page) =>
    page.evaluate(() => {
      const b = document.createElement('body');
      b.innerHTML = '<main><h1>Next page</h1><p><button type="button" id="open2" data-consent-open>Privacy choices</button></p></main>';
      document.body.replaceWith(b);
    });

  test('the banner, the floating button and the dialog survive a replaced <body>', async ({ page, pageErrors }) => {
    await page.goto(PAGE);
    await expect(banner(page)).toBeVisible();
    await replaceBody(page);
    await expect(banner(page)).toBeVisible();
    expect(await page.evaluate(() => document.body.firstElementChild?.tagName)).toBe('CONSENT-GATE');
    await button(banner(page), 'Accept all').click();
    await replaceBody(page);
    const fab = page.getByRole('button', { name: 'Cookie settings' });
    await expect(fab).toBeVisible();
    // A data-consent-open element of the new page opens the dialog, modal, and the visitor can withdraw.
    await page.locator('#open2').click();
    await expect(dialog(page)).toBeVisible();
    expect(await dialog(page).evaluate((d) => d.matches(':modal'))).toBe(true);
    await button(dialog(page), 'Reject all').click();
    expect(await evalW(page, (w) => w.ConsentGate.instance.has('analytics'))).toBe(false);
    // Replaced while the dialog is open: it comes back modal, and Escape returns focus to the page.
    await fab.click();
    await expect(dialog(page)).toBeVisible();
    await replaceBody(page);
    await expect(dialog(page)).toBeVisible();
    expect(await dialog(page).evaluate((d) => d.matches(':modal'))).toBe(true);
    await page.keyboard.press('Escape');
    await expect(dialog(page)).toBeHidden();
    expect((await focused(page)).text).toBe('Cookie settings');
    expect(pageErrors).toEqual([]);
  });

  test('blocking: a replaced <body> is inert too', async ({ page }) => {
    await page.goto(`${PAGE}?blocking=1`);
    await expect(banner(page)).toBeVisible();
    await replaceBody(page);
    await expect(banner(page)).toBeVisible();
    expect(await page.locator('main').evaluate((m) => (m as HTMLElement).inert)).toBe(true);
  });

  test('destroy() in <head>, before <body> exists: no UI ever appears', async ({ page, pageErrors }) => {
    await page.goto(`${LIFECYCLE}?head=destroy`);
    await page.waitForLoadState('load');
    await page.waitForTimeout(100);
    await expect(page.locator('consent-gate')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Cookie settings' })).toHaveCount(0);
    expect(pageErrors).toEqual([]);
  });

  test('destroy() with the dialog open returns focus to its opener', async ({ page }) => {
    await page.goto(PAGE);
    await page.locator('#open').focus();
    await page.keyboard.press('Enter');
    await expect(dialog(page)).toBeVisible();
    expect((await focused(page)).inDialog).toBe(true);
    await instance(page, 'destroy');
    await expect(page.locator('consent-gate')).toHaveCount(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('open');
  });

  for (const fab of ['1', '0'])
    test(`showPreferences() in <head>${fab === '0' ? ', no floating button' : ''}: Escape focuses the banner, not <body>`, async ({ page }) => {
      await page.goto(`${LIFECYCLE}?head=prefs&fab=${fab}`);
      await expect(dialog(page)).toBeVisible();
      await expect(banner(page)).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(dialog(page)).toBeHidden();
      expect(await focused(page)).toMatchObject({ text: 'Accept all', inBanner: true });
    });

  test('no floating button, dialog opened by script: Escape focuses the banner, not <body>', async ({ page }) => {
    await page.goto(`${PAGE}?fab=0`);
    await expect(banner(page)).toBeVisible();
    await instance(page, 'showPreferences');
    await expect(dialog(page)).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog(page)).toBeHidden();
    expect(await focused(page)).toMatchObject({ text: 'Accept all', inBanner: true });
  });
});
