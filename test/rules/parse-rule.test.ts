import { describe, expect, test } from 'vitest';
import { parseRule } from '../../src/core/rules/parse-rule';

describe('parseRule', () => {
  test.each([
    ['analytics', null, ['analytics'], [], ''],
    ['analytics marketing', null, ['analytics', 'marketing'], [], ''],
    ['analytics,marketing', null, ['analytics', 'marketing'], [], ''],
    [' analytics ,\n marketing\t', null, ['analytics', 'marketing'], [], ''],
    ['!analytics', null, [], ['analytics'], ''],
    ['analytics !marketing', null, ['analytics'], ['marketing'], ''],
    ['!marketing analytics !preferences', null, ['analytics'], ['marketing', 'preferences'], ''],
    ['marketing', 'youtube', ['marketing'], [], 'youtube'],
    ['marketing', ' youtube ', ['marketing'], [], 'youtube'],
    ['', 'youtube', [], [], 'youtube'],
    [' , ', null, [], [], ''],
    [null, null, [], [], ''],
    // Written wrong: kept as written, so the gate can name the unknown key.
    ['!', null, [], [''], ''],
    ['!!analytics', null, [], ['!analytics'], ''],
  ])('data-consent=%j data-service=%j', (consent, service, granted, refused, serviceKey) => {
    expect(parseRule(consent, service)).toEqual({ granted, refused, service: serviceKey });
  });
});
