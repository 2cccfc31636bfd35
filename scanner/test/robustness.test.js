// @ts-check
// A crawl meets pages that fail, hang or never let go: each is reported, the crawl goes on, and
// the scan ends in bounded time. The sitemap brings in a page no link points to; --pages caps it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { serveDirectory } from './helpers/static-server.js';
import { runScan } from './helpers/run-scan.js';
import { waitForBuild } from './helpers/build.js';

/** @type {Awaited<ReturnType<typeof serveDirectory>>} */
let site;
/** @type {Awaited<ReturnType<typeof runScan>>} */
let scan;

before(async () => {
  await waitForBuild(['catalogue.js']);
  site = await serveDirectory(fileURLToPath(new URL('./fixtures/robust/', import.meta.url)), {
    routes: {
      '/never': (_req, res) => {
        res.writeHead(200, { 'content-type': 'image/png' });
        res.write(Buffer.alloc(8)); // a first chunk, then silence until the server closes
      },
      '/broken': (_req, res) => void res.writeHead(500, { 'content-type': 'text/html' }).end('<h1>Internal error</h1>'),
      '/sitemap.xml': (req, res) => {
        const origin = `http://${req.headers.host}`;
        res.writeHead(200, { 'content-type': 'application/xml' });
        res.end(`<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${origin}/</loc></url><url><loc>${origin}/from-sitemap.html</loc></url><url><loc>https://elsewhere.example/</loc></url></urlset>`);
      },
    },
  });
  scan = await runScan(site.url, ['--timeout', '2']);
});
after(() => site?.close());

/** @param {string} path */
const at = (path) => new URL(path, site.url).href;
/** @param {string} path */
const result = (path) => scan.report.pageResults.find((/** @type {any} */ p) => p.url === at(path));

test('exit code 0 without --fail-on-violation, even with violations; the scan ends in bounded time', () => {
  assert.equal(scan.status, 0, scan.stderr);
  assert.ok(scan.report.violations.length > 0);
  assert.ok(scan.seconds < 120, `took ${scan.seconds} s`);
});

test('the sitemap’s page comes right after the start page; files, mail links and other sites are not pages', () => {
  assert.deepEqual(scan.report.pages, [at('/'), at('/from-sitemap.html'), at('/slow.html'), at('/busy.html'), at('/broken'), at('/gone.html')]);
  const hotjar = scan.report.violations.find((/** @type {any} */ v) => v.name == 'static.hotjar.com');
  assert.equal(hotjar.page, at('/from-sitemap.html'));
});

test('HTTP errors are reported per page and the crawl goes on', () => {
  assert.match(result('/broken').error, /HTTP 500/);
  assert.match(result('/gone.html').error, /HTTP 404/);
  assert.ok(!result('/from-sitemap.html').error);
});

test('a page whose load never ends is scanned as it stands when the wait runs out, in all three phases', () => {
  const slow = result('/slow.html');
  assert.equal(slow.error, undefined);
  assert.deepEqual(slow.settled, { before: false, accept: false, reject: false });
  assert.match(scan.html, /did not settle in time/);
});

test('a page whose script never lets go is reported as not responding, and the scan moves on', () => {
  assert.match(result('/busy.html').error, /stopped responding/);
  assert.match(scan.stderr, /\/busy\.html\s+failed: the page stopped responding/);
});

test('--pages caps the crawl', async () => {
  const one = await runScan(site.url, ['--pages', '1', '--timeout', '2']);
  assert.equal(one.status, 0, one.stderr);
  assert.deepEqual(one.report.pages, [at('/')]);
});
