// @ts-check
// From observations to findings: which are violations, the declaration, the suggested config.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { buildReport, isViolation, lifetimeFrom } from '../lib/report.js';
import { createClassifier } from '../lib/classify.js';
import { builtCatalogue, builtHostRule } from './helpers/catalogue.js';

/** @type {import('../lib/classify.js').Catalogue} */
let catalogue;
/** @type {import('../lib/catalogue.js').HostRule} */
let hostRule;
before(async () => {
  catalogue = await builtCatalogue();
  hostRule = await builtHostRule();
});

test('violations: non-necessary before a decision or after a refusal; never after accepting; unknown first-party listed only', () => {
  assert.equal(isViolation('before', { category: 'analytics', firstParty: true }), true);
  assert.equal(isViolation('reject', { category: 'marketing', firstParty: true }), true);
  assert.equal(isViolation('accept', { category: 'marketing', firstParty: true }), false);
  assert.equal(isViolation('before', { category: 'necessary', firstParty: false }), false);
  assert.equal(isViolation('before', { category: 'unknown', firstParty: true }), false);
  assert.equal(isViolation('before', { category: 'unknown', firstParty: false }), true);
  assert.equal(isViolation('before', { category: 'preferences', firstParty: true }), true);
});

test('lifetimes read as a person says them', () => {
  const now = Date.UTC(2024, 0, 1);
  const inSeconds = (/** @type {number} */ s) => now / 1000 + s;
  assert.equal(lifetimeFrom(-1, now), 'Session');
  assert.equal(lifetimeFrom(inSeconds(30 * 60), now), '30 minutes');
  assert.equal(lifetimeFrom(inSeconds(24 * 3600), now), '24 hours');
  assert.equal(lifetimeFrom(inSeconds(7 * 86400), now), '7 days');
  assert.equal(lifetimeFrom(inSeconds(90 * 86400), now), '3 months');
  assert.equal(lifetimeFrom(inSeconds(400 * 86400), now), '13 months');
  assert.equal(lifetimeFrom(inSeconds(730 * 86400), now), '2 years');
});

/**
 * A visit as visit.js returns it.
 * @param {import('../lib/visit.js').Phase} phase
 * @param {Partial<import('../lib/visit.js').VisitResult>} seen
 * @returns {import('../lib/visit.js').VisitResult}
 */
const visited = (phase, seen) => ({ phase, url: 'https://shop.example/', finalUrl: 'https://shop.example/', status: 200, settled: true, cookies: [], storage: [], requests: [], links: [], siteConfig: null, gated: [], ...seen });
/** @param {string} name @param {string} [domain] */
const cookie = (name, domain = 'shop.example') => ({ name, domain, path: '/', expires: -1, httpOnly: false, secure: false, sameSite: 'Lax' });

test('one report: violations with their script, repeated beacons counted once, the declaration and the suggestion', async () => {
  const classifier = createClassifier(catalogue, hostRule);
  const before = visited('before', {
    cookies: [{ ...cookie('_ga'), setBy: { via: 'document.cookie', script: 'https://shop.example/js/a.js' } }, cookie('__stripe_mid'), cookie('PHPSESSID')],
    storage: [{ key: '_hjSessionUser_1', kind: 'localStorage', origin: 'https://shop.example' }],
    requests: [
      { url: 'https://region1.google-analytics.com/g/collect?v=2&_p=1', method: 'POST', resourceType: 'fetch', initiator: 'https://shop.example/js/a.js', initiatorType: 'script' },
      { url: 'https://region1.google-analytics.com/g/collect?v=2&_p=2', method: 'POST', resourceType: 'fetch' },
      { url: 'https://js.stripe.com/v3/', method: 'GET', resourceType: 'script', failure: 'net::ERR_NAME_NOT_RESOLVED' },
      { url: 'https://shop.example/app.js', method: 'GET', resourceType: 'script' },
    ],
    gated: [{ tag: 'script', url: 'https://connect.facebook.net/en_US/fbevents.js', consent: 'marketing', service: 'fb' }],
  });
  const report = buildReport({
    start: 'https://shop.example/',
    pages: [{ url: 'https://shop.example/', visits: { before, accept: visited('accept', { cookies: [cookie('_ga')] }), reject: visited('reject', {}) } }],
    catalogue,
    classifier,
    options: { pages: 20 },
    startedAt: new Date(0),
    finishedAt: new Date(1000),
    version: '0.0.0',
    browserVersion: 'test',
  });
  assert.deepEqual(report.pages, ['https://shop.example/']);
  assert.deepEqual(
    report.violations.map((v) => [v.phase, v.kind, v.name, v.service, v.category, v.script, v.count]),
    [
      ['before', 'cookie', '_ga', 'google-analytics', 'analytics', 'https://shop.example/js/a.js', undefined],
      ['before', 'storage', '_hjSessionUser_1', 'hotjar', 'analytics', undefined, undefined],
      ['before', 'request', 'region1.google-analytics.com', 'google-analytics', 'analytics', 'https://shop.example/js/a.js', 2],
    ],
  );
  // First-party requests are not listed; the failed Stripe request is, as necessary.
  assert.deepEqual(report.phases.before.requests.map((r) => [r.host, r.category, r.failed]), [
    ['region1.google-analytics.com', 'analytics', undefined],
    ['region1.google-analytics.com', 'analytics', undefined],
    ['js.stripe.com', 'necessary', 'net::ERR_NAME_NOT_RESOLVED'],
  ]);
  const declared = Object.fromEntries(report.declaration.map((r) => [r.name, r]));
  assert.equal(declared._ga.provider, 'Google');
  assert.deepEqual(declared._ga.phases, ['before', 'accept']);
  assert.equal(declared.PHPSESSID.category, 'unknown');
  assert.equal(declared['_hj*'].type, 'localStorage');
  assert.deepEqual(report.unclassified.firstPartyCookies, ['PHPSESSID']);
  // The held-back Meta tag is found under the page's own key for it.
  assert.deepEqual(report.suggestedConfig, {
    categories: { necessary: { required: true }, analytics: {}, marketing: {} },
    services: { stripe: 'stripe', 'google-analytics': 'google-analytics', hotjar: 'hotjar', fb: 'meta-pixel' },
  });
});
