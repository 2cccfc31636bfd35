import type { ConsentInstance, ConsentModeOptions, ConsentModeType, NormalizedCategory } from '../../core/types';
import { effective, status, type Grants } from '../../core/state';
import type { WellKnownCategory } from '../../core/rules/well-known-categories';

/** The seven Google Consent Mode v2 types, in the order every signal lists them. */
export const CONSENT_MODE_TYPES: ConsentModeType[] = [
  'ad_storage',
  'ad_user_data',
  'ad_personalization',
  'analytics_storage',
  'functionality_storage',
  'personalization_storage',
  'security_storage',
];

/** What a well-known category grants when it names no `consentMode` of its own (one entry per well-known key). */
const DEFAULT_MAPPING: { [key in WellKnownCategory]: ConsentModeType[] } = {
  necessary: ['security_storage'],
  preferences: ['functionality_storage', 'personalization_storage'],
  analytics: ['analytics_storage'],
  marketing: ['ad_storage', 'ad_user_data', 'ad_personalization'],
};

export type { Flags, Grants } from '../../core/state';
export type ModeState = { [type in ConsentModeType]: 'granted' | 'denied' };
/** Whether a Consent Mode type is granted. */
export type TypeTest = (type: ConsentModeType) => unknown;

/** The value vendors' consent APIs take. */
export const grant = (on: unknown): 'granted' | 'denied' => (on ? 'granted' : 'denied');

/**
 * All seven Consent Mode types, in `CONSENT_MODE_TYPES` order, each granted when `on` says
 * so. Every signal is built here, so what is not one of the seven is never signalled.
 */
export const modeState = (on: TypeTest): ModeState => Object.fromEntries(CONSENT_MODE_TYPES.map((type) => [type, grant(on(type))])) as ModeState;

/**
 * The Consent Mode types of the categories `pick` selects: `googleConsentMode.mapping[key]`
 * when it is a list, else `categories[].consentMode`, else the default for a well-known key.
 * Types that are not Consent Mode types may appear: `modeState` only asks for real ones.
 */
export const categoryTypes = ({ config }: ConsentInstance, pick: (category: NormalizedCategory) => unknown): unknown[] =>
  config.categories.flatMap((category) => {
    // `false?.mapping` is undefined: no mapping while Consent Mode is off.
    const own = (config.googleConsentMode as ConsentModeOptions)?.mapping?.[category.key];
    return pick(category) ? (Array.isArray(own) ? own : category.consentMode || DEFAULT_MAPPING[category.key as WellKnownCategory] || []) : [];
  });

/**
 * Granted when a granted category maps to the type, or a granted service stands for it (a
 * service's own `consentMode`, e.g. Google Ads for the ad types, allowed on its own while
 * Marketing is refused), and no refused service stands for it: refusing one service is never
 * signalled to Google as consent. A service granted alone that names no types (YouTube)
 * grants none.
 */
export const grantedTypes = (instance: ConsentInstance, grants: Grants): TypeTest => {
  const { services } = instance.config;
  const typesOf = (granted: boolean) => services.flatMap((service) => (grants.services[service.key] === granted ? service.consentMode || [] : []));
  const fromCategories = categoryTypes(instance, (category) => grants.categories[category.key]);
  const fromServices = typesOf(true);
  const refused = typesOf(false);
  return (type) => (fromCategories.includes(type) || fromServices.includes(type)) && !refused.includes(type);
};

/**
 * The grants that hold before any decision (required categories, and opt-out defaults with
 * sale/sharing held back under GPC): the core's own rule for "no stored choice", so the
 * Consent Mode default always matches what the gate does before the visitor answers.
 */
export const initialGrants = (instance: ConsentInstance): Grants => effective(instance.config, null, status(instance.config, null, 0), instance.get().gpc);
