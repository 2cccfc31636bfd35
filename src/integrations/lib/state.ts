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
export function initialGrants(instance: ConsentInstance): { categories: Flags; services: Flags } {
  const { config } = instance;
  return effective(config, null, status(config, null, 0), instance.get().gpc);
}

/** The Consent Mode types a category grants: `googleConsentMode.mapping`, else `categories[].consentMode`. */
export function categoryTypes(instance: ConsentInstance, key: string): ConsentModeType[] {
  const { config } = instance;
  const own = config.googleConsentMode && config.googleConsentMode.mapping?.[key];
  const types = Array.isArray(own) ? own : config.categories.find((c) => c.key === key)?.consentMode || [];
  return types.filter((t) => CONSENT_MODE_TYPES.includes(t));
}

/**
 * All seven Consent Mode types: `granted` when a granted category maps to it and no refused
 * service stands for it (a service's own `consentMode`, e.g. Google Ads for the ad types),
 * so refusing one service is never signalled to Google as consent.
 */
export function consentModeState(instance: ConsentInstance, grants: { categories: Flags; services: Flags }): ModeState {
  const state = {} as ModeState;
  for (const type of CONSENT_MODE_TYPES) state[type] = 'denied';
  for (const c of instance.config.categories) if (grants.categories[c.key]) for (const t of categoryTypes(instance, c.key)) state[t] = 'granted';
  for (const s of instance.config.services) if (!grants.services[s.key]) for (const t of s.consentMode || []) state[t] = 'denied';
  return state;
}
