#!/usr/bin/env node
// Ingest benchmark: receipts stored per second and latency (p50, p99), SQLite and PostgreSQL,
// on this machine. Each request is a new receipt (fresh consent id), so every 2xx is a row
// written and committed (SQLite: fsync'd WAL; PostgreSQL: flushed WAL) before the answer.
// Bounded: a warm-up and a fixed duration per database. Budget (DESIGN.md §5): >= 2,000/s, p99 <= 50 ms.
//
//   node server/bench/run.mjs [--duration 10] [--connections 50] [--only sqlite|postgres]
import autocannon from 'autocannon';
import { parseArgs } from 'node:util';
import { availableParallelism, cpus } from 'node:os';
import { admin, receipt, startPostgres, startServer, tempSqlite, ORIGIN } from '../test/helpers.js';

const { values } = parseArgs({
  options: { duration: { type: 'string', default: '10' }, connections: { type: 'string', default: '50' }, only: { type: 'string' } },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const BUDGET = { rate: 2000, p99: 50 };

/** @param {string} url @param {number} seconds */
function run(url, seconds) {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        duration: seconds,
        requests: [
          {
            method: 'POST',
            path: '/v1/receipts',
            headers: { origin: ORIGIN, 'content-type': 'text/plain;charset=UTF-8' },
            setupRequest: (req) => ({ ...req, body: JSON.stringify(receipt()) }),
          },
        ],
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
    instance.on('error', reject);
  });
}

/** @param {string} label @param {string} db */
async function bench(label, db) {
  const s = await startServer(db, ['--quiet']);
  try {
    await run(s.url, 2); // warm-up: JIT, connection pool, page cache
    const before = (await (await admin(s.url, '/v1/verify')).json()).count;
    const r = await run(s.url, duration);
    const v = await (await admin(s.url, '/v1/verify')).json();
    const stored = v.count - before;
    const ok2xx = r['2xx'];
    return {
      label,
      stored,
      rate: Math.round(stored / duration),
      p50: r.latency.p50,
      p99: r.latency.p99,
      max: r.latency.max,
      non2xx: r.non2xx,
      errors: r.errors + r.timeouts,
      acknowledged: ok2xx,
      verify: v.ok,
    };
  } finally {
    await s.stop();
  }
}

const results = [];
if (values.only != 'postgres') results.push(await bench('SQLite (WAL, synchronous=FULL)', tempSqlite()));
if (values.only != 'sqlite') {
  const cluster = await startPostgres();
  try {
    results.push(await bench('PostgreSQL 15 (synchronous_commit=on)', await cluster.createDb('bench')));
  } finally {
    cluster.destroy();
  }
}

console.log(`\nconsent log ingest: ${duration} s per database, ${connections} connections, ${availableParallelism()} cores (${cpus()[0]?.model.trim()}), Node ${process.version}\n`);
console.log('| database | receipts stored/s | p50 ms | p99 ms | max ms | non-2xx | errors | verify |');
console.log('|---|---|---|---|---|---|---|---|');
for (const r of results) console.log(`| ${r.label} | ${r.rate} | ${r.p50} | ${r.p99} | ${r.max} | ${r.non2xx} | ${r.errors} | ${r.verify ? 'ok' : 'BROKEN'} |`);
let pass = true;
for (const r of results) {
  const ok = r.rate >= BUDGET.rate && r.p99 <= BUDGET.p99 && r.verify && r.acknowledged <= r.stored;
  pass &&= ok;
  console.log(`${ok ? 'ok  ' : 'MISS'} ${r.label}: ${r.rate}/s (budget >= ${BUDGET.rate}), p99 ${r.p99} ms (budget <= ${BUDGET.p99}); ${r.acknowledged} acknowledged, ${r.stored} stored`);
}
process.exitCode = pass ? 0 : 1;
