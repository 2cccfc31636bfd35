import type { ConsentInstance, ConsentModeType } from '../../core/types';
import { CONSENT_MODE_TYPES } from '../../core/config';

export type Flags = { [key: string]: boolean };
export type ModeState = { [type in ConsentModeType]: 'granted' | 'denied' };

/**
 * The grants that hold before any decision: required categories, and in `opt-out` mode
 * each category's default, with sale/sharing categories held back under GPC. Mirrors the
 * core's `effective()` for "no stored choice", so the Consent Mode default matches what the
 * gate does before the visitor answers.
 */
export function initialCategories(instance: ConsentInstance): Flags {
  const { config } = instance;
  const gpc = instance.get().gpc;
  const out: Flags = {};
  for (const c of config.categories) out[c.key] = c.required || (config.mode === 'opt-out' && c.default && !(gpc && c.saleOrSharing));
  return out;
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
