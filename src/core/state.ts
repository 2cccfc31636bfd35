import type { StoredChoice } from './codec';
import type { NormalizedConfig } from './types';
import { dict } from './lib/keys';

export type Flags = { [key: string]: boolean };

export interface Status {
  /** The stored grants apply: same revision, not expired. */
  usable: boolean;
  /** A valid, complete decision exists: usable and covering every optional category. */
  decided: boolean;
  /** A choice is stored and unexpired but does not settle the current config. */
  stale: boolean;
}

/** How a stored choice stands against the current configuration at time `now`. */
export function status(config: NormalizedConfig, choice: StoredChoice | null, now: number): Status {
  if (!choice || now >= choice.expires) return { usable: false, decided: false, stale: false };
  const usable = choice.revision === config.revision;
  const decided = usable && config.categories.every((c) => c.required || c.key in choice.categories);
  return { usable, decided, stale: !decided };
}

/** Is a category sold/shared and so held back under Global Privacy Control? */
const heldByGpc = (config: NormalizedConfig, gpc: boolean, key: string) =>
  gpc && config.categories.some((c) => c.key === key && c.saleOrSharing);

/**
 * The grants in force. Required categories always; a usable stored choice for what it
 * covers; in opt-out mode each category's default (sale/sharing off under GPC); else nothing.
 */
export function effective(config: NormalizedConfig, choice: StoredChoice | null, st: Status, gpc: boolean) {
  const categories = dict<boolean>();
  for (const c of config.categories) {
    if (c.required) categories[c.key] = true;
    else if (st.usable && choice && c.key in choice.categories) categories[c.key] = choice.categories[c.key]!;
    else categories[c.key] = config.mode === 'opt-out' && c.default && !heldByGpc(config, gpc, c.key);
  }
  const services = dict<boolean>();
  for (const s of config.services) {
    const own = st.usable && choice && s.key in choice.services ? choice.services[s.key]! : true;
    services[s.key] = categories[s.category]! && own;
  }
  return { categories, services };
}

/** "Accept all": everything, except sale/sharing categories while GPC is on. */
export function acceptAllFlags(config: NormalizedConfig, gpc: boolean): { categories: Flags; services: Flags } {
  const categories = dict<boolean>();
  for (const c of config.categories) categories[c.key] = c.required || !heldByGpc(config, gpc, c.key);
  const services = dict<boolean>();
  for (const s of config.services) services[s.key] = categories[s.category]!;
  return { categories, services };
}

/** "Reject all": required categories only. */
export function rejectAllFlags(config: NormalizedConfig): { categories: Flags; services: Flags } {
  const categories = dict<boolean>();
  for (const c of config.categories) categories[c.key] = c.required;
  const services = dict<boolean>();
  for (const s of config.services) services[s.key] = categories[s.category]!;
  return { categories, services };
}

/** Keys whose value differs between two flag sets. */
export function diff(a: Flags, b: Flags): string[] {
  return Object.keys(b).filter((k) => a[k] !== b[k]);
}

/** Keys granted in `a` and refused in `b`. */
export function withdrawn(a: Flags, b: Flags): string[] {
  return Object.keys(b).filter((k) => a[k] === true && b[k] === false);
}
