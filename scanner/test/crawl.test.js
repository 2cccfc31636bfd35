// @ts-check
// What counts as a page of the site, what a sitemap lists, and what counts as a third party.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pageKey, parseSitemap } from '../lib/crawl.js';
import { isThirdParty, registrableDomain } from '../lib/site.js';

const origin = 'https://shop.example';

test('a link is a page of the site when it is http(s), same origin and not a file; its fragment is dropped', () => {
  assert.equal(pageKey('/about#team', origin), 'https://shop.example/about');
  assert.equal(pageKey('contact?x=1', origin, 'https://shop.example/en/'), 'https://shop.example/en/contact?x=1');
  assert.equal(pageKey('https://other.example/', origin), null);
  assert.equal(pageKey('https://www.shop.example/', origin), null, 'another host is another origin');
  assert.equal(pageKey('mailto:hi@shop.example', origin), null);
  assert.equal(pageKey('javascript:void(0)', origin), null);
  assert.equal(pageKey('/terms.pdf', origin), null);
  assert.equal(pageKey('/logo.PNG', origin), null);
  assert.equal(pageKey('http://[::1', origin), null);
});

test('a sitemap lists its <loc> URLs, entities decoded; an index lists sitemaps', () => {
  const urlset = `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
    <url><loc>https://shop.example/</loc></url>
    <url><loc> https://shop.example/search?q=a&amp;page=2 </loc><lastmod>2024-01-01</lastmod></url>
    <url><loc><![CDATA[https://shop.example/cdata]]></loc></url></urlset>`;
  assert.deepEqual(parseSitemap(urlset), { kind: 'urlset', locations: ['https://shop.example/', 'https://shop.example/search?q=a&page=2', 'https://shop.example/cdata'] });
  const index = '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://shop.example/pages.xml</loc></sitemap></sitemapindex>';
  assert.deepEqual(parseSitemap(index), { kind: 'sitemapindex', locations: ['https://shop.example/pages.xml'] });
  assert.deepEqual(parseSitemap('<html><body>Not found</body></html>'), { kind: 'none', locations: [] });
});

test('registrable domains: the last two labels, three under country second levels; IPs and localhost are their own', () => {
  assert.equal(registrableDomain('region1.google-analytics.com'), 'google-analytics.com');
  assert.equal(registrableDomain('www.shop.co.uk'), 'shop.co.uk');
  assert.equal(registrableDomain('a.b.shop.com.au'), 'shop.com.au');
  assert.equal(registrableDomain('www.shop.de'), 'shop.de');
  assert.equal(registrableDomain('127.0.0.1'), '127.0.0.1');
  assert.equal(registrableDomain('localhost'), 'localhost');
  assert.equal(registrableDomain('[::1]'), '::1');
  assert.equal(isThirdParty('cdn.shop.example', 'www.shop.example'), false);
  assert.equal(isThirdParty('js.stripe.com', 'www.shop.example'), true);
  assert.equal(isThirdParty('localhost', '127.0.0.1'), true);
});
