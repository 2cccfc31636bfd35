import type { NormalizedConfig } from '../types';
import type { Grants } from '../state';

/**
 * How a category stands with its services, for the preferences dialog:
 * - `on`: the category is granted, and each of its services too;
 * - `off`: the category is refused, and none of its services is granted;
 * - `partial`: the two disagree somewhere: a service allowed on its own while the category
 *   is refused ("Always allow YouTube"), or one refused by name in a granted category.
 * A required category is always `on`. `grants` may be a snapshot or the dialog's working copy.
 */
export function categoryState(config: Pick<NormalizedConfig, 'categories' | 'services'>, grants: Grants, category: string): 'on' | 'off' | 'partial' {
  const declared = config.categories.find((candidate) => candidate.key === category);
  if (declared?.required) return 'on';
  const granted = grants.categories[category] === true;
  const members = config.services.filter((service) => service.category === category);
  const agreeing = members.filter((service) => (grants.services[service.key] === true) === granted);
  if (agreeing.length < members.length) return 'partial';
  return granted ? 'on' : 'off';
}
