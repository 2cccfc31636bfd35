// @ts-check
// report.html: one self-contained file a person reads (and can attach to a ticket or a CI run).
// Violations first, then the cookie declaration for the privacy policy, then what each phase
// saw, then each page as a first-time visitor sees it. Every value from the scanned site is
// escaped, and a Content-Security-Policy forbids scripts should anything slip through.

/** @typedef {import('./report.js').Report} Report */

/** @param {unknown} value */
export function escapeHtml(value) {
  return String(value ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
const e = escapeHtml;

const CATEGORY_TITLES = /** @type {{ [key: string]: string }} */ ({ necessary: 'Strictly necessary', preferences: 'Preferences', analytics: 'Analytics', marketing: 'Marketing', unknown: 'Unknown' });
const PHASE_TITLES = /** @type {{ [key: string]: string }} */ ({ before: 'Before any decision', accept: 'After “Accept all”', reject: 'After “Reject all” and a reload' });
const KIND_TITLES = /** @type {{ [key: string]: string }} */ ({ cookie: 'Cookie', storage: 'Storage', request: 'Request', localStorage: 'Local storage', sessionStorage: 'Session storage' });

/** @param {string} category */
const categoryTitle = (category) => CATEGORY_TITLES[category] || category;
/** @param {string} category */
const categoryBadge = (category) => `<span class="badge cat-${e(category.replace(/[^a-z0-9-]/gi, ''))}">${e(categoryTitle(category))}</span>`;

/**
 * A page URL shown short (its path) with the full URL as its text on hover.
 * @param {string} url
 * @param {string} origin
 */
function pageLabel(url, origin) {
  try {
    const u = new URL(url);
    return `<span title="${e(url)}">${e(u.origin === origin ? u.pathname + u.search : url)}</span>`;
  } catch {
    return e(url);
  }
}

/**
 * A script URL: its path when it is the site's own, else in full.
 * @param {string} url
 * @param {string} origin
 */
function scriptLabel(url, origin) {
  try {
    const u = new URL(url);
    if (u.origin === origin) return `<span class="url" title="${e(url)}">${e(u.pathname + u.search)}</span>`;
  } catch {
    /* not a URL: shown as it is */
  }
  return `<span class="url">${e(url)}</span>`;
}

/**
 * A table with a caption, or a sentence saying it is empty.
 * @param {string} caption
 * @param {string[]} headings
 * @param {string[][]} rows  cells, already HTML
 * @param {string} empty
 */
function table(caption, headings, rows, empty) {
  if (!rows.length) return `<p class="empty">${e(empty)}</p>`;
  return `<div class="scroll"><table><caption>${e(caption)}</caption><thead><tr>${headings.map((h) => `<th scope="col">${e(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((cells) => `<tr>${cells.map((c, i) => (i == 0 ? `<th scope="row">${c}</th>` : `<td>${c}</td>`)).join('')}</tr>`)
    .join('')}</tbody></table></div>`;
}

/**
 * Who set a cookie or key, or started a request, as far as the browser could tell.
 * @param {{ setBy?: { via: string, script?: string, response?: string, inline?: boolean }, initiator?: string, initiatorType?: string, script?: string, page: string }} item
 * @param {string} origin
 */
function setterCell(item, origin) {
  const s = item.setBy;
  if (s) {
    if (s.via == 'Set-Cookie') {
      return `Set-Cookie header of ${s.response ? scriptLabel(s.response, origin) : 'a response'}${s.script && s.script !== s.response ? `<br><small>requested by ${scriptLabel(s.script, origin)}</small>` : ''}`;
    }
    if (s.script) return `${s.inline ? `inline script in ${pageLabel(s.script, origin)}` : scriptLabel(s.script, origin)}<br><small>${e(s.via)}</small>`;
    return `<small>${e(s.via)} (script not known)</small>`;
  }
  const script = item.initiator || item.script;
  if (!script) return '<small>not known</small>';
  if (script === item.page && item.initiatorType == 'parser') return `a tag in the HTML of ${pageLabel(script, origin)}`;
  if (script === item.page) return `inline script in ${pageLabel(script, origin)}`;
  return scriptLabel(script, origin);
}

/**
 * @param {Report} report
 * @param {Map<string, string>} screenshots  page URL -> JPEG, base64 (kept out of report.json)
 */
export function renderHtml(report, screenshots) {
  const origin = new URL(report.start).origin;
  const byPage = new Map(report.pageResults.map((p) => [p.url, p]));
  const sections = [];

  // Summary.
  const failed = report.pageResults.filter((p) => p.error);
  sections.push(`<header>
<h1>Cookie and tracker scan of <span class="url">${e(origin)}</span></h1>
<p>${e(report.summary.pages)} page${report.summary.pages == 1 ? '' : 's'} scanned on ${e(report.finishedAt.slice(0, 10))}, each three times in a fresh browser profile: before any decision, after accepting all, and after rejecting all and reloading. Tool: ${e(report.tool.name)} ${e(report.tool.version)}, ${e(report.tool.browser)}; ${e(Math.round(report.durationMs / 1000))} s.</p>
<ul class="summary">
<li class="${report.violations.length ? 'bad' : 'good'}"><strong>${e(report.violations.length)}</strong> violation${report.violations.length == 1 ? '' : 's'}</li>
<li><strong>${e(report.declaration.filter((r) => r.observed).length)}</strong> cookies and keys seen</li>
<li><strong>${e(new Set(['before', 'accept', 'reject'].flatMap((p) => report.phases[/** @type {'before'} */ (p)].requests.map((r) => r.host))).size)}</strong> third-party hosts</li>
<li class="${failed.length ? 'bad' : ''}"><strong>${e(failed.length)}</strong> page${failed.length == 1 ? '' : 's'} failed</li>
</ul>
<nav aria-label="Sections"><a href="#violations">Violations</a> · <a href="#declaration">Cookie declaration</a> · <a href="#notes">Notes</a> · <a href="#config">Suggested configuration</a> · <a href="#phases">What each phase saw</a> · <a href="#pages">Pages</a></nav>
</header>`);

  // Violations.
  /** @param {typeof report.violations} list */
  const violationRows = (list) => list.map((v) => [
    `${e(KIND_TITLES[v.kind] || v.kind)} <code>${e(v.name)}</code>${v.kind == 'request' ? `<br><small class="url">${e(v.url)}</small>${(v.count || 1) > 1 ? ` <small>(${e(v.count)} requests)</small>` : ''}` : ''}${v.kind == 'storage' ? ` <small>${e(KIND_TITLES[v.storage || ''] || v.storage)}</small>` : ''}`,
    categoryBadge(v.category),
    e(v.service ? serviceName(report, v.service) : v.category == 'unknown' ? 'unknown third party' : ''),
    pageLabel(v.page, origin),
    setterCell(v, origin),
  ]);
  const violationTables = ['before', 'reject']
    .map((phase) => {
      const list = report.violations.filter((v) => v.phase == phase);
      if (!list.length) return '';
      const caption = `${PHASE_TITLES[phase]}: ${list.length} violation${list.length == 1 ? '' : 's'}`;
      return table(caption, ['What', 'Category', 'Service', 'Page', 'Set or requested by'], violationRows(list), '');
    })
    .join('\n');
  sections.push(`<section id="violations" class="${report.violations.length ? 'has-violations' : ''}">
<h2>Violations</h2>
<p>A violation is a cookie, storage key or third-party request of a service that is not strictly necessary (or of an unknown third party), seen before the visitor decided or still there after they rejected. Unknown first-party cookies are listed under <a href="#notes">Notes</a>, not here.</p>
${violationTables || '<p class="empty">No violations: nothing that needs consent before a decision or after a refusal.</p>'}
</section>`);

  // Declaration.
  const declarationRows = report.declaration.map((r) => [
    `<code>${e(r.name)}</code>${r.seenAs.length && (r.seenAs.length > 1 || r.seenAs[0] !== r.name) ? `<br><small>seen as ${r.seenAs.map((n) => `<code>${e(n)}</code>`).join(', ')}</small>` : ''}`,
    e(r.provider),
    [e(r.purpose), r.note ? `<small class="note">${e(r.note)}</small>` : ''].filter(Boolean).join('<br>'),
    e(r.lifetime),
    categoryBadge(r.category),
    e(KIND_TITLES[r.type] || r.type),
    r.service ? (r.privacyPolicyUrl && /^https?:\/\//.test(r.privacyPolicyUrl) ? `<a href="${e(r.privacyPolicyUrl)}" rel="noopener noreferrer">${e(r.serviceTitle || r.service)}</a>` : e(r.serviceTitle || r.service)) : '—',
    r.observed ? `${e(r.pages.length)} page${r.pages.length == 1 ? '' : 's'}; ${r.phases.map((p) => e(p)).join(', ')}` : 'not seen',
  ]);
  sections.push(`<section id="declaration">
<h2>Cookie declaration</h2>
<p>For the privacy policy: every cookie and storage key this scan saw, with provider, purpose and lifetime from the consent-gate catalogue (or the site’s own consent configuration), and what that configuration declares that this scan did not see.</p>
${table('Cookies and storage', ['Name', 'Provider', 'Purpose', 'Lifetime', 'Category', 'Type', 'Service', 'Seen'], declarationRows, 'No cookies or storage keys were seen or declared.')}
</section>`);

  // Notes.
  const notes = [];
  for (const p of failed) notes.push(`${pageLabel(p.url, origin)} could not be scanned: ${e(p.error)}.`);
  for (const p of report.pageResults) {
    for (const [phase, decision] of Object.entries(p.decisions)) {
      if (decision.via == 'none') notes.push(`${pageLabel(p.url, origin)}: ${e(decision.note || 'no control found')} in the ${e(phase)} phase, so it shows the page without that decision.`);
    }
    const unsettled = Object.entries(p.settled).filter(([, settled]) => !settled).map(([phase]) => phase);
    if (unsettled.length && !p.error) notes.push(`${pageLabel(p.url, origin)} did not settle in time (${e(unsettled.join(', '))}): recorded as it stood when the wait ran out.`);
  }
  if (report.unclassified.firstPartyCookies.length) notes.push(`First-party cookies no catalogue entry or site declaration explains (listed, not flagged): ${report.unclassified.firstPartyCookies.map((n) => `<code>${e(n)}</code>`).join(', ')}.`);
  if (report.unclassified.thirdPartyHosts.length) notes.push(`Third-party hosts the catalogue does not know (flagged as “unknown” where seen before a decision or after a refusal): ${report.unclassified.thirdPartyHosts.map((h) => `<code>${e(h)}</code>`).join(', ')}.`);
  sections.push(`<section id="notes"><h2>Notes</h2>${notes.length ? `<ul>${notes.map((n) => `<li>${n}</li>`).join('')}</ul>` : '<p class="empty">Nothing to note.</p>'}</section>`);

  // Suggested configuration.
  const evidence = report.suggestedServices.map((s) => [`<code>${e(s.key)}</code>`, e(s.preset), categoryBadge(s.category), e(s.evidence.slice(0, 4).join('; ') + (s.evidence.length > 4 ? ` (+${s.evidence.length - 4} more)` : ''))]);
  sections.push(`<section id="config">
<h2>Suggested configuration</h2>
<p>The catalogue presets this scan found, as <code>consent-config.json</code> beside this report holds them: the <code>categories</code> and <code>services</code> of a consent-gate configuration.</p>
<pre>${e(JSON.stringify(report.suggestedConfig, null, 2))}</pre>
${table('Why each service is suggested', ['Key', 'Preset', 'Category', 'Found as'], evidence, 'No catalogue service was found.')}
</section>`);

  // Phases.
  const phaseSections = ['before', 'accept', 'reject'].map((phase) => {
    const seen = report.phases[/** @type {'before'} */ (phase)];
    const cookieRows = seen.cookies.map((c) => [`<code>${e(c.name)}</code>`, e(c.domain), e(c.observedLifetime), categoryBadge(c.category), e(c.service ? serviceName(report, c.service) : ''), pageLabel(c.page, origin), setterCell(c, origin)]);
    const storageRows = seen.storage.map((s) => [`<code>${e(s.key)}</code>`, e(KIND_TITLES[s.kind] || s.kind), e(s.origin), categoryBadge(s.category), e(s.service ? serviceName(report, s.service) : ''), pageLabel(s.page, origin), setterCell(s, origin)]);
    const requestRows = seen.requests.map((r) => [
      `<code>${e(r.host)}</code><br><small class="url">${e(r.url)}</small>`,
      e(r.resourceType),
      e(r.failed ? `failed (${r.failed})` : r.status || ''),
      categoryBadge(r.category),
      e(r.service ? serviceName(report, r.service) : ''),
      pageLabel(r.page, origin),
      setterCell(r, origin),
    ]);
    return `<section class="phase" id="phase-${e(phase)}">
<h3>${e(PHASE_TITLES[phase])}</h3>
${table('Cookies', ['Name', 'Domain', 'Expires in', 'Category', 'Service', 'Page', 'Set by'], cookieRows, 'No cookies.')}
${table('Storage', ['Key', 'Kind', 'Origin', 'Category', 'Service', 'Page', 'Written by'], storageRows, 'No storage keys.')}
${table('Third-party requests (failed ones included: a request attempted is a request made)', ['Host', 'Type', 'Result', 'Category', 'Service', 'Page', 'Started by'], requestRows, 'No third-party requests.')}
</section>`;
  });
  sections.push(`<section id="phases"><h2>What each phase saw</h2>${phaseSections.join('\n')}</section>`);

  // Pages with their first view.
  const pageCards = report.pages.map((url, i) => {
    const p = byPage.get(url);
    const shot = screenshots.get(url);
    const decisions = Object.entries(p?.decisions || {})
      .map(([phase, d]) => `${e(phase)}: ${d.via == 'consent-gate' ? 'through ConsentGate.instance' : d.via == 'button' ? `clicked “${e(d.label)}”${d.tool ? ` (${e(d.tool)})` : ''}` : e(d.note || 'nothing found')}`)
      .join('; ');
    return `<figure class="page">
<figcaption><strong>${e(i + 1)}.</strong> ${pageLabel(url, origin)}${p?.title ? ` — ${e(p.title)}` : ''}${p?.error ? ` <span class="badge cat-unknown">${e(p.error)}</span>` : ''}<br><small>${decisions || 'no decision made'}</small></figcaption>
${shot ? `<img src="data:image/jpeg;base64,${e(shot)}" alt="${e(`The page ${url} as a first-time visitor sees it`)}" width="640" height="400" loading="lazy">` : '<p class="empty">No screenshot.</p>'}
</figure>`;
  });
  sections.push(`<section id="pages"><h2>Pages</h2><p>Each page as a first-time visitor sees it (the “before” phase), with how the scan accepted and rejected.</p><div class="pages">${pageCards.join('\n')}</div></section>`);

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<meta name="referrer" content="no-referrer">
<title>Cookie scan: ${e(origin)}</title>
<style>${STYLES}</style>
</head>
<body>
<main>
${sections.join('\n')}
</main>
</body>
</html>
`;
}

/**
 * @param {Report} report
 * @param {string} service
 */
function serviceName(report, service) {
  const row = report.declaration.find((r) => r.service === service && r.serviceTitle);
  const suggested = report.suggestedServices.find((s) => s.preset === service);
  return row?.serviceTitle || suggested?.title || service;
}

const STYLES = `
:root{color-scheme:light;--fg:#111827;--muted:#4b5563;--line:#d1d5db;--bad:#991b1b;--bad-bg:#fef2f2;--good:#166534;--good-bg:#f0fdf4}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:#fff}
main{max-width:1200px;margin:0 auto;padding:24px}
h1{font-size:1.6rem;margin:0 0 .5rem}h2{font-size:1.3rem;margin:2rem 0 .5rem;padding-top:.5rem;border-top:2px solid var(--fg)}h3{font-size:1.1rem;margin:1.5rem 0 .5rem}
p,li{max-width:75ch}small{color:var(--muted)}
code{font:13px/1.4 ui-monospace,SFMono-Regular,Menlo,monospace;background:#f3f4f6;padding:0 3px;border-radius:3px}
pre{background:#f3f4f6;padding:12px;overflow:auto;font-size:13px}
.url{word-break:break-all}
.summary{display:flex;flex-wrap:wrap;gap:12px;list-style:none;padding:0}
.summary li{border:1px solid var(--line);border-radius:6px;padding:8px 14px}.summary strong{font-size:1.3rem;margin-right:4px}
.summary .bad{border-color:var(--bad);background:var(--bad-bg);color:var(--bad)}.summary .good{border-color:var(--good);background:var(--good-bg);color:var(--good)}
.has-violations h2{color:var(--bad)}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:14px}
caption{text-align:left;font-weight:600;padding:4px 0}
th,td{border:1px solid var(--line);padding:5px 8px;text-align:left;vertical-align:top}
thead th{background:#f3f4f6}
tbody th{font-weight:400}
#violations tbody tr{background:var(--bad-bg)}
.badge{display:inline-block;padding:0 6px;border-radius:10px;font-size:12px;white-space:nowrap;border:1px solid currentColor}
.cat-necessary{color:#166534}.cat-preferences{color:#1e40af}.cat-analytics{color:#92400e}.cat-marketing{color:#9d174d}.cat-unknown{color:#991b1b}
.note{font-style:italic}
.empty{color:var(--muted);font-style:italic}
.pages{display:grid;grid-template-columns:repeat(auto-fill,minmax(320px,1fr));gap:16px}
figure.page{margin:0;border:1px solid var(--line);border-radius:6px;padding:8px}
figure.page img{display:block;width:100%;height:auto;border:1px solid var(--line);margin-top:6px}
@media print{.pages{display:block}figure.page{break-inside:avoid;margin-bottom:12px}}
`;
