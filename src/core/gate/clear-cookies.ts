import type { CookieDescription } from '../types';

const matches = (name: string, matcher: string | RegExp) =>
  typeof matcher === 'string' ? name === matcher : (matcher.lastIndex = 0, matcher.test(name));

/** Names of the cookies this page can see. */
export function cookieNames(doc: Document): string[] {
  return doc.cookie
    .split(';')
    .map((part) => {
      const name = part.split('=')[0]!.trim();
      try {
        return decodeURIComponent(name);
      } catch {
        return name;
      }
    })
    .filter(Boolean);
}

const PROBE = 'cg_probe';

/**
 * The registrable domain ("example.co.uk" for "app.example.co.uk"), found without a
 * public-suffix list: browsers refuse a cookie on a public suffix, so the shortest
 * suffix of the host that accepts a probe cookie is the registrable domain.
 */
export function registrableDomain(doc: Document, host: string): string {
  if (!host.includes('.') || /^[\d.]+$/.test(host) || host.includes(':')) return host;
  const labels = host.split('.');
  for (let i = labels.length - 2; i > 0; i--) {
    const domain = labels.slice(i).join('.');
    doc.cookie = `${PROBE}=1;domain=${domain};path=/`;
    if (cookieNames(doc).includes(PROBE)) {
      doc.cookie = `${PROBE}=;domain=${domain};path=/;expires=Thu, 01 Jan 1970 00:00:00 GMT`;
      return domain;
    }
  }
  return host;
}

/** Every domain attribute a cookie visible here may carry: none, the host, and each parent up to the registrable domain. */
export function domainVariants(doc: Document, host: string): (string | undefined)[] {
  const out: (string | undefined)[] = [undefined];
  const top = registrableDomain(doc, host);
  if (top === host && !host.includes('.')) return out;
  const labels = host.split('.');
  const topLength = top.split('.').length;
  for (let n = labels.length; n >= topLength; n--) {
    const domain = labels.slice(labels.length - n).join('.');
    out.push(domain);
  }
  return out;
}

/**
 * Delete every visible cookie matching one of `matchers` on every domain and path
 * variant that could hold it. Returns the names it deleted.
 */
export function clearCookies(doc: Document, matchers: CookieDescription[], host: string, path = '/'): string[] {
  if (!matchers.length) return [];
  const names = cookieNames(doc).filter((n) => n !== PROBE && matchers.some((m) => matches(n, m.name)));
  if (!names.length) return [];
  const domains = domainVariants(doc, host);
  const paths = path === '/' ? ['/'] : ['/', path];
  for (const name of names) {
    for (const domain of domains) {
      for (const p of paths) {
        doc.cookie = `${encodeURIComponent(name)}=;expires=Thu, 01 Jan 1970 00:00:00 GMT;path=${p}${domain ? `;domain=${domain}` : ''}`;
      }
    }
  }
  return names;
}

/** Delete matching localStorage keys; storage that throws is skipped. */
export function clearStorageKeys(matchers: (string | RegExp)[]): void {
  if (!matchers.length) return;
  try {
    const ls = window.localStorage;
    for (let i = ls.length - 1; i >= 0; i--) {
      const key = ls.key(i);
      if (key !== null && matchers.some((m) => matches(key, m))) ls.removeItem(key);
    }
  } catch {
    /* no localStorage: nothing of it to clear */
  }
}
