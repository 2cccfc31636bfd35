// At least 300 hostile bodies: each gets a 4xx, none is stored, and the server still answers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ORIGIN, admin, post, receipt, startServer, tempSqlite } from './helpers.js';

/** @type {import('./helpers.js').Running} */
let s;
before(async () => {
  s = await startServer(tempSqlite());
});
after(() => s.stop());

/** Every way a body can fail to be a receipt: [label, body (string = sent as is), content type?]. */
function hostileBodies() {
  /** @type {[string, string | Uint8Array, string?][]} */
  const out = [];
  const add = (label, body, type) => out.push([label, typeof body == 'string' || body instanceof Uint8Array ? body : JSON.stringify(body), type]);
  const base = receipt({ id: 'f'.repeat(32) });

  // Not JSON.
  for (const text of ['', ' ', 'x', '{', '}', '{"id":', "{'id':'x'}", '{"a":1,}', 'undefined', 'NaN', '{id:1}', '<xml/>', '\u0000', '\ufeff{}', 'a=1&b=2', '{"id":"' + 'a'.repeat(40) + '"', JSON.stringify(base).slice(0, -1), JSON.stringify(base) + 'x', JSON.stringify(base) + JSON.stringify(base)]) add(`not JSON: ${text.slice(0, 20)}`, text);
  // JSON, but not an object.
  for (const v of [null, true, false, 0, 1, -1, 1e308, 'receipt', '', [], [base], [1, 2, 3], [[[]]]]) add(`not an object: ${JSON.stringify(v).slice(0, 20)}`, v);
  // Each field missing.
  for (const k of Object.keys(base)) {
    const { [k]: _, ...rest } = base;
    add(`missing ${k}`, rest);
  }
  // Each field with each wrong type.
  const wrong = [null, 0, 1, -1.5, true, false, '', 'x', [], ['a'], {}, { a: 1 }];
  const ok = {
    id: (v) => typeof v == 'string' && /^[\w-]{8,64}$/.test(v),
    timestamp: () => false,
    revision: (v) => typeof v == 'string',
    method: () => false,
    categories: () => false,
    services: (v) => v && typeof v == 'object' && !Array.isArray(v) && Object.values(v).every((x) => typeof x == 'boolean'),
    gpc: (v) => typeof v == 'boolean',
    language: (v) => typeof v == 'string' && /^[\w-]{1,35}$/.test(v),
    url: (v) => v === '',
  };
  for (const k of Object.keys(base)) for (const v of wrong) if (!ok[k](v)) add(`${k} = ${JSON.stringify(v)}`, { ...base, [k]: v });
  // A bad method.
  for (const m of ['ACCEPT_ALL', 'accept', 'acceptAll', 'accept-all', 'reject', 'custom ', ' custom', 'none', 'null', 'undefined', 'opt_out', '', 'accept_all\u0000']) add(`method ${m}`, { ...base, method: m });
  // Non-boolean choices.
  for (const v of [1, 0, 'true', 'false', 'yes', null, [], {}, [true], { granted: true }, -1, 'on']) {
    add(`categories.analytics = ${JSON.stringify(v)}`, { ...base, categories: { necessary: true, analytics: v } });
    add(`services.ga4 = ${JSON.stringify(v)}`, { ...base, services: { ga4: v } });
  }
  // Bad category / service keys and shapes.
  for (const key of ['', ' ', '1abc', '_ga', '-x', 'a b', 'a.b', 'ä', 'x'.repeat(65), 'a/b', 'a"b', 'constructor ', '__proto__', 'prototype1!']) {
    add(`category key ${JSON.stringify(key)}`, { ...base, categories: { [key]: true } });
    add(`service key ${JSON.stringify(key)}`, { ...base, services: { [key]: true } });
  }
  add('categories empty', { ...base, categories: {} });
  add('categories array', { ...base, categories: [true, false] });
  add('categories with 101 keys', { ...base, categories: Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`c${i}`, true])) });
  // Bad timestamps.
  for (const t of [
    '2024-02-30T12:00:00.000Z',
    '2023-02-29T12:00:00.000Z',
    '2024-13-01T00:00:00.000Z',
    '2024-00-10T00:00:00.000Z',
    '2024-05-01T24:00:00.000Z',
    '2024-05-01T12:60:00.000Z',
    '2024-05-01T12:00:61.000Z',
    '2024-05-01',
    '2024-05-01 12:00:00',
    '2024-05-01T12:00:00',
    '2024-05-01T12:00:00+02:00',
    '2024-05-01T12:00:00.0000Z',
    ' 2024-05-01T12:00:00.000Z',
    '2024-05-01T12:00:00.000Z ',
    '1999-12-31T23:59:59.999Z',
    '2100-01-01T00:00:00.000Z',
    '+002024-05-01T12:00:00.000Z',
    '99999-05-01T12:00:00.000Z',
    'yesterday',
    'Wed, 01 May 2024 12:00:00 GMT',
    '1714564800000',
    '',
    'T',
  ]) add(`timestamp ${t}`, { ...base, timestamp: t });
  for (const t of [1714564800000, 0, -1, null, true, {}, []]) add(`timestamp ${JSON.stringify(t)}`, { ...base, timestamp: t });
  // Bad ids, urls, languages, texts.
  for (const id of ['short', '', ' '.repeat(10), 'a'.repeat(65), '../../../etc/passwd', 'ffffffff ffffffff', 'ffffffff\nffffffff', '<script>alert(1)</script>', "' OR 1=1 --", 'ééééééééé', '%00%00%00%00%00']) add(`id ${JSON.stringify(id)}`, { ...base, id });
  for (const url of ['javascript:alert(1)', 'data:text/html,x', 'ftp://example.com/', 'not a url', '//example.com/', '/relative', 'https://exa mple.com/', `https://example.com/${'a'.repeat(2100)}`, 'file:///etc/passwd', 'https://example.com/\u0000']) add(`url ${url.slice(0, 30)}`, { ...base, url });
  for (const language of ['', 'en US', 'x'.repeat(36), 'en\n', '<en>', 'en;q=0.9']) add(`language ${JSON.stringify(language)}`, { ...base, language });
  for (const revision of ['x'.repeat(101), 'a\u0000b', 'line\nbreak', '\u001b[31m']) add(`revision ${JSON.stringify(revision.slice(0, 10))}`, { ...base, revision });
  // Unknown fields, prototype pollution.
  for (const k of ['extra', 'ip', 'receivedAt', 'seq', 'hash', 'Id', 'ID', 'cookie']) add(`unknown field ${k}`, { ...base, [k]: 'x' });
  add('__proto__ at the top', `{"__proto__":{"polluted":true},${JSON.stringify(base).slice(1)}`);
  add('only __proto__', '{"__proto__":{"id":"x"}}');
  add('__proto__ in categories', JSON.stringify(base).replace('"categories":{', '"categories":{"__proto__":true,'));
  add('__proto__ object in categories', JSON.stringify(base).replace('"categories":{', '"categories":{"__proto__":{"analytics":true},'));
  add('__proto__ in services', JSON.stringify(base).replace('"services":{', '"services":{"__proto__":{"polluted":true},'));
  add('constructor.prototype', JSON.stringify(base).replace('"services":{', '"services":{"constructor":{"prototype":{"polluted":true}},'));
  add('constructor in categories', { ...base, categories: { constructor: { prototype: true } } });
  // Deep nesting.
  const deep = (n) => '['.repeat(n) + ']'.repeat(n);
  add('deep array 5000', deep(5000));
  add('deep object 3000', '{"a":'.repeat(3000) + '1' + '}'.repeat(3000));
  add('deep categories', { ...base, categories: JSON.parse('{"a":'.repeat(500) + 'true' + '}'.repeat(500)) });
  add('deep unknown field', `{"x":${deep(2000)},${JSON.stringify(base).slice(1)}`);
  // Too big.
  add('70 KB revision', { ...base, revision: 'x'.repeat(70_000) });
  add('70 KB padding', JSON.stringify(base) + ' '.repeat(70_000));
  add('70 KB of zeros', new Uint8Array(70_000));
  add('9 KB of categories', { ...base, categories: Object.fromEntries(Array.from({ length: 130 }, (_, i) => [`c${i}${'x'.repeat(60)}`, true])) });
  // Not UTF-8.
  add('invalid UTF-8', new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]));
  add('UTF-16', new Uint8Array(Buffer.from(JSON.stringify(base), 'utf16le')));
  // Valid receipt, wrong content type.
  for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/html', 'application/xml', 'text/plain; charset=utf-16', 'image/png']) add(`content type ${type}`, base, type);
  return out;
}

test('hostile bodies: all 4xx, none stored, the server still answers', async (t) => {
  const bodies = hostileBodies();
  t.diagnostic(`${bodies.length} hostile bodies`);
  assert.ok(bodies.length >= 300, `only ${bodies.length} hostile bodies`);
  const statuses = new Map();
  for (let i = 0; i < bodies.length; i += 25) {
    await Promise.all(
      bodies.slice(i, i + 25).map(async ([label, body, type]) => {
        const res = await post(s.url, body, { type: type || 'text/plain;charset=UTF-8' });
        await res.arrayBuffer();
        assert.ok(res.status >= 400 && res.status < 500, `${label}: ${res.status}`);
        statuses.set(res.status, (statuses.get(res.status) || 0) + 1);
      }),
    );
  }
  // Bad HTTP methods on the ingest route.
  for (const method of ['PUT', 'PATCH', 'DELETE']) {
    const res = await fetch(`${s.url}/v1/receipts`, { method, headers: { origin: ORIGIN }, body: JSON.stringify(receipt()) });
    assert.ok(res.status == 405 || res.status == 401, `${method}: ${res.status}`);
  }
  t.diagnostic(`statuses: ${JSON.stringify([...statuses])}`);
  assert.ok(statuses.get(400) > 250 && statuses.get(413) >= 3 && statuses.get(415) >= 6, JSON.stringify([...statuses]));

  // None stored: the chain is empty, the export too.
  const v = await (await admin(s.url, '/v1/verify')).json();
  assert.deepEqual([v.ok, v.count], [true, 0]);
  assert.equal((await (await admin(s.url, '/v1/receipts')).text()).trim(), '');
  assert.equal((await admin(s.url, `/v1/receipts/${'f'.repeat(32)}`)).status, 404);

  // Still answering, and a real receipt still goes in.
  assert.equal((await fetch(`${s.url}/health`)).status, 200);
  assert.equal(({}).polluted, undefined);
  const good = receipt();
  assert.equal((await post(s.url, good)).status, 201);
  const after = await (await admin(s.url, '/v1/verify')).json();
  assert.deepEqual([after.ok, after.count], [true, 1]);
  assert.ok(s.proc.exitCode === null, 'the server process is alive');
  assert.doesNotMatch(s.output(), /error: /, 'no internal error was logged');
});
