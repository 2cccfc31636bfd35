/**
 * Which consent rule is in force for the visitor's region. The host says where the visitor
 * is (config `region`, the script tag's `data-region`, or the `Consent-Gate-Region` header
 * of the `data-config` response); consent-gate does no geo-IP lookup of its own.
 */

import type { RegionRule } from '../types';

/*
 * - `opt-in`: nothing optional until consent (GDPR and ePrivacy: EU, EEA, UK);
 * - `notice`: categories marked `exempt` run after a notice that lets the visitor object
 *   (UK Data (Use and Access) Act 2025 statistics exception), the rest is opt-in;
 * - `opt-out`: no banner, categories on until refused, Global Privacy Control refuses
 *   sale/sharing with no click (US state laws such as the CCPA);
 * - `none`: no consent rule applies; categories on until refused, GPC still honoured.
 */

/** The rules, least strict first: an unknown region gets the strictest one configured. */
export const REGION_RULES: readonly RegionRule[] = ['none', 'opt-out', 'notice', 'opt-in'];

/** The rule in force and the region it was chosen for ('' when none was known). */
export interface RuleInForce {
  region: string;
  rule: RegionRule;
}

/**
 * The rule for `region`: its own entry, else its country's (`US-CA` falls back to `US`),
 * else the `*` entry. With no region known, or a region that none of those match, the
 * strictest configured rule applies: a visitor whose location is unknown may be in the EU.
 * Without any `regions`, `fallback` (the `mode` option) applies everywhere.
 */
export function ruleForRegion(regions: { [code: string]: RegionRule }, region: string, fallback: RegionRule): RuleInForce {
  const codes = Object.keys(regions);
  if (!codes.length) return { region, rule: fallback };
  const country = region.split('-')[0];
  const match = region && (regions[region] || regions[country] || regions['*']);
  const strictest = codes.reduce<RegionRule>((rule, code) => (REGION_RULES.indexOf(regions[code]) > REGION_RULES.indexOf(rule) ? regions[code] : rule), 'none');
  return { region, rule: match || strictest };
}

/** Whether the banner asks a visitor who has not decided: under `opt-in` and `notice`, not under `opt-out` or `none`. */
export const ruleShowsBanner = (rule: RegionRule): boolean => rule === 'opt-in' || rule === 'notice';
