import type { StoredChoice } from '../codec';
import type { NormalizedConfig } from '../types';

/**
 * Whether a stored grant of a sale/sharing category yields to Global Privacy Control: the
 * signal is on now, and the choice was made while it was off. The California regulations
 * (11 CCR §7025(c)(3)) make the signal an opt-out of sale and sharing, and say a business
 * may ask the consumer to consent again; a grant made while the signal was on is that
 * consent, and stands (the stored choice records GPC in its `g` flag).
 */
export const yieldsToGpc = (choice: StoredChoice | null, gpc: boolean, saleOrSharing: boolean): boolean => !!choice && gpc && !choice.gpc && saleOrSharing;

/**
 * Whether something the stored choice grants is held back by {@link yieldsToGpc}: a
 * sale/sharing category, or a service in one. The snapshot's `gpcConflict`, which the
 * dialog explains.
 */
export function hasGpcConflict(config: Pick<NormalizedConfig, 'categories' | 'services'>, choice: StoredChoice | null, gpc: boolean): boolean {
  const held = new Set(
    config.categories.filter((category) => yieldsToGpc(choice, gpc, category.saleOrSharing) && !category.required).map((category) => category.key),
  );
  return (
    config.categories.some((category) => held.has(category.key) && choice!.categories[category.key]) ||
    config.services.some((service) => held.has(service.category) && choice!.services[service.key])
  );
}
