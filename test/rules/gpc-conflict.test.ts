import { describe, expect, test } from 'vitest';
import { hasGpcConflict, yieldsToGpc } from '../../src/core/rules/gpc-conflict';
import { normalizeConfig } from '../../src/core/config';
import type { StoredChoice } from '../../src/core/codec';

const config = normalizeConfig({
  categories: { necessary: { required: true }, analytics: {}, marketing: {} },
  services: { ga4: { category: 'analytics' }, youtube: { category: 'marketing' } },
});
const choice = (gpc: boolean, categories: StoredChoice['categories'], services: StoredChoice['services'] = {}): StoredChoice => ({
  id: 'abcdefghijkl',
  revision: '',
  first: 1,
  last: 1,
  expires: 2,
  gpc,
  categories,
  services,
});

describe('a sale/sharing grant stored before GPC yields to the signal', () => {
  test.each([
    ['stored without GPC, GPC on now, sale/sharing', choice(false, {}), true, true, true],
    ['granted while GPC was on: it stands', choice(true, {}), true, true, false],
    ['GPC off now', choice(false, {}), false, true, false],
    ['not sale/sharing', choice(false, {}), true, false, false],
    ['no stored choice', null, true, true, false],
  ] as const)('%s', (_, stored, gpc, saleOrSharing, yields) => {
    expect(yieldsToGpc(stored, gpc, saleOrSharing)).toBe(yields);
  });

  test('a conflict is a stored grant held back: of the category, or of a service in it', () => {
    expect(hasGpcConflict(config, choice(false, { analytics: true, marketing: true }), true)).toBe(true);
    expect(hasGpcConflict(config, choice(false, { analytics: true, marketing: false }, { youtube: true }), true)).toBe(true);
    expect(hasGpcConflict(config, choice(false, { analytics: true, marketing: false }), true)).toBe(false);
    expect(hasGpcConflict(config, choice(true, { marketing: true }), true)).toBe(false);
    expect(hasGpcConflict(config, choice(false, { marketing: true }), false)).toBe(false);
  });
});
