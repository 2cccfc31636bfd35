import { describe, expect, test } from 'vitest';
import { ruleForRegion, ruleShowsBanner } from '../../src/core/rules/region-rule';
import type { RegionRule } from '../../src/core/types';

const REGIONS: { [code: string]: RegionRule } = { EU: 'opt-in', GB: 'notice', 'US-CA': 'opt-out', US: 'none' };

describe('ruleForRegion', () => {
  test.each([
    ['an exact entry', REGIONS, 'US-CA', 'opt-out'],
    ['a subdivision falls back to its country', REGIONS, 'US-NY', 'none'],
    ['a country of its own', REGIONS, 'GB', 'notice'],
    ['no region known: the strictest configured rule', REGIONS, '', 'opt-in'],
    ['a region not listed, no "*": the strictest', REGIONS, 'BR', 'opt-in'],
    ['a region not listed, with "*": the "*" rule', { ...REGIONS, '*': 'opt-out' }, 'BR', 'opt-out'],
    ['no region known, with "*": still the strictest', { US: 'opt-out', '*': 'notice' }, '', 'notice'],
    ['only lenient rules configured: the strictest of them', { US: 'none', 'US-CA': 'opt-out' }, '', 'opt-out'],
  ] as const)('%s', (_, regions, region, rule) => {
    expect(ruleForRegion(regions, region, 'opt-in')).toEqual({ region, rule });
  });

  test('without regions, the mode applies everywhere', () => {
    expect(ruleForRegion({}, 'US-CA', 'opt-out')).toEqual({ region: 'US-CA', rule: 'opt-out' });
    expect(ruleForRegion({}, '', 'opt-in')).toEqual({ region: '', rule: 'opt-in' });
  });

  test('the banner asks under opt-in and notice only', () => {
    expect((['opt-in', 'notice', 'opt-out', 'none'] as const).map(ruleShowsBanner)).toEqual([true, true, false, false]);
  });
});
