import { describe, expect, test } from 'vitest';
import { parseRule } from '../../src/core/rules/parse-rule';

const granted = (category: string) => ({ category, expect: 'granted' });
const refused = (category: string) => ({ category, expect: 'refused' });

describe('parseRule', () => {
  test.each([
    ['analytics', null, [granted('analytics')], ''],
    ['analytics marketing', null, [granted('analytics'), granted('marketing')], ''],
    ['analytics,marketing', null, [granted('analytics'), granted('marketing')], ''],
    [' analytics ,\n marketing\t', null, [granted('analytics'), granted('marketing')], ''],
    ['!analytics', null, [refused('analytics')], ''],
    ['analytics !marketing', null, [granted('analytics'), refused('marketing')], ''],
    ['marketing', 'youtube', [granted('marketing')], 'youtube'],
    ['marketing', ' youtube ', [granted('marketing')], 'youtube'],
    ['', 'youtube', [], 'youtube'],
    [' , ', null, [], ''],
    [null, null, [], ''],
    // Written wrong: kept as written, so the gate can name the unknown key.
    ['!', null, [refused('')], ''],
    ['!!analytics', null, [refused('!analytics')], ''],
  ])('data-consent=%j data-service=%j', (consent, service, conditions, serviceKey) => {
    expect(parseRule(consent, service)).toEqual({ conditions, service: serviceKey });
  });
});
