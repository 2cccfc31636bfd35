// serverCookie: Set-Cookie only with the value the browser sent, only when it decodes (the
// core's own codec, dist/core.js) to the receipt just stored, and only on the same site.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { receipt, startInProcess, tempSqlite } from './helpers.js';

const CORE = new URL('../../dist/core.js', import.meta.url);
/** @type {any} */
let core;
/** @type {Awaited<ReturnType<typeof startInProcess>>} */
let s;
const ORIGIN = 'https://www.shop.example';

before(async () => {
  assert.ok(existsSync(CORE), 'dist/core.js is missing: run npm run build at the repository root first');
  core = await import(CORE.href);
  s = await startInProcess(tempSqlite(), { origins: [ORIGIN] });
});
after(() => s.stop());

/** A receipt and the stored-choice cookie value the SDK would have written for it. */
function decision(extra = {}) {
  const r = receipt({ categories: { necessary: true, analytics: true }, services: { ga4: true }, ...extra });
  const last = Math.floor(Date.parse(r.timestamp) / 1000) * 1000;
  const value = core.encodeChoice({ id: r.id, revision: r.revision, first: last, last, expires: Date.now() + 182 * 864e5, categories: r.categories, services: r.services, gpc: r.gpc });
  // js-cookie's encoding, as the browser sends it back.
  const sent = encodeURIComponent(value).replace(/%(2[346BF]|3[AC-F]|40|5[BDE]|60|7[BCD])/g, decodeURIComponent);
  return { r, value, sent };
}

/**
 * POST with node:http, since fetch() will not let a test choose the Host header.
 * @returns {Promise<{ status: number, headers: { get(name: string): string | null } }>}
 */
function raw(url, body, headers) {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'content-type': 'text/plain', ...headers } }, (res) => {
      res.resume();
      res.on('end', () =>
        resolve({
          status: res.statusCode,
          headers: { get: (n) => (n == 'set-cookie' ? res.headers['set-cookie']?.join(', ') ?? null : res.headers[n] ?? null) },
        }),
      );
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

const send = (r, { cookie = '', host = 'www.shop.example', origin = ORIGIN, options = { name: 'consent_gate', path: '/', sameSite: 'Lax' } } = {}) =>
  raw(`${s.url}/v1/receipts?cookie=${encodeURIComponent(JSON.stringify(options))}`, r, { origin, cookie, host });

test('the matching cookie is re-set with its own value, Max-Age from its expiry, Secure on https', async () => {
  const { r, value, sent } = decision();
  const res = await send(r, { cookie: `other=1; consent_gate=${sent}` });
  assert.equal(res.status, 201);
  const header = res.headers.get('set-cookie');
  assert.ok(header);
  assert.equal(header.split(';')[0], `consent_gate=${sent}`);
  assert.match(header, /; Path=\/; Max-Age=\d+; Expires=.*; SameSite=Lax; Secure$/);
  assert.ok(Math.abs(Number(/Max-Age=(\d+)/.exec(header)[1]) - 182 * 86400) < 5);
  assert.equal(core.decodeChoice(decodeURIComponent(header.split(';')[0].slice('consent_gate='.length))).ok, true);
  assert.ok(value.startsWith('{"v":1'));
  // A resend of the same receipt (200) may refresh it too.
  assert.equal((await send(r, { cookie: `consent_gate=${sent}` })).headers.get('set-cookie')?.split(';')[0], `consent_gate=${sent}`);
});

test('a cookie domain shared with subdomains: both hosts under it', async () => {
  const { r, sent } = decision();
  const options = { name: 'consent_gate', path: '/', sameSite: 'Lax', domain: 'shop.example' };
  const res = await send(r, { cookie: `consent_gate=${sent}`, host: 'consent.shop.example', options });
  assert.match(res.headers.get('set-cookie') || '', /; Domain=shop\.example;/);
  const elsewhere = await send(decision().r, { cookie: `consent_gate=${sent}`, host: 'consent.other.example', options });
  assert.equal(elsewhere.headers.get('set-cookie'), null);
});

test('no Set-Cookie when the cookie does not match the receipt, is edited, is missing, or the endpoint is on another site', async () => {
  const { r, sent } = decision();
  const other = decision();
  const edited = sent.replace('%22analytics%22:1', '%22analytics%22:0');
  assert.notEqual(edited, sent);
  const cases = [
    ['no cookie', r, {}],
    ['another decision', r, { cookie: `consent_gate=${other.sent}` }],
    ['edited (checksum)', r, { cookie: `consent_gate=${edited}` }],
    ['granting more than the receipt', decision({ categories: { necessary: true, analytics: false } }).r, { cookie: `consent_gate=${sent}` }],
    ['another site', r, { cookie: `consent_gate=${sent}`, host: 'log.vendor.example' }],
    ['another cookie name', r, { cookie: `consent_gate=${sent}`, options: { name: 'other' } }],
    ['a bad cookie name', r, { cookie: `consent_gate=${sent}`, options: { name: 'a;b' } }],
    ['a bad path', r, { cookie: `consent_gate=${sent}`, options: { name: 'consent_gate', path: '/;Domain=evil' } }],
    ['SameSite=None on http', r, { cookie: `consent_gate=${sent}`, origin: 'http://www.shop.example', options: { name: 'consent_gate', sameSite: 'None', secure: false } }],
  ];
  for (const [label, rec, o] of cases) {
    const res = await send(rec, o);
    assert.ok(res.status == 201 || res.status == 200 || res.status == 403, `${label}: ${res.status}`);
    assert.equal(res.headers.get('set-cookie'), null, label);
  }
  // Without the parameter nothing is attempted.
  assert.equal((await raw(`${s.url}/v1/receipts`, decision().r, { origin: ORIGIN, host: 'www.shop.example', cookie: `consent_gate=${sent}` })).headers.get('set-cookie'), null);
});
