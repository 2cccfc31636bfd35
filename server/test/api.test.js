// The HTTP contract on a real SQLite file: ingest, CORS, limits, admin API, erasure.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { ORIGIN, TOKEN, admin, post, receipt, startServer, tempSqlite } from './helpers.js';

/** @type {import('./helpers.js').Running} */
let s;
before(async () => {
  s = await startServer(tempSqlite(), ['--allow-origin', ORIGIN, '--allow-origin', 'http://localhost:5173']);
});
after(() => s.stop());

describe('ingest', () => {
  test('201 stored, then 200 for the same receipt (id + timestamp), stored once, with the server time beside the client time', async () => {
    const r = receipt();
    const t0 = Date.now();
    const first = await post(s.url, r);
    assert.equal(first.status, 201);
    assert.deepEqual(await first.json(), { ok: true, stored: true, id: r.id, timestamp: r.timestamp });
    const again = await post(s.url, r);
    assert.equal(again.status, 200);
    assert.equal((await again.json()).stored, false);
    // Same id and timestamp, keys in another order: still the same receipt.
    const reordered = Object.fromEntries(Object.entries(r).reverse());
    assert.equal((await post(s.url, reordered)).status, 200);

    const got = await (await admin(s.url, `/v1/receipts/${r.id}`)).json();
    assert.equal(got.id, r.id);
    assert.equal(got.receipts.length, 1);
    const [stored] = got.receipts;
    assert.deepEqual({ ...stored, receivedAt: undefined, seq: undefined }, { ...r, receivedAt: undefined, seq: undefined });
    assert.ok(Date.parse(stored.receivedAt) >= t0 - 1000 && Date.parse(stored.receivedAt) <= Date.now() + 1000);
    assert.ok(!('ip' in stored) && !('userAgent' in stored), 'IP and user agent are off by default');
  });

  test('a later decision of the same visitor is a second receipt; lookup lists them oldest decision first', async () => {
    const id = receipt().id;
    const later = receipt({ id, timestamp: '2024-06-02T08:00:00.000Z', method: 'reject_all', categories: { necessary: true, analytics: false, marketing: false } });
    const earlier = receipt({ id, timestamp: '2024-06-01T08:00:00.000Z' });
    assert.equal((await post(s.url, later)).status, 201);
    // The earlier one arrives second (it waited in a browser's outbox).
    assert.equal((await post(s.url, earlier)).status, 201);
    const got = await (await admin(s.url, `/v1/receipts/${id}`)).json();
    assert.deepEqual(
      got.receipts.map((/** @type {any} */ x) => x.method),
      ['accept_all', 'reject_all'],
    );
  });

  test('CORS: allowed origins get Access-Control-Allow-Origin (with credentials) on every answer, errors included', async () => {
    const ok = await post(s.url, receipt(), { origin: 'http://localhost:5173' });
    assert.equal(ok.status, 201);
    assert.equal(ok.headers.get('access-control-allow-origin'), 'http://localhost:5173');
    assert.equal(ok.headers.get('access-control-allow-credentials'), 'true');
    assert.match(ok.headers.get('vary') || '', /Origin/);
    const bad = await post(s.url, { nope: 1 });
    assert.equal(bad.status, 400);
    assert.equal(bad.headers.get('access-control-allow-origin'), ORIGIN);
  });

  test('application/json: preflight answered for allowed origins, then stored', async () => {
    const pre = await fetch(`${s.url}/v1/receipts`, {
      method: 'OPTIONS',
      headers: { origin: ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    assert.equal(pre.status, 204);
    assert.equal(pre.headers.get('access-control-allow-origin'), ORIGIN);
    assert.match(pre.headers.get('access-control-allow-methods') || '', /POST/);
    assert.match(pre.headers.get('access-control-allow-headers') || '', /content-type/i);
    assert.equal((await post(s.url, receipt(), { type: 'application/json' })).status, 201);
    const foreign = await fetch(`${s.url}/v1/receipts`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    assert.equal(foreign.status, 403);
    assert.equal(foreign.headers.get('access-control-allow-origin'), null);
  });

  test('403 for a foreign origin, a missing Origin and Origin: null; nothing stored', async () => {
    const r = receipt();
    for (const origin of ['https://evil.example', 'https://shop.example.evil.example', 'http://shop.example', 'null', null]) {
      const res = await post(s.url, r, { origin });
      assert.equal(res.status, 403, String(origin));
      assert.equal(res.headers.get('access-control-allow-origin'), null);
      assert.match((await res.json()).error, origin ? /not allowed/ : /Origin header is missing/);
    }
    assert.equal((await admin(s.url, `/v1/receipts/${r.id}`)).status, 404);
  });

  test('400 names the field', async () => {
    const cases = /** @type {[unknown, string][]} */ ([
      ['not json', 'body'],
      [[], 'body'],
      [{ ...receipt(), method: 'accept' }, 'method'],
      [{ ...receipt(), categories: { analytics: 'yes' } }, 'categories.analytics'],
      [{ ...receipt(), services: { ga4: 1 } }, 'services.ga4'],
      [{ ...receipt(), timestamp: '2024-02-30T10:00:00.000Z' }, 'timestamp'],
      [{ ...receipt(), gpc: 'false' }, 'gpc'],
      [{ ...receipt(), id: 'short' }, 'id'],
      [{ ...receipt(), extra: 1 }, 'extra'],
      [{ ...receipt(), url: 'javascript:alert(1)' }, 'url'],
      [(({ revision, ...rest }) => rest)(receipt()), 'revision'],
    ]);
    for (const [body, field] of cases) {
      const res = await post(s.url, body);
      assert.equal(res.status, 400, JSON.stringify(body));
      const json = await res.json();
      assert.equal(json.field, field);
      assert.ok(json.error.startsWith(field), json.error);
    }
  });

  test('413 over the size limit (declared or streamed), and the connection still gets its answer', async () => {
    const big = JSON.stringify({ ...receipt(), revision: 'x'.repeat(70_000) });
    const res = await post(s.url, big);
    assert.equal(res.status, 413);
    assert.match((await res.json()).error, /8192 bytes/);
    // Chunked, no Content-Length.
    const stream = new ReadableStream({
      start(c) {
        for (let i = 0; i < 70; i++) c.enqueue(new TextEncoder().encode('x'.repeat(1000)));
        c.close();
      },
    });
    const chunked = await fetch(`${s.url}/v1/receipts`, { method: 'POST', body: stream, headers: { origin: ORIGIN, 'content-type': 'text/plain' }, duplex: 'half' });
    assert.equal(chunked.status, 413);
    assert.equal((await fetch(`${s.url}/health`)).status, 200);
  });

  test('415 for other content types; 405 for other methods; 404 elsewhere', async () => {
    assert.equal((await post(s.url, receipt(), { type: 'application/x-www-form-urlencoded' })).status, 415);
    assert.equal((await post(s.url, receipt(), { type: 'text/plain; charset=iso-8859-1' })).status, 415);
    const put = await fetch(`${s.url}/v1/receipts`, { method: 'PUT', headers: { origin: ORIGIN }, body: '{}' });
    assert.equal(put.status, 405);
    assert.match(put.headers.get('allow') || '', /POST/);
    assert.equal((await fetch(`${s.url}/v2/receipts`)).status, 404);
  });

  test('/health answers 200 while the database does', async () => {
    const res = await fetch(`${s.url}/health`);
    assert.equal(res.status, 200);
    assert.deepEqual({ ...(await res.json()), pending: 0 }, { ok: true, database: 'sqlite', pending: 0 });
  });
});

describe('admin API', () => {
  test('401 without a token, with a wrong one, or another scheme; constant-time compare, so length does not matter', async () => {
    for (const path of ['/v1/receipts/0123456789abcdef', '/v1/receipts', '/v1/verify']) {
      assert.equal((await admin(s.url, path, { token: null })).status, 401, path);
      assert.equal((await admin(s.url, path, { token: 'wrong' })).status, 401, path);
      assert.equal((await admin(s.url, path, { token: `${TOKEN}x` })).status, 401, path);
    }
    const basic = await fetch(`${s.url}/v1/verify`, { headers: { authorization: `Basic ${Buffer.from(`a:${TOKEN}`).toString('base64')}` } });
    assert.equal(basic.status, 401);
    assert.match(basic.headers.get('www-authenticate') || '', /Bearer/);
    const del = await admin(s.url, '/v1/receipts/0123456789abcdef', { method: 'DELETE', token: 'wrong' });
    assert.equal(del.status, 401);
  });

  test('lookup: 404 for an unknown id', async () => {
    const res = await admin(s.url, '/v1/receipts/ffffffffffffffffffffffffffffffff');
    assert.equal(res.status, 404);
  });

  test('export: NDJSON and CSV, filtered by receive time', async () => {
    const mine = [receipt(), receipt({ revision: '=HYPERLINK("http://x")' })];
    for (const r of mine) assert.equal((await post(s.url, r)).status, 201);
    const nd = await admin(s.url, '/v1/receipts?format=ndjson');
    assert.equal(nd.status, 200);
    assert.match(nd.headers.get('content-type') || '', /ndjson/);
    assert.match(nd.headers.get('content-disposition') || '', /attachment; filename="consent-receipts\.ndjson"/);
    const lines = (await nd.text()).trim().split('\n').map((l) => JSON.parse(l));
    for (const r of mine) {
      const line = lines.find((l) => l.id == r.id);
      assert.ok(line, r.id);
      assert.equal(line.revision, r.revision);
      assert.match(line.hash, /^[0-9a-f]{64}$/);
      assert.equal(typeof line.seq, 'number');
    }
    const csv = await (await admin(s.url, '/v1/receipts?format=csv')).text();
    const rows = csv.trim().split('\r\n');
    assert.equal(rows[0], 'seq,id,timestamp,receivedAt,method,revision,categories,services,gpc,language,url,ip,userAgent,hash');
    const formula = rows.find((row) => row.includes(mine[1].id));
    assert.ok(formula?.includes(`"'=HYPERLINK(""http://x"")"`), 'a formula is neutralised and quoted');
    // Nothing was received tomorrow or before 2000.
    const tomorrow = new Date(Date.now() + 864e5).toISOString().slice(0, 10);
    assert.equal((await (await admin(s.url, `/v1/receipts?from=${tomorrow}`)).text()).trim(), '');
    assert.equal((await (await admin(s.url, '/v1/receipts?to=2000-01-01')).text()).trim(), '');
    const today = new Date().toISOString().slice(0, 10);
    assert.ok((await (await admin(s.url, `/v1/receipts?from=${today}&to=${today}`)).text()).includes(mine[0].id));
    assert.equal((await admin(s.url, '/v1/receipts?from=yesterday')).status, 400);
    assert.equal((await admin(s.url, '/v1/receipts?format=xml')).status, 400);
  });

  test('erasure: tombstones, 404 afterwards, verify still ok, and a resend does not bring it back', async () => {
    const r = receipt();
    const second = receipt({ id: r.id, method: 'custom', categories: { necessary: true, analytics: false } });
    const bystander = receipt();
    for (const x of [r, second, bystander]) assert.equal((await post(s.url, x)).status, 201);
    const del = await admin(s.url, `/v1/receipts/${r.id}`, { method: 'DELETE' });
    assert.equal(del.status, 200);
    assert.deepEqual(await del.json(), { id: r.id, erased: 2 });
    assert.equal((await admin(s.url, `/v1/receipts/${r.id}`)).status, 404);
    assert.equal((await admin(s.url, `/v1/receipts/${r.id}`, { method: 'DELETE' })).status, 404);
    const v = await (await admin(s.url, '/v1/verify')).json();
    assert.equal(v.ok, true, JSON.stringify(v));
    assert.ok(v.erased >= 2);
    assert.ok(!(await (await admin(s.url, '/v1/receipts')).text()).includes(r.id), 'erased receipts are not exported');
    // The visitor's browser still had it in its outbox: acknowledged, not stored again.
    const resend = await post(s.url, r);
    assert.equal(resend.status, 200);
    assert.equal((await admin(s.url, `/v1/receipts/${r.id}`)).status, 404);
    assert.equal((await admin(s.url, `/v1/receipts/${bystander.id}`)).status, 200);
  });

  test('verify: ok with a count and the chain head', async () => {
    const v = await (await admin(s.url, '/v1/verify')).json();
    assert.equal(v.ok, true);
    assert.ok(v.count > 5);
    assert.equal(v.head.seq, v.count);
    assert.match(v.head.hash, /^[0-9a-f]{64}$/);
  });
});
