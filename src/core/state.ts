import type { StoredChoice } from './codec';
import type { NormalizedCategory, NormalizedConfig } from './types';
import { dict } from './lib/keys';

export type Flags = { [key: string]: boolean };

/** Grants in force: categories, and services (each also needing its category). */
export interface Grants {
  categories: Flags;
  services: Flags;
}

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

/**
 * Grants where each optional category is `pick(category)` and required ones are always on.
 * Services follow their category; one that `own` refuses stays refused unless its category is required.
 */
export function grants(config: NormalizedConfig, pick: (c: NormalizedCategory) => unknown, own: (key: string) => unknown = () => 1): Grants {
  const categories = dict<boolean>();
  const services = dict<boolean>();
  for (const c of config.categories) categories[c.key] = c.required || !!pick(c);
  for (const s of config.services) services[s.key] = categories[s.category]! && (config.categories.find((c) => c.key == s.category)!.required || !!own(s.key));
  return { categories, services };
}

/**
 * The grants in force. Required categories always; a usable stored choice for what it
 * covers; in opt-out mode each category's default (sale/sharing off under GPC); else nothing.
 */
export function effective(config: NormalizedConfig, choice: StoredChoice | null, st: Status, gpc: boolean): Grants {
  const stored = st.usable && choice;
  return grants(
    config,
    (c) => (stored && c.key in stored.categories ? stored.categories[c.key] : config.mode == 'opt-out' && c.default && !(gpc && c.saleOrSharing)),
    (key) => !stored || stored.services[key] !== false,
  );
}

/** "Accept all" (`all`: everything, except sale/sharing categories while GPC is on) or "Reject all". */
export const allFlags = (config: NormalizedConfig, all: boolean, gpc: boolean): Grants => grants(config, (c) => all && !(gpc && c.saleOrSharing));

/** Keys whose value differs between two flag sets. */
export const diff = (a: Flags, b: Flags): string[] => Object.keys(b).filter((k) => a[k] !== b[k]);
