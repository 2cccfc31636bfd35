// @ts-check
// `serverCookie: true`: the answer to a stored receipt re-sets the visitor's consent cookie
// with Set-Cookie, because Safari (ITP) caps cookies written by script at 7 days and a
// cookie set by the site's own server is not capped.
//
// The server never makes a choice up. It re-sets the value the browser itself sent in its
// Cookie header, and only when that value decodes (the core's decodeChoice, which also
// proves the checksum) to exactly the receipt just stored: same consent id, revision, time
// of decision, GPC state and choices. And only on the same site: the page's origin and this
// endpoint must be on one host (or both under the cookie's configured domain).

/** @typedef {import('./receipt.js').Receipt} Receipt */

/** @type {Promise<{ decodeChoice(raw: unknown): any, encodeChoice(c: any): string } | null> | undefined} */
let codec;

/**
 * The core's codec: the consent-gate package where the server is installed beside it, else
 * this repository's build (dist/core.js). Null, with one warning, when neither is there.
 * @param {(message: string) => void} log
 */
function loadCodec(log) {
  return (codec ||= (async () => {
    for (const spec of ['consent-gate/core', new URL('../../dist/core.js', import.meta.url).href]) {
      try {
        return await import(spec);
      } catch {
        /* try the next */
      }
    }
    log('serverCookie: the consent-gate core (dist/core.js) is not built, so no cookie is re-set; run npm run build');
    return null;
  })());
}

/** js-cookie's reading of a cookie value. @param {string} v */
const readValue = (v) => (v[0] == '"' ? v.slice(1, -1) : v).replace(/(%[\dA-F]{2})+/gi, decodeURIComponent);
/** js-cookie's writing of a cookie value (percent-encoding, some safe characters kept). @param {string} v */
const writeValue = (v) => encodeURIComponent(v).replace(/%(2[346BF]|3[AC-F]|40|5[BDE]|60|7[BCD])/g, decodeURIComponent);

/** @param {Record<string, boolean>} a @param {Record<string, boolean>} b */
const sameFlags = (a, b) => {
  const ka = Object.keys(a);
  return ka.length == Object.keys(b).length && ka.every((k) => b[k] === a[k]);
};

/** @param {string} host @param {string} domain */
const within = (host, domain) => host == domain || host.endsWith(`.${domain}`);

/**
 * The Set-Cookie header for this request, or undefined when it does not qualify.
 * @param {import('node:http').IncomingMessage} req
 * @param {URL} url           the request URL (its `cookie` parameter is the SDK's cookie options)
 * @param {Receipt} receipt   the receipt just stored
 * @param {string} origin     the page's origin (already checked against the allowlist)
 * @param {string} host       this endpoint's host as the browser addressed it
 * @param {(message: string) => void} log
 * @returns {Promise<string | undefined>}
 */
export async function serverCookie(req, url, receipt, origin, host, log) {
  const param = url.searchParams.get('cookie');
  if (!param) return;
  /** @type {any} */
  let o;
  try {
    o = JSON.parse(param);
  } catch {
    return;
  }
  if (!o || typeof o != 'object') return;
  const name = o.name;
  const path = o.path ?? '/';
  const domain = o.domain == null ? '' : String(o.domain).toLowerCase().replace(/^\./, '');
  const sameSite = o.sameSite ?? 'Lax';
  if (typeof name != 'string' || !/^[\w.-]{1,64}$/.test(name)) return;
  if (typeof path != 'string' || !/^\/[\w\-./~]{0,200}$/.test(path)) return;
  if (domain && !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domain)) return;
  if (!['Lax', 'Strict', 'None'].includes(sameSite)) return;

  let page;
  try {
    page = new URL(origin);
  } catch {
    return;
  }
  const endpointHost = host.toLowerCase().replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  // Same site: one host, or both under the cookie's domain (which the browser requires anyway).
  if (domain ? !(within(page.hostname, domain) && within(endpointHost, domain)) : page.hostname != endpointHost) return;
  const secure = o.secure ?? page.protocol == 'https:';
  if (sameSite == 'None' && !secure) return;

  const core = await loadCodec(log);
  if (!core) return;
  const want = Math.floor(Date.parse(receipt.timestamp) / 1000) * 1000;
  for (const part of String(req.headers.cookie || '').split(';')) {
    const i = part.indexOf('=');
    if (i < 0 || part.slice(0, i).trim() != name) continue;
    let value;
    try {
      value = readValue(part.slice(i + 1).trim());
    } catch {
      continue;
    }
    const d = core.decodeChoice(value);
    if (!d.ok) continue;
    const c = d.choice;
    const match =
      c.id === receipt.id &&
      c.revision === receipt.revision &&
      c.last === want &&
      c.gpc === receipt.gpc &&
      sameFlags(c.categories, receipt.categories) &&
      sameFlags(c.services, receipt.services);
    const maxAge = Math.min(Math.floor((c.expires - Date.now()) / 1000), 395 * 86400);
    if (!match || maxAge <= 0) continue;
    return [
      `${name}=${writeValue(core.encodeChoice(c))}`,
      `Path=${path}`,
      ...(domain ? [`Domain=${domain}`] : []),
      `Max-Age=${maxAge}`,
      `Expires=${new Date(Date.now() + maxAge * 1000).toUTCString()}`,
      `SameSite=${sameSite}`,
      ...(secure ? ['Secure'] : []),
    ].join('; ');
  }
}
