// @ts-check
// A shop that gates its tags with consent-gate: nothing to report before consent or after a
// refusal, so CI passes; and the accept phase shows the gated tag requested, proof that
// accepting really happened.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveDirectory } from './helpers/static-server.js';
import { runScan } from './helpers/run-scan.js';
import { DIST, waitForBuild } from './helpers/build.js';

/** @type {Awaited<ReturnType<typeof serveDirectory>>} */
let site;
/** @type {Awaited<ReturnType<typeof runScan>>} */
let scan;
/** A copy of the SDK build, so a rebuild elsewhere cannot change the files under the test. */
const build = mkdtempSync(join(tmpdir(), 'consent-gate-dist-'));

before(async () => {
  await waitForBuild(['consent-gate.js', 'catalogue.js']);
  cpSync(DIST, build, { recursive: true });
  site = await serveDirectory(fileURLToPath(new URL('./fixtures/compliant/', import.meta.url)), { mounts: { '/dist/': build } });
  scan = await runScan(site.url, ['--fail-on-violation', '--timeout', '5']);
});
after(async () => {
  await site?.close();
  rmSync(build, { recursive: true, force: true });
});

/** @param {string} path */
const at = (path) => new URL(path, site.url).href;

test('zero violations and exit code 0 with --fail-on-violation', () => {
  assert.deepEqual(scan.report.violations, []);
  assert.equal(scan.status, 0, scan.stderr);
  assert.deepEqual(scan.report.pages, [at('/'), at('/about.html')]);
});

test('the scan accepted and rejected through ConsentGate.instance on every page', () => {
  for (const page of scan.report.pageResults) {
    assert.equal(page.runsConsentGate, true);
    assert.deepEqual(page.decisions, { accept: { via: 'consent-gate' }, reject: { via: 'consent-gate' } });
  }
});

test('the gated tags are requested in the accept phase only; Stripe, necessary, in every phase', () => {
  /** @param {string} phase */
  const hosts = (phase) => [...new Set(scan.report.phases[phase].requests.filter((/** @type {any} */ r) => r.page == at('/')).map((/** @type {any} */ r) => r.host))].sort();
  assert.deepEqual(hosts('before'), ['js.stripe.com']);
  assert.deepEqual(hosts('accept'), ['connect.facebook.net', 'js.stripe.com', 'www.googletagmanager.com']);
  assert.deepEqual(hosts('reject'), ['js.stripe.com']);
  const gtag = scan.report.phases.accept.requests.find((/** @type {any} */ r) => r.host == 'www.googletagmanager.com');
  assert.deepEqual([gtag.url, gtag.service, gtag.category], ['https://www.googletagmanager.com/gtag/js?id=G-TEST', 'google-analytics', 'analytics']);
});

test('cookies: _ga after accepting only; the consent cookie after either decision, as strictly necessary', () => {
  /** @param {string} phase */
  const names = (phase) => scan.report.phases[phase].cookies.filter((/** @type {any} */ c) => c.page == at('/')).map((/** @type {any} */ c) => `${c.name}:${c.category}`).sort();
  assert.deepEqual(names('before'), []);
  assert.deepEqual(names('accept'), ['_ga:analytics', 'consent_gate:necessary']);
  assert.deepEqual(names('reject'), ['consent_gate:necessary']);
  const ga = scan.report.phases.accept.cookies.find((/** @type {any} */ c) => c.name == '_ga');
  assert.equal(ga.setBy.script, at('/js/analytics-stub.js'));
});

test('the suggested config keeps the page’s own service keys for the presets it found', () => {
  assert.deepEqual(scan.config, {
    categories: { necessary: { required: true }, analytics: {}, marketing: {} },
    services: { stripe: 'stripe', ga4: 'google-analytics', meta: 'meta-pixel' },
  });
});
