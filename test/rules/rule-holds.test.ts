import { describe, expect, test } from 'vitest';
import { parseRule } from '../../src/core/rules/parse-rule';
import { answersFrom, ruleHolds, unknownKeys, type ConsentFacts } from '../../src/core/rules/rule-holds';
import type { NormalizedConfig } from '../../src/core/types';

const config = {
  categories: [
    { key: 'necessary', required: true },
    { key: 'analytics', required: false },
    { key: 'marketing', required: false },
  ],
  services: [
    { key: 'stripe', category: 'necessary' },
    { key: 'ga4', category: 'analytics' },
    { key: 'youtube', category: 'marketing' },
    { key: 'ads', category: 'marketing' },
  ],
} as unknown as Pick<NormalizedConfig, 'categories' | 'services'>;

/** A state: the categories and services granted (everything else declared is refused). */
const state = (granted: string[], decided = true): ConsentFacts => {
  const flags = (keys: { key: string }[]) => Object.fromEntries(keys.map(({ key }) => [key, granted.includes(key)]));
  return { categories: flags(config.categories), services: flags(config.services), decided };
};

const NOTHING_YET = state(['necessary', 'stripe'], false);
const REJECTED = state(['necessary', 'stripe']);
const ACCEPTED = state(['necessary', 'stripe', 'analytics', 'ga4', 'marketing', 'youtube', 'ads']);
const YOUTUBE_ONLY = state(['necessary', 'stripe', 'youtube']);
const MARKETING_BUT_YOUTUBE = state(['necessary', 'stripe', 'marketing', 'ads']);
const ANALYTICS_AND_YOUTUBE = state(['necessary', 'stripe', 'analytics', 'ga4', 'youtube']);

const holds = (consent: string, service: string | null, facts: ConsentFacts) =>
  ruleHolds(
    parseRule(consent, service),
    answersFrom(config, () => facts),
  );

describe('ruleHolds', () => {
  test.each([
    // Category rules: every category listed must be granted.
    ['analytics', null, NOTHING_YET, false],
    ['analytics', null, ACCEPTED, true],
    ['analytics', null, REJECTED, false],
    ['analytics marketing', null, ANALYTICS_AND_YOUTUBE, false],
    ['analytics marketing', null, ACCEPTED, true],
    ['necessary', null, NOTHING_YET, true],
    // A refusal counts once it was made in a valid decision.
    ['!analytics', null, NOTHING_YET, false],
    ['!analytics', null, REJECTED, true],
    ['!analytics', null, ACCEPTED, false],
    ['analytics !marketing', null, ANALYTICS_AND_YOUTUBE, true],
    // A service rule: the service must be granted; its own category need not be.
    ['marketing', 'youtube', NOTHING_YET, false],
    ['marketing', 'youtube', YOUTUBE_ONLY, true],
    ['marketing', 'youtube', ACCEPTED, true],
    ['marketing', 'youtube', MARKETING_BUT_YOUTUBE, false],
    ['marketing', 'ads', MARKETING_BUT_YOUTUBE, true],
    // Markup gated on the category alone still waits for the category.
    ['marketing', null, YOUTUBE_ONLY, false],
    // Every other category named must hold.
    ['marketing analytics', 'youtube', YOUTUBE_ONLY, false],
    ['marketing analytics', 'youtube', ANALYTICS_AND_YOUTUBE, true],
    ['analytics', 'youtube', YOUTUBE_ONLY, false],
    ['analytics', 'youtube', ANALYTICS_AND_YOUTUBE, true],
    // `!category` conditions always count, the service's own category too.
    ['!marketing', 'youtube', YOUTUBE_ONLY, true],
    ['!marketing', 'youtube', REJECTED, false],
    ['!marketing', 'ads', MARKETING_BUT_YOUTUBE, false],
    // Services of a required category are always on.
    ['necessary', 'stripe', NOTHING_YET, true],
    // Never: no category, or an unknown key.
    ['', 'youtube', YOUTUBE_ONLY, false],
    ['stats', null, ACCEPTED, false],
    ['analytics stats', null, ACCEPTED, false],
    ['marketing', 'vimeo', ACCEPTED, false],
    ['!stats', null, REJECTED, false],
  ])('data-consent=%j data-service=%j in %#: %s', (consent, service, facts, expected) => {
    expect(holds(consent, service, facts)).toBe(expected);
  });
});

describe('unknownKeys', () => {
  test.each([
    ['analytics', null, []],
    ['analytics stats', null, [{ kind: 'category', key: 'stats' }]],
    ['!stats', 'ga4', [{ kind: 'category', key: 'stats' }]],
    ['marketing', 'vimeo', [{ kind: 'service', key: 'vimeo' }]],
    [
      'constructor',
      '__proto__',
      [
        { kind: 'category', key: 'constructor' },
        { kind: 'service', key: '__proto__' },
      ],
    ],
    ['', null, []],
  ])('data-consent=%j data-service=%j', (consent, service, unknown) => {
    expect(
      unknownKeys(
        parseRule(consent, service),
        answersFrom(config, () => ACCEPTED),
      ),
    ).toEqual(unknown);
  });
});

describe('answersFrom', () => {
  test('reads the state when asked, so the answers follow it', () => {
    let facts = REJECTED;
    const answers = answersFrom(config, () => facts);
    expect([answers.categoryGranted('analytics'), answers.serviceGranted('ga4'), answers.decided()]).toEqual([false, false, true]);
    facts = ACCEPTED;
    expect([answers.categoryGranted('analytics'), answers.serviceGranted('ga4')]).toEqual([true, true]);
    expect([answers.categoryOfService('youtube'), answers.categoryOfService('vimeo')]).toEqual(['marketing', undefined]);
    expect([answers.categoryGranted('stats'), answers.serviceGranted('vimeo')]).toEqual([undefined, undefined]);
  });
});
