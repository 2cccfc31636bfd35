// @ts-check
// From what the visits saw to what the report says: every observation classified, the
// violations, the cookie declaration and the suggested configuration. Pure: no browser here.
import { NECESSARY, UNKNOWN, matcherLabel, reviveSiteConfig, text } from './classify.js';

/** @typedef {import('./visit.js').Phase} Phase */
/** @typedef {import('./visit.js').VisitResult} VisitResult */
/** @typedef {import('./classify.js').Classifier} Classifier */
/** @typedef {import('./classify.js').Classification} Classification */
/** @typedef {import('./classify.js').SiteConfig} SiteConfig */
/** @typedef {import('./classify.js').Catalogue} Catalogue */

/** @type {Phase[]} */
export const PHASES = ['before', 'accept', 'reject'];
/** Display order of categories; others follow in the order met. */
const CATEGORY_ORDER = [NECESSARY, 'preferences', 'analytics', 'marketing'];

/**
 * One scanned page: its URL and what each phase saw (a phase is missing when an earlier one failed).
 * @typedef {{ url: string, visits: { [phase in Phase]?: VisitResult } }} ScannedPage
 */

/**
 * @typedef {object} CookieEntry
 * @property {string} name
 * @property {string} domain
 * @property {string} path
 * @property {string | null} expires  ISO time, or null for a session cookie
 * @property {string} observedLifetime
 * @property {boolean} httpOnly
 * @property {boolean} secure
 * @property {string} sameSite
 * @property {string} page
 * @property {string | null} service
 * @property {string} category
 * @property {string} source
 * @property {boolean} firstParty
 * @property {string} [provider]
 * @property {import('./visit.js').SetBy} [setBy]
 */

/**
 * How long a cookie lives, from the expiry the browser reports, as a person says it.
 * @param {number} expires  seconds since 1970, -1 for a session cookie
 * @param {number} now  milliseconds since 1970
 */
export function lifetimeFrom(expires, now) {
  if (!(expires > 0)) return 'Session';
  const seconds = expires - now / 1000;
  if (seconds <= 0) return 'Expired';
  const minutes = seconds / 60;
  const hours = minutes / 60;
  const days = hours / 24;
  const plural = (/** @type {number} */ n, /** @type {string} */ unit) => `${n} ${unit}${n == 1 ? '' : 's'}`;
  if (minutes < 90) return plural(Math.max(1, Math.round(minutes)), 'minute');
  if (hours < 48) return plural(Math.round(hours), 'hour');
  if (days < 60) return plural(Math.round(days), 'day');
  if (days < 730) return plural(Math.round(days / 30.44), 'month');
  return plural(Math.round(days / 365.25), 'year');
}

/**
 * Whether an observation in `phase` breaks the rule: something non-necessary before a decision
 * or after a refusal. An unknown first-party cookie or key is listed, not flagged: the site's
 * own login or cart cookie would otherwise fail every build. An unknown third party is flagged.
 * @param {Phase} phase
 * @param {{ category: string, firstParty?: boolean }} item
 */
export function isViolation(phase, item) {
  if (phase == 'accept') return false;
  if (item.category == NECESSARY) return false;
  if (item.category == UNKNOWN && item.firstParty) return false;
  return true;
}

/**
 * The page's consent-gate configuration, from whichever phase read it.
 * @param {ScannedPage} page
 * @returns {SiteConfig | null}
 */
function siteConfigOf(page) {
  for (const phase of PHASES) {
    const site = reviveSiteConfig(page.visits[phase]?.siteConfig);
    if (site) return site;
  }
  return null;
}

/**
 * Every observation of every page, classified, per phase.
 * @param {ScannedPage[]} pages
 * @param {Classifier} classifier
 * @param {number} now
 */
export function classifyPhases(pages, classifier, now) {
  /** @type {{ [phase in Phase]: { cookies: CookieEntry[], storage: any[], requests: any[] } }} */
  const phases = { before: { cookies: [], storage: [], requests: [] }, accept: { cookies: [], storage: [], requests: [] }, reject: { cookies: [], storage: [], requests: [] } };
  for (const page of pages) {
    const site = siteConfigOf(page);
    for (const phase of PHASES) {
      const visit = page.visits[phase];
      if (!visit || visit.error) continue;
      const pageHost = new URL(visit.finalUrl || visit.url).hostname;
      const context = { pageHost, site };
      for (const c of visit.cookies) {
        const found = classifier.cookie(c.name, c.domain, context);
        phases[phase].cookies.push({
          name: c.name,
          domain: c.domain,
          path: c.path,
          expires: c.expires > 0 ? new Date(c.expires * 1000).toISOString() : null,
          observedLifetime: lifetimeFrom(c.expires, now),
          httpOnly: c.httpOnly,
          secure: c.secure,
          sameSite: c.sameSite,
          page: page.url,
          ...classificationFields(found),
          firstParty: found.firstParty,
          ...(c.setBy ? { setBy: c.setBy } : {}),
        });
      }
      for (const s of visit.storage) {
        const found = classifier.storage(s.key, s.origin, context);
        phases[phase].storage.push({ key: s.key, kind: s.kind, origin: s.origin, page: page.url, ...classificationFields(found), firstParty: found.firstParty, ...(s.setBy ? { setBy: s.setBy } : {}) });
      }
      for (const r of visit.requests) {
        const found = classifier.request(r.url, context);
        if (!found || !found.thirdParty) continue;
        phases[phase].requests.push({
          url: r.url,
          host: found.host,
          page: page.url,
          ...classificationFields(found),
          method: r.method,
          resourceType: r.resourceType,
          ...(r.status ? { status: r.status } : {}),
          ...(r.failure ? { failed: r.failure } : {}),
          ...(r.initiator ? { initiator: r.initiator, initiatorType: r.initiatorType } : {}),
        });
      }
    }
  }
  return phases;
}

/**
 * The fields of a classification that every report entry carries.
 * @param {Classification} found
 */
function classificationFields(found) {
  return {
    service: found.service,
    category: found.category,
    source: found.source,
    ...(found.title ? { serviceTitle: found.title } : {}),
    ...(found.provider ? { provider: found.provider } : {}),
    ...(found.alsoMatches ? { alsoMatches: found.alsoMatches } : {}),
  };
}

/**
 * The script behind an observation, as far as the browser could tell.
 * @param {{ setBy?: import('./visit.js').SetBy, initiator?: string }} item
 */
function scriptOf(item) {
  if (item.setBy) return item.setBy.script || item.setBy.response;
  return item.initiator;
}

/**
 * One finding, as report.json lists it.
 * @typedef {object} Violation
 * @property {'before' | 'reject'} phase
 * @property {'cookie' | 'storage' | 'request'} kind
 * @property {string} name  the cookie name, storage key or host
 * @property {string} [url]  the request's URL (the first, when a host was asked several times for one path)
 * @property {string} [service]  catalogue preset or site service key; none for an unknown third party
 * @property {string} category
 * @property {string} page
 * @property {string} [script]  the script that set it or started the request, where the browser can tell
 * @property {string} [initiatorType]  for requests: `parser` (a tag in the HTML), `script`, `preload`, `other`
 * @property {string} [domain]  for cookies
 * @property {string} [storage]  for storage: `localStorage` or `sessionStorage`
 * @property {string} [origin]  for storage: the origin that wrote it
 * @property {number} [count]  for requests: how many went to that host and path
 */

/**
 * Violations: each non-necessary cookie, key or third-party request seen before a decision or
 * after a refusal. Requests are one per page, phase, host and path (a tracker's repeated beacons
 * are one finding, with their count).
 * @param {ReturnType<typeof classifyPhases>} phases
 */
export function findViolations(phases) {
  /** @type {Violation[]} */
  const violations = [];
  for (const phase of /** @type {const} */ (['before', 'reject'])) {
    for (const c of phases[phase].cookies) {
      if (!isViolation(phase, c)) continue;
      const script = scriptOf(c);
      violations.push({ phase, kind: 'cookie', name: c.name, domain: c.domain, ...(c.service ? { service: c.service } : {}), category: c.category, page: c.page, ...(script ? { script } : {}) });
    }
    for (const s of phases[phase].storage) {
      if (!isViolation(phase, s)) continue;
      const script = scriptOf(s);
      violations.push({ phase, kind: 'storage', name: s.key, storage: s.kind, origin: s.origin, ...(s.service ? { service: s.service } : {}), category: s.category, page: s.page, ...(script ? { script } : {}) });
    }
    /** @type {Map<string, Violation & { count: number }>} */
    const requests = new Map();
    for (const r of phases[phase].requests) {
      if (!isViolation(phase, { category: r.category, firstParty: false })) continue;
      const url = new URL(r.url);
      const id = `${r.page} ${r.host} ${url.pathname}`;
      const seen = requests.get(id);
      if (seen) {
        seen.count++;
        continue;
      }
      const script = scriptOf(r);
      /** @type {Violation & { count: number }} */
      const violation = {
        phase,
        kind: 'request',
        name: r.host,
        url: r.url,
        ...(r.service ? { service: r.service } : {}),
        category: r.category,
        page: r.page,
        ...(script ? { script, initiatorType: r.initiatorType } : {}),
        count: 1,
      };
      requests.set(id, violation);
      violations.push(violation);
    }
  }
  return violations;
}

/**
 * @typedef {object} DeclarationRow
 * @property {string} name  the cookie or key, or its pattern (`_ga_*`)
 * @property {'cookie' | 'localStorage' | 'sessionStorage'} type
 * @property {string} provider
 * @property {string} purpose
 * @property {string} lifetime
 * @property {string} category
 * @property {string | null} service
 * @property {string} [serviceTitle]
 * @property {string} [privacyPolicyUrl]
 * @property {boolean} observed  seen in this scan (else only declared by the site's configuration)
 * @property {string[]} seenAs  the names observed under this row
 * @property {string[]} domains
 * @property {string[]} pages
 * @property {Phase[]} phases
 * @property {string} [note]
 */

/**
 * The cookie declaration for the privacy policy: every cookie and key the scan saw, with the
 * catalogue's (or the site's) provider, purpose and lifetime, plus what the page's consent-gate
 * configuration declares that this scan did not happen to see (sign-in cookies, say).
 * @param {ScannedPage[]} pages
 * @param {ReturnType<typeof classifyPhases>} phases
 * @param {Classifier} classifier
 * @returns {DeclarationRow[]}
 */
export function buildDeclaration(pages, phases, classifier) {
  /** @type {Map<string, DeclarationRow>} */
  const rows = new Map();
  /**
   * @param {string} id
   * @param {() => DeclarationRow} create
   */
  const row = (id, create) => {
    let r = rows.get(id);
    if (!r) rows.set(id, (r = create()));
    return r;
  };
  /**
   * @param {DeclarationRow} r
   * @param {string} observedName
   * @param {string} domain
   * @param {string} page
   * @param {Phase} phase
   */
  const note = (r, observedName, domain, page, phase) => {
    r.observed = true;
    if (!r.seenAs.includes(observedName)) r.seenAs.push(observedName);
    if (domain && !r.domains.includes(domain)) r.domains.push(domain);
    if (!r.pages.includes(page)) r.pages.push(page);
    if (!r.phases.includes(phase)) r.phases.push(phase);
  };

  for (const phase of PHASES) {
    for (const c of phases[phase].cookies) {
      const found = classifier.cookie(c.name, c.domain, { pageHost: new URL(c.page).hostname, site: siteConfigOfUrl(pages, c.page) });
      const name = found.matcher || c.name;
      const id = found.service ? `cookie ${found.service} ${name}` : `cookie ? ${c.name} ${c.domain}`;
      const r = row(id, () => ({
        name,
        type: 'cookie',
        provider: found.provider || (found.firstParty ? 'This site' : c.domain.replace(/^\./, '')),
        purpose: found.purpose || '',
        lifetime: found.lifetime || c.observedLifetime,
        category: found.category,
        service: found.service,
        ...(found.title ? { serviceTitle: found.title } : {}),
        ...(found.privacyPolicyUrl ? { privacyPolicyUrl: found.privacyPolicyUrl } : {}),
        observed: true,
        seenAs: [],
        domains: [],
        pages: [],
        phases: [],
        ...(found.service ? {} : { note: 'Not in the catalogue or the site’s consent configuration: describe it before publishing.' }),
      }));
      note(r, c.name, c.domain, c.page, phase);
    }
    for (const s of phases[phase].storage) {
      const found = classifier.storage(s.key, s.origin, { pageHost: new URL(s.page).hostname, site: siteConfigOfUrl(pages, s.page) });
      const name = found.matcher || s.key;
      const id = found.service ? `${s.kind} ${found.service} ${name}` : `${s.kind} ? ${s.key} ${s.origin}`;
      const r = row(id, () => ({
        name,
        type: s.kind,
        provider: found.provider || (found.firstParty ? 'This site' : new URL(s.origin).hostname),
        purpose: found.purpose || '',
        lifetime: s.kind == 'localStorage' ? 'Until deleted' : 'Until the tab is closed',
        category: found.category,
        service: found.service,
        ...(found.title ? { serviceTitle: found.title } : {}),
        ...(found.privacyPolicyUrl ? { privacyPolicyUrl: found.privacyPolicyUrl } : {}),
        observed: true,
        seenAs: [],
        domains: [],
        pages: [],
        phases: [],
        ...(found.service ? {} : { note: 'Not in the catalogue or the site’s consent configuration: describe it before publishing.' }),
      }));
      note(r, s.key, new URL(s.origin).hostname, s.page, phase);
    }
  }

  // What the site's consent-gate configuration declares and the scan did not see.
  const declaredNames = new Set([...rows.values()].map((r) => `${r.type} ${r.name}`));
  const sites = new Set();
  for (const page of pages) {
    const site = siteConfigOf(page);
    if (!site || sites.has(JSON.stringify(site.services.map((s) => s.key)))) continue;
    sites.add(JSON.stringify(site.services.map((s) => s.key)));
    /** @param {DeclarationRow} r */
    const add = (r) => {
      if (declaredNames.has(`${r.type} ${r.name}`)) return;
      declaredNames.add(`${r.type} ${r.name}`);
      rows.set(`declared ${r.type} ${r.name}`, r);
    };
    add(declaredRow(site.cookieName, 'cookie', { provider: 'This site', purpose: 'Remembers the cookie choice and when it was made.', lifetime: site.expiresDays ? `${site.expiresDays} days` : '', category: NECESSARY, service: 'consent-gate', title: 'Cookie consent (consent-gate)' }));
    for (const s of site.services) {
      const base = { provider: s.provider || '', purpose: s.description || '', category: s.category, service: s.key, title: s.title || s.key, privacyPolicyUrl: s.privacyPolicyUrl };
      for (const c of s.cookies) add(declaredRow(matcherLabel(c.name), 'cookie', { ...base, provider: c.provider || base.provider, purpose: c.purpose || base.purpose, lifetime: c.lifetime || '' }));
      for (const k of s.storageKeys) add(declaredRow(matcherLabel(k), 'localStorage', { ...base, lifetime: 'Until deleted' }));
    }
  }

  return [...rows.values()].sort(
    (a, b) => categoryRank(a.category) - categoryRank(b.category) || (a.serviceTitle || '~').localeCompare(b.serviceTitle || '~') || a.name.localeCompare(b.name),
  );
}

/**
 * @param {string} name
 * @param {DeclarationRow['type']} type
 * @param {{ provider: string, purpose: string, lifetime: string, category: string, service: string, title: string, privacyPolicyUrl?: string }} facts
 * @returns {DeclarationRow}
 */
function declaredRow(name, type, facts) {
  return {
    name,
    type,
    provider: facts.provider,
    purpose: facts.purpose,
    lifetime: facts.lifetime,
    category: facts.category,
    service: facts.service,
    serviceTitle: facts.title,
    ...(facts.privacyPolicyUrl ? { privacyPolicyUrl: facts.privacyPolicyUrl } : {}),
    observed: false,
    seenAs: [],
    domains: [],
    pages: [],
    phases: [],
    note: 'Declared in the site’s consent configuration; not seen in this scan.',
  };
}

/**
 * @param {ScannedPage[]} pages
 * @param {string} url
 */
function siteConfigOfUrl(pages, url) {
  const page = pages.find((p) => p.url === url);
  return page ? siteConfigOf(page) : null;
}

/** @param {string} category */
export function categoryRank(category) {
  const i = CATEGORY_ORDER.indexOf(category);
  return i >= 0 ? i : category == UNKNOWN ? 99 : 50;
}

/**
 * The catalogue preset a service of the site's configuration stands for: its `preset`, a title
 * the catalogue uses, a declared cookie or host the catalogue knows.
 * @param {import('./classify.js').SiteService} service
 * @param {Catalogue} catalogue
 * @param {Classifier} classifier
 * @returns {string | null}
 */
export function presetOfSiteService(service, catalogue, classifier) {
  if (service.preset && catalogue[service.preset]) return service.preset;
  const simple = (/** @type {string | undefined} */ s) => (s || '').toLowerCase().replace(/[^a-z0-9]+/g, '');
  for (const [name, preset] of Object.entries(catalogue)) if (service.title && simple(text(preset.title)) === simple(service.title)) return name;
  for (const cookie of service.cookies) {
    const label = matcherLabel(cookie.name);
    const byName = typeof cookie.name == 'string' ? classifier.presetForName(cookie.name) : null;
    if (byName) return byName;
    for (const [name, preset] of Object.entries(catalogue)) {
      if ((preset.cookies || []).some((c) => matcherLabel(typeof c == 'object' && !(c instanceof RegExp) ? c.name : c) === label)) return name;
    }
  }
  for (const host of service.hosts) {
    const byHost = classifier.presetForUrl(`https://${host}`);
    if (byHost) return byHost;
  }
  return null;
}

/**
 * The suggested `categories` and `services` for consent-gate: one entry per catalogue preset
 * the scan found (a cookie, key or request it explains, a held-back tag loading from its hosts,
 * or a service of the site's own configuration that it stands for), keyed by the site's own
 * service key where there is one.
 * @param {ScannedPage[]} pages
 * @param {ReturnType<typeof classifyPhases>} phases
 * @param {Catalogue} catalogue
 * @param {Classifier} classifier
 */
export function suggestConfig(pages, phases, catalogue, classifier) {
  /** @type {Map<string, Map<string, Set<string>>>} preset -> what was found -> in which phases */
  const found = new Map();
  /** @type {Map<string, string>} preset -> the site's key for it */
  const siteKeys = new Map();
  /**
   * @param {string | null} preset
   * @param {string} evidence
   * @param {string} [phase]
   */
  const add = (preset, evidence, phase) => {
    if (!preset || !catalogue[preset]) return;
    const byPreset = found.get(preset) || new Map();
    found.set(preset, byPreset);
    const inPhases = byPreset.get(evidence) || new Set();
    byPreset.set(evidence, inPhases);
    if (phase) inPhases.add(phase);
  };
  for (const phase of PHASES) {
    for (const c of phases[phase].cookies) if (c.source == 'catalogue') add(c.service, `cookie ${c.name}`, phase);
    for (const s of phases[phase].storage) if (s.source == 'catalogue') add(s.service, `${s.kind} ${s.key}`, phase);
    for (const r of phases[phase].requests) if (r.source == 'catalogue') add(r.service, `request to ${r.host}`, phase);
  }
  for (const page of pages) {
    for (const phase of PHASES) {
      for (const tag of page.visits[phase]?.gated || []) {
        const preset = tag.url ? classifier.presetForUrl(tag.url) : null;
        if (!preset) continue;
        add(preset, `held-back <${tag.tag}> loading ${new URL(tag.url).host}`);
        if (tag.service && !siteKeys.has(preset) && /^[A-Za-z][\w-]*$/.test(tag.service)) siteKeys.set(preset, tag.service);
      }
    }
    const site = siteConfigOf(page);
    for (const service of site ? site.services : []) {
      const preset = presetOfSiteService(service, catalogue, classifier);
      if (!preset) continue;
      add(preset, `service "${service.key}" of the site’s consent configuration`);
      if (!siteKeys.has(preset)) siteKeys.set(preset, service.key);
    }
  }
  /** @type {{ [key: string]: { required?: boolean } }} */
  const categories = { [NECESSARY]: { required: true } };
  /** @type {{ [key: string]: string }} */
  const services = {};
  /** @type {{ key: string, preset: string, category: string, title: string | undefined, evidence: string[] }[]} */
  const evidence = [];
  const presets = [...found.keys()].sort((a, b) => categoryRank(catalogue[a].category) - categoryRank(catalogue[b].category) || a.localeCompare(b));
  for (const preset of presets) {
    const category = catalogue[preset].category;
    let key = siteKeys.get(preset) || preset;
    if (key in services) key = preset;
    services[key] = preset;
    const what = [.../** @type {Map<string, Set<string>>} */ (found.get(preset))].map(([thing, inPhases]) => (inPhases.size ? `${thing} (${[...inPhases].join(', ')})` : thing));
    evidence.push({ key, preset, category, title: text(catalogue[preset].title), evidence: what });
  }
  for (const category of [...new Set(evidence.map((e) => e.category))].sort((a, b) => categoryRank(a) - categoryRank(b))) categories[category] ??= {};
  return { config: { categories, services }, evidence };
}

/**
 * The whole report.
 * @param {object} input
 * @param {string} input.start
 * @param {ScannedPage[]} input.pages
 * @param {Catalogue} input.catalogue
 * @param {Classifier} input.classifier
 * @param {{ pages: number }} input.options
 * @param {Date} input.startedAt
 * @param {Date} input.finishedAt
 * @param {string} input.version
 * @param {string} input.browserVersion
 */
export function buildReport({ start, pages, catalogue, classifier, options, startedAt, finishedAt, version, browserVersion }) {
  const phases = classifyPhases(pages, classifier, finishedAt.getTime());
  const violations = findViolations(phases);
  const declaration = buildDeclaration(pages, phases, classifier);
  const suggestion = suggestConfig(pages, phases, catalogue, classifier);
  const pageResults = pages.map((page) => {
    const before = page.visits.before;
    const failed = PHASES.map((phase) => page.visits[phase]).find((v) => v && v.error);
    return {
      url: page.url,
      ...(before?.finalUrl && before.finalUrl !== page.url ? { finalUrl: before.finalUrl } : {}),
      ...(before?.status ? { status: before.status } : {}),
      title: before?.title || '',
      ...(failed ? { error: `${failed.phase}: ${failed.error}` } : {}),
      runsConsentGate: !!siteConfigOf(page),
      settled: Object.fromEntries(PHASES.filter((p) => page.visits[p]).map((p) => [p, /** @type {VisitResult} */ (page.visits[p]).settled])),
      decisions: /** @type {{ [phase: string]: import('./consent-actions.js').DecisionResult }} */ (
        Object.fromEntries(PHASES.filter((p) => page.visits[p]?.decision).map((p) => [p, /** @type {VisitResult} */ (page.visits[p]).decision]))
      ),
      gated: page.visits.before?.gated || [],
    };
  });
  const unknownFirstParty = [...new Set(PHASES.flatMap((p) => phases[p].cookies.filter((c) => c.category == UNKNOWN && c.firstParty).map((c) => c.name)))];
  const unknownHosts = [...new Set(PHASES.flatMap((p) => phases[p].requests.filter((r) => r.category == UNKNOWN).map((r) => r.host)))];
  return {
    tool: { name: 'consent-gate-scan', version, browser: browserVersion },
    start,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    durationMs: finishedAt.getTime() - startedAt.getTime(),
    options,
    pages: pages.map((p) => p.url),
    pageResults,
    phases,
    violations,
    declaration,
    suggestedConfig: suggestion.config,
    suggestedServices: suggestion.evidence,
    unclassified: { firstPartyCookies: unknownFirstParty, thirdPartyHosts: unknownHosts },
    summary: {
      pages: pages.length,
      failedPages: pageResults.filter((p) => p.error).length,
      violations: violations.length,
      violationsByCategory: violations.reduce((/** @type {{ [category: string]: number }} */ acc, v) => ((acc[v.category] = (acc[v.category] || 0) + 1), acc), {}),
    },
  };
}

/** @typedef {ReturnType<typeof buildReport>} Report */
