#!/usr/bin/env node
// @ts-check
// Benchmark (not a test): how long consent-gate-scan takes for a 20-page local site in three
// phases, run as a site owner runs it (the bin, from process start to exit). DESIGN.md's
// budget is 60 s on 2 cores, its goal 20 s. Usage: node scanner/bench/run.mjs [--runs 3] [--pages 20]
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { serveDirectory } from '../test/helpers/static-server.js';
import { DIST, waitForBuild } from '../test/helpers/build.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, pages: { type: 'string', default: '20' }, concurrency: { type: 'string', default: '2' } } });
const runs = Number(values.runs);
const pageCount = Number(values.pages);
const BIN = fileURLToPath(new URL('../bin/consent-gate-scan.js', import.meta.url));

/**
 * A small shop of `count` pages, each linking to every other: consent-gate with gated GA4 and
 * Meta Pixel, Stripe loading at once, a stand-in that sets _ga once analytics may run.
 * @param {string} root
 * @param {number} count
 */
function generateSite(root, count) {
  mkdirSync(join(root, 'js'), { recursive: true });
  cpSync(DIST, join(root, 'dist'), { recursive: true });
  writeFileSync(join(root, 'js', 'analytics-stub.js'), "document.cookie = '_ga=GA1.1.1.1; path=/; max-age=63072000; SameSite=Lax';\n");
  const names = Array.from({ length: count }, (_, i) => (i == 0 ? 'index.html' : `page-${i}.html`));
  const nav = names.map((n, i) => `<a href="/${n == 'index.html' ? '' : n}">Page ${i + 1}</a>`).join(' ');
  for (const [i, name] of names.entries()) {
    writeFileSync(
      join(root, name),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bench page ${i + 1}</title>
<script>window.consentGateConfig = { revision: '1', categories: { necessary: { required: true }, analytics: {}, marketing: {} }, services: { ga4: { category: 'analytics', cookies: ['_ga', /^_ga_/] }, meta: { category: 'marketing', cookies: ['_fbp'] } } };</script>
<script src="/dist/consent-gate.js"></script>
<script type="text/plain" data-consent="analytics" data-service="ga4" src="https://www.googletagmanager.com/gtag/js?id=G-BENCH"></script>
<script type="text/plain" data-consent="analytics" data-service="ga4" src="/js/analytics-stub.js"></script>
<script type="text/plain" data-consent="marketing" data-service="meta" src="https://connect.facebook.net/en_US/fbevents.js"></script>
<script src="https://js.stripe.com/v3/"></script>
</head><body><h1>Page ${i + 1}</h1><p>${'Some text. '.repeat(40)}</p><nav>${nav}</nav></body></html>\n`,
    );
  }
}

/**
 * @param {string} url
 * @param {string} out
 * @returns {Promise<{ seconds: number, status: number | null, stderr: string }>}
 */
function scanOnce(url, out) {
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [BIN, url, '--out', out, '--pages', String(pageCount), '--concurrency', String(values.concurrency)], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.on('exit', (status) => resolve({ seconds: Number(process.hrtime.bigint() - started) / 1e9, status, stderr })));
}

await waitForBuild(['consent-gate.js', 'catalogue.js']);
const root = mkdtempSync(join(tmpdir(), 'consent-gate-scan-bench-'));
generateSite(root, pageCount);
const site = await serveDirectory(root);
const times = [];
try {
  for (let run = 1; run <= runs; run++) {
    const out = join(root, `out-${run}`);
    const load = loadavg()[0];
    const { seconds, status, stderr } = await scanOnce(site.url, out);
    const pagesLine = stderr.match(/(\d+) pages? scanned/);
    if (status !== 0 || !pagesLine || Number(pagesLine[1]) !== pageCount) {
      console.error(stderr);
      throw new Error(`run ${run}: exit ${status}, expected ${pageCount} pages scanned`);
    }
    times.push(seconds);
    console.log(`run ${run}: ${seconds.toFixed(1)} s (${pageCount} pages x 3 phases; load average before the run ${load.toFixed(1)})`);
  }
} finally {
  await site.close();
  rmSync(root, { recursive: true, force: true });
}
const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];
console.log(`median of ${runs}: ${median.toFixed(1)} s for ${pageCount} pages in three phases, concurrency ${values.concurrency}, ${cpus().length} CPUs (budget 60 s, goal 20 s): ${median <= 60 ? 'within budget' : 'OVER BUDGET'}`);
