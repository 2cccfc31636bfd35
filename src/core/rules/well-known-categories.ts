/**
 * The category keys consent-gate knows by name. The built-in translations title and
 * describe them (`analytics`, `analyticsText`), Consent Mode maps each to its storage types
 * without configuration, and `marketing` sells or shares data unless the config says not.
 * Any other key works too; it only has to bring its own texts and mapping.
 */
export const WELL_KNOWN_CATEGORIES = ['necessary', 'preferences', 'analytics', 'marketing'] as const;

export type WellKnownCategory = (typeof WELL_KNOWN_CATEGORIES)[number];

/** Whether `key` is one of the well-known category keys. */
export const isWellKnownCategory = (key: string): key is WellKnownCategory => (WELL_KNOWN_CATEGORIES as readonly string[]).includes(key);

/** The well-known category that sells or shares personal data (CCPA/CPRA) unless its config says otherwise. */
export const SALE_OR_SHARING_CATEGORY: WellKnownCategory = 'marketing';
