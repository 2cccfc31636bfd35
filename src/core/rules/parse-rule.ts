/** A gated element's rule, as written in its markup. */
export interface ConsentRule {
  /** Categories of `data-consent` that must be granted (`analytics`), in the order written. */
  granted: string[];
  /** Categories of `data-consent` that must have been refused in a valid decision (`!analytics`). */
  refused: string[];
  /** The key of `data-service`, or '' when the element names no service. */
  service: string;
}

/**
 * Read a gated element's rule from its `data-consent` value (category keys separated by
 * spaces or commas, each may start with `!`) and its `data-service` value. Pure: nothing
 * is checked against the config here; `ruleHolds` and `unknownKeys` do that.
 *
 * @example parseRule('analytics, !marketing', 'ga4')
 * // { granted: ['analytics'], refused: ['marketing'], service: 'ga4' }
 */
export function parseRule(consent: string | null, service: string | null = null): ConsentRule {
  const tokens = (consent || '').split(/[\s,]+/).filter(Boolean);
  return {
    granted: tokens.filter((token) => !token.startsWith('!')),
    refused: tokens.filter((token) => token.startsWith('!')).map((token) => token.slice(1)),
    service: (service || '').trim(),
  };
}
