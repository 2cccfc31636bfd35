// @ts-check
// Which hosts belong to the same site as the page. "Third party" in this report means another
// registrable domain (eTLD+1), the line browsers draw for third-party cookies. Without a copy of
// the Public Suffix List this is an approximation: the last two labels, or three under the
// common two-level country suffixes (example.co.uk). Platforms that share a suffix among
// customers (github.io, vercel.app) count as one site; a scan of one such site sees the others
// as first parties, which errs towards listing rather than flagging.

/** Second-level labels that countries use as public suffixes under their code (co.uk, com.au, ne.jp …). */
const COUNTRY_SECOND_LEVEL = new Set(['ac', 'co', 'com', 'edu', 'gov', 'go', 'gob', 'gv', 'ltd', 'mil', 'ne', 'net', 'nic', 'or', 'org', 'plc', 'sch']);

/**
 * The registrable domain of a host: `region1.google-analytics.com` → `google-analytics.com`,
 * `www.example.co.uk` → `example.co.uk`. IP addresses and single-label hosts (`localhost`) are
 * their own site.
 * @param {string} host
 * @returns {string}
 */
export function registrableDomain(host) {
  const name = host.toLowerCase().replace(/\.$/, '').replace(/^\[|\]$/g, '');
  if (/^[\d.]+$/.test(name) || name.includes(':')) return name;
  const labels = name.split('.');
  if (labels.length <= 2) return name;
  const tld = labels[labels.length - 1];
  const second = labels[labels.length - 2];
  const keep = tld.length == 2 && COUNTRY_SECOND_LEVEL.has(second) ? 3 : 2;
  return labels.slice(-keep).join('.');
}

/**
 * Whether `host` is a third party to a page on `pageHost`.
 * @param {string} host
 * @param {string} pageHost
 */
export function isThirdParty(host, pageHost) {
  return registrableDomain(host) !== registrableDomain(pageHost);
}

/**
 * The host a cookie belongs to, from its `domain` attribute as the browser reports it
 * (`.example.com` for a domain cookie, `example.com` for a host-only one).
 * @param {string} domain
 */
export const cookieHost = (domain) => domain.replace(/^\./, '').toLowerCase();
