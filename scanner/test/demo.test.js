// @ts-check
// The repository's demo site, served as `npm start` serves it: the scanner's cookie declaration
// lists everything the demo's privacy page declares (that table is generated from the same
// consent configuration the pages run), and the suggested config names the demo's services.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { runScan, freePort } from './helpers/run-scan.js';
import { waitForBuild, DIST } from './helpers/build.js';
import { findChromium, CHROMIUM_ARGS } from '../lib/browser.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** @type {import('node:child_process').ChildProcess} */
let server;
/** @type {string} */
let origin;
/** @type {Awaited<ReturnType<typeof runScan>>} */
let scan;
/** @type {{ name: string, type: string, category: string }[]} */
let privacyTable;

before(async () => {
  await waitForBuild(['consent-gate.js', 'catalogue.js', 'core.js']);
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, ['scripts/serve.mjs', '--port', String(port), '--quiet'], { cwd: ROOT, stdio: 'ignore' });
  await waitForServer(`${origin}/demo/`);
  privacyTable = await readPrivacyTable(`${origin}/demo/privacy.html`);
  // The five pages the home page links to first: home, pricing, docs, privacy, sign-in.
  scan = await runScan(`${origin}/demo/`, ['--pages', '5', '--fail-on-violation', '--timeout', '10']);
});
after(() => {
  server?.kill();
});

/** @param {string} url */
async function waitForServer(url) {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the demo server did not answer at ${url}`);
}

/**
 * The demo privacy page's cookie table as a visitor reads it (demo/js/privacy.js renders it).
 * @param {string} url
 */
async function readPrivacyTable(url) {
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.goto(url);
    await page.locator('#cookie-tables tbody tr').first().waitFor();
    return await page.locator('#cookie-tables section[data-category]').evaluateAll((sections) =>
      sections.flatMap((section) =>
        Array.from(section.querySelectorAll('tbody tr'), (row) => ({
          name: row.querySelector('th code')?.textContent || '',
          type: row.querySelectorAll('td')[4]?.textContent || '',
          category: section.getAttribute('data-category') || '',
        })),
      ),
    );
  } finally {
    await browser.close();
  }
}

test('the demo gates correctly: zero violations, exit 0', () => {
  assert.equal(scan.status, 0, scan.stderr);
  assert.deepEqual(scan.report.violations, []);
  assert.deepEqual(scan.report.pages.map((/** @type {string} */ p) => p.slice(origin.length)), ['/demo/', '/demo/pricing.html', '/demo/docs.html', '/demo/privacy.html', '/demo/signin.html']);
});

test('the declaration lists every cookie and key of the privacy page, in the same category', () => {
  const listed = privacyTable.filter((row) => row.type != 'None');
  assert.ok(listed.length >= 10, `the privacy page declares ${listed.length} entries`);
  const TYPES = /** @type {{ [type: string]: string }} */ ({ Cookie: 'cookie', 'Local storage': 'localStorage' });
  for (const row of listed) {
    const found = scan.report.declaration.find((/** @type {any} */ r) => r.name === row.name && r.type === TYPES[row.type]);
    assert.ok(found, `${row.name} (${row.type}) is in the declaration`);
    assert.equal(found.category, row.category, `${row.name} category`);
  }
});

test('what the scan saw is marked as seen: GA after accepting, Stripe’s necessary cookie before, the chat’s storage', () => {
  /** @param {string} name */
  const row = (name) => scan.report.declaration.find((/** @type {any} */ r) => r.name === name);
  assert.deepEqual(row('_ga').phases, ['accept']);
  assert.ok(row('_ga_*').seenAs.includes('_ga_KESTREL01'));
  assert.ok(row('__stripe_mid').phases.includes('before'));
  assert.equal(row('__stripe_mid').category, 'necessary');
  assert.ok(row('helpdock-visitor').observed);
  assert.ok(row('consent_gate').observed);
  assert.equal(row('kestrel_session').observed, false, 'set on sign-in only, which the scan does not do');
});

test('the suggested config names the demo’s services by the demo’s own keys, and consent-gate takes it without a message', async () => {
  const services = scan.config.services;
  assert.equal(services.ga4, 'google-analytics');
  assert.equal(services.stripe, 'stripe');
  assert.equal(services.paypal, 'paypal');
  assert.equal(services['google-signin'], 'google-sign-in');
  assert.equal(services['apple-signin'], 'sign-in-with-apple');
  assert.equal(services.youtube, 'youtube');
  const { normalizeConfig } = await import(new URL('core.js', `file://${DIST}`).href);
  const { catalogue } = await import(new URL('catalogue.js', `file://${DIST}`).href);
  /** @type {string[]} */
  const messages = [];
  const { warn, error } = console;
  console.warn = console.error = (/** @type {string} */ m) => void messages.push(m);
  try {
    const normalized = normalizeConfig(scan.config, catalogue);
    assert.deepEqual(normalized.services.map((/** @type {any} */ s) => s.key).sort(), Object.keys(services).sort());
  } finally {
    Object.assign(console, { warn, error });
  }
  assert.deepEqual(messages, []);
});
