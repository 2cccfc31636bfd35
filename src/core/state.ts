import type { StoredChoice } from './codec';
import type { NormalizedCategory, NormalizedConfig, NormalizedService } from './types';
import { dict } from './lib/keys';
import { yieldsToGpc } from './rules/gpc-conflict';

export type Flags = { [key: string]: boolean };

/** Grants in force: every declared category and every declared service, each true or false. */
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
  const unexpired = !!choice && now < choice.expires;
  const usable = unexpired && choice.revision === config.revision;
  const decided = usable && config.categories.every((category) => category.required || category.key in choice.categories);
  return { usable, decided, stale: unexpired && !decided };
}

/**
 * Build the grants for every declared category and service. Required categories, and the
 * services in them, are always on whatever the choosers say. `chooseService` gets the
 * categories already chosen, so a service can follow its category.
 */
export function buildGrants(
  config: Pick<NormalizedConfig, 'categories' | 'services'>,
  chooseCategory: (category: NormalizedCategory) => boolean,
  chooseService: (service: NormalizedService, categories: Flags) => boolean,
): Grants {
  const categories = dict<boolean>();
  const services = dict<boolean>();
  const required = new Set<string>();
  for (const category of config.categories) {
    if (category.required) required.add(category.key);
    categories[category.key] = category.required || chooseCategory(category);
  }
  for (const service of config.services) services[service.key] = required.has(service.category) || chooseService(service, categories);
  return { categories, services };
}

/**
 * Whether a category is on before the visitor answers, by the rule in force: under `opt-out`
 * its `default`, under `none` always, under `notice` when it is `exempt`, under `opt-in`
 * never; and sale/sharing never under GPC.
 */
const onByDefault = (config: NormalizedConfig, category: NormalizedCategory, gpc: boolean): boolean =>
  !(gpc && category.saleOrSharing) &&
  (config.rule === 'none' || (config.rule === 'opt-out' && category.default) || (config.rule === 'notice' && category.exempt));

/**
 * The grants in force. Required categories always; a usable stored choice for what it
 * covers, each service as stored (it may be granted or refused apart from its category);
 * in opt-out mode each category's default (sale/sharing off under GPC); else nothing.
 * A service the stored choice does not mention (declared since) follows its category.
 * A sale/sharing grant stored before GPC was seen yields to the signal (rules/gpc-conflict.ts).
 */
export function effective(config: NormalizedConfig, choice: StoredChoice | null, st: Status, gpc: boolean): Grants {
  const stored = st.usable ? choice : null;
  const saleOrSharing = new Set(config.categories.filter((category) => category.saleOrSharing).map((category) => category.key));
  const yields = (category: string) => yieldsToGpc(stored, gpc, saleOrSharing.has(category));
  return buildGrants(
    config,
    (category) => (stored && category.key in stored.categories ? stored.categories[category.key] && !yields(category.key) : onByDefault(config, category, gpc)),
    (service, categories) =>
      stored && service.key in stored.services ? stored.services[service.key] && !yields(service.category) : categories[service.category],
  );
}

/**
 * "Accept all" (`all`: every category, except sale/sharing ones while GPC is on) or
 * "Reject all". Every service follows its category, so "Reject all" also refuses a
 * service that was allowed on its own before: everything optional is off.
 */
export const allFlags = (config: NormalizedConfig, all: boolean, gpc: boolean): Grants =>
  buildGrants(
    config,
    (category) => all && !(gpc && category.saleOrSharing),
    (service, categories) => categories[service.category],
  );

/** Keys whose value differs between two flag sets. */
export const diff = (before: Flags, after: Flags): string[] => Object.keys(after).filter((key) => before[key] !== after[key]);
