#!/usr/bin/env node
// Side-by-side benchmark: consent-gate against vanilla-cookieconsent 3, klaro and tarteaucitronjs,
// for the two page views a site serves: the first visit (banner shows) and the returning visit
// (choice stored: most page views), plus the auto-blocking cost page once `autoBlock` exists.
//
//   npm run bench                      # builds dist/, then runs this script (15 rounds)
//   node bench/run.mjs [--runs 15] [--seed 1] [--out BENCHMARK.md] [--no-write]
//   node bench/run.mjs --quick         # 3 rounds, 1 correctness round (a smoke test of the scenarios)
//   node bench/run.mjs --report        # rewrite the report from bench/results/last-run.json
//
// --no-write, and --quick without --out, leave BENCHMARK.md alone and write bench/results/report.md.
//
// Headless Chromium (Debian's /usr/bin/chromium, or CHROMIUM_PATH), a local server on a free port
// (BENCH_PORT to pin one), every non-local request intercepted (gtag.js answered by e2e/stubs/gtag.js,
// the rest 204), a fresh browser context for every load, loads interleaved between SDKs in a seeded
// shuffled order. Each load is a first visit, then Accept, then a reload in the same context as a
// returning visitor. Writes BENCHMARK.md and bench/results/last-run.json. Bounded: every wait has a
// timeout and the whole run has a deadline. Exits non-zero when a scenario did not do what it must
// (the gated tag did not fire on a returning visit, say), so broken figures are never quietly reported.
import { chromium } from '@playwright/test';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { cpus, totalmem, loadavg } from 'node:os';
import { gzipSync, brotliCompressSync, constants as zlibConstants } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { dirname, join, relative, sep } from 'node:path';
import { startServer } from './server.mjs';
import { SDKS, GTAG_URL, TRACKER_HOST } from './sdks.mjs';
import { LAUNCH_ARGS, chromiumPath, median, sdkFrameOwners, startSampling } from './browser.mjs';
import { writeReport, consoleSummary } from './report.mjs';
import { parseSourceMap, sourceAt, textBySource, groupOf } from './sourcemap.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : def;
};
const QUICK = args.includes('--quick');
const RUNS = Math.max(1, Math.min(100, Number(opt('runs', QUICK ? 3 : 15)) || 15));
const WARMUP = 1;
const SEED = Number(opt('seed', 1)) >>> 0;
const OUT = opt('out', join(ROOT, 'BENCHMARK.md'));
// A quick run is a smoke test of the scenarios: it does not overwrite BENCHMARK.md unless --out says so.
const WRITE = !args.includes('--no-write') && (!QUICK || args.includes('--out'));
/** Port of the bench server, known once it listens (a free one unless BENCH_PORT pins it). */
let PORT = 0;
const CORRECTNESS_ROUNDS = QUICK ? 1 : 2;
const DEADLINE_MS = 12 * 60_000;
const SETTLE_MS = 500; // quiet time after max(banner visible, load) before the window closes
const BANNER_TIMEOUT_MS = 10_000;
// Returning visit: how long the gated tag may take after the reload before the scenario counts as
// broken (tarteaucitron waits for `load`, then fetches three files before it runs its services).
const RETURN_TAG_TIMEOUT_MS = 10_000;
// After Accept, before the reload: every SDK stores its choice synchronously in the click handler,
// this only lets the tag's own cookies and any deferred write land first.
const AFTER_ACCEPT_MS = 300;
const VIEWPORT = { width: 1280, height: 720 };

const started = Date.now();
const deadline = started + DEADLINE_MS;
const log = (...a) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(1).padStart(6)}s]`, ...a);

/** Seeded PRNG (mulberry32) and Fisher-Yates shuffle: the same seed gives the same order. */
function rng(seed) {
  let a = seed || 1;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function shuffle(list, rand) {
  const a = [...list];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// `--report`: rewrite the report from bench/results/last-run.json without measuring again.
if (args.includes('--report')) {
  const last = JSON.parse(readFileSync(join(ROOT, 'bench/results/last-run.json'), 'utf8'));
  const md = writeReport({ ...last, sdks: SDKS, previous: existsSync(OUT) ? readFileSync(OUT, 'utf8') : '' });
  const written = WRITE ? OUT : join(ROOT, 'bench/results/report.md');
  writeFileSync(written, md);
  console.log(consoleSummary({ ...last, sdks: SDKS }));
  console.log(`wrote ${relative(ROOT, written)}`);
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------
// Preconditions

const distFile = join(ROOT, 'dist/consent-gate.js');
if (!existsSync(distFile)) {
  console.error('bench: dist/consent-gate.js is missing; run `npm run build` first (`npm run bench` does).');
  process.exit(1);
}
for (const s of SDKS) {
  if (s.pkg && !existsSync(join(ROOT, 'node_modules', s.pkg, 'package.json'))) {
    console.error(`bench: ${s.pkg} is not installed; run \`npm install\`.`);
    process.exit(1);
  }
}
const versionOf = (pkg) => JSON.parse(readFileSync(join(ROOT, pkg ? `node_modules/${pkg}/package.json` : 'package.json'), 'utf8')).version;
for (const s of SDKS) s.version = versionOf(s.pkg);

// The host pages must carry the same content; only the SDK set-up differs.
const contentOf = (html) => (html.match(/<!-- content:start[\s\S]*?<!-- content:end -->/) || [''])[0];
{
  const contents = SDKS.map((s) => contentOf(readFileSync(join(ROOT, s.page.slice(1)), 'utf8')));
  if (!contents[0] || contents.some((c) => c !== contents[0])) {
    console.error('bench: the content blocks of bench/pages/*.html differ; they must be identical.');
    process.exit(1);
  }
}

const probeSource = readFileSync(join(ROOT, 'bench/probe.js'), 'utf8');
const gtagStub = readFileSync(join(ROOT, 'e2e/stubs/gtag.js'), 'utf8');

// ---------------------------------------------------------------------------------------------
// One load

/**
 * A fresh context with the probe and the network stub. `net.local` lists every local response, tagged
 * with the phase it arrived in (`first` visit or `return` visit), so each visit's bytes can be counted
 * from what the browser really fetched.
 * @returns {Promise<{ ctx, page, net: { phase: string, ext: { url: string, t: number }[], local: { path: string, status: number, phase: string, t: number }[] } }>}
 */
async function openPage(browser, bannerSpec) {
  const ctx = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, locale: 'en-US' });
  const net = { phase: 'first', ext: [], local: [] };
  ctx.on('response', (res) => {
    const u = new URL(res.url());
    if (u.hostname === 'localhost' || u.hostname === '127.0.0.1') net.local.push({ path: u.pathname, status: res.status(), phase: net.phase, t: Date.now() });
  });
  // Every non-local request is intercepted: gtag.js gets the local stub, anything else an empty 204.
  await ctx.route(
    (url) => !(url.protocol === 'data:' || url.protocol === 'blob:' || url.hostname === 'localhost' || url.hostname === '127.0.0.1'),
    (route) => {
      const url = route.request().url();
      net.ext.push({ url, t: Date.now(), phase: net.phase });
      const u = new URL(url);
      if (u.hostname === 'www.googletagmanager.com' && u.pathname === '/gtag/js')
        return route.fulfill({ status: 200, contentType: 'text/javascript', body: gtagStub, headers: { 'timing-allow-origin': '*' } });
      return route.fulfill({ status: 204, body: '', headers: { 'timing-allow-origin': '*' } });
    },
  );
  await ctx.addInitScript({
    content: `(${probeSource.replace(/^[\s\S]*?(function benchProbe)/, '$1')})(${JSON.stringify({ ...bannerSpec, maxMs: BANNER_TIMEOUT_MS })});`,
  });
  const page = await ctx.newPage();
  await page.goto(`http://localhost:${PORT}/__blank`, { waitUntil: 'load', timeout: 15_000 });
  net.local.length = 0;
  return { ctx, page, net };
}

/** Paths of the SDK's files fetched (HTTP 200) in one phase of a load. */
const sdkPathsFetched = (net, sdk, phase) =>
  [...new Set(net.local.filter((l) => l.phase === phase && l.status === 200 && l.path.startsWith(sdk.files)).map((l) => l.path))].sort();

const isTracker = (url) => {
  try {
    return TRACKER_HOST.test(new URL(url).hostname);
  } catch {
    return false;
  }
};

/** Wait (bounded) until the probe saw the banner visible, then until max(banner, load) + SETTLE_MS. */
async function waitBannerAndSettle(page) {
  try {
    // Visible; or rendered but still outside the viewport 1 s later; or nothing by the deadline.
    await page.waitForFunction(
      () => {
        const b = window.__bench;
        const now = performance.now();
        return b && (b.banner !== null || (b.rendered !== null && now > b.rendered + 1000) || now > b.spec.maxMs);
      },
      null,
      { polling: 50, timeout: BANNER_TIMEOUT_MS + 2000 },
    );
  } catch {
    /* reported as "no banner" below */
  }
  const b = await page.evaluate(() => ({ banner: window.__bench.banner, load: window.__bench.load, now: performance.now() }));
  const until = Math.max(b.banner ?? b.rendered ?? 0, b.load ?? 0) + SETTLE_MS;
  if (until > b.now) await sleep(Math.min(until - b.now, 5000));
  return page.evaluate(() => JSON.parse(JSON.stringify(window.__bench)));
}

/** CLS as Chromium defines it: the largest session window (gap < 1 s, span <= 5 s) of shifts without recent input. */
function cls(shifts) {
  let best = 0;
  let cur = 0;
  let first = -Infinity;
  let last = -Infinity;
  for (const s of shifts.filter((x) => !x.input).sort((a, b) => a.start - b.start)) {
    if (s.start - last < 1000 && s.start - first < 5000) cur += s.value;
    else {
      cur = s.value;
      first = s.start;
    }
    last = s.start;
    best = Math.max(best, cur);
  }
  return best;
}

/**
 * Returning visit, in the context the first visit just decided in: reload, then wait (bounded) until
 * the gated tag was requested and ran, the load event fired, and SETTLE_MS passed after the later of
 * the two. Throws when the visit is not what it must be (tag missing or run twice, banner shown, no
 * SDK file fetched), so a broken peer set-up fails the run instead of reporting figures of nothing.
 * `cdp` given: the V8 profiler covers the reload and the SDK's JavaScript time is returned too.
 */
async function returningVisit(page, net, sdk, cdp = null) {
  net.phase = 'return';
  if (cdp) {
    await startSampling(cdp);
  }
  await page.reload({ waitUntil: 'load', timeout: 15_000 });
  const fired = await page
    .waitForFunction((u) => window.__bench.load !== null && window.__bench.trackers.some((t) => t.url === u) && window.__gtagLoads > 0, GTAG_URL, {
      polling: 20,
      timeout: RETURN_TAG_TIMEOUT_MS,
    })
    .then(() => true)
    .catch(() => false);
  let b = await page.evaluate(() => ({ b: JSON.parse(JSON.stringify(window.__bench)), now: performance.now() }));
  const tagAt = b.b.trackers.find((t) => t.url === GTAG_URL)?.start ?? null;
  const until = Math.max(tagAt ?? 0, b.b.load ?? 0) + SETTLE_MS;
  if (until > b.now) await sleep(Math.min(until - b.now, 5000));
  const out = { files: sdkPathsFetched(net, sdk, 'return') };
  if (cdp) {
    const { profile } = await cdp.send('Profiler.stop');
    const prefix = `http://localhost:${PORT}${sdk.files}`;
    const t = sdkTimeFromProfile(profile, (url) => !!url && url.startsWith(prefix));
    Object.assign(out, { sdkJs: t.sdk, pageJs: t.js, frames: t.frames });
  }
  const after = await page.evaluate(() => ({ b: JSON.parse(JSON.stringify(window.__bench)), gtagLoads: window.__gtagLoads || 0 }));
  b = after.b;
  const windowEnd = Math.max(tagAt ?? 0, b.load ?? 0) + SETTLE_MS;
  Object.assign(out, {
    tagRequested: tagAt,
    gtagLoads: after.gtagLoads,
    bannerRendered: b.rendered,
    dcl: b.dcl,
    load: b.load,
    longtasks: b.longtasks.filter((t) => t.start < windowEnd),
    cls: cls(b.shifts.filter((s) => s.start < windowEnd)),
  });
  if (!fired) throw new Error(`the gated tag was not requested and run within ${RETURN_TAG_TIMEOUT_MS / 1000} s of the reload: the choice was not restored`);
  if (after.gtagLoads !== 1) throw new Error(`the gated tag ran ${after.gtagLoads} times on the reload (expected once)`);
  if (b.rendered !== null) throw new Error(`the banner was rendered on the reload (at ${fmtMs(b.rendered)} ms) although the choice was stored`);
  if (!out.files.length) throw new Error('no SDK file was fetched on the reload');
  return out;
}
const fmtMs = (x) => (typeof x === 'number' ? x.toFixed(0) : String(x));

/** Run the returning visit; record its figures, or its failure, under `r.returning` (first-visit figures stay). */
async function recordReturningVisit(r, page, net, sdk, cdp) {
  try {
    r.returning = await returningVisit(page, net, sdk, cdp);
  } catch (e) {
    r.returning = { error: String(e && e.message ? e.message.split('\n')[0] : e) };
  }
}

/**
 * Timed load: banner visible, long tasks, CLS, page script time, trackers before consent, then
 * Accept and the time to the tracker request; then the returning visit (bytes, tag request time).
 */
async function timedLoad(browser, sdk) {
  const { ctx, page, net } = await openPage(browser, sdk.banner);
  const r = { sdk: sdk.id, mode: 'timed' };
  try {
    const cdp = await ctx.newCDPSession(page);
    // threadTicks: durations in main-thread CPU time, so time the thread spent descheduled does not count.
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await page.goto(`http://localhost:${PORT}${sdk.page}`, { waitUntil: 'load', timeout: 15_000 });
    const b = await waitBannerAndSettle(page);
    const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    const windowEnd = Math.max(b.banner ?? b.rendered ?? 0, b.load ?? 0) + SETTLE_MS;
    Object.assign(r, {
      banner: b.banner,
      rendered: b.rendered,
      opaque: b.opaque,
      rect: b.rect,
      dcl: b.dcl,
      load: b.load,
      longtasks: b.longtasks.filter((t) => t.start < windowEnd),
      cls: cls(b.shifts.filter((s) => s.start < windowEnd)),
      shifts: b.shifts.length,
      scriptDuration: metrics.ScriptDuration * 1000,
      taskDuration: metrics.TaskDuration * 1000,
      trackersBefore: net.ext.filter((e) => isTracker(e.url)).map((e) => e.url),
      // First-visit bytes: what the SDK fetched until the banner showed and the window closed.
      local: sdkPathsFetched(net, sdk, 'first'),
    });
    // A banner rendered outside the viewport is reported as such (no "visible" time) but still clicked.
    r.offscreen = b.banner === null && b.rendered !== null;
    if (b.rendered === null) throw new Error('banner never rendered');
    // Accept, and time the tracker request on the page's clock (click event timeStamp -> resource startTime).
    const clickWall = Date.now();
    await sdk.accept(page).click({ timeout: 5000 });
    await page.waitForFunction((u) => window.__bench.trackers.some((t) => t.url === u), GTAG_URL, { polling: 20, timeout: 5000 }).catch(() => {});
    await sleep(100);
    const after = await page.evaluate(() => ({ b: JSON.parse(JSON.stringify(window.__bench)), gtagLoads: window.__gtagLoads || 0 }));
    const click = after.b.clicks[after.b.clicks.length - 1];
    const gtag = after.b.trackers.find((t) => t.url === GTAG_URL);
    const extGtag = net.ext.find((e) => e.url === GTAG_URL && e.t >= clickWall);
    Object.assign(r, {
      acceptToTracker: gtag && click !== undefined ? gtag.start - click : null,
      acceptToTrackerWall: extGtag ? extGtag.t - clickWall : null,
      acceptLoadsTag: !!extGtag && after.gtagLoads === 1,
      trackersAfterAccept: net.ext.filter((e) => isTracker(e.url) && e.t >= clickWall).length,
    });
    await sleep(AFTER_ACCEPT_MS);
    if (r.acceptLoadsTag) await recordReturningVisit(r, page, net, sdk, null);
    else r.returning = { error: 'Accept did not load the tag once on the first visit, so there is no returning visit to measure' };
  } catch (e) {
    r.error = String(e && e.message ? e.message.split('\n')[0] : e);
  } finally {
    await ctx.close().catch(() => {});
  }
  return r;
}

/** Self+children time of every profile node whose stack contains a frame from one of the SDK's files. */
function sdkTimeFromProfile(profile, isSdkUrl) {
  const { nodes: byId, owner } = sdkFrameOwners(profile, isSdkUrl);
  let sdk = 0;
  let js = 0;
  const frames = {};
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length; i++) {
    const dt = i + 1 < timeDeltas.length ? timeDeltas[i + 1] : 0;
    const node = byId.get(samples[i]);
    const name = node.callFrame.functionName;
    const own = owner.get(node.id);
    if (own) {
      sdk += dt;
      const cf = own.callFrame;
      const key = `${cf.url}:${cf.lineNumber}:${cf.columnNumber}:${cf.functionName}`;
      frames[key] = (frames[key] || 0) + dt / 1000;
    }
    if (!['(idle)', '(program)', '(garbage collector)', '(root)'].includes(name)) js += dt;
  }
  return { sdk: sdk / 1000, js: js / 1000, frames };
}

/**
 * Profiled load: V8 sampling profiler (100 us) from before navigation to the end of the settle window;
 * then, with the profiler off, Accept; then the returning visit, profiled the same way.
 */
async function profiledLoad(browser, sdk) {
  const { ctx, page, net } = await openPage(browser, sdk.banner);
  const r = { sdk: sdk.id, mode: 'profile' };
  try {
    const cdp = await ctx.newCDPSession(page);
    await startSampling(cdp);
    await page.goto(`http://localhost:${PORT}${sdk.page}`, { waitUntil: 'load', timeout: 15_000 });
    const b = await waitBannerAndSettle(page);
    const { profile } = await cdp.send('Profiler.stop');
    const prefix = `http://localhost:${PORT}${sdk.files}`;
    const t = sdkTimeFromProfile(profile, (url) => !!url && url.startsWith(prefix));
    const urls = new Set(profile.nodes.map((n) => n.callFrame.url).filter((u) => u && u.startsWith(prefix)));
    Object.assign(r, {
      banner: b.banner,
      sdkJs: t.sdk,
      pageJs: t.js,
      frames: t.frames,
      sdkUrlsSeen: urls.size,
      trackersBefore: net.ext.filter((e) => isTracker(e.url)).map((e) => e.url),
    });
    if (urls.size === 0) throw new Error('profile holds no frame from the SDK files');
    if (b.rendered === null) throw new Error('banner never rendered');
    await sdk.accept(page).click({ timeout: 5000 });
    const accepted = await page
      .waitForFunction(() => window.__gtagLoads > 0, null, { polling: 20, timeout: 5000 })
      .then(() => true)
      .catch(() => false);
    await sleep(AFTER_ACCEPT_MS);
    if (accepted) await recordReturningVisit(r, page, net, sdk, cdp);
    else r.returning = { error: 'Accept did not load the tag on the first visit, so there is no returning visit to measure' };
  } catch (e) {
    r.error = String(e && e.message ? e.message.split('\n')[0] : e);
  } finally {
    await ctx.close().catch(() => {});
  }
  return r;
}

/** Decide (accept or reject), check what loads, reload, check the banner stays away and the choice holds. */
async function correctnessLoad(browser, sdk, choice) {
  const { ctx, page, net } = await openPage(browser, sdk.banner);
  const r = { sdk: sdk.id, mode: `persist-${choice}` };
  try {
    await page.goto(`http://localhost:${PORT}${sdk.page}`, { waitUntil: 'load', timeout: 15_000 });
    const b = await waitBannerAndSettle(page);
    r.trackersBefore = net.ext.filter((e) => isTracker(e.url)).map((e) => e.url);
    if (b.rendered === null) throw new Error('banner never rendered');
    r.offscreen = b.banner === null;
    // The Playwright locator must agree with the probe: the banner is visible.
    r.locatorVisible = await sdk.bannerLocator(page).first().isVisible();
    const clickWall = Date.now();
    await (choice === 'accept' ? sdk.accept : sdk.reject)(page).click({ timeout: 5000 });
    // After Accept, wait for the tag (bounded) then a little; after Reject, give anything wrong time to load.
    if (choice === 'accept') await page.waitForFunction(() => window.__gtagLoads > 0, null, { polling: 20, timeout: 3000 }).catch(() => {});
    await sleep(choice === 'accept' ? 300 : 800);
    const first = await page.evaluate(() => ({ gtagLoads: window.__gtagLoads || 0 }));
    r.gaCookie = (await ctx.cookies()).some((c) => c.name === '_ga');
    r.trackersAfterChoice = net.ext.filter((e) => isTracker(e.url) && e.t >= clickWall).length;
    r.bannerHidden = !(await sdk
      .bannerLocator(page)
      .first()
      .isVisible()
      .catch(() => false));
    r.tagLoaded = first.gtagLoads > 0;
    // Reload: the stored choice must hold, without the banner.
    const reloadWall = Date.now();
    await page.reload({ waitUntil: 'load', timeout: 15_000 });
    await sleep(800);
    const again = await page.evaluate(() => ({ b: JSON.parse(JSON.stringify(window.__bench)), gtagLoads: window.__gtagLoads || 0 }));
    r.reloadBannerShown = again.b.rendered !== null;
    r.reloadTrackers = net.ext.filter((e) => isTracker(e.url) && e.t >= reloadWall).length;
    r.reloadTagLoaded = again.gtagLoads > 0;
    r.ok =
      r.trackersBefore.length === 0 &&
      r.bannerHidden &&
      !r.reloadBannerShown &&
      (choice === 'accept'
        ? r.tagLoaded && r.gaCookie && r.trackersAfterChoice > 0 && r.reloadTagLoaded && r.reloadTrackers > 0
        : !r.tagLoaded && !r.gaCookie && r.trackersAfterChoice === 0 && !r.reloadTagLoaded && r.reloadTrackers === 0);
  } catch (e) {
    r.error = String(e && e.message ? e.message.split('\n')[0] : e);
    r.ok = false;
  } finally {
    await ctx.close().catch(() => {});
  }
  return r;
}

// ---------------------------------------------------------------------------------------------
// Bytes shipped: what the browser fetched from the local server in each load, compressed here.

/**
 * gzip -9 / brotli 11 of every SDK file fetched, summed per kind. `perLoad` holds the SDK paths each
 * load fetched; a file counts once, and `loads` says in how many of the loads it was fetched (a file
 * fetched by only some loads is flagged in the report rather than hidden in a union).
 */
function bytesFor(sdk, perLoad, server) {
  const files = [...new Set(perLoad.flat().filter((p) => p.startsWith(sdk.files)))].sort();
  const out = { files: [], loadsN: perLoad.length, js: { raw: 0, gzip: 0, brotli: 0 }, css: { raw: 0, gzip: 0, brotli: 0 } };
  for (const path of files) {
    const body = server.file(path);
    if (!body) continue;
    const kind = path.endsWith('.css') ? 'css' : 'js';
    const f = {
      path,
      kind,
      loads: perLoad.filter((paths) => paths.includes(path)).length,
      raw: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
      brotli: brotliCompressSync(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }).length,
      sha256: createHash('sha256').update(body).digest('hex').slice(0, 12),
    };
    out.files.push(f);
    for (const k of ['raw', 'gzip', 'brotli']) out[kind][k] += f[k];
  }
  out.total = { raw: out.js.raw + out.css.raw, gzip: out.js.gzip + out.css.gzip, brotli: out.js.brotli + out.css.brotli };
  // Does the JS carry its own CSS (injected at run time)?
  out.cssInJs = out.css.raw === 0;
  return out;
}

const medianOf = (values) => median(values) ?? 0;

/**
 * Where consent-gate's bytes and JS time go, by source module group, from the source map of every
 * consent-gate file the loads fetched (`dist/consent-gate.js`, and the UI file once the build splits).
 * Gzip per group compresses that group's text alone, so the groups do not add up to the total. JS time
 * per group is given for the first visit and for the returning visit.
 */
function consentGateBreakdown(server, paths, results) {
  /** @type {Map<string, ReturnType<typeof parseSourceMap>>} served path -> parsed map */
  const maps = new Map();
  const groups = {};
  const g = (name) => (groups[name] ??= { raw: 0, gzip: 0, text: '', ms: 0, returnMs: 0 });
  for (const path of paths.filter((p) => p.endsWith('.js'))) {
    const code = server.file(path);
    const map = server.file(`${path}.map`);
    if (!code || !map) continue;
    let parsed;
    try {
      parsed = parseSourceMap(map.toString('utf8'));
    } catch {
      continue;
    }
    maps.set(path, parsed);
    for (const [src, text] of Object.entries(textBySource(parsed, code.toString('utf8'))))
      g(src === '(unmapped)' ? '(unmapped: bundle top level)' : groupOf(src)).text += text;
  }
  if (!maps.size) return null;
  for (const x of Object.values(groups)) {
    x.raw = Buffer.byteLength(x.text);
    x.gzip = gzipSync(x.text, { level: 9 }).length;
    delete x.text;
  }
  /** ms per group in one profile's SDK frames (keys "url:line:column:function"). */
  const perGroup = (frames) => {
    const acc = {};
    for (const [key, ms] of Object.entries(frames)) {
      const m = key.match(/^(.*):(\d+):(\d+):(.*)$/);
      const parsed = m && maps.get(new URL(m[1]).pathname);
      const src = parsed ? sourceAt(parsed, Number(m[2]), Number(m[3])) : -1;
      const name = src < 0 ? '(unmapped: bundle top level)' : groupOf(parsed.sources[src]);
      g(name);
      acc[name] = (acc[name] || 0) + ms;
    }
    return acc;
  };
  // Per load, ms per group; then the median over loads (robust to the odd load disturbed by other work).
  const profiled = results.filter((r) => r.sdk === 'consent-gate' && r.mode === 'profile' && !r.warmup && !r.error && r.frames);
  const first = profiled.map((r) => perGroup(r.frames));
  const returning = profiled.filter((r) => r.returning?.frames && !r.returning.error).map((r) => perGroup(r.returning.frames));
  for (const [name, x] of Object.entries(groups)) {
    x.ms = medianOf(first.map((a) => a[name] || 0));
    x.returnMs = medianOf(returning.map((a) => a[name] || 0));
  }
  return { groups, files: [...maps.keys()], runs: first.length, returnRuns: returning.length };
}

// ---------------------------------------------------------------------------------------------
// Auto-blocking cost page: consent-gate with and without `autoBlock: true` on
// a page with 1,000 elements, 20 first-party scripts and no tracker. Measured only once the build has
// the option (`instance.config.autoBlock` is defined); skipped with a note before that.

const AUTOBLOCK_PAGE = '/bench/pages/autoblock.html';
const AUTOBLOCK_VARIANTS = [
  { id: 'without autoBlock', query: '' },
  { id: 'autoBlock: true', query: '?autoBlock=1' },
];
const AUTOBLOCK_ELEMENTS = 1000;
const AUTOBLOCK_SCRIPTS = 20;
const consentGateSdk = SDKS.find((s) => s.id === 'consent-gate');

/** What the page ran: its 20 first-party scripts, its 1,000 elements, and the option as the instance reads it. */
const autoBlockPageState = (page) =>
  page.evaluate(() => ({
    scripts: (window.__firstParty || []).length,
    elements: document.querySelectorAll('main *').length,
    option: window.ConsentGate?.instance?.config?.autoBlock,
  }));

/** One load of the page, timed (DOMContentLoaded, page script time) or profiled (SDK JS time). */
async function autoBlockLoad(browser, variant, mode) {
  const { ctx, page, net } = await openPage(browser, consentGateSdk.banner);
  const r = { sdk: 'consent-gate', mode: `autoblock-${mode}`, variant: variant.id };
  try {
    const cdp = await ctx.newCDPSession(page);
    if (mode === 'timed') await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    else {
      await startSampling(cdp);
    }
    await page.goto(`http://localhost:${PORT}${AUTOBLOCK_PAGE}${variant.query}`, { waitUntil: 'load', timeout: 15_000 });
    const b = await waitBannerAndSettle(page);
    if (mode === 'timed') {
      const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
      Object.assign(r, { dcl: b.dcl, load: b.load, scriptDuration: metrics.ScriptDuration * 1000 });
    } else {
      const { profile } = await cdp.send('Profiler.stop');
      const prefix = `http://localhost:${PORT}${consentGateSdk.files}`;
      r.sdkJs = sdkTimeFromProfile(profile, (url) => !!url && url.startsWith(prefix)).sdk;
    }
    const state = await autoBlockPageState(page);
    r.trackers = net.ext.filter((e) => isTracker(e.url)).length;
    // Auto-blocking must leave a site's own scripts alone: all 20 ran, in both variants.
    if (state.scripts !== AUTOBLOCK_SCRIPTS) throw new Error(`${state.scripts} of the ${AUTOBLOCK_SCRIPTS} first-party scripts ran`);
  } catch (e) {
    r.error = String(e && e.message ? e.message.split('\n')[0] : e);
  } finally {
    await ctx.close().catch(() => {});
  }
  return r;
}

/** Whether this build has `autoBlock`; also checks the page is what it claims (1,000 elements, 20 scripts). */
async function autoBlockSupport(browser) {
  const { ctx, page } = await openPage(browser, consentGateSdk.banner);
  try {
    await page.goto(`http://localhost:${PORT}${AUTOBLOCK_PAGE}?autoBlock=1`, { waitUntil: 'load', timeout: 15_000 });
    await page
      .waitForFunction((n) => (window.__firstParty || []).length >= n && !!window.ConsentGate?.instance, AUTOBLOCK_SCRIPTS, { timeout: 5000 })
      .catch(() => {});
    const state = await autoBlockPageState(page);
    if (state.elements !== AUTOBLOCK_ELEMENTS || state.scripts !== AUTOBLOCK_SCRIPTS)
      throw new Error(
        `bench: ${AUTOBLOCK_PAGE} has ${state.elements} elements in <main> and ran ${state.scripts} first-party scripts; it must have ${AUTOBLOCK_ELEMENTS} and ${AUTOBLOCK_SCRIPTS}.`,
      );
    if (state.option === undefined)
      return {
        measured: false,
        note: 'skipped: this build has no `autoBlock` option yet (`window.ConsentGate.instance.config.autoBlock` is undefined with `autoBlock: true` in the config); the page and the scenario are ready for it.',
      };
    return { measured: true, option: state.option };
  } finally {
    await ctx.close().catch(() => {});
  }
}

// ---------------------------------------------------------------------------------------------
// Main

const server = await startServer({ root: ROOT, port: Number(process.env.BENCH_PORT || 0) });
PORT = server.port;
// Snapshot every built file now (engine, UI, maps, add-ons), so a rebuild during the run changes nothing.
for (const entry of readdirSync(join(ROOT, 'dist'), { recursive: true, withFileTypes: true }))
  if (entry.isFile() && /\.(js|css|map)$/.test(entry.name)) server.file(`/${relative(ROOT, join(entry.parentPath, entry.name)).split(sep).join('/')}`);

let browser;
const results = [];
let aborted = null;
/** 1-minute load average, sampled at the start and after every round: other work on the machine shows here. */
const loads = [];
const cleanup = async () => {
  await browser?.close().catch(() => {});
  await server.close().catch(() => {});
};
process.on('SIGINT', async () => {
  await cleanup();
  process.exit(130);
});

try {
  browser = await chromium.launch({ executablePath: chromiumPath(), args: LAUNCH_ARGS });
  const browserVersion = browser.version();
  log(`Chromium ${browserVersion}; server on port ${PORT}; ${RUNS} measured rounds after ${WARMUP} warm-up, seed ${SEED}${QUICK ? ' (quick)' : ''}`);
  const rand = rng(SEED);
  loads.push(loadavg()[0]);

  const autoBlock = await autoBlockSupport(browser);
  log(
    autoBlock.measured
      ? `auto-blocking cost page: measured (instance.config.autoBlock = ${JSON.stringify(autoBlock.option)})`
      : `auto-blocking cost page: ${autoBlock.note}`,
  );

  const rounds = WARMUP + RUNS;
  for (let round = 0; round < rounds && !aborted; round++) {
    // Every SDK's timed and profiled loads (each a first visit then a returning visit) and the
    // auto-blocking variants, shuffled together so all of them share whatever else the machine does.
    const plan = shuffle(
      [
        ...SDKS.flatMap((s) => [
          { sdk: s, mode: 'timed' },
          { sdk: s, mode: 'profile' },
        ]),
        ...(autoBlock.measured ? AUTOBLOCK_VARIANTS.flatMap((v) => ['timed', 'profile'].map((mode) => ({ variant: v, mode }))) : []),
      ],
      rand,
    );
    for (const step of plan) {
      if (Date.now() > deadline) {
        aborted = 'deadline reached';
        break;
      }
      const t0 = Date.now();
      const r = step.variant
        ? await autoBlockLoad(browser, step.variant, step.mode)
        : step.mode === 'timed'
          ? await timedLoad(browser, step.sdk)
          : await profiledLoad(browser, step.sdk);
      r.ms = Date.now() - t0;
      r.round = round;
      r.warmup = round < WARMUP;
      results.push(r);
      const label = step.variant ? `auto-blocking page (${step.variant.id})` : step.sdk.id;
      if (r.error) log(`round ${round} ${label} ${step.mode}: ERROR ${r.error}`);
      else if (r.returning?.error) log(`round ${round} ${label} ${step.mode}: RETURNING VISIT FAILED: ${r.returning.error}`);
    }
    loads.push(loadavg()[0]);
    const mine = results.filter((r) => r.round === round);
    log(
      `round ${round + 1}/${rounds}${round < WARMUP ? ' (warm-up)' : ''}: ${mine.filter((r) => !r.error && !r.returning?.error).length}/${plan.length} loads ok`,
    );
    // A returning visit that fails in the warm-up is a broken scenario (a peer that does not restore
    // its choice, a tag that never fires), not noise: stop rather than time the wrong thing.
    if (round < WARMUP) {
      const broken = mine.filter((r) => r.returning?.error);
      if (broken.length) {
        aborted = `the returning-visit scenario failed in the warm-up: ${broken.map((r) => `${r.sdk} (${r.mode}): ${r.returning.error}`).join('; ')}`;
        log(`ABORT: ${aborted}`);
      }
    }
  }

  for (let round = 0; round < CORRECTNESS_ROUNDS && !aborted; round++) {
    const plan = shuffle(
      SDKS.flatMap((s) => [
        { sdk: s, choice: 'accept' },
        { sdk: s, choice: 'reject' },
      ]),
      rand,
    );
    for (const step of plan) {
      if (Date.now() > deadline) {
        aborted = 'deadline reached';
        break;
      }
      const t0 = Date.now();
      const r = await correctnessLoad(browser, step.sdk, step.choice);
      r.ms = Date.now() - t0;
      r.round = round;
      results.push(r);
      if (r.error || !r.ok) log(`correctness ${step.sdk.id} ${step.choice}: ${r.error || 'FAILED'} ${JSON.stringify(r)}`);
    }
    log(`correctness round ${round + 1}/${CORRECTNESS_ROUNDS} done`);
  }

  // Bytes: per SDK, what its measured timed loads fetched on the first visit (until the banner showed
  // and the window closed) and on the returning visit (the reload after Accept).
  const measured = (s) => results.filter((r) => r.sdk === s.id && r.mode === 'timed' && !r.warmup && !r.error);
  const bytes = { first: {}, returning: {} };
  for (const s of SDKS) {
    bytes.first[s.id] = bytesFor(
      s,
      measured(s).map((r) => r.local),
      server,
    );
    bytes.returning[s.id] = bytesFor(
      s,
      measured(s)
        .filter((r) => r.returning && !r.returning.error)
        .map((r) => r.returning.files),
      server,
    );
  }

  const cgPaths = [...new Set([...bytes.first['consent-gate'].files, ...bytes.returning['consent-gate'].files].map((f) => f.path))];
  const breakdown = consentGateBreakdown(server, cgPaths, results);

  const meta = {
    date: new Date().toISOString(),
    browser: `Chromium ${browserVersion}`,
    machine: `${cpus().length} cores (${cpus()[0]?.model?.trim() || 'unknown CPU'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${process.platform} ${process.arch}`,
    node: process.version,
    runs: RUNS,
    warmup: WARMUP,
    seed: SEED,
    quick: QUICK,
    correctnessRounds: CORRECTNESS_ROUNDS,
    loadavg: { samples: loads.map((x) => Math.round(x * 100) / 100), min: Math.min(...loads), max: Math.max(...loads), cores: cpus().length },
    durationS: (Date.now() - started) / 1000,
    aborted,
    autoBlock,
    viewport: VIEWPORT,
    sdks: SDKS.map((s) => ({ id: s.id, version: s.version, page: s.page, bannerDesc: s.bannerDesc })),
  };
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench/results/last-run.json'), JSON.stringify({ meta, bytes, breakdown, results }, null, 1));
  const md = writeReport({ meta, bytes, breakdown, results, sdks: SDKS, previous: existsSync(OUT) ? readFileSync(OUT, 'utf8') : '' });
  // Without permission to write BENCHMARK.md (--no-write, or --quick without --out) the report goes
  // beside the raw data, which is not committed.
  const written = WRITE ? OUT : join(ROOT, 'bench/results/report.md');
  writeFileSync(written, md);
  console.log(consoleSummary({ meta, bytes, results, sdks: SDKS }));
  log(`done in ${meta.durationS.toFixed(0)} s; wrote ${relative(ROOT, written)} and bench/results/last-run.json`);

  // Fail loudly: a measured returning visit that did not restore the choice, fire the tag once and keep
  // the banner away means the figures above describe a broken scenario.
  const failedReturns = results.filter((r) => !r.warmup && !r.error && r.returning?.error);
  if (aborted || failedReturns.length) {
    for (const r of failedReturns) console.error(`bench: returning visit failed: ${r.sdk} (${r.mode}, round ${r.round}): ${r.returning.error}`);
    if (aborted) console.error(`bench: stopped early: ${aborted}`);
    process.exitCode = 1;
  }
} catch (e) {
  console.error('bench: failed:', e);
  process.exitCode = 1;
} finally {
  await cleanup();
}
