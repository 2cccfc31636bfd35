/**
 * Auto-blocking's decisions, pure: which service a URL belongs to while it has to be held,
 * and whether the grants in force release it. The page code (hold.ts) only asks these.
 */
import type { AutoBlockOptions, ServiceConfig } from '../../core/types';
import type { PresetRegistry } from '../../core/config';
import { isPlainObject } from '../../core/lib/keys';
import { bestHostOwner, parseHostEntry, hostEntryMatches, type HostEntry, type OwnedHostEntry } from '../lib/match-host';

/** The owner of a `block` entry that names no service: held until every optional category is granted. */
export const EVERY_OPTIONAL = '*';

/** Grants as the engine's snapshots carry them (`ready`, `consent`, `change` events). */
export interface BlockGrants {
  categories: { [key: string]: boolean };
  services: { [key: string]: boolean };
}

/** A `allow` or `block` entry, compiled: a host entry, or a URL pattern with `*`. */
type UrlMatcher = { kind: 'host'; entry: HostEntry } | { kind: 'pattern'; pattern: RegExp; whole: boolean };

export interface BlockRules {
  /** The service key (or EVERY_OPTIONAL) a URL must wait for; undefined when it passes. */
  ownerOf(url: URL): string | undefined;
  /** Whether the grants release what `owner` holds. Without grants (no engine yet) only required services pass. */
  isGranted(owner: string, grants: BlockGrants | null): boolean;
  /** The category of a declared service. */
  categoryOf(key: string): string | undefined;
  /** Services whose preset was not loaded: their hosts are unknown, so nothing of theirs can be held. */
  unresolved: string[];
}

/** Two URLs no real rule covers together: a pattern matching both matches everything. */
const PROBES = ['https://probe.consent-gate.invalid/a.js?b=1', 'https://192.0.2.1/'].map((href) => new URL(href));

/** Host name with at least one dot (or localhost), and an optional path; what `hosts` entries look like. */
const HOST_ENTRY = /^(localhost|[a-z0-9-]+(\.[a-z0-9-]+)+)\.?(\/\S*)?$/i;

const matches = (matcher: UrlMatcher, url: URL): boolean =>
  matcher.kind === 'host'
    ? hostEntryMatches(matcher.entry, url.hostname, url.pathname)
    : matcher.pattern.test(matcher.whole ? url.href : url.host + url.pathname + url.search);

/**
 * An entry of `allow` or `block`: a host with an optional path (`cdn.example.com/pixel`), or
 * a URL pattern where `*` stands for anything (`https://*.example.com/track*`; without a
 * scheme it is matched against host, path and query). Null when it is neither.
 */
export function compileMatcher(value: unknown): UrlMatcher | null {
  if (typeof value != 'string' || !value.trim() || value.length > 500) return null;
  const text = value.trim();
  if (!text.includes('*') && !text.includes('://')) return HOST_ENTRY.test(text) ? { kind: 'host', entry: parseHostEntry(text) } : null;
  const source = text
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return { kind: 'pattern', pattern: new RegExp(`^${source}$`, 'i'), whole: text.includes('://') };
}

/** The service a configured entry stands for: its own fields over its preset's. */
function resolveService(value: unknown, presets: PresetRegistry | undefined): { service?: Partial<ServiceConfig>; missingPreset?: string } {
  const presetName = typeof value == 'string' ? value : isPlainObject(value) && typeof value.preset == 'string' ? value.preset : undefined;
  const preset = presetName !== undefined && presets && isPlainObject(presets[presetName]) ? presets[presetName] : undefined;
  if (presetName !== undefined && !preset) return { missingPreset: presetName };
  const own: Partial<ServiceConfig> = isPlainObject(value) ? value : {};
  return { service: { ...preset, ...own } };
}

/**
 * Compile the rules of a configuration (`window.consentGateConfig` as the site wrote it) with
 * the catalogue presets it refers to. Every problem is a `report` naming the field; what is
 * not understood is ignored, which can hold more but never lets a declared tracker through.
 * `isOwnFile` names the SDK's own files, which no `block` rule holds.
 */
export function compileRules(
  config: unknown,
  presets: PresetRegistry | undefined,
  report: (message: string) => void,
  isOwnFile: (url: URL) => boolean = () => false,
): BlockRules {
  const site = isPlainObject(config) ? config : {};
  const categories = isPlainObject(site.categories) ? site.categories : {};
  const required = new Set(Object.keys(categories).filter((key) => isPlainObject(categories[key]) && categories[key].required === true));
  const optional = Object.keys(categories).filter((key) => !required.has(key));
  const services = isPlainObject(site.services) ? site.services : {};
  const categoryByService = new Map<string, string>();
  const hostEntries: OwnedHostEntry<string>[] = [];
  const unresolved: string[] = [];
  for (const key of Object.keys(services)) {
    const { service } = resolveService(services[key], presets);
    if (!service) {
      unresolved.push(key);
      continue;
    }
    // A service without a category is no required one: it is held, and the engine reports it.
    categoryByService.set(key, typeof service.category == 'string' ? service.category : '');
    for (const host of Array.isArray(service.hosts) ? service.hosts : [])
      if (typeof host == 'string' && host) hostEntries.push({ ...parseHostEntry(host), owner: key });
  }
  const isRequired = (key: string) => required.has(categoryByService.get(key) as string);

  const options: AutoBlockOptions = isPlainObject(site.autoBlock) ? site.autoBlock : {};
  /** Read a list option, reporting each entry that is not a usable matcher (or matches everything). */
  const readList = <Entry>(name: 'allow' | 'block', read: (entry: unknown, field: string) => Entry | null): Entry[] => {
    const list: unknown = options[name];
    if (list === undefined) return [];
    if (!Array.isArray(list)) {
      report(`autoBlock.${name} must be a list of hosts or URL patterns; ignored.`);
      return [];
    }
    return list.flatMap((entry, index) => {
      const compiled = read(entry, `autoBlock.${name}[${index}]`);
      return compiled ? [compiled] : [];
    });
  };
  const readMatcher = (value: unknown, field: string): UrlMatcher | null => {
    const matcher = compileMatcher(value);
    if (!matcher) report(`${field} must be a host ("cdn.example.com/path") or a URL pattern ("https://*.example.com/*"); ignored.`);
    else if (PROBES.every((probe) => matches(matcher, probe))) {
      report(`${field} ("${String(value)}") matches every URL; ignored.`);
      return null;
    }
    return matcher;
  };
  const allow = readList('allow', readMatcher);
  const block = readList('block', (entry, field) => {
    const named = isPlainObject(entry);
    const owner = named ? entry.service : EVERY_OPTIONAL;
    if (named && (typeof owner != 'string' || !categoryByService.has(owner))) {
      report(`${field}.service must name a declared service; ignored.`);
      return null;
    }
    if (named && isRequired(owner as string)) {
      report(`${field}.service "${String(owner)}" is in a required category, which is never blocked; ignored.`);
      return null;
    }
    const matcher = readMatcher(named ? entry.match : entry, named ? `${field}.match` : field);
    return matcher && { matcher, owner: owner as string };
  });

  return {
    ownerOf(url) {
      if ((url.protocol !== 'https:' && url.protocol !== 'http:') || isOwnFile(url) || allow.some((matcher) => matches(matcher, url))) return undefined;
      const host = url.hostname.toLowerCase();
      const service = bestHostOwner(hostEntries, host, url.pathname);
      // Necessary services keep their hosts whatever `block` says.
      if (service !== undefined && isRequired(service)) return undefined;
      const blocked = block.find((rule) => matches(rule.matcher, url));
      return blocked ? blocked.owner : service;
    },
    isGranted(owner, grants) {
      if (owner === EVERY_OPTIONAL) return !!grants && optional.every((key) => grants.categories[key] === true);
      return isRequired(owner) || (!!grants && grants.services[owner] === true);
    },
    categoryOf: (key) => categoryByService.get(key),
    unresolved,
  };
}
