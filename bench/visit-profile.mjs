#!/usr/bin/env node
// Where a visit's JavaScript time goes:
//   npm run bench:profile -- [rounds] [--first | --new-session] [--against FILE]
// consent-gate and vanilla-cookieconsent side by side, interleaved, each round a fresh context per
// SDK: the first visit, Accept, then a reload with the choice stored under V8's sampling profiler
// (100 us), as `npm run bench` measures it. `--first` profiles the first visit instead (navigation
// until the banner shows, then 500 ms, before Accept); `--new-session` a returning visit in a new
// context that holds only the stored cookies and storage (no renderer and no cache kept);
// `--against FILE` compares dist/consent-gate.js with another build of the engine, served in its
// place, instead of with vanilla-cookieconsent.
// Every sample whose stack holds an SDK frame is charged to the innermost one; this tool says which
// function that was (consent-gate's by source module, through the source map) and, when the sample
// itself is outside the SDK, what the function was waiting on (a DOM call such as the
// `document.cookie` getter, or a gated tag run by `replaceWith`). Per load: the median of the
// totals, and each place's mean (a place seen in few loads has a median of 0). The sampling inflates
// the figures alike for both SDKs: compare the rows with each other, not the totals with BENCHMARK.md.
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { startServer } from './server.mjs';
import { parseSourceMap, sourceAt } from './sourcemap.mjs';
import { SDKS } from './sdks.mjs';
import { ENGINE, LAUNCH_ARGS, ROOT, chromiumPath, keepOffline, median, requireBuiltEngine, sdkFrameOwners, startSampling } from './browser.mjs';

requireBuiltEngine();
const ROUNDS = Number(process.argv.slice(2).find((arg) => /^\d+$/.test(arg))) || 15;
const FIRST_VISIT = process.argv.includes('--first');
const NEW_SESSION = process.argv.includes('--new-session');
const TOP = 18;
const engineMap = parseSourceMap(readFileSync(`${ENGINE}.map`, 'utf8'));
// `--against FILE`: instead of vanilla-cookieconsent, consent-gate served from FILE in place of
// dist/consent-gate.js (another build of the engine), so two builds are compared in one interleaved run.
const againstIndex = process.argv.indexOf('--against');
const againstFile = againstIndex > 0 ? process.argv[againstIndex + 1] : undefined;
const consentGate = SDKS.find((sdk) => sdk.id === 'consent-gate');
const measured = againstFile
  ? [consentGate, { ...consentGate, id: `consent-gate from ${againstFile}`, engine: readFileSync(againstFile) }]
  : SDKS.filter((sdk) => sdk.id === 'consent-gate' || sdk.id === 'vanilla-cookieconsent');

/** Where a frame of an SDK file is: consent-gate's source module and line, a peer's function name and column. */
function placeOf(callFrame) {
  const name = callFrame.functionName || '(anonymous)';
  if (!callFrame.url.endsWith('/dist/consent-gate.js')) return `${name} @${callFrame.columnNumber}`;
  if (againstFile) return `${name} @${callFrame.lineNumber}:${callFrame.columnNumber}`;
  const source = sourceAt(engineMap, callFrame.lineNumber, callFrame.columnNumber);
  return source < 0 ? '(bundle top level)' : `${engineMap.sources[source].replace(/^(\.\.\/)+/, '')} @col ${callFrame.columnNumber}`;
}

/** Milliseconds per place (and in total) charged to the SDK in one profile. */
function chargeSamples(profile, isSdkUrl) {
  const { nodes, owner } = sdkFrameOwners(profile, isSdkUrl);
  const byPlace = new Map();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const own = owner.get(id);
    if (!own) return;
    const milliseconds = (profile.timeDeltas[index + 1] ?? 0) / 1000;
    const sampled = nodes.get(id).callFrame;
    const waitingOn = sampled === own.callFrame ? '' : ` > ${sampled.functionName || sampled.url.split('/').pop() || '(native)'}`;
    const place = placeOf(own.callFrame) + waitingOn;
    byPlace.set(place, (byPlace.get(place) || 0) + milliseconds);
    total += milliseconds;
  });
  return { byPlace, total };
}

const server = await startServer({ root: ROOT, port: 0 });
const browser = await chromium.launch({ executablePath: chromiumPath(), args: LAUNCH_ARGS });

/** Start the sampling profiler as `npm run bench` does; returns what stops it and charges the samples. */
async function startProfiler(context, page, sdk) {
  const cdp = await context.newCDPSession(page);
  await startSampling(cdp);
  const prefix = `http://localhost:${server.port}${sdk.files}`;
  return async () => chargeSamples((await cdp.send('Profiler.stop')).profile, (url) => !!url && url.startsWith(prefix));
}

/** A browser context for `sdk` that never reaches the internet, with the stored `state` of an earlier one if given. */
async function openContext(sdk, state) {
  const context = await browser.newContext(state ? { storageState: state } : {});
  await keepOffline(context);
  if (sdk.engine) await context.route('**/dist/consent-gate.js', (route) => route.fulfill({ contentType: 'text/javascript', body: sdk.engine }));
  return context;
}

/**
 * One round for one SDK: the first visit, Accept, the reload; the profiled one is the reload, with
 * --first the first visit, and with --new-session a load in a new context that holds only the first
 * one's cookies and storage (a new renderer with empty caches: a visitor back in a later session).
 */
async function profileOneVisit(sdk) {
  let context = await openContext(sdk);
  try {
    let page = await context.newPage();
    const stopFirst = FIRST_VISIT && (await startProfiler(context, page, sdk));
    await page.goto(`http://localhost:${server.port}${sdk.page}`, { waitUntil: 'load' });
    await sdk.bannerLocator(page).waitFor({ state: 'visible', timeout: 5000 });
    if (stopFirst) {
      await page.waitForTimeout(500);
      return await stopFirst();
    }
    await sdk.accept(page).click({ timeout: 5000 });
    await page.waitForFunction(() => window.__gtagLoads === 1, null, { timeout: 5000 });
    if (NEW_SESSION) {
      const state = await context.storageState();
      await context.close();
      context = await openContext(sdk, state);
      page = await context.newPage();
    }
    const stop = await startProfiler(context, page, sdk);
    await (NEW_SESSION ? page.goto(`http://localhost:${server.port}${sdk.page}`, { waitUntil: 'load' }) : page.reload({ waitUntil: 'load' }));
    await page.waitForFunction(() => window.__gtagLoads === 1, null, { timeout: 5000 });
    await page.waitForTimeout(500);
    return await stop();
  } finally {
    await context.close();
  }
}

const runs = new Map(measured.map((sdk) => [sdk.id, []]));
for (let round = 0; round < ROUNDS; round++)
  for (const sdk of round % 2 ? [...measured].reverse() : measured) runs.get(sdk.id).push(await profileOneVisit(sdk));
await browser.close();
await server.close();

console.log(
  `${FIRST_VISIT ? 'First visit (until the banner shows, then 500 ms)' : NEW_SESSION ? 'Returning visit in a new session (Accept; a new context with the stored choice)' : 'Returning visit (Accept, reload)'}, SDK JavaScript time under the sampling profiler, ${ROUNDS} rounds, median ms per load.\n`,
);
for (const sdk of measured) {
  const loads = runs.get(sdk.id);
  const places = new Set(loads.flatMap((load) => [...load.byPlace.keys()]));
  // Mean per load for the ranking (a place seen in few loads has a median of 0), median for the total.
  const rows = [...places].map((place) => [place, loads.reduce((sum, load) => sum + (load.byPlace.get(place) || 0), 0) / loads.length]);
  rows.sort((a, b) => b[1] - a[1]);
  console.log(`## ${sdk.id}: ${median(loads.map((load) => load.total)).toFixed(2)} ms (median total)\n`);
  console.log('| ms per load (mean) | where |\n|---:|---|');
  for (const [place, milliseconds] of rows.slice(0, TOP)) console.log(`| ${milliseconds.toFixed(2)} | ${place} |`);
  const rest = rows.slice(TOP).reduce((sum, row) => sum + row[1], 0);
  console.log(`| ${rest.toFixed(2)} | ${rows.length - Math.min(rows.length, TOP)} other places |\n`);
}
