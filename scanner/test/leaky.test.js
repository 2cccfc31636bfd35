// @ts-check
// A shop with trackers pasted in and no consent tool: everything it plants is a violation with
// the right category, the payment provider and the shop's own session cookie are not, and CI fails.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serveDirectory } from './helpers/static-server.js';
import { runScan } from './helpers/run-scan.js';
import { waitForBuild } from './helpers/build.js';
import { findChromium, CHROMIUM_ARGS } from '../lib/browser.js';

const SCREENSHOTS = fileURLToPath(new URL('../../e2e/screenshots/', import.meta.url));

/** @type {Awaited<ReturnType<typeof serveDirectory>>} */
let site;
/** @type {Awaited<ReturnType<typeof runScan>>} */
let scan;

before(async () => {
  await waitForBuild(['catalogue.js']);
  site = await serveDirectory(fileURLToPath(new URL('./fixtures/leaky/', import.meta.url)), {
    // The shop's own session cookie, set by the server: first party, not in any catalogue.
    headers: { '/': { 'set-cookie': 'shop_session=4f2a; Path=/; HttpOnly; SameSite=Lax' } },
  });
  scan = await runScan(site.url, ['--fail-on-violation', '--timeout', '5']);
});
after(() => site?.close());

/** @param {string} path */
const at = (path) => new URL(path, site.url).href;

test('exit code 1 with --fail-on-violation, and one progress line per page and phase on stderr', () => {
  assert.equal(scan.status, 1, scan.stderr);
  const lines = scan.stderr.split('\n').filter((l) => /^\[\d+\/\d+\] (before|accept|reject) /.test(l));
  assert.deepEqual(lines.map((l) => l.replace(/^\[\d+\/\d+\] (\w+)\s+(\S+).*$/, '$1 $2')).sort(), ['accept /', 'accept /about.html', 'before /', 'before /about.html', 'before /missing.html', 'reject /', 'reject /about.html']);
});

test('the crawl followed the links; the page that is gone is reported and the crawl went on', () => {
  assert.deepEqual(scan.report.pages, [at('/'), at('/about.html'), at('/missing.html')]);
  const gone = scan.report.pageResults.find((/** @type {any} */ p) => p.url === at('/missing.html'));
  assert.match(gone.error, /HTTP 404/);
});

test('every planted tracker cookie before consent is a violation with its service, category, page and the script that set it', () => {
  const cookies = scan.report.violations.filter((/** @type {any} */ v) => v.phase == 'before' && v.kind == 'cookie');
  assert.deepEqual(cookies.map((/** @type {any} */ v) => [v.name, v.service, v.category, v.page, v.script]).sort(), [
    ['_fbp', 'meta-pixel', 'marketing', at('/'), at('/js/pixel-stub.js')],
    ['_ga', 'google-analytics', 'analytics', at('/'), at('/js/analytics-stub.js')],
    ['_ga_TEST', 'google-analytics', 'analytics', at('/'), at('/js/analytics-stub.js')],
    ['_hjSessionUser_123456', 'hotjar', 'analytics', at('/about.html'), at('/js/hotjar-stub.js')],
  ]);
});

test('every third-party tracker request is a violation, failed ones included; an unknown host is "unknown"', () => {
  const requests = scan.report.violations.filter((/** @type {any} */ v) => v.phase == 'before' && v.kind == 'request');
  assert.deepEqual(requests.map((/** @type {any} */ v) => [v.name, v.service ?? null, v.category, v.page]).sort(), [
    ['connect.facebook.net', 'meta-pixel', 'marketing', at('/')],
    ['pixel.adnetwork-unknown.example', null, 'unknown', at('/')],
    ['static.hotjar.com', 'hotjar', 'analytics', at('/about.html')],
    ['www.googletagmanager.com', 'google-analytics', 'analytics', at('/')],
    ['www.youtube.com', 'youtube', 'marketing', at('/')],
  ]);
  for (const v of requests) assert.match(v.url, /^https:\/\//);
  const seen = scan.report.phases.before.requests.find((/** @type {any} */ r) => r.host == 'connect.facebook.net');
  assert.ok(seen.failed, 'outside hosts cannot be reached here: the request failed and still counts');
  assert.equal(seen.initiator, at('/'), 'the inline snippet in the page inserted it');
});

test('the Hotjar cookie is only on the page that sets it', () => {
  const hotjarPages = scan.report.phases.before.cookies.filter((/** @type {any} */ c) => c.name.startsWith('_hj')).map((/** @type {any} */ c) => c.page);
  assert.deepEqual(hotjarPages, [at('/about.html')]);
});

test('Stripe and the first-party session cookie are not violations: Stripe is necessary, the session cookie is listed as unknown', () => {
  const names = scan.report.violations.map((/** @type {any} */ v) => v.name);
  for (const name of ['__stripe_mid', 'js.stripe.com', 'shop_session']) assert.ok(!names.includes(name), name);
  const stripe = scan.report.phases.before.requests.find((/** @type {any} */ r) => r.host == 'js.stripe.com');
  assert.deepEqual([stripe.service, stripe.category], ['stripe', 'necessary']);
  const session = scan.report.phases.before.cookies.find((/** @type {any} */ c) => c.name == 'shop_session');
  assert.deepEqual([session.category, session.firstParty, session.httpOnly, session.setBy.via, session.setBy.response], ['unknown', true, true, 'Set-Cookie', at('/')]);
  assert.deepEqual(scan.report.unclassified.firstPartyCookies, ['shop_session']);
});

test('with no consent tool, rejecting changes nothing: the trackers are violations in the reject phase too', () => {
  const reject = scan.report.violations.filter((/** @type {any} */ v) => v.phase == 'reject').map((/** @type {any} */ v) => v.name);
  for (const name of ['_ga', '_fbp', '_hjSessionUser_123456', 'www.googletagmanager.com', 'connect.facebook.net', 'static.hotjar.com']) assert.ok(reject.includes(name), name);
  const home = scan.report.pageResults.find((/** @type {any} */ p) => p.url === at('/'));
  assert.deepEqual(home.decisions.reject, { via: 'none', note: 'no "reject all" control found' });
});

test('report.json has the contract keys; the declaration and the suggested config come from the catalogue', () => {
  for (const phase of ['before', 'accept', 'reject']) {
    for (const c of scan.report.phases[phase].cookies) for (const key of ['name', 'domain', 'page', 'service', 'category']) assert.ok(key in c, `${phase} cookie ${key}`);
    for (const s of scan.report.phases[phase].storage) for (const key of ['key', 'kind', 'page']) assert.ok(key in s, `${phase} storage ${key}`);
    for (const r of scan.report.phases[phase].requests) for (const key of ['url', 'host', 'page', 'service', 'category']) assert.ok(key in r, `${phase} request ${key}`);
  }
  for (const v of scan.report.violations) for (const key of ['phase', 'kind', 'name', 'category', 'page']) assert.ok(key in v, `violation ${key}`);
  const ga = scan.report.declaration.find((/** @type {any} */ r) => r.name == '_ga');
  assert.deepEqual([ga.provider, ga.lifetime, ga.category], ['Google', '2 years', 'analytics']);
  assert.match(ga.purpose, /\S/);
  assert.deepEqual(scan.config, {
    categories: { necessary: { required: true }, analytics: {}, marketing: {} },
    services: { stripe: 'stripe', 'google-analytics': 'google-analytics', hotjar: 'hotjar', 'meta-pixel': 'meta-pixel', youtube: 'youtube' },
  });
});

test('report.html opens with the violations, then the declaration; screenshots of both for a person to look at', async () => {
  const { html } = scan;
  assert.ok(html.indexOf('id="violations"') < html.indexOf('id="declaration"'));
  assert.match(html, /data:image\/jpeg;base64,/, 'a screenshot of each page is embedded');
  await mkdir(SCREENSHOTS, { recursive: true });
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(new URL(`file://${scan.out}/report.html`).href);
    // What a person sees: the violations table names the cookie, its page and the script.
    const violations = page.locator('#violations');
    await assertVisibleText(violations, ['_ga', '/js/analytics-stub.js', 'connect.facebook.net', 'Marketing']);
    await violations.screenshot({ path: SCREENSHOTS + 'scanner-report-violations.png' });
    const declaration = page.locator('#declaration');
    await assertVisibleText(declaration, ['_ga_*', 'Google', '2 years', 'Stripe', 'Strictly necessary']);
    await declaration.screenshot({ path: SCREENSHOTS + 'scanner-report-declaration.png' });
  } finally {
    await browser.close();
  }
});

/**
 * @param {import('playwright-core').Locator} locator
 * @param {string[]} texts
 */
async function assertVisibleText(locator, texts) {
  const shown = await locator.innerText();
  for (const text of texts) assert.ok(shown.includes(text), `shows ${text}`);
}
