/**
 * The `hosts` rule of the catalogue (ServiceConfig.hosts): an entry is a host name, optionally
 * followed by a path prefix. A host matches itself and every subdomain; a path matches itself
 * and what lies below it, by whole segments; among several matching entries the longest wins,
 * ties going to the first listed. Auto-blocking decides with it in the page; the scanner
 * imports these same functions from the built catalogue (`consent-gate/catalogue`), so the
 * two cannot disagree.
 */

/** One `hosts` entry, split: `facebook.com/tr` is host `facebook.com`, path `/tr`. */
export interface HostEntry {
  host: string;
  path: string;
}

/** Split a `hosts` entry; the host in lower case without a trailing dot, the path without trailing slashes. */
export function parseHostEntry(entry: string): HostEntry {
  const slash = entry.indexOf('/');
  const host = (slash < 0 ? entry : entry.slice(0, slash)).toLowerCase().replace(/\.$/, '');
  const path = slash < 0 ? '' : entry.slice(slash).replace(/\/+$/, '');
  return { host, path };
}

/** Whether a URL's host name (lower case) and path fall under an entry. */
export function hostEntryMatches(entry: HostEntry, hostname: string, pathname: string): boolean {
  if (!entry.host || (hostname !== entry.host && !hostname.endsWith('.' + entry.host))) return false;
  return !entry.path || pathname === entry.path || pathname.startsWith(entry.path + '/');
}

/** An entry with the one it stands for (a service key, a rule). */
export interface OwnedHostEntry<Owner> extends HostEntry {
  owner: Owner;
}

/**
 * The owner of the longest entry that matches, the first listed among equally long ones;
 * undefined when none matches.
 */
export function bestHostOwner<Owner>(entries: readonly OwnedHostEntry<Owner>[], hostname: string, pathname: string): Owner | undefined {
  let best: OwnedHostEntry<Owner> | undefined;
  for (const entry of entries)
    if (hostEntryMatches(entry, hostname, pathname) && (!best || entry.host.length + entry.path.length > best.host.length + best.path.length)) best = entry;
  return best && best.owner;
}
