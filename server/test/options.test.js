// Server options: IP and user agent (off by default, masked when on), rate limits, the
// admin API switched off, and the pure helpers behind them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { admin, post, receipt, startServer, tempSqlite, TOKEN, BIN, ORIGIN } from './helpers.js';
import { maskIp, maskUserAgent } from '../src/net.js';
import { spawn } from 'node:child_process';

test('maskIp: IPv4 to /24, IPv6 to /48, mapped IPv4 as IPv4, garbage to empty', () => {
  assert.equal(maskIp('203.0.113.195'), '203.0.113.0');
  assert.equal(maskIp('::ffff:198.51.100.7'), '198.51.100.0');
  assert.equal(maskIp('2001:db8:85a3:8d3:1319:8a2e:370:7348'), '2001:db8:85a3::');
  assert.equal(maskIp('2001:db8::1'), '2001:db8:0::');
  assert.equal(maskIp('::1'), '0:0:0::');
  assert.equal(maskIp('fe80::1%eth0'), 'fe80:0:0::');
  assert.equal(maskIp('not an ip'), '');
  assert.equal(maskIp(undefined), '');
});

test('maskUserAgent: versions cut to the major, printable ASCII, 200 characters at most', () => {
  assert.equal(
    maskUserAgent('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Safari/605.1.15'),
    'Mozilla/5 (Macintosh; Intel Mac OS X 10) AppleWebKit/605 (KHTML, like Gecko) Version/17 Safari/605',
  );
  assert.equal(maskUserAgent('a\u0000b\u00e9c'), 'abc');
  assert.equal(maskUserAgent('x'.repeat(500)).length, 200);
});

test('IP and user agent: off by default; with --store-ip --store-user-agent stored masked (behind a trusted proxy too)', async () => {
  const plain = await startServer(tempSqlite());
  const a = receipt();
  await post(plain.url, a, { headers: { 'user-agent': 'Browser/1.2.3' } });
  const [stored] = (await (await admin(plain.url, `/v1/receipts/${a.id}`)).json()).receipts;
  assert.ok(!('ip' in stored) && !('userAgent' in stored));
  await plain.stop();

  const s = await startServer(tempSqlite(), ['--store-ip', '--store-user-agent']);
  const b = receipt();
  await post(s.url, b, { headers: { 'user-agent': 'Browser/1.2.3 (X11; Linux x86_64)', 'x-forwarded-for': '203.0.113.9' } });
  const [got] = (await (await admin(s.url, `/v1/receipts/${b.id}`)).json()).receipts;
  // Without --trust-proxy the header is ignored: the socket's address counts.
  assert.equal(got.ip, '127.0.0.0');
  assert.equal(got.userAgent, 'Browser/1 (X11; Linux x86_64)');
  await s.stop();

  const proxied = await startServer(tempSqlite(), ['--store-ip', '--trust-proxy']);
  const c = receipt();
  const d = receipt();
  await post(proxied.url, c, { headers: { 'x-forwarded-for': '10.0.0.1, 198.51.100.77' } });
  await post(proxied.url, d, { headers: { 'x-forwarded-for': '2001:db8:abcd:12:1:2:3:4' } });
  assert.equal((await (await admin(proxied.url, `/v1/receipts/${c.id}`)).json()).receipts[0].ip, '198.51.100.0');
  const dd = (await (await admin(proxied.url, `/v1/receipts/${d.id}`)).json()).receipts[0];
  assert.equal(dd.ip, '2001:db8:abcd::');
  assert.ok(!('userAgent' in dd));
  // The masked IP is part of the hashed record: verify covers it.
  assert.equal((await (await admin(proxied.url, '/v1/verify')).json()).ok, true);
  await proxied.stop();
});

test('rate limit: 429 with Retry-After past N receipts a minute per client; other clients unaffected', async () => {
  const s = await startServer(tempSqlite(), ['--rate-limit', '5', '--trust-proxy']);
  const from = (ip) => ({ headers: { 'x-forwarded-for': ip } });
  for (let i = 0; i < 5; i++) assert.equal((await post(s.url, receipt(), from('198.51.100.1'))).status, 201);
  const limited = await post(s.url, receipt(), from('198.51.100.1'));
  assert.equal(limited.status, 429);
  assert.ok(Number(limited.headers.get('retry-after')) >= 1);
  assert.equal(limited.headers.get('access-control-allow-origin'), ORIGIN, 'the SDK can read the 429');
  assert.equal((await post(s.url, receipt(), from('198.51.100.2'))).status, 201);
  // One IPv6 /64 is one client.
  for (let i = 0; i < 5; i++) assert.equal((await post(s.url, receipt(), from(`2001:db8:1:2::${i + 1}`))).status, 201);
  assert.equal((await post(s.url, receipt(), from('2001:db8:1:2:ffff::1'))).status, 429);
  await s.stop();
});

test('wrong admin tokens: 429 past 30 a minute from one client, even with the right token then', async () => {
  const s = await startServer(tempSqlite());
  for (let i = 0; i < 30; i++) assert.equal((await admin(s.url, '/v1/verify', { token: `guess${i}` })).status, 401);
  assert.equal((await admin(s.url, '/v1/verify', { token: 'guess' })).status, 429);
  assert.equal((await admin(s.url, '/v1/verify', { token: TOKEN })).status, 429);
  await s.stop();
});

test('no token: the admin API is off (404 naming --token) and the server says so at start', async () => {
  const proc = spawn(process.execPath, [BIN, '--port', '0', '--db', tempSqlite(), '--allow-origin', ORIGIN], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CONSENT_GATE_TOKEN: '' } });
  let out = '';
  proc.stdout.on('data', (d) => (out += d));
  await new Promise((r) => proc.stdout.on('data', () => /admin API/.test(out) && r(undefined)));
  const url = /listening on (\S+)/.exec(out)[1];
  assert.match(out, /admin API: off/);
  for (const [path, method] of [['/v1/verify', 'GET'], ['/v1/receipts', 'GET'], ['/v1/receipts/abcdefgh', 'GET'], ['/v1/receipts/abcdefgh', 'DELETE']]) {
    const res = await admin(url, path, { method, token: TOKEN });
    assert.equal(res.status, 404, path);
    assert.match((await res.json()).error, /--token/);
  }
  // Ingest works without a token.
  assert.equal((await post(url, receipt())).status, 201);
  proc.kill('SIGTERM');
  await new Promise((r) => proc.on('exit', r));
});

test('environment: PORT, CONSENT_GATE_DB, CONSENT_GATE_TOKEN, CONSENT_GATE_ORIGINS', async () => {
  const db = tempSqlite();
  const proc = spawn(process.execPath, [BIN], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: '0', CONSENT_GATE_DB: db, CONSENT_GATE_TOKEN: 'env-token-0123456789abcdef', CONSENT_GATE_ORIGINS: 'https://a.example, https://b.example' },
  });
  let out = '';
  proc.stdout.on('data', (d) => (out += d));
  await new Promise((r) => proc.stdout.on('data', () => /rate limit/.test(out) && r(undefined)));
  const url = /listening on (\S+)/.exec(out)[1];
  assert.ok(out.includes(db.slice('sqlite:'.length)));
  assert.equal((await post(url, receipt(), { origin: 'https://b.example' })).status, 201);
  assert.equal((await post(url, receipt(), { origin: ORIGIN })).status, 403);
  assert.equal((await admin(url, '/v1/verify', { token: 'env-token-0123456789abcdef' })).status, 200);
  proc.kill('SIGTERM');
  await new Promise((r) => proc.on('exit', r));
});
