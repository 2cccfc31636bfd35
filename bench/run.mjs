#!/usr/bin/env node
// Side-by-side benchmark: consent-gate against vanilla-cookieconsent 3, klaro and tarteaucitronjs.
//
//   npm run bench                      # builds dist/, then runs this script
//   node bench/run.mjs [--runs 15] [--seed 1] [--out BENCHMARK.md] [--no-write]
//   node bench/run.mjs --report        # rewrite the report from bench/results/last-run.json
//
// Headless Chromium (Debian's /usr/bin/chromium, or CHROMIUM_PATH), a local server on port 4177
// (BENCH_PORT), every non-local request intercepted (gtag.js answered by e2e/stubs/gtag.js, the rest
// 204), a fresh browser context for every load, loads interleaved between SDKs in a seeded shuffled
// order. Writes BENCHMARK.md and bench/results/last-run.json. Bounded: every wait has a timeout and
// the whole run has a deadline.
import { chromium } from '@playwright/test';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { cpus, totalmem, loadavg } from 'node:os';
import { gzipSync, brotliCompressSync, constants as zlibConstants } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { startServer } from './server.mjs';
import { SDKS, GTAG_URL, TRACKER_HOST } from './sdks.mjs';
import { writeReport } from './report.mjs';
import { parseSourceMap, sourceAt, textBySource, groupOf } from './sourcemap.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : def;
};
const RUNS = Math.max(1, Math.min(100, Number(opt('runs', 15)) || 15));
const WARMUP = 1;
const SEED = Number(opt('seed', 1)) >>> 0;
const OUT = opt('out', join(ROOT, 'BENCHMARK.md'));
const WRITE = !args.includes('--no-write');
const PORT = Number(process.env.BENCH_PORT || 4177);
const CORRECTNESS_ROUNDS = 2;
const DEADLINE_MS = 12 * 60_000;
const SETTLE_MS = 500; // quiet time after max(banner visible, load) before the window closes
const BANNER_TIMEOUT_MS = 10_000;
const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const VIEWPORT = { width: 1280, height: 720 };

const started = Date.now();
const deadline = started + DEADLINE_MS;
const log = (...a) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(1).padStart(6)}s]`, ...a);

function chromiumPath() {
  for (const p of [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']) if (p && existsSync(p)) return p;
  return undefined; // Playwright's own browser, if one was ever installed
}

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
  if (WRITE) writeFileSync(OUT, md);
  else console.log(md);
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
 * A fresh context with the probe and the network stub.
 * @returns {Promise<{ ctx, page, net: { ext: { url: string, t: number }[], local: { path: string, t: number }[] } }>}
 */
async function openPage(browser, sdk) {
  const ctx = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, locale: 'en-US' });
  const net = { ext: [], local: [] };
  ctx.on('request', (req) => {
    const u = new URL(req.url());
    if (u.hostname === 'localhost' || u.hostname === '127.0.0.1') net.local.push({ path: u.pathname, t: Date.now() });
  });
  // Every non-local request is intercepted: gtag.js gets the local stub, anything else an empty 204.
  await ctx.route(
    (url) => !(url.protocol === 'data:' || url.protocol === 'blob:' || url.hostname === 'localhost' || url.hostname === '127.0.0.1'),
    (route) => {
      const url = route.request().url();
      net.ext.push({ url, t: Date.now() });
      const u = new URL(url);
      if (u.hostname === 'www.googletagmanager.com' && u.pathname === '/gtag/js')
        return route.fulfill({ status: 200, contentType: 'text/javascript', body: gtagStub, headers: { 'timing-allow-origin': '*' } });
      return route.fulfill({ status: 204, body: '', headers: { 'timing-allow-origin': '*' } });
    },
  );
  await ctx.addInitScript({ content: `(${probeSource.replace(/^[\s\S]*?(function benchProbe)/, '$1')})(${JSON.stringify({ ...sdk.banner, maxMs: BANNER_TIMEOUT_MS })});` });
  const page = await ctx.newPage();
  await page.goto(`http://localhost:${PORT}/__blank`, { waitUntil: 'load', timeout: 15_000 });
  net.local.length = 0;
  return { ctx, page, net };
}

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
 * Timed load: banner visible, long tasks, CLS, page script time, trackers before consent, then
 * Accept and the time to the tracker request.
 */
async function timedLoad(browser, sdk) {
  const { ctx, page, net } = await openPage(browser, sdk);
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
      local: net.local.map((l) => l.path),
    });
    // A banner rendered outside the viewport is reported as such (no "visible" time) but still clicked.
    r.offscreen = b.banner === null && b.rendered !== null;
    if (b.rendered === null) throw new Error('banner never rendered');
    // Accept, and time the tracker request on the page's clock (click event timeStamp -> resource startTime).
    const clickWall = Date.now();
    await sdk.accept(page).click({ timeout: 5000 });
    await page
      .waitForFunction((u) => window.__bench.trackers.some((t) => t.url === u), GTAG_URL, { polling: 20, timeout: 5000 })
      .catch(() => {});
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
  } catch (e) {
    r.error = String(e && e.message ? e.message.split('\n')[0] : e);
  } finally {
    await ctx.close().catch(() => {});
  }
  return r;
}

/** Self+children time of every profile node whose stack contains a frame from one of the SDK's files. */
function sdkTimeFromProfile(profile, isSdkUrl) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  // owner: the innermost SDK frame on the node's stack (null when the stack holds none).
  const owner = new Map();
  const stack = [[profile.nodes[0], null]];
  while (stack.length) {
    const [node, up] = stack.pop();
    const own = isSdkUrl(node.callFrame.url) ? node : up;
    owner.set(node.id, own);
    for (const c of node.children || []) stack.push([byId.get(c), own]);
  }
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

/** Profiled load: V8 sampling profiler (100 us) from before navigation to the end of the settle window. */
async function profiledLoad(browser, sdk) {
  const { ctx, page, net } = await openPage(browser, sdk);
  const r = { sdk: sdk.id, mode: 'profile' };
  try {
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
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
  } catch (e) {
    r.error = String(e && e.message ? e.message.split('\n')[0] : e);
  } finally {
    await ctx.close().catch(() => {});
  }
  return r;
}

/** Decide (accept or reject), check what loads, reload, check the banner stays away and the choice holds. */
async function correctnessLoad(browser, sdk, choice) {
  const { ctx, page, net } = await openPage(browser, sdk);
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
    r.bannerHidden = !(await sdk.bannerLocator(page).first().isVisible().catch(() => false));
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
// Bytes shipped: what the pages actually requested from the local server, compressed here.

function bytesFor(sdk, paths, server) {
  const files = [...new Set(paths.filter((p) => p.startsWith(sdk.files)))].sort();
  const out = { files: [], js: { raw: 0, gzip: 0, brotli: 0 }, css: { raw: 0, gzip: 0, brotli: 0 } };
  for (const path of files) {
    const body = server.file(path);
    if (!body) continue;
    const kind = path.endsWith('.css') ? 'css' : 'js';
    const f = {
      path,
      kind,
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

/**
 * Where consent-gate's bytes and JS time go, by source module group, from dist/consent-gate.js.map.
 * Gzip per group compresses that group's text alone, so the groups do not add up to the total.
 */
function consentGateBreakdown(server, results) {
  const code = server.file('/dist/consent-gate.js');
  const map = server.file('/dist/consent-gate.js.map');
  if (!code || !map) return null;
  let parsed;
  try {
    parsed = parseSourceMap(map.toString('utf8'));
  } catch {
    return null;
  }
  const groups = {};
  const g = (name) => (groups[name] ??= { raw: 0, gzip: 0, text: '', ms: 0 });
  for (const [src, text] of Object.entries(textBySource(parsed, code.toString('utf8')))) g(src === '(unmapped)' ? '(unmapped: bundle top level)' : groupOf(src)).text += text;
  for (const x of Object.values(groups)) {
    x.raw = Buffer.byteLength(x.text);
    x.gzip = gzipSync(x.text, { level: 9 }).length;
    delete x.text;
  }
  // Per load, ms per group; then the median over loads (robust to the odd load disturbed by other work).
  const runs = results.filter((r) => r.sdk === 'consent-gate' && r.mode === 'profile' && !r.warmup && !r.error && r.frames);
  const perRun = runs.map((r) => {
    const acc = {};
    for (const [key, ms] of Object.entries(r.frames)) {
      const m = key.match(/^(.*):(\d+):(\d+):(.*)$/);
      const src = m && m[1].endsWith('/dist/consent-gate.js') ? sourceAt(parsed, Number(m[2]), Number(m[3])) : -1;
      const name = src < 0 ? '(unmapped: bundle top level)' : groupOf(parsed.sources[src]);
      g(name);
      acc[name] = (acc[name] || 0) + ms;
    }
    return acc;
  });
  for (const [name, x] of Object.entries(groups)) {
    const v = perRun.map((a) => a[name] || 0).sort((a, b) => a - b);
    x.ms = v.length ? (v.length % 2 ? v[v.length >> 1] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2) : 0;
  }
  return { groups, runs: runs.length };
}

// ---------------------------------------------------------------------------------------------
// Main

const server = await startServer({ root: ROOT, port: PORT });
// Snapshot what will be served for consent-gate now, so a rebuild during the run changes nothing.
server.file('/dist/consent-gate.js');
server.file('/dist/consent-gate.js.map');
if (existsSync(join(ROOT, 'dist/consent-gate.css'))) server.file('/dist/consent-gate.css');

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
  log(`Chromium ${browserVersion}; ${RUNS} measured rounds after ${WARMUP} warm-up, seed ${SEED}`);
  const rand = rng(SEED);
  loads.push(loadavg()[0]);

  const rounds = WARMUP + RUNS;
  for (let round = 0; round < rounds && !aborted; round++) {
    const plan = shuffle(
      SDKS.flatMap((s) => [
        { sdk: s, mode: 'timed' },
        { sdk: s, mode: 'profile' },
      ]),
      rand,
    );
    for (const step of plan) {
      if (Date.now() > deadline) {
        aborted = 'deadline reached';
        break;
      }
      const t0 = Date.now();
      const r = step.mode === 'timed' ? await timedLoad(browser, step.sdk) : await profiledLoad(browser, step.sdk);
      r.ms = Date.now() - t0;
      r.round = round;
      r.warmup = round < WARMUP;
      results.push(r);
      if (r.error) log(`round ${round} ${step.sdk.id} ${step.mode}: ERROR ${r.error}`);
    }
    loads.push(loadavg()[0]);
    const done = results.filter((r) => r.round === round && !r.error).length;
    log(`round ${round + 1}/${rounds}${round < WARMUP ? ' (warm-up)' : ''}: ${done}/${SDKS.length * 2} loads ok`);
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

  // Bytes from the files the timed loads requested.
  const bytes = {};
  for (const s of SDKS) {
    const paths = results.filter((r) => r.sdk === s.id && r.mode === 'timed' && r.local).flatMap((r) => r.local);
    bytes[s.id] = bytesFor(s, paths, server);
  }

  const breakdown = consentGateBreakdown(server, results);

  const meta = {
    date: new Date().toISOString(),
    browser: `Chromium ${browserVersion}`,
    machine: `${cpus().length} cores (${cpus()[0]?.model?.trim() || 'unknown CPU'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${process.platform} ${process.arch}`,
    node: process.version,
    runs: RUNS,
    warmup: WARMUP,
    seed: SEED,
    correctnessRounds: CORRECTNESS_ROUNDS,
    loadavg: { samples: loads.map((x) => Math.round(x * 100) / 100), min: Math.min(...loads), max: Math.max(...loads), cores: cpus().length },
    durationS: (Date.now() - started) / 1000,
    aborted,
    viewport: VIEWPORT,
    sdks: SDKS.map((s) => ({ id: s.id, version: s.version, page: s.page, bannerDesc: s.bannerDesc })),
  };
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench/results/last-run.json'), JSON.stringify({ meta, bytes, breakdown, results }, null, 1));
  const md = writeReport({ meta, bytes, breakdown, results, sdks: SDKS, previous: existsSync(OUT) ? readFileSync(OUT, 'utf8') : '' });
  if (WRITE) writeFileSync(OUT, md);
  else console.log(md);
  log(`done in ${meta.durationS.toFixed(0)} s; wrote ${WRITE ? OUT : '(stdout)'} and bench/results/last-run.json`);
} catch (e) {
  console.error('bench: failed:', e);
  process.exitCode = 1;
} finally {
  await cleanup();
}
