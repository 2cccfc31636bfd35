#!/usr/bin/env node
// Auto-blocking's cost on a returning visit (choice stored), `npm run bench:autoblock`:
// bench/pages/autoblock.html (1,000 elements, 20 first-party scripts, no tracker) with and without
// `autoBlock: true`, RUNS interleaved loads each in Debian's Chromium. Reports medians of the SDK
// bytes fetched (gzip -9 of each /dist/ file) and the SDK's main-thread JavaScript time (V8 sampling
// profiler, 100 µs: self time of samples whose innermost frame is an SDK file).
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { startServer } from './server.mjs';
import { LAUNCH_ARGS, chromiumPath, median, startSampling } from './browser.mjs';

const RUNS = Number(process.env.RUNS || 15);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const server = await startServer({ root: ROOT, port: 0 });
const { port } = server;
const base = `http://127.0.0.1:${port}/bench/pages/autoblock.html`;
const browser = await chromium.launch({ executablePath: chromiumPath(), args: LAUNCH_ARGS });

/** SDK self time in a V8 CPU profile: samples whose top frame is in /dist/. */
function sdkTime(profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  let total = 0;
  profile.samples.forEach((id, index) => {
    const url = byId.get(id)?.callFrame.url || '';
    if (url.includes('/dist/')) total += (profile.timeDeltas[index + 1] ?? profile.timeDeltas[index]) / 1000;
  });
  return total;
}

async function returningVisit(query) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const fetched = new Set();
  page.on('request', (request) => request.url().includes('/dist/') && fetched.add(new URL(request.url()).pathname));
  await page.goto(base + query, { waitUntil: 'load' });
  await page.waitForFunction(() => !!window.ConsentGate?.instance);
  await page.evaluate(() => window.ConsentGate.instance.rejectAll());
  fetched.clear();
  const cdp = await context.newCDPSession(page);
  await startSampling(cdp);
  await page.reload({ waitUntil: 'load' });
  await page.waitForFunction(() => (window.__firstParty || []).length >= 20 && !!window.ConsentGate?.instance);
  await page.waitForTimeout(200);
  const { profile } = await cdp.send('Profiler.stop');
  const scripts = await page.evaluate(() => (window.__firstParty || []).length);
  await context.close();
  const bytes = [...fetched].reduce((sum, path) => sum + gzipSync(server.file(path), { level: 9 }).length, 0);
  return { bytes, js: sdkTime(profile), scripts, files: [...fetched] };
}

const variants = { without: '', with: '?autoBlock=1' };
const results = { without: [], with: [] };
await returningVisit(''); // warm-up
for (let run = 0; run < RUNS; run++)
  for (const [name, query] of run % 2 ? Object.entries(variants).reverse() : Object.entries(variants)) results[name].push(await returningVisit(query));
await browser.close();
await server.close?.();
for (const [name, list] of Object.entries(results)) {
  if (list.some((result) => result.scripts !== 20)) throw new Error(`${name}: not all 20 first-party scripts ran`);
  console.log(
    `${name} autoBlock: SDK bytes ${median(list.map((result) => result.bytes))} B gzip (${list[0].files.join(', ')}), SDK JS ${median(list.map((result) => result.js)).toFixed(2)} ms median of ${list.length}`,
  );
}
