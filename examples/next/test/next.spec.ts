import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { test, expect } from '../../../e2e/fixtures';

/**
 * The example as built by `next build`, served by `next start` on a free port: what a visitor
 * of a Next.js App Router site gets. Every request that would leave the machine is answered
 * locally (e2e/fixtures.ts) and recorded.
 */

const EXAMPLE = fileURLToPath(new URL('..', import.meta.url));
let server: ChildProcess;
let origin = '';
let serverLog = '';

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });

test.beforeAll(async () => {
  const port = await freePort();
  const next = createRequire(import.meta.url).resolve('next/dist/bin/next');
  // Its own process group, so afterAll ends next start and any worker it runs, and nothing else.
  server = spawn(process.execPath, [next, 'start', '--port', String(port), '--hostname', '127.0.0.1'], {
    cwd: EXAMPLE,
    detached: true,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (d) => (serverLog += d));
  server.stderr!.on('data', (d) => (serverLog += d));
  origin = `http://localhost:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(origin)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (i > 150 || server.exitCode !== null) throw new Error(`next start did not answer (run \`npm run build -w examples/next\` first?):\n${serverLog}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
});

test.afterAll(() => {
  if (server?.pid && server.exitCode === null) process.kill(-server.pid, 'SIGTERM');
});

type Entry = { args: boolean; value: unknown };
/** The dataLayer as plain values, each tagged with whether it was an `arguments` object (what gtag.js reads). */
const dataLayer = (page: Page) =>
  page.evaluate(() =>
    ((window as unknown as { dataLayer?: unknown[] }).dataLayer || []).map((e) => {
      const args = Object.prototype.toString.call(e) === '[object Arguments]';
      return { args, value: JSON.parse(JSON.stringify(args ? Array.from(e as ArrayLike<unknown>) : e)) };
    }),
  );
const command = (e: Entry) => (e.args ? (e.value as unknown[]).slice(0, 2).join(' ') : 'object');
/** Google tag commands: everything gtag.js acts on besides consent itself. */
const isTagCommand = (e: Entry) => e.args && ['js', 'config', 'event', 'set'].includes((e.value as unknown[])[0] as string);

const banner = (page: Page) => page.getByRole('region', { name: /cookie/i });
const problems = (messages: { type: string; text: string }[]) =>
  messages.filter((m) => m.type === 'error' || (m.type === 'warning' && /consent-gate|hydrat/i.test(m.text))).map((m) => `${m.type}: ${m.text}`);

test('the server-rendered page runs the Consent Mode default before any other script of its own', async ({ request }) => {
  const html = await (await request.get(origin)).text();
  const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>/g)];
  expect(inline[0]![0]).toContain('id="consent-default"');
  const at = html.indexOf('id="consent-default"');
  expect(at).toBeLessThan(html.indexOf('</head>'));
  // The gated parts are not elements of the server's HTML (only data in the React payload); their fallback is.
  expect(html).not.toMatch(/<script[^>]*googletagmanager/);
  expect(html).not.toMatch(/<iframe[^>]*youtube-nocookie/);
  expect(html).toContain('The product tour needs marketing cookies.');
});

test('first visit: default first, nothing leaves the machine before consent, Accept all loads GA and the video at once', async ({ page, network, pageErrors, consoleMessages }) => {
  await page.goto(origin);
  await expect(banner(page)).toBeVisible();
  await expect(banner(page)).toHaveCount(1);
  await page.waitForLoadState('networkidle');
  expect(network.external).toEqual([]);
  const before = await dataLayer(page);
  expect(command(before[0]!)).toBe('consent default');
  expect(before[0]!.value).toEqual(['consent', 'default', expect.objectContaining({ analytics_storage: 'denied', ad_storage: 'denied', security_storage: 'denied' })]);
  expect(before.filter(isTagCommand)).toEqual([]);

  await banner(page).getByRole('button', { name: 'Accept all', exact: true }).click();
  await expect(page.locator('iframe[title="Product tour"]')).toHaveAttribute('src', /youtube-nocookie\.com\/embed/);
  await expect(page.getByText('The product tour needs marketing cookies.')).toHaveCount(0);
  await expect.poll(() => network.to(/googletagmanager\.com\/gtag\/js\?id=G-XXXX/).length).toBe(1);
  await expect.poll(async () => (await dataLayer(page)).filter(isTagCommand).map(command)).toEqual([expect.stringMatching(/^js /), 'config G-XXXX']);

  const after = await dataLayer(page);
  const firstDefault = after.findIndex((e) => command(e) === 'consent default');
  expect(firstDefault).toBe(0);
  for (const [index, entry] of after.entries()) if (isTagCommand(entry)) expect(index, `${command(entry)} after the default`).toBeGreaterThan(firstDefault);
  const update = after.findIndex((e) => command(e) === 'consent update');
  expect(after[update]!.value).toEqual(['consent', 'update', expect.objectContaining({ analytics_storage: 'granted', ad_storage: 'granted' })]);
  // The stand-in gtag.js (e2e/stubs) records the consent state it found when it ran.
  await page.waitForFunction(() => !!(window as unknown as { __gtagConsentSeen?: object }).__gtagConsentSeen);
  expect(await page.evaluate(() => (window as unknown as { __gtagConsentSeen: { analytics_storage: string } }).__gtagConsentSeen.analytics_storage)).toBe('granted');
  expect(pageErrors).toEqual([]);
  expect(problems(consoleMessages)).toEqual([]);
});

test('Reject all: GA never loads, the video stays a notice, nothing leaves the machine', async ({ page, network, pageErrors, consoleMessages }) => {
  await page.goto(origin);
  await banner(page).getByRole('button', { name: 'Reject all', exact: true }).click();
  await expect(banner(page)).toBeHidden();
  await page.reload();
  await page.waitForLoadState('networkidle');
  await expect(page.getByText('The product tour needs marketing cookies.')).toBeVisible();
  await expect(banner(page)).toHaveCount(0);
  expect(network.external).toEqual([]);
  expect((await dataLayer(page)).filter(isTagCommand)).toEqual([]);
  expect(pageErrors).toEqual([]);
  expect(problems(consoleMessages)).toEqual([]);
});

test('returning visitor: hydrates without a mismatch, the granted parts appear, no banner', async ({ page, pageErrors, consoleMessages, network }) => {
  await page.goto(origin);
  await banner(page).getByRole('button', { name: 'Accept all', exact: true }).click();
  await expect(banner(page)).toBeHidden();
  consoleMessages.length = 0;
  await page.reload();
  await expect(page.locator('iframe[title="Product tour"]')).toBeVisible();
  await expect.poll(() => network.to(/googletagmanager\.com\/gtag\/js/).length).toBe(2);
  await page.waitForLoadState('networkidle');
  await expect(banner(page)).toHaveCount(0);
  expect(pageErrors).toEqual([]);
  expect(problems(consoleMessages)).toEqual([]);
});

test('moving between pages keeps one instance: no second banner, no banner again after deciding', async ({ page, pageErrors, consoleMessages }) => {
  await page.goto(origin);
  await expect(banner(page)).toBeVisible();
  await page.getByRole('link', { name: 'About this example' }).click();
  await expect(page.getByRole('heading', { name: 'About this example' })).toBeVisible();
  await expect(banner(page)).toHaveCount(1);
  await banner(page).getByRole('button', { name: 'Reject all', exact: true }).click();
  await page.getByRole('link', { name: 'Home' }).click();
  await expect(page.getByRole('heading', { name: 'consent-gate with the Next.js App Router' })).toBeVisible();
  await expect(page.getByText('The product tour needs marketing cookies.')).toBeVisible();
  await expect(banner(page)).toHaveCount(0);
  expect(await page.locator('consent-gate').count()).toBe(1);
  // The settings button in a server-rendered page reaches the one instance.
  await page.getByRole('main').getByRole('button', { name: 'Cookie settings' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.getByRole('dialog').getByRole('switch', { name: 'Marketing' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Save preferences', exact: true }).click();
  await expect(page.locator('iframe[title="Product tour"]')).toBeVisible();
  expect(pageErrors).toEqual([]);
  expect(problems(consoleMessages)).toEqual([]);
});
