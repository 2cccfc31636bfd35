// The command line (help, usage errors, verify, export, purge) and tamper evidence on SQLite.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { admin, cli, post, receipt, startInProcess, startServer, tempDir, tempSqlite } from './helpers.js';
import { open } from '../src/store/index.js';

/** A database with `n` receipts stored through a running server; returns them in order. */
async function filled(db, n) {
  const s = await startInProcess(db);
  const list = [];
  for (let i = 0; i < n; i++) {
    const r = receipt();
    assert.equal((await post(s.url, r)).status, 201);
    list.push(r);
  }
  await s.stop();
  return list;
}
const file = (db) => db.slice('sqlite:'.length);

test('--help and --version exit 0', async () => {
  const help = await cli(['--help']);
  assert.equal(help.code, 0);
  for (const word of ['serve', 'verify', 'export', 'purge', '--port', '--host', '--db', '--token', '--allow-origin', '--store-ip', '--store-user-agent', '--older-than', 'CONSENT_GATE_DB', '1825']) assert.ok(help.stdout.includes(word), word);
  const version = await cli(['--version']);
  assert.equal(version.code, 0);
  assert.match(version.stdout, /^\d+\.\d+\.\d+/);
});

test('usage errors exit 2 with a message', async () => {
  const cases = [
    [['--bogus'], /Unknown option/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [['serve', 'extra'], /unexpected argument/],
    [['--port', 'eighty'], /--port must be a whole number/],
    [['--port', '70000'], /--port must be a whole number/],
    [['--db', 'mysql://x'], /neither sqlite/],
    [['--allow-origin', 'ftp://example.com'], /--allow-origin/],
    [['--rate-limit', '-1'], /--rate-limit/],
    [['verify', '--port', '1'], /--port does not apply to verify/],
    [['export', '--format', 'xml'], /--format must be ndjson or csv/],
    [['export', '--from', 'last week'], /from must be a date/],
    [['purge', '--older-than', 'a year'], /--older-than must be a whole number/],
    [['--token'], /argument missing|requires|value/i],
  ];
  for (const [args, message] of cases) {
    const r = await cli(args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, message, args.join(' '));
    assert.match(r.stderr, /--help/);
  }
});

test('verify, export (ndjson, csv) and purge from the command line', async () => {
  const db = tempSqlite();
  const list = await filled(db, 4);
  const v = await cli(['verify', '--db', db]);
  assert.equal(v.code, 0, v.stderr);
  assert.match(v.stdout, /^ok: 4 receipts chained \(0 erased\), head seq 4 hash [0-9a-f]{64}/);
  const json = JSON.parse((await cli(['verify', '--db', db, '--json'])).stdout);
  assert.deepEqual([json.ok, json.count], [true, 4]);

  const nd = await cli(['export', '--db', db]);
  assert.equal(nd.code, 0);
  assert.deepEqual(
    nd.stdout.trim().split('\n').map((l) => JSON.parse(l).id),
    list.map((r) => r.id),
  );
  const out = join(tempDir(), 'export.csv');
  const today = new Date().toISOString().slice(0, 10);
  const csv = await cli(['export', '--db', db, '--from', today, '--to', today, '--format', 'csv', '--out', out]);
  assert.equal(csv.code, 0, csv.stderr);
  assert.match(csv.stderr, /exported 4 receipts/);
  const lines = readFileSync(out, 'utf8').trim().split('\r\n');
  assert.equal(lines.length, 5);
  assert.ok(lines[1].startsWith(`1,${list[0].id},`));
  assert.equal((await cli(['export', '--db', db, '--to', '2001-01-01'])).stdout, '');

  // Env instead of --db.
  assert.equal((await cli(['verify'], { CONSENT_GATE_DB: db })).code, 0);

  const purged = await cli(['purge', '--db', db]);
  assert.equal(purged.code, 0);
  assert.match(purged.stdout, /purged 0 receipts .* \(older than 1825 days\)/);
  const all = await cli(['purge', '--db', db, '--older-than', '0']);
  assert.match(all.stdout, /purged 4 receipts/);
  const after = JSON.parse((await cli(['verify', '--db', db, '--json'])).stdout);
  assert.deepEqual([after.ok, after.count, after.anchor.seq, after.head.seq], [true, 0, 4, 4]);
});

test('purge keeps the rest verifiable: the chain restarts from the last purged hash', async () => {
  const db = tempSqlite();
  const old = await filled(db, 3);
  await new Promise((r) => setTimeout(r, 20));
  const cut = new Date().toISOString();
  await new Promise((r) => setTimeout(r, 20));
  const kept = await filled(db, 2);
  const store = await open(db);
  assert.equal(await store.purge(cut), 3);
  const v = await store.verify();
  assert.deepEqual([v.ok, v.count, v.anchor.seq, v.head.seq], [true, 2, 3, 5]);
  assert.deepEqual(await store.lookup(old[0].id), []);
  assert.equal((await store.lookup(kept[0].id)).length, 1);
  assert.equal(await store.purge(cut), 0, 'nothing more to purge');
  await store.close();
  // Removing the first kept row by hand is not mistaken for a purge.
  const raw = new Database(file(db));
  raw.prepare('DELETE FROM consent_receipts WHERE seq = 4').run();
  raw.close();
  const broken = await cli(['verify', '--db', db]);
  assert.equal(broken.code, 1);
  assert.match(broken.stderr, /BROKEN at seq 4 \(consent id unknown\): row 4 is missing \(the next row is 5\)/);
});

test('editing a stored row by hand: verify (CLI and API) names its seq and consent id', async () => {
  const db = tempSqlite();
  const list = await filled(db, 6);
  const raw = new Database(file(db));
  // Turn a refusal into a grant, the way someone tidying up evidence would.
  const row = raw.prepare('SELECT record FROM consent_receipts WHERE seq = 3').get();
  raw.prepare('UPDATE consent_receipts SET record = ? WHERE seq = 3').run(row.record.replace('"analytics":true', '"analytics":false'));
  raw.close();

  const v = await cli(['verify', '--db', db]);
  assert.equal(v.code, 1);
  assert.match(v.stderr, new RegExp(`BROKEN at seq 3 \\(consent id ${list[2].id}\\): the record does not match its record_hash`));
  assert.match(v.stderr, /2 receipts before it verify/);

  const s = await startServer(db);
  const api = await (await admin(s.url, '/v1/verify')).json();
  assert.equal(api.ok, false);
  assert.deepEqual([api.break.seq, api.break.id, api.count], [3, list[2].id, 2]);
  // The server keeps taking receipts meanwhile.
  assert.equal((await post(s.url, receipt())).status, 201);
  await s.stop();
});

test('other tampering is named too: a column, a re-hashed row, a deleted row, a cut-off tail', async () => {
  const cases = [
    ['UPDATE consent_receipts SET consent_id = ? WHERE seq = 2', (list) => [list[0].id], 2, /consent_id, ts, received_at or rkey column/],
    ['UPDATE consent_receipts SET received_at = ? WHERE seq = 2', () => ['2020-01-01T00:00:00.000Z'], 2, /column does not match/],
    // Record and record_hash rewritten consistently: the row's own hash gives it away.
    [
      "UPDATE consent_receipts SET record = replace(record, '\"gpc\":false', '\"gpc\":true'), record_hash = ? WHERE seq = 2",
      (list, rec) => [sha(rec.replace('"gpc":false', '"gpc":true'))],
      2,
      /hash does not match/,
    ],
    ['DELETE FROM consent_receipts WHERE seq = 2', () => [], 2, /row 2 is missing/],
    ['DELETE FROM consent_receipts WHERE seq = 4', () => [], 4, /rows 4..4 are missing/],
    ['UPDATE consent_receipts SET record = NULL, consent_id = NULL, ts = NULL WHERE seq = 2', () => [], 2, /record is missing but the row is not marked erased/],
  ];
  for (const [sql, params, seq, reason] of cases) {
    const db = tempSqlite();
    const list = await filled(db, 4);
    const raw = new Database(file(db));
    const rec = raw.prepare('SELECT record FROM consent_receipts WHERE seq = 2').get().record;
    raw.prepare(sql).run(...params(list, rec));
    raw.close();
    const store = await open(db);
    const v = await store.verify();
    await store.close();
    assert.equal(v.ok, false, sql);
    assert.equal(v.break.seq, seq, sql);
    assert.match(v.break.reason, reason, sql);
  }
});

import { createHash } from 'node:crypto';
function sha(s) {
  return createHash('sha256').update(s).digest('hex');
}
