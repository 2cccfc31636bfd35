import { test as base, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

/** Hosts served by the local test server; everything else is the internet and is stubbed. */
const LOCAL = /^(localhost|127\.0\.0\.1|([a-z0-9-]+\.)*example\.test)$/;

const stub = (name: string) => readFileSync(new URL(`./stubs/${name}`, import.meta.url), 'utf8');

/** Local stand-ins for third-party scripts, by URL test. */
const STUBS: { test: (u: URL) => boolean; body: () => string; type: string }[] = [
  { test: (u) => u.hostname === 'www.googletagmanager.com' && u.pathname === '/gtag/js', body: () => stub('gtag.js'), type: 'text/javascript' },
  { test: (u) => u.hostname === 'connect.facebook.net' && u.pathname.endsWith('/fbevents.js'), body: () => stub('fbevents.js'), type: 'text/javascript' },
  { test: (u) => u.hostname === 'bat.bing.com' && u.pathname === '/bat.js', body: () => stub('bat.js'), type: 'text/javascript' },
  { test: (u) => u.hostname === 'www.clarity.ms' && u.pathname.startsWith('/tag/'), body: () => stub('clarity.js'), type: 'text/javascript' },
  { test: (u) => u.hostname === 'static.hotjar.com' && u.pathname.startsWith('/c/hotjar-'), body: () => stub('hotjar.js'), type: 'text/javascript' },
  { test: (u) => u.hostname === 'js.stripe.com' && u.pathname.startsWith('/v3'), body: () => stub('stripe.js'), type: 'text/javascript' },
];

export interface Network {
  /** Every request the pages made, local ones too. */
  all: string[];
  /** Requests that would have left the machine (all were stubbed or answered 204 here). */
  external: string[];
  /** External requests to a host matching `pattern`. */
  to(pattern: RegExp): string[];
}

export const test = base.extend<{ network: Network; pageErrors: Error[]; consoleMessages: { type: string; text: string }[] }>({
  network: [
    async ({ context }, use) => {
      const net: Network = { all: [], external: [], to: (p) => net.external.filter((u) => p.test(u)) };
      await context.route('**/*', async (route) => {
        const url = new URL(route.request().url());
        net.all.push(url.href);
        if (url.protocol === 'data:' || LOCAL.test(url.hostname)) return route.continue();
        net.external.push(url.href);
        const s = STUBS.find((x) => x.test(url));
        if (s) return route.fulfill({ status: 200, contentType: s.type, body: s.body() });
        return route.fulfill({ status: 204, body: '' });
      });
      await use(net);
    },
    { auto: true },
  ],
  pageErrors: [
    async ({ page }, use) => {
      const errors: Error[] = [];
      page.on('pageerror', (e) => errors.push(e));
      await use(errors);
    },
    { auto: true },
  ],
  consoleMessages: [
    async ({ page }, use) => {
      const messages: { type: string; text: string }[] = [];
      page.on('console', (m) => messages.push({ type: m.type(), text: m.text() }));
      await use(messages);
    },
    { auto: true },
  ],
});

export { expect };

/** Names of the cookies the browser holds for the page's URL. */
export async function cookieNames(page: Page): Promise<string[]> {
  return (await page.context().cookies(page.url())).map((c) => c.name).sort();
}

/**
 * Assert that the browser holds no cookie for the page's URL among `matches` (a list of names, or
 * a test of a name). A deletion by `document.cookie` reaches the browser's cookie store a moment after the call
 * returns, so the absence is polled for (within the expect timeout) instead of read once.
 */
export async function expectCookiesGone(page: Page, matches: string[] | ((name: string) => boolean)): Promise<void> {
  const picked = typeof matches === 'function' ? matches : (name: string) => matches.includes(name);
  await expect.poll(async () => (await cookieNames(page)).filter(picked), { message: 'cookies that should have been deleted' }).toEqual([]);
}

/** Wait until the instance exists (the script ran and init finished). */
export async function ready(page: Page): Promise<void> {
  await page.waitForFunction(() => !!(window as unknown as { ConsentGate?: { instance?: unknown } }).ConsentGate?.instance);
}
