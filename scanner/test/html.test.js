// @ts-check
// report.html shows what a site put in its cookies and keys as text, never as markup.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeHtml, renderHtml } from '../lib/html.js';

test('escapeHtml escapes the five characters that open markup or attributes', () => {
  assert.equal(escapeHtml(`<img src=x onerror="alert('1')">&`), '&#60;img src=x onerror=&#34;alert(&#39;1&#39;)&#34;&#62;&#38;');
  assert.equal(escapeHtml(undefined), '');
});

test('a hostile storage key and page title appear as text, and the page forbids scripts', () => {
  const evil = '<script>alert(1)</script>';
  const page = 'https://shop.example/';
  /** @type {any} */
  const report = {
    tool: { name: 'consent-gate-scan', version: '0', browser: 'Chromium' },
    start: page,
    finishedAt: '2024-01-01T00:00:00.000Z',
    durationMs: 1000,
    pages: [page],
    pageResults: [{ url: page, title: evil, decisions: {}, settled: { before: true }, gated: [] }],
    phases: { before: { cookies: [], storage: [{ key: evil, kind: 'localStorage', origin: 'https://shop.example', page, service: null, category: 'unknown' }], requests: [] }, accept: { cookies: [], storage: [], requests: [] }, reject: { cookies: [], storage: [], requests: [] } },
    violations: [{ phase: 'before', kind: 'storage', name: evil, storage: 'localStorage', category: 'unknown', page }],
    declaration: [{ name: evil, type: 'localStorage', provider: evil, purpose: '', lifetime: 'Until deleted', category: 'unknown', service: null, observed: true, seenAs: [evil], domains: [], pages: [page], phases: ['before'] }],
    suggestedConfig: { categories: { necessary: { required: true } }, services: {} },
    suggestedServices: [],
    unclassified: { firstPartyCookies: [evil], thirdPartyHosts: [] },
    summary: { pages: 1, failedPages: 0, violations: 1, violationsByCategory: { unknown: 1 } },
  };
  const html = renderHtml(report, new Map([[page, 'AAAA']]));
  assert.doesNotMatch(html, /<script>alert/);
  assert.match(html, /&#60;script&#62;alert\(1\)&#60;\/script&#62;/);
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">/);
  assert.match(html, /<img src="data:image\/jpeg;base64,AAAA"/);
  assert.ok(html.indexOf('id="violations"') < html.indexOf('id="declaration"'), 'violations come first');
  assert.ok(html.indexOf('id="declaration"') < html.indexOf('id="phases"'), 'then the declaration, then the phases');
});
