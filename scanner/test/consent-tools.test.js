// @ts-check
// Sites on other consent tools: the scanner accepts and rejects through the tool's own buttons,
// found by the tool's markup (vanilla-cookieconsent and Klaro, the real libraries from npm) or by a name
// that means "accept all" / "reject all" (a home-made German banner).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { serveDirectory } from './helpers/static-server.js';
import { runScan } from './helpers/run-scan.js';
import { waitForBuild } from './helpers/build.js';

const VANILLA = fileURLToPath(new URL('../../node_modules/vanilla-cookieconsent/dist/', import.meta.url));
const KLARO = fileURLToPath(new URL('../../node_modules/klaro/dist/', import.meta.url));

/** @type {Awaited<ReturnType<typeof serveDirectory>>} */
let site;
before(async () => {
  await waitForBuild(['catalogue.js']);
  site = await serveDirectory(fileURLToPath(new URL('./fixtures/tools/', import.meta.url)), { mounts: { '/vendor/vanilla-cookieconsent/': VANILLA, '/vendor/klaro/': KLARO } });
});
after(() => site?.close());

/**
 * @param {any} report
 * @param {string} phase
 * @param {string} host
 */
const requested = (report, phase, host) => report.phases[phase].requests.some((/** @type {any} */ r) => r.host == host);

test('vanilla-cookieconsent: its "accept all" and "necessary only" buttons, found by its markup; the banner is shown to the scanner', async () => {
  const scan = await runScan(site.url + 'vanilla-cookieconsent.html', ['--pages', '1', '--fail-on-violation', '--timeout', '5']);
  assert.equal(scan.status, 0, scan.stderr);
  const [page] = scan.report.pageResults;
  assert.deepEqual([page.decisions.accept.via, page.decisions.accept.tool], ['button', 'vanilla-cookieconsent']);
  assert.deepEqual([page.decisions.reject.via, page.decisions.reject.tool], ['button', 'vanilla-cookieconsent']);
  assert.equal(requested(scan.report, 'before', 'www.googletagmanager.com'), false);
  assert.equal(requested(scan.report, 'accept', 'www.googletagmanager.com'), true, 'accepting released the gated tag');
  assert.equal(requested(scan.report, 'reject', 'www.googletagmanager.com'), false);
  assert.ok(scan.report.phases.reject.cookies.some((/** @type {any} */ c) => c.name == 'cc_cookie'), 'the refusal was stored and survived the reload');
  assert.deepEqual(scan.report.violations, []);
});

test('Klaro: its notice’s accept and decline buttons, found by its markup', async () => {
  const scan = await runScan(site.url + 'klaro.html', ['--pages', '1', '--fail-on-violation', '--timeout', '5']);
  assert.equal(scan.status, 0, scan.stderr);
  const [page] = scan.report.pageResults;
  assert.deepEqual([page.decisions.accept.tool, page.decisions.accept.label], ['Klaro', "That's ok"]);
  assert.deepEqual([page.decisions.reject.tool, page.decisions.reject.label], ['Klaro', 'I decline']);
  assert.equal(requested(scan.report, 'accept', 'www.googletagmanager.com'), true, 'accepting released the gated tag');
  assert.equal(requested(scan.report, 'reject', 'www.googletagmanager.com'), false);
  assert.ok(scan.report.phases.reject.cookies.some((/** @type {any} */ c) => c.name == 'klaro'));
});

test('a home-made German banner: "Alle akzeptieren" and "Alle ablehnen" by their accessible names', async () => {
  const scan = await runScan(site.url + 'german-banner.html', ['--pages', '1', '--fail-on-violation', '--timeout', '5']);
  assert.equal(scan.status, 0, scan.stderr);
  const [page] = scan.report.pageResults;
  assert.deepEqual(page.decisions, { accept: { via: 'button', label: 'Alle akzeptieren' }, reject: { via: 'button', label: 'Alle ablehnen' } });
  assert.equal(requested(scan.report, 'accept', 'connect.facebook.net'), true);
  assert.equal(requested(scan.report, 'reject', 'connect.facebook.net'), false);
  const stored = scan.report.phases.reject.cookies.find((/** @type {any} */ c) => c.name == 'zustimmung');
  assert.equal(stored.category, 'unknown', 'a first-party cookie no catalogue knows: listed, not flagged');
});
