// Turns the raw results of bench/run.mjs into BENCHMARK.md, and a short console summary.
// Anything between <!-- notes:start --> and <!-- notes:end --> in the previous BENCHMARK.md is kept.

import { median } from './browser.mjs';

const stats = (xs) => {
  const a = xs.filter((x) => typeof x === 'number' && Number.isFinite(x));
  return a.length ? { n: a.length, median: median(a), min: Math.min(...a), max: Math.max(...a) } : { n: 0, median: null, min: null, max: null };
};
const fmt = (x, digits = 1) => (x === null || x === undefined ? '—' : x.toFixed(digits));
const kb = (b) => (b === null || b === undefined ? '—' : (b / 1000).toFixed(2));
const ratio = (a, b) => (a === null || a === undefined || b === null || b === undefined || b === 0 ? '—' : `${(a / b).toFixed(2)}×`);

const CG = 'consent-gate';
const VANILLA = 'vanilla-cookieconsent';

/** A returning-visit figure exists only when the reload did what the scenario requires. */
const returned = (r) => (r.returning && !r.returning.error ? r.returning : null);

/**
 * Metric definitions over the measured (non-warm-up, error-free) loads of one mode. `visit: 'returning'`
 * reads the reload's figures, and only from loads whose returning visit passed its checks.
 * `ratios: false` shows how many loads were above 0 instead of ratios.
 */
const FIRST_VISIT_METRICS = [
  { key: 'banner', mode: 'timed', title: 'Banner visible (ms from navigation start)', digits: 1, ratios: true, get: (r) => r.banner },
  { key: 'opaque', mode: 'timed', title: 'Banner fully opaque (ms from navigation start; after any fade-in)', digits: 1, ratios: true, get: (r) => r.opaque },
  { key: 'sdkJs', mode: 'profile', title: 'SDK JavaScript time (ms, main thread, V8 sampling profiler)', digits: 1, ratios: true, get: (r) => r.sdkJs },
  {
    key: 'scriptDuration',
    mode: 'timed',
    title: 'Whole-page script time (ms of main-thread CPU time, CDP Performance.getMetrics ScriptDuration, timeDomain threadTicks; cross-check)',
    digits: 1,
    ratios: true,
    get: (r) => r.scriptDuration,
  },
  {
    key: 'acceptToTracker',
    mode: 'timed',
    title: 'Accept click → tracker request (ms; click event timeStamp → gtag.js resource startTime)',
    digits: 1,
    ratios: true,
    get: (r) => r.acceptToTracker,
  },
  { key: 'longtasks', mode: 'timed', title: 'Long tasks before interaction (count per load)', digits: 0, ratios: false, get: (r) => r.longtasks.length },
  {
    key: 'longtaskMs',
    mode: 'timed',
    title: 'Long tasks before interaction (total ms per load)',
    digits: 0,
    ratios: false,
    get: (r) => r.longtasks.reduce((s, t) => s + t.duration, 0),
  },
  { key: 'cls', mode: 'timed', title: 'Cumulative layout shift before interaction', digits: 4, ratios: false, get: (r) => r.cls },
];
const RETURNING_VISIT_METRICS = [
  {
    key: 'returnSdkJs',
    visit: 'returning',
    mode: 'profile',
    title: 'SDK JavaScript time on the reload (ms, main thread, V8 sampling profiler)',
    digits: 1,
    ratios: true,
    get: (r) => returned(r)?.sdkJs,
  },
  {
    key: 'returnTag',
    visit: 'returning',
    mode: 'timed',
    title: "Gated tag requested (ms from the reload's navigation start; gtag.js resource startTime)",
    digits: 1,
    ratios: true,
    get: (r) => returned(r)?.tagRequested,
  },
  {
    key: 'returnLongtasks',
    visit: 'returning',
    mode: 'timed',
    title: 'Long tasks on the reload (count per load)',
    digits: 0,
    ratios: false,
    get: (r) => returned(r)?.longtasks.length,
  },
  {
    key: 'returnCls',
    visit: 'returning',
    mode: 'timed',
    title: 'Cumulative layout shift on the reload',
    digits: 4,
    ratios: false,
    get: (r) => returned(r)?.cls,
  },
];
const METRICS = [...FIRST_VISIT_METRICS, ...RETURNING_VISIT_METRICS];
/** Page milestones, for context (not the SDKs' own figures). */
const MILESTONES = [
  { key: 'dcl', mode: 'timed', title: 'DOMContentLoaded', digits: 1, get: (r) => r.dcl },
  { key: 'load', mode: 'timed', title: 'load event', digits: 1, get: (r) => r.load },
];
const RETURN_MILESTONES = [
  { key: 'returnDcl', visit: 'returning', mode: 'timed', title: 'DOMContentLoaded', digits: 1, get: (r) => returned(r)?.dcl },
  { key: 'returnLoad', visit: 'returning', mode: 'timed', title: 'load event', digits: 1, get: (r) => returned(r)?.load },
];

/** The loads a metric is computed over. */
const loadsFor = (results, id, m) =>
  results.filter((r) => r.sdk === id && r.mode === m.mode && !r.warmup && !r.error && (m.visit !== 'returning' || returned(r)));

export function summarise({ results, sdks }) {
  const out = {};
  for (const s of sdks) {
    const x = (out[s.id] = {});
    for (const m of [...METRICS, ...MILESTONES, ...RETURN_MILESTONES]) {
      const values = loadsFor(results, s.id, m).map(m.get);
      x[m.key] = stats(values);
      x[`${m.key}Positive`] = values.filter((v) => (v ?? 0) > 0).length;
      x[`${m.key}N`] = values.length;
    }
    const mine = results.filter((r) => r.sdk === s.id && !r.mode.startsWith('autoblock'));
    const measured = mine.filter((r) => !r.warmup);
    x.errors = measured.filter((r) => r.error).length;
    x.loads = measured.length;
    x.trackersBefore = mine.reduce((n, r) => n + (r.trackersBefore ? r.trackersBefore.length : 0), 0);
    x.loadsChecked = mine.filter((r) => r.trackersBefore).length;
    const timed = measured.filter((r) => r.mode === 'timed' && !r.error);
    x.acceptOk = timed.filter((r) => r.acceptLoadsTag).length;
    x.acceptN = timed.length;
    x.offscreen = timed.filter((r) => r.offscreen).length;
    x.rendered = stats(timed.map((r) => r.rendered));
    for (const choice of ['accept', 'reject']) {
      const p = mine.filter((r) => r.mode === `persist-${choice}`);
      x[`persist_${choice}`] = { ok: p.filter((r) => r.ok).length, n: p.length, runs: p };
    }
    x.runsWithLongTask = timed.filter((r) => r.longtasks.length > 0).length;
    x.runsWithShift = timed.filter((r) => r.cls > 0).length;
    x.timedN = timed.length;
    // Returning visits: every measured timed and profiled load that got through its first visit.
    const tried = measured.filter((r) => (r.mode === 'timed' || r.mode === 'profile') && !r.error);
    x.returnOk = tried.filter((r) => returned(r)).length;
    x.returnN = tried.length;
    x.returnFailures = tried.filter((r) => r.returning?.error).map((r) => r.returning.error);
    const returnTimed = timed.filter((r) => returned(r));
    x.returnRunsWithLongTask = returnTimed.filter((r) => r.returning.longtasks.length > 0).length;
    x.returnRunsWithShift = returnTimed.filter((r) => r.returning.cls > 0).length;
    x.returnTimedN = returnTimed.length;
  }
  return out;
}

/** Bytes of one visit, tolerating a last-run.json written before the returning visit existed. */
const visitBytes = (bytes, visit) => (bytes.first || bytes.returning ? bytes[visit] || {} : visit === 'first' ? bytes : {});
const total = (b) => (b && b.total && b.files.length ? b.total.gzip : null);

/** The side-by-side figures: first visit and returning visit, per SDK. */
function sideBySide(S, bytes, ids) {
  const first = visitBytes(bytes, 'first');
  const ret = visitBytes(bytes, 'returning');
  const figures = [
    { label: 'first visit: SDK bytes fetched (gzip, KB)', value: (id) => total(first[id]), show: (v) => kb(v) },
    { label: 'first visit: SDK JS time (ms)', value: (id) => S[id].sdkJs.median, show: (v) => fmt(v) },
    { label: 'first visit: banner visible (ms)', value: (id) => S[id].banner.median, show: (v) => fmt(v) },
    { label: 'first visit: Accept → tag request (ms)', value: (id) => S[id].acceptToTracker.median, show: (v) => fmt(v) },
    { label: 'returning visit: SDK bytes fetched (gzip, KB)', value: (id) => total(ret[id]), show: (v) => kb(v) },
    { label: 'returning visit: SDK JS time (ms)', value: (id) => S[id].returnSdkJs.median, show: (v) => fmt(v) },
    { label: 'returning visit: gated tag requested (ms)', value: (id) => S[id].returnTag.median, show: (v) => fmt(v) },
  ];
  return { figures, peers: ids.filter((i) => i !== CG) };
}

/** Console summary: the side-by-side medians and consent-gate ÷ each peer. */
export function consoleSummary({ meta, bytes, results, sdks }) {
  const S = summarise({ results, sdks });
  const ids = sdks.map((s) => s.id);
  const { figures, peers } = sideBySide(S, bytes, ids);
  const width = Math.max(...figures.map((f) => f.label.length));
  const col = (t) => String(t).padStart(Math.max(14, ...ids.map((i) => i.length)) + 2);
  const lines = [
    '',
    `Medians, ${meta.runs} measured round${meta.runs === 1 ? '' : 's'}${meta.quick ? ' (quick run: noisy, do not quote)' : ''}:`,
    `${''.padEnd(width)}${ids.map(col).join('')}`,
  ];
  for (const f of figures) lines.push(`${f.label.padEnd(width)}${ids.map((id) => col(f.show(f.value(id)))).join('')}`);
  lines.push('', 'consent-gate ÷ each peer (same run; below 1 = smaller/faster):', `${''.padEnd(width)}${peers.map((p) => col(`÷ ${p}`)).join('')}`);
  for (const f of figures) lines.push(`${f.label.padEnd(width)}${peers.map((p) => col(ratio(f.value(CG), f.value(p)))).join('')}`);
  const failed = ids.filter((id) => S[id].returnFailures.length);
  lines.push(
    '',
    `Returning visits that passed their checks: ${ids.map((id) => `${id} ${S[id].returnOk}/${S[id].returnN}`).join(', ')}${failed.length ? ' — FAILURES, see BENCHMARK.md' : ''}`,
  );
  if (meta.autoBlock) lines.push(`Auto-blocking cost page: ${meta.autoBlock.measured ? autoBlockLine(results) : meta.autoBlock.note}`);
  return lines.join('\n');
}

/** Medians of the auto-blocking cost page per variant, and the difference on − off. */
function autoBlockFigures(results) {
  const of = (variant, mode, get) => stats(results.filter((r) => r.mode === `autoblock-${mode}` && r.variant === variant && !r.warmup && !r.error).map(get));
  const rows = ['without autoBlock', 'autoBlock: true'].map((variant) => ({
    variant,
    sdkJs: of(variant, 'profile', (r) => r.sdkJs),
    scriptDuration: of(variant, 'timed', (r) => r.scriptDuration),
    dcl: of(variant, 'timed', (r) => r.dcl),
    load: of(variant, 'timed', (r) => r.load),
  }));
  const diff = (key) => (rows[0][key].median === null || rows[1][key].median === null ? null : rows[1][key].median - rows[0][key].median);
  return { rows, diff: { sdkJs: diff('sdkJs'), scriptDuration: diff('scriptDuration'), dcl: diff('dcl'), load: diff('load') } };
}
const signed = (x) => (x === null ? '—' : `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(1)}`);
function autoBlockLine(results) {
  const { diff } = autoBlockFigures(results);
  return `autoBlock: true − without: SDK JS ${signed(diff.sdkJs)} ms, DOMContentLoaded ${signed(diff.dcl)} ms (medians)`;
}

const notesOf = (previous) => {
  const m = previous && previous.match(/<!-- notes:start -->[\s\S]*?<!-- notes:end -->/);
  return m ? m[0] : '<!-- notes:start -->\n<!-- notes:end -->';
};

export function writeReport({ meta, bytes, breakdown, results, sdks, previous }) {
  const S = summarise({ results, sdks });
  const ids = sdks.map((s) => s.id);
  const peers = ids.filter((i) => i !== CG);
  const first = visitBytes(bytes, 'first');
  const ret = visitBytes(bytes, 'returning');
  const L = [];
  const p = (...x) => L.push(...x);

  p('# Benchmark: consent-gate against vanilla-cookieconsent, klaro and tarteaucitron', '');
  p(
    'Generated by `npm run bench` (bench/run.mjs); do not edit by hand except between the notes markers. ' +
      'Raw per-load data of the last run: `bench/results/last-run.json` (not committed).',
    '',
  );
  p(`- **Date:** ${meta.date}`);
  p(`- **Browser:** ${meta.browser}, headless, viewport ${meta.viewport.width}×${meta.viewport.height}`);
  p(`- **Machine:** ${meta.machine}; Node ${meta.node}`);
  p(
    `- **Loads:** ${meta.runs} measured round${meta.runs === 1 ? '' : 's'} after ${meta.warmup} warm-up round${meta.quick ? ' (a quick run: too few loads to quote)' : ''}; each round is one timed and one profiled load per SDK${meta.autoBlock?.measured ? ' and per auto-blocking variant' : ''}, in a shuffled order (seed ${meta.seed}), each SDK load a first visit followed by Accept and a reload as a returning visitor; then ${meta.correctnessRounds} round${meta.correctnessRounds === 1 ? '' : 's'} of accept/reject-and-reload checks. Took ${meta.durationS.toFixed(0)} s.${meta.aborted ? ` **Stopped early: ${meta.aborted}.**` : ''}`,
  );
  const cgFiles = [...new Map([...(first[CG]?.files || []), ...(ret[CG]?.files || [])].map((f) => [f.path, f])).values()];
  p(
    `- **Versions:** ${meta.sdks.map((s) => `${s.id} ${s.version}`).join(', ')}${cgFiles.length ? ` (consent-gate measured from ${cgFiles.map((f) => `\`${f.path.slice(1)}\` (sha256 ${f.sha256}…)`).join(', ')} as built for this run, snapshotted at the start so a rebuild during the run changes nothing)` : ''}`,
  );
  if (meta.loadavg) {
    const busy = meta.loadavg.max > meta.loadavg.cores;
    p(
      `- **Machine load during the run:** 1-minute load average ${meta.loadavg.min.toFixed(1)}–${meta.loadavg.max.toFixed(1)} on ${meta.loadavg.cores} cores${busy ? ' — **the machine was busy with other work, so absolute times and long tasks are inflated and noisy; every SDK was exposed to it alike (interleaved, shuffled loads), so compare the ratios**' : ''}.`,
    );
  }
  p('');

  // ------------------------------------------------------------------ targets
  p('## Budgets (docs/architecture.md)', '');
  p('Each against vanilla-cookieconsent measured in the same run.', '');
  const top = (key, n, f) =>
    breakdown
      ? Object.entries(breakdown.groups)
          .filter(([, x]) => x[key] > 0)
          .sort((x, y) => y[1][key] - x[1][key])
          .slice(0, n)
          .map(([name, x]) => f(name, x))
          .join(', ')
      : '';
  const verdict = (ok) => (ok === null ? 'not measured' : ok ? 'met' : 'missed');
  const within = (a, b, factor) => (a === null || b === null ? null : a <= factor * b);
  const budgetLine = (label, a, b, factor, unit, show, why = '') => {
    const ok = within(a, b, factor);
    p(
      `- **${label}:** ${verdict(ok)}${a !== null && b !== null ? ` — ${show(a)} ${unit} vs ${show(b)} ${unit} = ${ratio(a, b)} (budget ${show(factor * b)} ${unit})` : ''}.${ok === false ? why : ''}`,
    );
  };
  const retFiles = ret[CG]?.files?.map((f) => `\`${f.path.slice(1)}\``).join(' + ');
  budgetLine(
    'Returning visitor, SDK bytes fetched ≤ 0.5× vanilla-cookieconsent',
    total(ret[CG]),
    total(ret[VANILLA]),
    0.5,
    'KB',
    kb,
    retFiles ? ` The reload fetched ${retFiles}.` : '',
  );
  budgetLine(
    'Returning visitor, SDK JS time ≤ 1.0× vanilla-cookieconsent',
    S[CG].returnSdkJs.median,
    S[VANILLA].returnSdkJs.median,
    1.0,
    'ms',
    fmt,
    breakdown && breakdown.returnRuns
      ? ` Where consent-gate's time goes on the reload (median ms per load): ${top('returnMs', 4, (n, x) => `${n} ${fmt(x.returnMs, 1)}`)}.`
      : '',
  );
  budgetLine(
    'First visit, SDK bytes until the banner shows ≤ 1.0× vanilla-cookieconsent',
    total(first[CG]),
    total(first[VANILLA]),
    1.0,
    'KB',
    kb,
    breakdown ? ` Largest parts (gzip of each alone): ${top('raw', 4, (n, x) => `${n} ${kb(x.gzip)} KB`)}.` : '',
  );
  budgetLine(
    'First visit, SDK JS time ≤ 1.0× vanilla-cookieconsent',
    S[CG].sdkJs.median,
    S[VANILLA].sdkJs.median,
    1.0,
    'ms',
    fmt,
    breakdown ? ` Where consent-gate's time goes (median ms per load): ${top('ms', 4, (n, x) => `${n} ${fmt(x.ms, 1)}`)}.` : '',
  );
  const ban = (id) => (id === undefined ? null : S[id].banner.median);
  const fastestPeer = peers.filter((i) => ban(i) !== null).sort((x, y) => ban(x) - ban(y))[0];
  if (!S[CG].timedN) p('- **First visit, banner visible no later than the fastest peer:** not measured.');
  else if (ban(CG) === null) {
    const off = S[CG].offscreen;
    p(
      `- **First visit, banner visible no later than the fastest peer:** missed — consent-gate's banner was never visible in the viewport${off ? ` (rendered at a median ${fmt(S[CG].rendered.median)} ms, but outside the viewport in ${off} loads)` : ''}; fastest peer ${fastestPeer} at ${fmt(ban(fastestPeer))} ms.`,
    );
  } else {
    const ok = fastestPeer === undefined || ban(CG) <= ban(fastestPeer);
    const why = ok
      ? ''
      : ` consent-gate's page reaches DOMContentLoaded at a median ${fmt(S[CG].dcl.median)} ms (${fastestPeer}'s at ${fmt(S[fastestPeer].dcl.median)} ms).`;
    p(
      `- **First visit, banner visible no later than the fastest peer:** ${ok ? 'met' : 'missed'} — median ${fmt(ban(CG))} ms vs ${fastestPeer} ${fmt(ban(fastestPeer))} ms = ${ratio(ban(CG), ban(fastestPeer))}.${why}`,
    );
  }
  const c = S[CG];
  const okShift = !c.timedN
    ? null
    : c.runsWithShift === 0 && c.runsWithLongTask === 0 && c.timedN > 0 && c.returnRunsWithShift === 0 && c.returnRunsWithLongTask === 0;
  const cgLong = results
    .filter((r) => r.sdk === CG && r.mode === 'timed' && !r.warmup && !r.error && r.longtasks.length)
    .map((r) => r.longtasks.map((t) => `${fmt(t.duration, 0)} ms at ${fmt(t.start, 0)} ms (banner visible at ${fmt(r.banner, 0)} ms)`).join(', '));
  const peerLong = peers.map((id) => `${id} ${S[id].runsWithLongTask}/${S[id].timedN}`).join(', ');
  if (okShift === null) p('- **CLS 0 and no long task:** not measured.');
  else
    p(
      `- **CLS 0 and no long task:** ${okShift ? 'met' : 'missed'} — first visit: CLS > 0 in ${c.runsWithShift}/${c.timedN} loads (max ${fmt(c.cls.max, 4)}), a long task in ${c.runsWithLongTask}/${c.timedN}${cgLong.length ? `: ${cgLong.join('; ')}` : ''}; returning visit: CLS > 0 in ${c.returnRunsWithShift}/${c.returnTimedN}, a long task in ${c.returnRunsWithLongTask}/${c.returnTimedN}. First-visit loads with a long task, peers: ${peerLong}.`,
    );
  p('');

  // ------------------------------------------------------------------ side by side
  const { figures } = sideBySide(S, bytes, ids);
  p('## First visit and returning visit, side by side', '');
  p(
    'Medians over the measured loads. First visit: a fresh context, the banner shows. Returning visit: the same context reloaded after Accept, the choice stored. Bytes are the gzip -9 sizes of every SDK file the browser fetched in that visit, summed.',
    '',
  );
  p(`| figure | ${ids.join(' | ')} |`);
  p(`|---|${ids.map(() => '---:').join('|')}|`);
  for (const f of figures) p(`| ${f.label} | ${ids.map((id) => f.show(f.value(id))).join(' | ')} |`);
  p('', 'consent-gate ÷ each peer, same run (below 1 = smaller/faster):', '');
  p(`| figure | ${peers.map((i) => `÷ ${i}`).join(' | ')} |`);
  p(`|---|${peers.map(() => '---:').join('|')}|`);
  for (const f of figures) p(`| ${f.label} | ${peers.map((o) => ratio(f.value(CG), f.value(o))).join(' | ')} |`);
  p('');

  // ------------------------------------------------------------------ bytes
  p('## Bytes fetched', '');
  p(
    'Every JS and CSS file each page fetched from the SDK (the responses under `dist/` for consent-gate, under the package for a peer; tarteaucitron loads its language file, service catalogue and stylesheet itself), compressed here: gzip level 9, brotli quality 11, each file alone, then summed; 1 KB = 1000 B. ' +
      'The host page and its inline configuration are not counted. consent-gate and any SDK without a CSS file inject their styles from the JS, so their CSS is inside the JS figure.',
    '',
  );
  const bytesTable = (visitBytesById, title) => {
    p(`### ${title}`, '');
    p('| SDK | files | JS gzip | JS brotli | CSS gzip | CSS brotli | **JS+CSS gzip** | JS+CSS brotli | raw |');
    p('|---|---|---:|---:|---:|---:|---:|---:|---:|');
    for (const id of ids) {
      const x = visitBytesById[id];
      if (!x || !x.files || !x.files.length) {
        p(`| ${id} | (not measured) | — | — | — | — | **—** | — | — |`);
        continue;
      }
      const files = x.files
        .map(
          (f) =>
            '`' +
            f.path.replace(/^\/node_modules\//, '').replace(/^\//, '') +
            '`' +
            (f.loads !== undefined && f.loads < x.loadsN ? ` (in ${f.loads} of ${x.loadsN} loads)` : ''),
        )
        .join('<br>');
      p(
        `| ${id} | ${files} | ${kb(x.js.gzip)} | ${kb(x.js.brotli)} | ${x.css.raw ? kb(x.css.gzip) : '(in JS)'} | ${x.css.raw ? kb(x.css.brotli) : '(in JS)'} | **${kb(x.total.gzip)}** | ${kb(x.total.brotli)} | ${kb(x.total.raw)} |`,
      );
    }
    p('', 'Ratios, row ÷ column (JS+CSS gzip / JS+CSS brotli):', '');
    p(`| SDK | ${ids.map((i) => `÷ ${i}`).join(' | ')} |`);
    p(`|---|${ids.map(() => '---:').join('|')}|`);
    const has = (id) => visitBytesById[id]?.files?.length;
    for (const id of ids)
      p(
        `| ${id} | ${ids.map((o) => (o === id ? '1' : has(id) && has(o) ? `${ratio(visitBytesById[id].total.gzip, visitBytesById[o].total.gzip)} / ${ratio(visitBytesById[id].total.brotli, visitBytesById[o].total.brotli)}` : '—')).join(' | ')} |`,
      );
    p('');
  };
  bytesTable(first, 'First visit (until the banner shows)');
  bytesTable(ret, 'Returning visit (the reload after Accept)');

  // ------------------------------------------------------------------ timings
  p('## Timings', '');
  p("Median (min–max) over the measured loads; each ratio is this SDK's median ÷ that SDK's median from the same run (below 1 = smaller/faster).", '');
  const metricTable = (m) => {
    p(`#### ${m.title}`, '');
    if (m.ratios) {
      p(`| SDK | n | median (min–max) | ${ids.map((i) => `÷ ${i}`).join(' | ')} |`);
      p(`|---|---:|---:|${ids.map(() => '---:').join('|')}|`);
    } else {
      p('| SDK | n | median (min–max) | loads above 0 |');
      p('|---|---:|---:|---:|');
    }
    for (const id of ids) {
      const s = S[id][m.key];
      const extra =
        m.key === 'banner' && S[id].offscreen
          ? ` — rendered outside the viewport in ${S[id].offscreen} loads (rendered at median ${fmt(S[id].rendered.median)} ms)`
          : '';
      const cells = m.ratios
        ? ids.map((o) => (o === id ? '1' : ratio(s.median, S[o][m.key].median))).join(' | ')
        : `${S[id][`${m.key}Positive`]}/${S[id][`${m.key}N`]}`;
      p(`| ${id} | ${s.n} | ${s.n ? `${fmt(s.median, m.digits)} (${fmt(s.min, m.digits)}–${fmt(s.max, m.digits)})` : '—'}${extra} | ${cells} |`);
    }
    p('');
  };
  const milestoneTable = (list, title) => {
    p(`#### ${title}`, '');
    p(`| SDK | ${list.map((m) => `${m.title}, median (min–max)`).join(' | ')} |`);
    p(`|---|${list.map(() => '---:').join('|')}|`);
    for (const id of ids)
      p(
        `| ${id} | ${list
          .map((m) => {
            const s = S[id][m.key];
            return s.n ? `${fmt(s.median, m.digits)} (${fmt(s.min, m.digits)}–${fmt(s.max, m.digits)})` : '—';
          })
          .join(' | ')} |`,
      );
    p('');
  };
  p('### First visit (until the banner shows; Accept at the end)', '');
  for (const m of FIRST_VISIT_METRICS) metricTable(m);
  milestoneTable(MILESTONES, 'Page milestones (context; ms from navigation start)');
  p('### Returning visit (the reload after Accept)', '');
  for (const m of RETURNING_VISIT_METRICS) metricTable(m);
  milestoneTable(RETURN_MILESTONES, "Page milestones on the reload (context; ms from the reload's navigation start)");

  // ------------------------------------------------------------------ auto-blocking
  p('## Auto-blocking cost', '');
  p(
    '`bench/pages/autoblock.html`: 1,000 elements, 20 first-party scripts (12 `<script src>` in the HTML, 4 inline, 4 inserted by a loader), no tracker; consent-gate with `autoBlock: true` against the same page without the option, first visit (banner shown), interleaved with the loads above.',
    '',
  );
  if (!meta.autoBlock) p('Not part of this run.', '');
  else if (!meta.autoBlock.measured) p(`**Not measured:** ${meta.autoBlock.note}`, '');
  else {
    const { rows, diff } = autoBlockFigures(results);
    const cell = (s) => (s.n ? `${fmt(s.median)} (${fmt(s.min)}–${fmt(s.max)})` : '—');
    p('| variant | n | SDK JS time (ms) | whole-page script time (ms) | DOMContentLoaded (ms) | load event (ms) |');
    p('|---|---:|---:|---:|---:|---:|');
    for (const r of rows) p(`| ${r.variant} | ${r.sdkJs.n}/${r.dcl.n} | ${cell(r.sdkJs)} | ${cell(r.scriptDuration)} | ${cell(r.dcl)} | ${cell(r.load)} |`);
    p(
      `| **autoBlock: true − without** (medians) | | **${signed(diff.sdkJs)}** | ${signed(diff.scriptDuration)} | **${signed(diff.dcl)}** | ${signed(diff.load)} |`,
    );
    p('', 'All 20 first-party scripts ran in every load of both variants (a load where one did not is a failed load).', '');
  }

  // ------------------------------------------------------------------ breakdown
  if (breakdown) {
    const rows = Object.entries(breakdown.groups).sort((a, b) => b[1].raw - a[1].raw);
    const raw = rows.reduce((n, [, x]) => n + x.raw, 0);
    const ms = rows.reduce((n, [, x]) => n + x.ms, 0);
    const returnMs = rows.reduce((n, [, x]) => n + x.returnMs, 0);
    p("## Where consent-gate's bytes and JavaScript time go", '');
    p(
      `From the source maps of ${breakdown.files.map((f) => `\`${f.slice(1)}\``).join(' and ')}: minified characters per source group; "gzip alone" compresses that group's text by itself (so the column does not add up to the total); JS time is the median over the profiled loads (${breakdown.runs} first visits, ${breakdown.returnRuns} returning visits) of the per-load time of the samples whose innermost consent-gate frame maps to the group (medians, so the columns need not add up to the SDK median).`,
      '',
    );
    p('| source group | minified | share | gzip alone | first visit JS (ms) | share | returning visit JS (ms) | share |');
    p('|---|---:|---:|---:|---:|---:|---:|---:|');
    const share = (x, of) => (of ? `${((100 * x) / of).toFixed(0)}%` : '0%');
    for (const [name, x] of rows)
      p(
        `| ${name} | ${kb(x.raw)} KB | ${share(x.raw, raw)} | ${kb(x.gzip)} KB | ${fmt(x.ms, 2)} | ${share(x.ms, ms)} | ${fmt(x.returnMs ?? 0, 2)} | ${share(x.returnMs ?? 0, returnMs)} |`,
      );
    p('');
  }

  // ------------------------------------------------------------------ correctness
  p('## Correctness', '');
  p(
    '| SDK | tracker requests before consent | Accept loads the tag (once) | Reject loads nothing (no tracker request, no `_ga`) | choice persists across a reload (accept / reject) | returning visit: tag ran once, no banner, SDK fetched | failed loads |',
  );
  p('|---|---|---|---|---|---|---|');
  for (const id of ids) {
    const x = S[id];
    const pa = x.persist_accept;
    const pr = x.persist_reject;
    const rejectNothing = pr.runs.filter((r) => !r.error && r.trackersAfterChoice === 0 && !r.tagLoaded && !r.gaCookie).length;
    const persistA = pa.runs.filter((r) => !r.error && !r.reloadBannerShown && r.reloadTagLoaded).length;
    const persistR = pr.runs.filter((r) => !r.error && !r.reloadBannerShown && r.reloadTrackers === 0).length;
    const acceptOk = x.acceptOk + pa.runs.filter((r) => !r.error && r.tagLoaded && r.gaCookie).length;
    const acceptN = x.acceptN + pa.n;
    p(
      `| ${id} | ${x.trackersBefore} in ${x.loadsChecked} loads | ${acceptOk}/${acceptN} | ${rejectNothing}/${pr.n} | ${persistA}/${pa.n} / ${persistR}/${pr.n} | ${x.returnOk}/${x.returnN} | ${x.errors}/${x.loads} |`,
    );
  }
  p('');
  const errs = results.filter((r) => !r.warmup && (r.error || r.returning?.error));
  if (errs.length) {
    p('Failed loads and failed returning visits (excluded from the figures):', '');
    const grouped = {};
    for (const r of errs) {
      const what = r.error
        ? `${r.sdk}${r.variant ? ` ${r.variant}` : ''} (${r.mode}): ${r.error}`
        : `${r.sdk} (${r.mode}, returning visit): ${r.returning.error}`;
      grouped[what] = (grouped[what] || 0) + 1;
    }
    for (const [k, n] of Object.entries(grouped)) p(`- ${k} ×${n}`);
    p('');
  }

  // ------------------------------------------------------------------ method
  p('## Method', '');
  p(
    '- **Pages.** `bench/pages/<sdk>.html`: the same content (the run checks the block between the `content` markers is identical), the same gated Google tag (`' +
      'https://www.googletagmanager.com/gtag/js?id=G-BENCH' +
      "` plus its inline `gtag('config')`), and each SDK set up as its own documentation shows, with categories necessary + analytics + marketing, the banner shown on the first visit, the choice stored in the SDK's own cookie, and the first-layer buttons labelled \"Accept all\" / \"Reject all\". Peers: vanilla-cookieconsent with `hideFromBots: false` (else it hides from automated browsers); klaro with its no-CSS build plus `klaro.min.css`; tarteaucitron with `googleConsentMode: false` (else it loads gtag.js before consent) and `orientation: 'bottom'` (a banner rather than its default centred modal). `bench/pages/autoblock.html` is the auto-blocking cost page (consent-gate only).",
  );
  p(
    '- **Network.** A local server (`bench/server.mjs`, on a free port) serves the pages, `dist/` and the peers from `node_modules`, each file read once into memory (every `dist/` file at the start of the run) and sent with `cache-control: no-store`, so every page view fetches what it needs: the returning-visit bytes are what that page view loads, not what a warm HTTP cache saves. Every non-local request is intercepted with `context.route`: `gtag/js` is answered with `e2e/stubs/gtag.js` (it sets `_ga` and sends a collect request), everything else with an empty 204. Tracker requests are requests to `googletagmanager.com` or `google-analytics.com`.',
  );
  p(
    '- **Loads.** A fresh browser context (empty cache, cookies and storage) for every load, one Chromium process for the run, the loads of all SDKs interleaved in a seeded shuffled order, the first round discarded as warm-up. Two kinds of load, so the profiler does not slow down the timed ones: *timed* (probe only, plus CDP `Performance` metrics) and *profiled* (CDP `Profiler`). Each load is a first visit, then Accept, then a returning visit in the same context.',
  );
  p(
    '- **Banner visible.** An init script (`bench/probe.js`, injected with `addInitScript` before any page script) runs a `requestAnimationFrame` loop from navigation start and, in each frame, finds the banner element — ' +
      sdks.map((s) => `${s.id}: ${s.bannerDesc}`).join('; ') +
      ' — and records `performance.now()` (0 = navigation start) in the first frame where it has a non-zero box, `checkVisibility({ opacityProperty, visibilityProperty })` is true and the box intersects the viewport. The frame is painted right after that callback, so the figure has frame resolution (~16.7 ms). "Fully opaque" is the first frame where the product of the opacities up the tree reaches 1 (after any fade-in).',
  );
  p(
    "- **SDK bytes fetched.** Per visit, every HTTP 200 response whose path lies under the SDK's files (`/dist/` for consent-gate, the package directory for a peer), as the browser fetched it; each file is compressed alone and the sizes summed. First visit: what was fetched until the window below closed (the banner was showing). Returning visit: what the reload fetched until its window closed. A file fetched in only some of the loads is marked in the tables.",
  );
  p(
    "- **SDK JavaScript time.** In the profiled loads the V8 sampling profiler (CDP `Profiler`, 100 µs interval) runs from before navigation to the end of the window below, once for the first visit and once for the reload; a sample counts for the SDK when any frame of its stack comes from one of the SDK's files, so DOM, style and layout work called from SDK code is included; background-thread parsing/compilation and garbage collection are not. The whole-page `ScriptDuration` (CDP `Performance.getMetrics`, timed loads, first visit) is given as a coarser cross-check; it includes the page's inline scripts and the probe.",
  );
  p(
    `- **Window.** First visit: long tasks (PerformanceObserver \`longtask\`, buffered) and layout shifts (\`layout-shift\` entries without recent input, CLS as the largest session window) count from navigation start to ${'`'}max(banner visible, load event) + 500 ms${'`'}, before any interaction. Returning visit: from the reload's navigation start to ${'`'}max(gated tag requested, load event) + 500 ms${'`'}.`,
  );
  p(
    '- **Accept → tracker.** After the window, Playwright clicks the banner\'s Accept button; the figure is the gtag.js `PerformanceResourceTiming.startTime` minus the click event\'s `timeStamp`, both on the page clock. Accept "loads the tag" when gtag.js was requested after the click and ran exactly once.',
  );
  p(
    '- **Returning visit.** At least 300 ms after the tag ran following Accept, `page.reload()` in the same context. "Gated tag requested" is the gtag.js `PerformanceResourceTiming.startTime` on the reloaded page (0 = its navigation start). Each returning visit is checked: gtag.js requested and run exactly once within 10 s, the banner never rendered, at least one SDK file fetched. A check that fails in the warm-up round stops the run (the scenario is broken, not noisy); one that fails later is listed under Correctness, its figures are left out, and the run exits non-zero.',
  );
  p(
    '- **Auto-blocking cost.** The page loads with `?autoBlock=1` (config `autoBlock: true`) or without (option absent), as timed and profiled first visits interleaved with the SDK loads; the figures are SDK JS time, whole-page script time, DOMContentLoaded and load, and the difference of the medians. A load where not all 20 first-party scripts ran is a failed load. Measured only when `window.ConsentGate.instance.config.autoBlock` is defined, i.e. the build has the option; otherwise skipped with a note.',
  );
  p(
    '- **Correctness.** Tracker requests before consent are counted in every load. Separate loads click Accept or Reject, wait 1 s, check the banner is gone and what loaded, reload, wait 1 s after `load`, and check that the banner is not rendered and the choice still holds (gtag.js loads again without a click after Accept; no tracker request after Reject).',
  );
  p(
    '- **Limits.** Localhost, no network latency, no CPU throttling, a 2-core machine shared with the browser and the driver: absolute times are small and noisy; the ratios from the same run are the figures to quote. Each SDK keeps its own default layout and animation, which affects "fully opaque" more than "visible".',
  );
  p('');
  p('## Notes', '');
  p(notesOf(previous), '');
  return L.join('\n');
}
