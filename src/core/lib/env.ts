/**
 * Guarded access to browser globals, so importing consent-gate in Node (SSR)
 * touches nothing and every call site can degrade to "no consent".
 */
export const hasDOM = (): boolean => typeof document !== 'undefined';

/** `navigator.globalPrivacyControl === true`, false where unknown. */
export const gpcSignal = (): boolean => typeof navigator !== 'undefined' && (navigator as { globalPrivacyControl?: unknown }).globalPrivacyControl === true;
