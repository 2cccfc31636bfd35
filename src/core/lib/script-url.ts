import { guard } from './log';

let policy: { createScriptURL(url: string): unknown } | null | undefined;

/**
 * Assign a script URL under Trusted Types: through a policy named "consent-gate" (allow it
 * with `trusted-types consent-gate`), or as a plain string where Trusted Types are absent.
 * The policy passes URLs through unchanged: it only ever sees URLs the site configured
 * (`loadScript()`) or the one beside consent-gate's own script (its UI).
 */
export function setScriptUrl(script: HTMLScriptElement, url: string): void {
  const trustedTypes = (window as { trustedTypes?: { createPolicy(name: string, rules: object): NonNullable<typeof policy> } }).trustedTypes;
  if (trustedTypes && policy === undefined) {
    policy =
      guard('Trusted Types policy "consent-gate"', () => trustedTypes.createPolicy('consent-gate', { createScriptURL: (value: string) => value })) || null;
  }
  (script as { src: unknown }).src = policy ? policy.createScriptURL(url) : url;
}
