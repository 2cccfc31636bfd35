import type { CookieDescription } from '../types';

const EXPIRED = ';expires=Thu, 01 Jan 1970 00:00:00 GMT;path=';
const matches = (name: string, m: string | RegExp) => (typeof m === 'string' ? name === m : ((m.lastIndex = 0), m.test(name)));

/** Names of the cookies this page can see. */
const cookieNames = (doc: Document) => doc.cookie.split(/; */).map((c) => c.split('=')[0]!).filter(Boolean);

/**
 * Every domain a cookie visible here may have been set on: the host, then each parent up
 * to the registrable domain. That is found without a public-suffix list: browsers refuse a
 * cookie on a public suffix, so the shortest parent that accepts a probe cookie is it.
 */
export function domainVariants(doc: Document, host: string): string[] {
  const labels = host.split('.');
  const out = [host];
  if (/^[\d.]+$|:/.test(host)) return out;
  for (let i = 1; i < labels.length - 1; i++) out.push(labels.slice(i).join('.'));
  // Walk from the shortest parent up; stop at the first one that takes a cookie.
  for (let n = out.length - 1; n > 0; n--) {
    doc.cookie = `cg_probe=1;domain=${out[n]};path=/`;
    if (cookieNames(doc).includes('cg_probe')) {
      doc.cookie = `cg_probe=;domain=${out[n]}${EXPIRED}/`;
      return out.slice(0, n + 1);
    }
  }
  return out.slice(0, 1);
}

/**
 * Delete every visible cookie matching one of `matchers` on every domain and path it could
 * have been set with (host-only, the host, each parent up to the registrable domain).
 * Returns the names it deleted.
 */
export function clearCookies(doc: Document, matchers: CookieDescription[], host: string, path = '/'): string[] {
  const names = cookieNames(doc).filter((n) => matchers.some((m) => matches(n, m.name)));
  if (names.length) {
    const domains = ['', ...domainVariants(doc, host).map((d) => `;domain=${d}`)];
    for (const name of names) for (const d of domains) for (const p of new Set(['/', path])) doc.cookie = `${name}=${d}${EXPIRED}${p}`;
  }
  return names;
}

/** Delete matching localStorage keys. */
export function clearStorageKeys(matchers: (string | RegExp)[]): void {
  if (!matchers.length) return;
  for (const key of Object.keys(localStorage)) if (matchers.some((m) => matches(key, m))) localStorage.removeItem(key);
}
