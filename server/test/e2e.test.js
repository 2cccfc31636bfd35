// End to end in Chromium: the built SDK (dist/consent-gate.js) on a page served from one
// origin, recording to the log server on another; read back through the admin API.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { admin, freePort, startPostgres, startServer, tempSqlite } from './helpers.js';

const DIST = new URL('../../dist/consent-gate.js', import.meta.url);
/** The preferences dialog, which the engine fetches from beside its own URL when they open. */
const DIST_UI = new URL('../../dist/consent-gate.ui.js', import.meta.url);
const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p));

/** @type {import('playwright-core').Browser} */
let browser;
/** @type {Awaited<ReturnType<typeof startPostgres>>} */
let cluster;
/** @type {{ url: string, origin: string, config: Record<string, unknown>, close(): Promise<void> }} */
let site;

/** The shop's pages: a page, its config (set per test) and the SDK as built. No inline script. */
async function startSite() {
  if (!existsSync(DIST)) throw new Error('dist/consent-gate.js is missing: run npm run build at the repository root first');
  const sdk = readFileSync(DIST);
  const dialog = readFileSync(DIST_UI);
  const state = { config: {} };
  const server = createServer((req, res) => {
    const path = new URL(req.url || '/', 'http://x').pathname;
    const send = (type, body) => res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', 'content-security-policy': "script-src 'self'" }).end(body);
    if (path == '/consent-gate.js') return send('text/javascript', sdk);
    if (path == '/consent-gate.ui.js') return send('text/javascript', dialog);
    if (path == '/config.js') return send('text/javascript', `window.consentGateConfig = ${JSON.stringify(state.config)};`);
    if (path == '/') {
      return send(
        'text/html; charset=utf-8',
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title><script src="/config.js"></script><script src="/consent-gate.js"></script></head><body><main><h1>Shop</h1><button data-consent-open>Cookie settings</button></main></body></html>',
      );
    }
    res.writeHead(404).end();
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', () => r(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  // localhost for the page, 127.0.0.1 for the log server: two origins.
  const origin = `http://localhost:${port}`;
  return {
    url: `${origin}/`,
    origin,
    get config() {
      return state.config;
    },
    set config(c) {
      state.config = c;
    },
    close: () => new Promise((r) => server.close(() => r(undefined))),
  };
}

before(async () => {
  assert.ok(CHROMIUM, "Chromium not found: apt-get install -y chromium (bash .ci/run does) or set CHROMIUM_PATH");
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  site = await startSite();
  cluster = await startPostgres();
});
after(async () => {
  await browser?.close();
  await site?.close();
  cluster?.destroy();
});

const shopConfig = (endpoint, extra = {}) => ({
  revision: '2023-12-04',
  categories: { necessary: { required: true }, analytics: {}, marketing: {} },
  recordEndpoint: endpoint,
  ...extra,
});
const outbox = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('consent-gate:outbox') || '[]'));
const consentId = (page) => page.evaluate(() => window.ConsentGate.instance.get().id);
const emptied = (page) => page.waitForFunction(() => localStorage.getItem('consent-gate:outbox') === '[]');

/** Accept all, then withdraw (Reject all in the dialog): two receipts read back through the admin API. */
async function acceptThenWithdraw(db) {
  const log = await startServer(db, ['--allow-origin', site.origin]);
  site.config = shopConfig(`${log.url}/v1/receipts`);
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(site.url);
  await page.getByRole('region', { name: /cookie/i }).getByRole('button', { name: 'Accept all', exact: true }).click();
  await emptied(page);
  const id = await consentId(page);
  assert.match(id, /^[0-9a-f]{32}$/);
  // Withdraw: reopen from the page's link, refuse everything.
  await page.getByRole('main').getByRole('button', { name: 'Cookie settings' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Reject all', exact: true }).click();
  await emptied(page);

  const res = await admin(log.url, `/v1/receipts/${id}`);
  assert.equal(res.status, 200);
  const { receipts } = await res.json();
  assert.deepEqual(
    receipts.map((r) => [r.method, r.categories.analytics, r.categories.marketing, r.categories.necessary]),
    [
      ['accept_all', true, true, true],
      ['reject_all', false, false, true],
    ],
  );
  for (const r of receipts) {
    assert.equal(r.id, id);
    assert.equal(r.url, site.url);
    assert.equal(r.revision, '2023-12-04');
    assert.ok(Date.parse(r.receivedAt) >= Date.parse(r.timestamp) - 5000);
  }
  assert.equal((await (await admin(log.url, '/v1/verify')).json()).ok, true);
  assert.deepEqual(errors, []);
  await context.close();
  await log.stop();
}

test('Chromium, SQLite: Accept all, then withdraw: two receipts for the consent id (accept_all, then reject_all with analytics false)', async () => {
  await acceptThenWithdraw(tempSqlite());
});

test('Chromium, PostgreSQL: the same through PostgreSQL', async () => {
  await acceptThenWithdraw(await cluster.createDb('e2e'));
});

test('Chromium: endpoint down at decision time, back later, page reloaded twice: stored exactly once', async () => {
  const port = await freePort();
  site.config = shopConfig(`http://127.0.0.1:${port}/v1/receipts`);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(site.url);
  await page.getByRole('region', { name: /cookie/i }).getByRole('button', { name: 'Accept all', exact: true }).click();
  const id = await consentId(page);
  // Nothing listens: the receipt waits in the outbox.
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('consent-gate:outbox') || '[]').length === 1);
  await page.waitForTimeout(300);
  assert.equal((await outbox(page)).length, 1);

  const db = tempSqlite();
  const log = await startServer(db, ['--allow-origin', site.origin], { port });
  /** @type {number[]} */
  const answers = [];
  page.on('response', (r) => r.url().startsWith(log.url) && answers.push(r.status()));
  await page.reload();
  await emptied(page);
  await page.reload();
  await page.waitForTimeout(500);
  assert.deepEqual(answers, [201], 'the second reload has nothing left to send');

  const { receipts } = await (await admin(log.url, `/v1/receipts/${id}`)).json();
  assert.equal(receipts.length, 1);
  assert.equal(receipts[0].method, 'accept_all');
  const v = await (await admin(log.url, '/v1/verify')).json();
  assert.deepEqual([v.ok, v.count], [true, 1]);
  await context.close();
  await log.stop();
});

test('Chromium: a page closed before the answer leaves the receipt to the next load, which stores it once (200 if it had arrived)', async () => {
  const log = await startServer(tempSqlite(), ['--allow-origin', site.origin]);
  site.config = shopConfig(`${log.url}/v1/receipts`, { reloadOnWithdraw: true });
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(site.url);
  await page.getByRole('region', { name: /cookie/i }).getByRole('button', { name: 'Accept all', exact: true }).click();
  await emptied(page);
  const id = await consentId(page);
  /** @type {number[]} */
  const answers = [];
  page.on('response', (r) => r.url().startsWith(log.url) && answers.push(r.status()));
  // Withdrawing reloads at once (reloadOnWithdraw): the page is gone before any answer can be read.
  await page.getByRole('main').getByRole('button', { name: 'Cookie settings' }).click();
  await Promise.all([page.waitForEvent('load'), page.getByRole('dialog').getByRole('button', { name: 'Reject all', exact: true }).click()]);
  await emptied(page);
  const { receipts } = await (await admin(log.url, `/v1/receipts/${id}`)).json();
  assert.deepEqual(
    receipts.map((r) => r.method),
    ['accept_all', 'reject_all'],
  );
  assert.ok(answers.every((s) => s == 200 || s == 201), JSON.stringify(answers));
  await context.close();
  await log.stop();
});

test('Chromium: serverCookie re-sets the consent cookie from the server (same site), with the value the browser holds', async () => {
  // Page on localhost:A, endpoint on localhost:B: one site (cookies ignore the port).
  const log = await startServer(tempSqlite(), ['--allow-origin', site.origin]);
  const endpoint = `http://localhost:${log.port}/v1/receipts`;
  site.config = shopConfig(endpoint, { serverCookie: true });
  const context = await browser.newContext();
  const page = await context.newPage();
  /** @type {Promise<import('playwright-core').Response>} */
  const answer = page.waitForResponse((r) => r.url().startsWith(endpoint) && r.request().method() == 'POST');
  await page.goto(site.url);
  await page.getByRole('region', { name: /cookie/i }).getByRole('button', { name: 'Accept all', exact: true }).click();
  const res = await answer;
  assert.equal(res.status(), 201);
  const setCookie = await res.headerValue('set-cookie');
  assert.ok(setCookie, 'the endpoint answered with Set-Cookie');
  assert.match(setCookie, /^consent_gate=[^;]+; Path=\/; Max-Age=\d+; Expires=[^;]+; SameSite=Lax$/);
  const [cookie] = (await context.cookies(site.url)).filter((c) => c.name == 'consent_gate');
  assert.equal(setCookie.split(';')[0], `consent_gate=${cookie.value}`);
  const maxAge = Number(/Max-Age=(\d+)/.exec(setCookie)[1]);
  assert.ok(Math.abs(maxAge - 182 * 86400) < 120, `Max-Age ${maxAge}`);
  // The SDK still reads its choice.
  await page.reload();
  assert.equal(await page.evaluate(() => window.ConsentGate.instance.get().decided), true);
  await context.close();
  await log.stop();
});

test('Chromium: serverCookie and a decision made while the previous answer is on its way: the newer choice stays', async () => {
  const log = await startServer(tempSqlite(), ['--allow-origin', site.origin]);
  const endpoint = `http://localhost:${log.port}/v1/receipts`;
  site.config = shopConfig(endpoint, { serverCookie: true });
  const context = await browser.newContext();
  const page = await context.newPage();
  let first = true;
  /** @type {string[]} */
  const setCookies = [];
  // Hold the first answer (Accept all, with its Set-Cookie) until after the visitor has refused.
  await page.route(`${endpoint}*`, async (route) => {
    if (route.request().method() != 'POST') return route.continue();
    const delay = first;
    first = false;
    const response = await route.fetch();
    setCookies.push((await response.headersArray()).find((h) => h.name.toLowerCase() == 'set-cookie')?.value || '');
    if (delay) await new Promise((r) => setTimeout(r, 1000));
    await route.fulfill({ response });
  });
  await page.goto(site.url);
  await page.getByRole('region', { name: /cookie/i }).getByRole('button', { name: 'Accept all', exact: true }).click();
  await page.getByRole('main').getByRole('button', { name: 'Cookie settings' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Reject all', exact: true }).click();
  await emptied(page);
  await page.waitForTimeout(300);
  assert.equal(setCookies.length, 2);
  assert.ok(setCookies.every(Boolean), 'both answers carried Set-Cookie');
  // The late Accept answer re-set the older value; the SDK put the refusal back.
  const choice = await page.evaluate(() => window.ConsentGate.instance.get().categories.analytics);
  assert.equal(choice, false);
  const [cookie] = (await context.cookies(site.url)).filter((c) => c.name == 'consent_gate');
  assert.match(decodeURIComponent(cookie.value), /"analytics":0/);
  await page.reload();
  assert.equal(await page.evaluate(() => window.ConsentGate.instance.get().categories.analytics), false);
  await context.close();
  await log.stop();
});
