// @ts-check
// Cookie, storage key and request -> service -> category, from the catalogue the SDK ships
// (dist/catalogue.js) and, when the page runs consent-gate, from the page's own configuration.
// Pure functions: the browser code only collects, this file decides.
import { cookieHost, isThirdParty } from './site.js';

/** @typedef {import('../../dist/core.js').ServiceConfig} ServiceConfig */
/** @typedef {{ [preset: string]: ServiceConfig }} Catalogue */
/** @typedef {string | RegExp} NameMatcher */

/**
 * A service as the page's consent-gate configuration declares it (read from
 * `ConsentGate.instance.config`, RegExps revived by {@link reviveSiteConfig}).
 * @typedef {object} SiteService
 * @property {string} key
 * @property {string} category
 * @property {string} [title]
 * @property {string} [provider]
 * @property {string} [description]
 * @property {string} [privacyPolicyUrl]
 * @property {string} [preset]
 * @property {string[]} hosts
 * @property {{ name: NameMatcher, provider?: string, purpose?: string, lifetime?: string }[]} cookies
 * @property {NameMatcher[]} storageKeys
 */

/**
 * What the page's consent-gate declares: its own consent cookie and its services.
 * @typedef {object} SiteConfig
 * @property {string} cookieName
 * @property {number} expiresDays
 * @property {{ key: string, required: boolean, title?: string }[]} categories
 * @property {SiteService[]} services
 */

/**
 * Where an observation belongs.
 * @typedef {object} Classification
 * @property {string | null} service  catalogue preset name, site service key, `consent-gate`, or null when unknown
 * @property {'catalogue' | 'site' | 'consent-gate' | 'unknown'} source
 * @property {string} category  the service's category, or `unknown`
 * @property {string} [title]
 * @property {string} [provider]
 * @property {string} [purpose]
 * @property {string} [lifetime]
 * @property {string} [privacyPolicyUrl]
 * @property {string} [matcher]  the declared name or pattern that matched, as people read it (`_ga_*`)
 * @property {string[]} [alsoMatches]  other presets whose entry matched as well as this one
 */

/** Category of everything no catalogue entry or site declaration explains. */
export const UNKNOWN = 'unknown';
/** The one category that never needs consent. */
export const NECESSARY = 'necessary';

/**
 * A declared name or pattern as a person reads it: `/^_ga_/` is `_ga_*`, `/^mp_.*_mixpanel$/`
 * is `mp_*_mixpanel` (the demo's privacy page writes patterns the same way).
 * @param {NameMatcher} matcher
 */
export function matcherLabel(matcher) {
  if (typeof matcher == 'string') return matcher;
  let source = matcher.source;
  const openStart = !source.startsWith('^');
  const openEnd = !/(^|[^\\])\$$/.test(source);
  source = source.replace(/^\^/, '').replace(/\$$/, '');
  source = source.replace(/\.[*+]\??/g, '*').replace(/\\(.)/g, '$1');
  return ((openStart ? '*' : '') + source + (openEnd ? '*' : '')).replace(/\*+/g, '*');
}

/**
 * @param {NameMatcher} matcher
 * @param {string} name
 */
function nameMatches(matcher, name) {
  if (typeof matcher == 'string') return matcher === name;
  matcher.lastIndex = 0; // a /g or /y pattern would otherwise resume where it stopped
  return matcher.test(name);
}

/**
 * @template T
 * @typedef {{ owner: T, host: string, path: string, order: number }} CompiledHost
 */

/**
 * The best owner of a URL among compiled host entries: the longest matching entry wins
 * (`googletagmanager.com/gtag` over `googletagmanager.com`), ties go to the first listed.
 * @template T
 * @param {CompiledHost<T>[]} entries
 * @param {string} hostname
 * @param {string} pathname
 * @param {import('./catalogue.js').HostRule} rule
 * @returns {{ owner: T, others: T[] } | null}
 */
function bestHostMatch(entries, hostname, pathname, { hostEntryMatches }) {
  /** @type {CompiledHost<T>[]} */
  const hits = entries.filter((e) => hostEntryMatches(e, hostname, pathname));
  if (!hits.length) return null;
  const score = (/** @type {CompiledHost<T>} */ e) => e.host.length + e.path.length;
  hits.sort((a, b) => score(b) - score(a) || a.order - b.order);
  const top = score(hits[0]);
  const others = [...new Set(hits.filter((e) => score(e) === top && e.owner !== hits[0].owner).map((e) => e.owner))];
  return { owner: hits[0].owner, others };
}

/**
 * A cookie description of the catalogue (string, RegExp or `{ name, lifetime, purpose }`) as one shape.
 * @param {unknown} entry
 * @returns {{ name: NameMatcher, provider?: string, purpose?: string, lifetime?: string } | null}
 */
function describedCookie(entry) {
  if (typeof entry == 'string' || entry instanceof RegExp) return { name: entry };
  if (entry && typeof entry == 'object' && 'name' in entry) {
    const e = /** @type {{ name: unknown, provider?: unknown, purpose?: unknown, lifetime?: unknown }} */ (entry);
    if (typeof e.name == 'string' || e.name instanceof RegExp) {
      return { name: e.name, provider: text(e.provider), purpose: text(e.purpose), lifetime: text(e.lifetime) };
    }
  }
  return null;
}

/**
 * A catalogue Text (string or `{ [language]: string }`) in English, else its first language.
 * @param {unknown} value
 * @returns {string | undefined}
 */
export function text(value) {
  if (typeof value == 'string') return value;
  if (value && typeof value == 'object') {
    const byLanguage = /** @type {{ [language: string]: unknown }} */ (value);
    const chosen = byLanguage.en ?? Object.values(byLanguage)[0];
    return typeof chosen == 'string' ? chosen : undefined;
  }
  return undefined;
}

/**
 * Patterns arrive from the page as `{ regexp, flags }`, since RegExps do not cross
 * `page.evaluate`. A pattern this Node cannot compile is dropped: it cannot match anything.
 * @param {unknown} raw
 * @returns {SiteConfig | null}
 */
export function reviveSiteConfig(raw) {
  if (!raw || typeof raw != 'object') return null;
  const r = /** @type {any} */ (raw);
  /** @param {any} m @returns {NameMatcher | null} */
  const matcher = (m) => {
    if (typeof m == 'string') return m;
    if (m && typeof m.regexp == 'string') {
      try {
        return new RegExp(m.regexp, String(m.flags || '').replace(/[gy]/g, ''));
      } catch {
        return null;
      }
    }
    return null;
  };
  const strings = (/** @type {unknown} */ v) => (Array.isArray(v) ? v.filter((x) => typeof x == 'string') : []);
  const optional = (/** @type {unknown} */ v) => (typeof v == 'string' && v ? v : undefined);
  /** @type {SiteService[]} */
  const services = (Array.isArray(r.services) ? r.services : [])
    .filter((/** @type {any} */ s) => s && typeof s.key == 'string' && typeof s.category == 'string')
    .map((/** @type {any} */ s) => ({
      key: s.key,
      category: s.category,
      title: optional(s.title),
      provider: optional(s.provider),
      description: optional(s.description),
      privacyPolicyUrl: optional(s.privacyPolicyUrl),
      preset: optional(s.preset),
      hosts: strings(s.hosts),
      cookies: (Array.isArray(s.cookies) ? s.cookies : []).flatMap((/** @type {any} */ c) => {
        const name = matcher(c && c.name);
        return name === null ? [] : [{ name, provider: optional(c.provider), purpose: optional(c.purpose), lifetime: optional(c.lifetime) }];
      }),
      storageKeys: (Array.isArray(s.storageKeys) ? s.storageKeys : []).map(matcher).filter((/** @type {NameMatcher | null} */ m) => m !== null),
    }));
  return {
    cookieName: typeof r.cookieName == 'string' ? r.cookieName : 'consent_gate',
    expiresDays: typeof r.expiresDays == 'number' ? r.expiresDays : 0,
    categories: (Array.isArray(r.categories) ? r.categories : [])
      .filter((/** @type {any} */ c) => c && typeof c.key == 'string')
      .map((/** @type {any} */ c) => ({ key: c.key, required: c.required === true, title: optional(c.title) })),
    services,
  };
}

/** The consent-gate consent cookie (and its optional localStorage mirror), as the declaration lists it. */
const consentGateEntry = (/** @type {SiteConfig} */ site) => ({
  service: 'consent-gate',
  source: /** @type {const} */ ('consent-gate'),
  category: NECESSARY,
  title: 'Cookie consent (consent-gate)',
  provider: 'This site',
  purpose: 'Remembers the cookie choice and when it was made.',
  lifetime: site.expiresDays ? `${site.expiresDays} days` : undefined,
  matcher: site.cookieName,
});

/**
 * Build the classifier for one catalogue.
 * @param {Catalogue} catalogue
 * @param {import('./catalogue.js').HostRule} hostRule  how `hosts` entries match (`loadHostRule()`)
 */
export function createClassifier(catalogue, hostRule) {
  const { parseHostEntry } = hostRule;
  const presets = Object.entries(catalogue);
  /** @type {CompiledHost<string>[]} */
  const catalogueHosts = presets.flatMap(([name, preset], order) =>
    (preset.hosts || []).map((entry) => ({ owner: name, order, ...parseHostEntry(entry) })),
  );

  /**
   * @param {string} name
   * @param {'cookies' | 'storageKeys'} field
   * @returns {Classification | null}
   */
  function fromCatalogueNames(name, field) {
    for (const [presetName, preset] of presets) {
      for (const entry of preset[field] || []) {
        const described = describedCookie(entry);
        if (described && nameMatches(described.name, name)) {
          return {
            ...serviceFacts(presetName, preset),
            source: 'catalogue',
            purpose: described.purpose || text(preset.description),
            lifetime: described.lifetime,
            matcher: matcherLabel(described.name),
          };
        }
      }
    }
    return null;
  }

  /**
   * @param {string} presetName
   * @param {ServiceConfig} preset
   */
  function serviceFacts(presetName, preset) {
    return {
      service: presetName,
      category: preset.category,
      title: text(preset.title),
      provider: preset.provider,
      privacyPolicyUrl: preset.privacyPolicyUrl,
    };
  }

  /**
   * @param {string} name
   * @param {'cookies' | 'storageKeys'} field
   * @param {SiteConfig | null} site
   * @returns {Classification | null}
   */
  function fromSiteNames(name, field, site) {
    for (const service of site ? site.services : []) {
      const entries = field == 'cookies' ? service.cookies : service.storageKeys.map((k) => ({ name: k }));
      for (const entry of entries) {
        if (!nameMatches(entry.name, name)) continue;
        const described = /** @type {{ name: NameMatcher, provider?: string, purpose?: string, lifetime?: string }} */ (entry);
        return {
          service: service.key,
          source: 'site',
          category: service.category,
          title: service.title || service.key,
          provider: described.provider || service.provider,
          purpose: described.purpose || service.description,
          lifetime: described.lifetime,
          privacyPolicyUrl: service.privacyPolicyUrl,
          matcher: matcherLabel(entry.name),
        };
      }
    }
    return null;
  }

  /**
   * The service whose hosts cover a URL: the catalogue first, then the site's own declarations.
   * @param {URL} url
   * @param {SiteConfig | null} site
   * @returns {Classification | null}
   */
  function fromHosts(url, site) {
    const hostname = url.hostname.toLowerCase();
    const hit = bestHostMatch(catalogueHosts, hostname, url.pathname, hostRule);
    if (hit) {
      return {
        ...serviceFacts(hit.owner, catalogue[hit.owner]),
        source: 'catalogue',
        purpose: text(catalogue[hit.owner].description),
        ...(hit.others.length ? { alsoMatches: hit.others } : {}),
      };
    }
    /** @type {CompiledHost<SiteService>[]} */
    const siteHosts = (site ? site.services : []).flatMap((service, order) => service.hosts.map((entry) => ({ owner: service, order, ...parseHostEntry(entry) })));
    const own = bestHostMatch(siteHosts, hostname, url.pathname, hostRule);
    if (own) {
      const s = own.owner;
      return { service: s.key, source: 'site', category: s.category, title: s.title || s.key, provider: s.provider, purpose: s.description, privacyPolicyUrl: s.privacyPolicyUrl };
    }
    return null;
  }

  /** @returns {Classification} */
  const unknown = () => ({ service: null, source: 'unknown', category: UNKNOWN });

  return {
    /**
     * A cookie: the page's consent cookie, then catalogue names and patterns, then the site's
     * declared cookies, then (for cookies of another site) the catalogue hosts.
     * @param {string} name
     * @param {string} domain  as the browser reports it (`.example.com` or `example.com`)
     * @param {{ pageHost: string, site: SiteConfig | null }} context
     * @returns {Classification & { firstParty: boolean }}
     */
    cookie(name, domain, { pageHost, site }) {
      const host = cookieHost(domain);
      const firstParty = !isThirdParty(host, pageHost);
      if (site && firstParty && name === site.cookieName) return { ...consentGateEntry(site), firstParty };
      const found =
        fromCatalogueNames(name, 'cookies') ||
        (firstParty && fromSiteNames(name, 'cookies', site)) ||
        (!firstParty && fromHosts(new URL(`https://${host}/`), null)) ||
        unknown();
      return { ...found, firstParty };
    },

    /**
     * A localStorage or sessionStorage key, written by a document of `origin`.
     * @param {string} key
     * @param {string} origin
     * @param {{ pageHost: string, site: SiteConfig | null }} context
     * @returns {Classification & { firstParty: boolean }}
     */
    storage(key, origin, { pageHost, site }) {
      let url;
      try {
        url = new URL(origin);
      } catch {
        return { ...unknown(), firstParty: false };
      }
      const firstParty = !isThirdParty(url.hostname, pageHost);
      if (site && firstParty && key === site.cookieName) return { ...consentGateEntry(site), firstParty };
      const found =
        fromCatalogueNames(key, 'storageKeys') ||
        (firstParty && fromSiteNames(key, 'storageKeys', site)) ||
        (!firstParty && fromHosts(url, null)) ||
        unknown();
      return { ...found, firstParty };
    },

    /**
     * A request: catalogue hosts, then the hosts the site's configuration declares.
     * @param {string} rawUrl
     * @param {{ pageHost: string, site: SiteConfig | null }} context
     * @returns {(Classification & { host: string, thirdParty: boolean }) | null}  null for URLs that are not http(s)
     */
    request(rawUrl, { pageHost, site }) {
      let url;
      try {
        url = new URL(rawUrl);
      } catch {
        return null;
      }
      if (url.protocol != 'http:' && url.protocol != 'https:') return null;
      const host = url.hostname.toLowerCase();
      return { ...(fromHosts(url, site) || unknown()), host, thirdParty: isThirdParty(host, pageHost) };
    },

    /**
     * The catalogue preset a URL belongs to by its host, or null (for gated markup and site declarations).
     * @param {string} rawUrl
     */
    presetForUrl(rawUrl) {
      try {
        const url = new URL(rawUrl);
        const hit = bestHostMatch(catalogueHosts, url.hostname.toLowerCase(), url.pathname, hostRule);
        return hit ? hit.owner : null;
      } catch {
        return null;
      }
    },

    /**
     * The catalogue preset whose cookie or storage names cover `name`, or null.
     * @param {string} name
     * @param {'cookies' | 'storageKeys'} [field]
     */
    presetForName(name, field = 'cookies') {
      const found = fromCatalogueNames(name, field);
      return found ? found.service : null;
    },
  };
}

/** @typedef {ReturnType<typeof createClassifier>} Classifier */
