// PostgreSQL: a real throwaway cluster (Debian's server, started as the postgres user).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { admin, burst, exportedIds, killTest, post, receipt, startPostgres, startServer } from './helpers.js';

/** @type {Awaited<ReturnType<typeof startPostgres>>} */
let cluster;
before(async () => {
  cluster = await startPostgres();
});
after(() => cluster?.destroy());

test('PostgreSQL: tables created on start; ingest, idempotence, lookup, erasure, verify; a hand-edited row is named', async () => {
  const db = await cluster.createDb('basic');
  const s = await startServer(db);
  assert.match(s.output(), /database: postgres:\/\/postgres@127\.0\.0\.1/);
  assert.equal((await fetch(`${s.url}/health`)).status, 200);
  const r = receipt();
  assert.equal((await post(s.url, r)).status, 201);
  assert.equal((await post(s.url, r)).status, 200);
  const list = [receipt(), receipt(), receipt()];
  for (const x of list) assert.equal((await post(s.url, x)).status, 201);
  const got = await (await admin(s.url, `/v1/receipts/${r.id}`)).json();
  assert.equal(got.receipts.length, 1);
  assert.equal(got.receipts[0].method, 'accept_all');

  assert.equal((await admin(s.url, `/v1/receipts/${list[0].id}`, { method: 'DELETE' })).status, 200);
  let v = await (await admin(s.url, '/v1/verify')).json();
  assert.deepEqual([v.ok, v.count, v.erased], [true, 4, 1]);

  await cluster.sql(db, `UPDATE consent_receipts SET record = replace(record, '"method":"accept_all"', '"method":"reject_all"') WHERE seq = 3`);
  v = await (await admin(s.url, '/v1/verify')).json();
  assert.equal(v.ok, false);
  assert.deepEqual([v.break.seq, v.break.id], [3, list[1].id]);
  await s.stop();
});

test('PostgreSQL: kill -9 right after a burst of 2xx answers, and in the middle of one: nothing acknowledged is lost', async () => {
  await killTest(await cluster.createDb('killed'));
});

test('two instances on one PostgreSQL under concurrent load: every receipt stored once, the chain linear and verified', async () => {
  const db = await cluster.createDb('shared');
  const [a, b] = await Promise.all([startServer(db), startServer(db)]);
  const receipts = Array.from({ length: 1500 }, () => receipt());
  /** Send each receipt to one instance, a third of them to both (a browser retrying elsewhere). */
  const statuses = { 200: 0, 201: 0 };
  let next = 0;
  const worker = async () => {
    while (next < receipts.length) {
      const i = next++;
      const targets = i % 3 == 0 ? [a, b] : [i % 2 ? a : b];
      const answers = await Promise.all(targets.map((t) => post(t.url, receipts[i])));
      for (const res of answers) {
        assert.ok(res.status == 201 || res.status == 200, String(res.status));
        statuses[res.status]++;
        await res.arrayBuffer();
      }
    }
  };
  await Promise.all(Array.from({ length: 40 }, worker));
  assert.equal(statuses[201], receipts.length, 'each receipt answered 201 exactly once');
  assert.equal(statuses[200], receipts.length / 3);

  const rows = await cluster.sql(db, 'SELECT count(*)::int AS n, count(DISTINCT rkey)::int AS keys, min(seq)::int AS lo, max(seq)::int AS hi FROM consent_receipts');
  assert.deepEqual(rows[0], { n: 1500, keys: 1500, lo: 1, hi: 1500 });
  const ids = await exportedIds(a.url);
  assert.equal(ids.size, 1500);
  for (const s of [a, b]) {
    const v = await (await admin(s.url, '/v1/verify')).json();
    assert.deepEqual([v.ok, v.count], [true, 1500]);
  }
  await Promise.all([a.stop(), b.stop()]);
});

test('PostgreSQL stopped and started under load: 503s meanwhile, recovery without a restart, no acknowledged receipt lost', async () => {
  const db = await cluster.createDb('outage');
  const s = await startServer(db);
  const pid = s.proc.pid;
  /** @type {string[]} */
  const acked = [];
  const seen = { 503: 0, other: 0 };
  let running = true;
  const worker = async () => {
    while (running) {
      const r = receipt();
      try {
        const res = await post(s.url, r);
        await res.arrayBuffer();
        if (res.ok) acked.push(r.id);
        else if (res.status == 503) seen[503]++;
        else seen.other++;
      } catch {
        seen.other++;
      }
      // A 503 means the database is down: do not spin.
      if (seen[503]) await new Promise((r) => setTimeout(r, 5));
    }
  };
  const load = Promise.all(Array.from({ length: 20 }, worker));
  await new Promise((r) => setTimeout(r, 800));
  const beforeOutage = acked.length;
  assert.ok(beforeOutage > 50, `${beforeOutage} stored before the outage`);

  cluster.stop();
  await new Promise((r) => setTimeout(r, 300));
  const health = await fetch(`${s.url}/health`);
  assert.equal(health.status, 503);
  const during = acked.length;
  await new Promise((r) => setTimeout(r, 1200));
  assert.equal(acked.length, during, 'nothing is acknowledged while the database is down');
  assert.ok(seen[503] > 0, 'receipts were answered 503');

  cluster.start();
  const t0 = Date.now();
  while ((await fetch(`${s.url}/health`)).status != 200) {
    assert.ok(Date.now() - t0 < 15_000, 'the server recovers by itself');
    await new Promise((r) => setTimeout(r, 100));
  }
  const recovered = acked.length;
  await new Promise((r) => setTimeout(r, 800));
  running = false;
  await load;
  assert.ok(acked.length > recovered + 50, `${acked.length - recovered} stored after recovery`);
  assert.equal(seen.other, 0, 'only 2xx and 503, no dropped connection');
  assert.equal(s.proc.exitCode, null);
  assert.equal(s.proc.pid, pid);

  const ids = await exportedIds(s.url);
  const lost = acked.filter((id) => !ids.has(id));
  assert.deepEqual(lost, [], `${lost.length} acknowledged receipts lost`);
  const v = await (await admin(s.url, '/v1/verify')).json();
  assert.equal(v.ok, true, JSON.stringify(v));
  assert.match(s.output(), /database unavailable/);
  assert.match(s.output(), /database is back/);
  await s.stop();
});

test('a server started while PostgreSQL is down answers 503, then creates its tables once it is up', async () => {
  const db = await cluster.createDb('late');
  cluster.stop();
  try {
    const s = await startServer(db);
    assert.equal((await fetch(`${s.url}/health`)).status, 503);
    assert.equal((await post(s.url, receipt())).status, 503);
    cluster.start();
    const t0 = Date.now();
    let res;
    while ((res = await post(s.url, receipt())).status != 201) {
      assert.equal(res.status, 503);
      assert.ok(Date.now() - t0 < 20_000, 'stores once the database is up');
      await new Promise((r) => setTimeout(r, 200));
    }
    await s.stop();
  } finally {
    try {
      cluster.start();
    } catch {
      /* already running */
    }
  }
});

test('burst helper sanity on PostgreSQL: many small concurrent receipts group-commit', async () => {
  const db = await cluster.createDb('groups');
  const s = await startServer(db);
  const acked = await burst(s.url, 1000, 100);
  assert.equal(acked.length, 1000);
  // Fewer transactions than receipts: batching happened.
  const [{ xact }] = await cluster.sql(db, "SELECT xact_commit::int AS xact FROM pg_stat_database WHERE datname = 'groups'");
  assert.ok(xact < 1000, `${xact} commits for 1000 receipts`);
  await s.stop();
});
