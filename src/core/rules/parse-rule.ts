/** One category named in a `data-consent` rule. */
export interface CategoryCondition {
  category: string;
  /** `granted` for `analytics`; `refused` for `!analytics` (refused in a valid decision). */
  expect: 'granted' | 'refused';
}

/** A gated element's rule, as written in its markup. */
export interface ConsentRule {
  /** The categories of `data-consent`, in the order written. */
  conditions: CategoryCondition[];
  /** The key of `data-service`, or '' when the element names no service. */
  service: string;
}

/**
 * Read a gated element's rule from its `data-consent` value (category keys separated by
 * spaces or commas, each may start with `!`) and its `data-service` value. Pure: nothing
 * is checked against the config here; `ruleHolds` and `unknownKeys` do that.
 *
 * @example parseRule('analytics, !marketing', 'ga4')
 * // { conditions: [{ category: 'analytics', expect: 'granted' }, { category: 'marketing', expect: 'refused' }], service: 'ga4' }
 */
export function parseRule(consent: string | null, service: string | null = null): ConsentRule {
  const tokens = (consent || '').split(/[\s,]+/).filter(Boolean);
  const conditions = tokens.map((token): CategoryCondition => (token.startsWith('!') ? { category: token.slice(1), expect: 'refused' } : { category: token, expect: 'granted' }));
  return { conditions, service: (service || '').trim() };
}
