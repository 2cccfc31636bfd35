type Matcher = string | RegExp;

const EXPIRED = '=;expires=Thu, 01 Jan 1970 00:00:00 GMT;path=';
const matches = (name: string, list: Matcher[]) =>
  list.some((matcher) => (typeof matcher == 'string' ? name === matcher : ((matcher.lastIndex = 0), matcher.test(name))));

/** Names of the cookies this page can see. */
const cookieNames = (doc: Document) => doc.cookie.split(/; */).map((pair) => pair.split('=')[0]);

/**
 * Every domain a cookie visible here may have been set on: the host, then each parent up
 * to the registrable domain. That is found without a public-suffix list: browsers refuse a
 * cookie on a public suffix, so the shortest parent that accepts a probe cookie is it.
 */
export function domainVariants(doc: Document, host: string): string[] {
  const labels = host.split('.');
  const parent = (from: number) => labels.slice(from).join('.');
  // Walk from the shortest parent up; stop at the first one that takes a cookie.
  if (!/^[\d.]+$|:/.test(host)) {
    for (let index = labels.length - 2; index > 0; index--) {
      doc.cookie = `cg_probe=1;path=/;domain=${parent(index)}`;
      if (cookieNames(doc).includes('cg_probe')) {
        doc.cookie = `cg_probe${EXPIRED}/;domain=${parent(index)}`;
        return labels.slice(0, index + 1).map((_, start) => parent(start));
      }
    }
  }
  return [host];
}

/**
 * Every path a cookie visible on `pathname` may have been set with: `/` and each prefix of
 * the page's path, with and without a trailing slash (a tracker on `/app` sets `path=/app`;
 * deleting it with `path=/` does nothing).
 */
export function pathVariants(pathname: string): string[] {
  const paths = ['/'];
  let prefix = '';
  for (const segment of pathname.split('/').filter(Boolean)) paths.push((prefix += '/' + segment), prefix + '/');
  return paths;
}

/**
 * Delete every visible cookie matching `matchers` on every domain and path it could have
 * been set with (host-only, the host, each parent up to the registrable domain; `/`, the
 * configured path and each prefix of `pathname`). Returns the names it deleted. An HttpOnly
 * cookie is invisible to scripts and cannot be deleted here: the server that set it must.
 */
export function clearCookies(doc: Document, matchers: Matcher[], host: string, path = '/', pathname = '/'): string[] {
  const names = cookieNames(doc).filter((name) => matches(name, matchers));
  if (names.length) {
    const domains = ['', ...domainVariants(doc, host).map((domain) => ';domain=' + domain)];
    const paths = new Set([path, ...pathVariants(pathname)]);
    for (const name of names) for (const domain of domains) for (const cookiePath of paths) doc.cookie = name + EXPIRED + cookiePath + domain;
  }
  return names;
}

/** Withdrawal clean-up: the cookies and localStorage keys of refused services. */
export function clearAll(cookies: Matcher[], storageKeys: Matcher[], path: string): void {
  clearCookies(document, cookies, location.hostname, path, location.pathname);
  if (storageKeys.length) for (const key of Object.keys(localStorage)) if (matches(key, storageKeys)) localStorage.removeItem(key);
}
