import type { ConsentInstance, ConsentModeType } from '../../core/types';
import { CONSENT_MODE_TYPES } from '../../core/config';
import { effective, status } from '../../core/state';

export type Flags = { [key: string]: boolean };
export type ModeState = { [type in ConsentModeType]: 'granted' | 'denied' };

/**
 * The grants that hold before any decision (required categories, and opt-out defaults with
 * sale/sharing held back under GPC): the core's own rule for "no stored choice", so the
 * Consent Mode default always matches what the gate does before the visitor answers.
 */
export function initialCategories(instance: ConsentInstance): Flags {
  const { config } = instance;
  return effective(config, null, status(config, null, 0), instance.get().gpc).categories;
}

/**
 * All seven Consent Mode types, `granted` when a granted category maps to it. The mapping
 * is `categories[].consentMode` (defaults by key, see README#consent-mode), overridden per
 * category by `googleConsentMode.mapping`; unknown type names are ignored.
 */
export function consentModeState(instance: ConsentInstance, categories: Flags): ModeState {
  const { config } = instance;
  const mapping = (config.googleConsentMode && config.googleConsentMode.mapping) || {};
  const state = {} as ModeState;
  for (const type of CONSENT_MODE_TYPES) state[type] = 'denied';
  for (const c of config.categories) {
    const own = mapping[c.key];
    const types = Array.isArray(own) ? own : c.consentMode;
    if (categories[c.key]) for (const type of types) if (CONSENT_MODE_TYPES.includes(type)) state[type] = 'granted';
  }
  return state;
}
