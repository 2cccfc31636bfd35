import type { NormalizedConfig } from '../types';
import { buildGrants, type Flags, type Grants } from '../state';

/** What one `set(categories, services)` call asks for, already checked: declared keys, true or false. */
export interface RequestedChoice {
  categories: Flags;
  services: Flags;
}

/**
 * The grants after `set(categories, services)`, from the grants in force before it.
 * - A category keeps its state unless the call names it. Required ones stay on.
 * - A service named in the call takes the value given, whatever its category: "Always
 *   allow YouTube" is `set({}, { youtube: true })` and leaves Marketing refused.
 * - A service not named follows its category when the call switches that category
 *   (granting Analytics grants its services, refusing it refuses them), and otherwise
 *   keeps its state: an earlier refusal or grant by name carries over.
 * - Services of a required category are always on.
 *
 * @example carryOver(config, current, { categories: { analytics: true }, services: { hotjar: false } })
 */
export function carryOver(config: Pick<NormalizedConfig, 'categories' | 'services'>, current: Grants, requested: RequestedChoice): Grants {
  return buildGrants(
    config,
    (category) => (category.key in requested.categories ? requested.categories[category.key] : current.categories[category.key] === true),
    (service, categories) => {
      if (service.key in requested.services) return requested.services[service.key];
      const switched = categories[service.category] !== current.categories[service.category];
      return switched ? categories[service.category] : current.services[service.key] === true;
    },
  );
}
