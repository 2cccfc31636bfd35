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
  const live = !!choice && now < choice.expires;
  const usable = live && choice!.revision === config.revision;
  const decided = usable && config.categories.every((c) => c.required || c.key in choice!.categories);
  return { usable, decided, stale: live && !decided };
}

/** Services follow their category; a service refused on its own stays refused, unless its category is required. */
function withServices(config: NormalizedConfig, categories: Flags, own: (key: string) => boolean) {
  const services = dict<boolean>();
  const required = new Set(config.categories.filter((c) => c.required).map((c) => c.key));
  for (const s of config.services) services[s.key] = categories[s.category]! && (required.has(s.category) || own(s.key));
  return { categories, services };
}

/**
 * The grants in force. Required categories always; a usable stored choice for what it
 * covers; in opt-out mode each category's default (sale/sharing off under GPC); else nothing.
 */
export function effective(config: NormalizedConfig, choice: StoredChoice | null, st: Status, gpc: boolean) {
  const stored = st.usable && choice;
  const categories = dict<boolean>();
  for (const c of config.categories) {
    categories[c.key] =
      c.required || (stored && c.key in stored.categories ? stored.categories[c.key]! : config.mode === 'opt-out' && c.default && !(gpc && c.saleOrSharing));
  }
  return withServices(config, categories, (key) => !stored || stored.services[key] !== false);
}

/** "Accept all" (`all`: everything, except sale/sharing categories while GPC is on) or "Reject all". */
export function allFlags(config: NormalizedConfig, all: boolean, gpc: boolean) {
  const categories = dict<boolean>();
  for (const c of config.categories) categories[c.key] = c.required || (all && !(gpc && c.saleOrSharing));
  return withServices(config, categories, () => true);
}

/** Keys whose value differs between two flag sets. */
export const diff = (a: Flags, b: Flags): string[] => Object.keys(b).filter((k) => a[k] !== b[k]);
