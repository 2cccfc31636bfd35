/**
 * Guarded access to browser globals, so importing consent-gate in Node (SSR)
 * touches nothing and every call site can degrade to "no consent".
 */
export const hasDOM = (): boolean => typeof window !== 'undefined' && typeof document !== 'undefined';

/** `navigator.globalPrivacyControl === true`, false where unknown. */
export function gpcSignal(): boolean {
  try {
    return typeof navigator !== 'undefined' && (navigator as { globalPrivacyControl?: unknown }).globalPrivacyControl === true;
  } catch {
    return false;
  }
}
