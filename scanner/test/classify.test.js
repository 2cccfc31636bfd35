// @ts-check
// Classification: cookie names and patterns, storage keys, hosts and their subdomains, the
// page's own consent-gate declarations, and what stays unknown.
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { createClassifier, matcherLabel, reviveSiteConfig } from '../lib/classify.js';
import { builtCatalogue, builtHostRule } from './helpers/catalogue.js';

/** @type {import('../lib/classify.js').Classifier} */
let classify;
/** @type {import('../lib/catalogue.js').HostRule} */
let hostRule;
before(async () => {
  hostRule = await builtHostRule();
  classify = createClassifier(await builtCatalogue(), hostRule);
});
const shop = { pageHost: 'www.shop.example', site: null };

describe('cookies', () => {
  test('exact names and patterns name the service and its category', () => {
    const cases = [
      ['_ga', 'google-analytics', 'analytics'],
      ['_ga_ABC123XYZ', 'google-analytics', 'analytics'],
      ['_fbp', 'meta-pixel', 'marketing'],
      ['_hjSessionUser_3721', 'hotjar', 'analytics'],
      ['_gcl_au', 'google-ads', 'marketing'],
      ['mp_0123abcd_mixpanel', 'mixpanel', 'analytics'],
      ['_pk_id.1.1fff', 'matomo', 'analytics'],
      ['__stripe_mid', 'stripe', 'necessary'],
      ['g_state', 'google-sign-in', 'necessary'],
      ['intercom-session-abc', 'intercom', 'preferences'],
    ];
    for (const [name, service, category] of cases) {
      const found = classify.cookie(name, '.shop.example', shop);
      assert.equal(found.service, service, name);
      assert.equal(found.category, category, name);
      assert.equal(found.firstParty, true, name);
    }
  });

  test('a pattern does not reach past its end: _gid_x is not _ga, _hj is not _hjSessionUser_', () => {
    assert.equal(classify.cookie('_gaz', 'shop.example', shop).service, null);
    assert.equal(classify.cookie('_gid_x', 'shop.example', shop).service, null);
    assert.equal(classify.cookie('x_ga', 'shop.example', shop).service, null);
  });

  test('the declared pattern comes back as people read it, with the catalogue facts', () => {
    const found = classify.cookie('_ga_ABC', 'shop.example', shop);
    assert.equal(found.matcher, '_ga_*');
    assert.equal(found.provider, 'Google');
    assert.equal(found.lifetime, '2 years');
    assert.match(String(found.purpose), /\S/);
  });

  test('an unknown first-party cookie is unknown and first-party (listed, never a tracker by guess)', () => {
    const found = classify.cookie('PHPSESSID', 'www.shop.example', shop);
    assert.deepEqual([found.service, found.category, found.firstParty], [null, 'unknown', true]);
  });

  test('a cookie on a parent domain of the page is still first-party', () => {
    assert.equal(classify.cookie('cart', '.shop.example', shop).firstParty, true);
  });

  test('a third-party cookie takes its service from the catalogue hosts of its domain, else unknown', () => {
    const yt = classify.cookie('VISITOR_INFO1_LIVE', '.youtube.com', shop);
    assert.deepEqual([yt.service, yt.category, yt.firstParty], ['youtube', 'marketing', false]);
    const dc = classify.cookie('IDE', '.doubleclick.net', shop);
    assert.equal(dc.service, 'google-ads');
    const other = classify.cookie('uid', '.tracker-nobody-knows.example', shop);
    assert.deepEqual([other.service, other.category, other.firstParty], [null, 'unknown', false]);
  });
});

describe('requests', () => {
  /** @param {string} url */
  const request = (url) => /** @type {NonNullable<ReturnType<typeof classify.request>>} */ (classify.request(url, shop));

  test('a host entry matches the host and every subdomain', () => {
    assert.equal(request('https://www.google-analytics.com/g/collect?v=2').service, 'google-analytics');
    assert.equal(request('https://region1.google-analytics.com/g/collect').service, 'google-analytics');
    assert.equal(request('https://static.hotjar.com/c/hotjar-1.js?sv=6').service, 'hotjar');
    assert.equal(request('https://script.hotjar.com/modules.js').service, 'hotjar');
    assert.equal(request('https://connect.facebook.net/en_US/fbevents.js').service, 'meta-pixel');
  });

  test('a host entry does not match a host that merely ends in the same letters', () => {
    assert.equal(request('https://notstripe.com/x.js').service, null);
    assert.equal(request('https://evilhotjar.com/x.js').service, null);
  });

  test('a path entry matches by whole segments: facebook.com/tr is the pixel, /tracking and the rest of facebook.com are not', () => {
    assert.equal(request('https://www.facebook.com/tr?id=1&ev=PageView').service, 'meta-pixel');
    assert.equal(request('https://www.facebook.com/tr/').service, 'meta-pixel');
    assert.equal(request('https://www.facebook.com/tracking').service, null);
    assert.equal(request('https://www.facebook.com/plugins/like.php').service, null);
  });

  test("the longest entry wins: gtag.js is GA4's loader (Google Ads shares it), gtm.js is Tag Manager's", () => {
    const gtag = request('https://www.googletagmanager.com/gtag/js?id=G-TEST');
    assert.equal(gtag.service, 'google-analytics');
    assert.deepEqual(gtag.alsoMatches, ['google-ads']);
    assert.equal(request('https://www.googletagmanager.com/gtm.js?id=GTM-XXXX').service, 'google-tag-manager');
    assert.equal(request('https://stats.g.doubleclick.net/g/collect').service, 'google-analytics');
    assert.equal(request('https://googleads.g.doubleclick.net/pagead/viewthroughconversion/1/').service, 'google-ads');
  });

  test('www.google.com is told apart by path: reCAPTCHA is necessary, Maps is marketing', () => {
    const captcha = request('https://www.google.com/recaptcha/api.js');
    assert.deepEqual([captcha.service, captcha.category], ['google-recaptcha', 'necessary']);
    const maps = request('https://www.google.com/maps/embed?pb=1');
    assert.deepEqual([maps.service, maps.category], ['google-maps', 'marketing']);
    assert.equal(request('https://www.google.com/search?q=x').service, null);
  });

  test('payment and sign-in providers are necessary', () => {
    for (const url of ['https://js.stripe.com/v3/', 'https://m.stripe.network/inner.html', 'https://www.paypal.com/sdk/js?client-id=x', 'https://accounts.google.com/gsi/client', 'https://appleid.cdn-apple.com/appleauth/static/jsapi/appleid/1/en_US/appleid.auth.js', 'https://challenges.cloudflare.com/turnstile/v0/api.js']) {
      assert.equal(request(url).category, 'necessary', url);
    }
  });

  test('an unknown third-party host is unknown; the page’s own site is not a third party', () => {
    const unknown = request('https://pixel.adnetwork-unknown.example/p.gif');
    assert.deepEqual([unknown.service, unknown.category, unknown.thirdParty], [null, 'unknown', true]);
    assert.equal(request('https://cdn.shop.example/app.js').thirdParty, false);
    assert.equal(classify.request('data:image/png;base64,AAAA', shop), null);
    assert.equal(classify.request('not a url', shop), null);
  });
});

describe('the page’s own consent-gate configuration', () => {
  const site = /** @type {import('../lib/classify.js').SiteConfig} */ (
    reviveSiteConfig({
      cookieName: 'consent_gate',
      expiresDays: 182,
      categories: [{ key: 'necessary', required: true }],
      services: [
        { key: 'account', category: 'necessary', title: 'Account', provider: 'Shop Ltd', cookies: [{ name: 'shop_session', purpose: 'Keeps you signed in', lifetime: 'Session' }], storageKeys: [] },
        { key: 'chat', category: 'preferences', title: 'Chat', hosts: ['widget.chat-vendor.example'], cookies: [{ name: { regexp: '^chat_', flags: '' } }], storageKeys: [{ regexp: '^chat-', flags: 'g' }] },
        { key: 'broken', category: 'analytics', cookies: [{ name: { regexp: '(', flags: '' } }], storageKeys: [] },
      ],
    })
  );
  const context = { pageHost: 'shop.example', site };

  test('its consent cookie is strictly necessary', () => {
    const found = classify.cookie('consent_gate', 'shop.example', context);
    assert.deepEqual([found.service, found.category, found.lifetime], ['consent-gate', 'necessary', '182 days']);
    assert.equal(classify.storage('consent_gate', 'https://shop.example', context).category, 'necessary');
  });

  test('its declared cookies, patterns, keys and hosts classify what the catalogue does not know', () => {
    const session = classify.cookie('shop_session', 'shop.example', context);
    assert.deepEqual([session.service, session.category, session.source, session.purpose], ['account', 'necessary', 'site', 'Keeps you signed in']);
    assert.equal(classify.cookie('chat_7', 'shop.example', context).service, 'chat');
    assert.equal(classify.storage('chat-visitor', 'https://shop.example', context).category, 'preferences');
    assert.equal(classify.request('https://widget.chat-vendor.example/v2.js', context)?.service, 'chat');
  });

  test('the catalogue comes first: the site cannot make _ga necessary by declaring it so', () => {
    const declaring = reviveSiteConfig({ cookieName: 'consent_gate', services: [{ key: 'stats', category: 'necessary', cookies: [{ name: '_ga' }], storageKeys: [] }] });
    const found = classify.cookie('_ga', 'shop.example', { pageHost: 'shop.example', site: declaring });
    assert.deepEqual([found.service, found.category], ['google-analytics', 'analytics']);
  });

  test('a pattern that does not compile is dropped, not thrown', () => {
    assert.equal(site.services[2].cookies.length, 0);
    assert.equal(reviveSiteConfig(null), null);
    assert.equal(reviveSiteConfig('x'), null);
  });
});

describe('helpers', () => {
  test('matcherLabel reads patterns the way the demo privacy page writes them', () => {
    assert.equal(matcherLabel('_ga'), '_ga');
    assert.equal(matcherLabel(/^_ga_/), '_ga_*');
    assert.equal(matcherLabel(/^mp_.*_mixpanel$/), 'mp_*_mixpanel');
    assert.equal(matcherLabel(/^_pk_id\./), '_pk_id.*');
    assert.equal(matcherLabel(/_hj/), '*_hj*');
    assert.equal(matcherLabel(/^crisp-client\/session\//), 'crisp-client/session/*');
  });

  test('host entries: a host, an optional path; trailing slashes and case do not matter', () => {
    const { parseHostEntry, hostEntryMatches } = hostRule;
    assert.deepEqual(parseHostEntry('facebook.com/tr'), { host: 'facebook.com', path: '/tr' });
    assert.deepEqual(parseHostEntry('Stripe.com'), { host: 'stripe.com', path: '' });
    assert.deepEqual(parseHostEntry('google.com/maps/'), { host: 'google.com', path: '/maps' });
    assert.equal(hostEntryMatches(parseHostEntry('stripe.com'), 'stripe.com', '/'), true);
    assert.equal(hostEntryMatches(parseHostEntry('stripe.com'), 'js.stripe.com', '/v3/'), true);
    assert.equal(hostEntryMatches(parseHostEntry('js.stripe.com'), 'stripe.com', '/'), false);
  });
});
