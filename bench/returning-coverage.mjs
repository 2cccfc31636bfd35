#!/usr/bin/env node
// What of the engine a returning visit runs, `npm run bench:coverage`: bench/pages/consent-gate.html,
// Accept, then a reload with the choice stored, under V8's precise block coverage in Debian's
// Chromium. Splits the minified text of dist/consent-gate.js into what ran and what did not, gives
// gzip -9 of each part alone, and attributes both to source modules by the source map. The code that
// ran is a floor for the bytes a returning visit needs from this engine design: a file holding only
// it would weigh about its gzip figure.
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { startServer } from './server.mjs';
import { parseSourceMap, sourceAt } from './sourcemap.mjs';
import { ENGINE, LAUNCH_ARGS, ROOT, chromiumPath, keepOffline, requireBuiltEngine } from './browser.mjs';

requireBuiltEngine();
const code = readFileSync(ENGINE, 'utf8');
const sourceMap = parseSourceMap(readFileSync(`${ENGINE}.map`, 'utf8'));

const server = await startServer({ root: ROOT, port: 0 });
const browser = await chromium.launch({ executablePath: chromiumPath(), args: LAUNCH_ARGS });
const context = await browser.newContext();
await keepOffline(context);
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await page.goto(`http://localhost:${server.port}/bench/pages/consent-gate.html`, { waitUntil: 'load' });
await page.waitForFunction(() => !!window.ConsentGate?.instance);
await page.evaluate(() => window.ConsentGate.instance.acceptAll());
await cdp.send('Profiler.startPreciseCoverage', { callCount: false, detailed: true });
await page.reload({ waitUntil: 'load' });
await page.waitForFunction(() => window.__gtagLoads === 1);
await page.waitForTimeout(500);
const { result } = await cdp.send('Profiler.takePreciseCoverage');
await browser.close();
await server.close();

const script = result.find((entry) => entry.url.endsWith('/dist/consent-gate.js'));
if (!script) throw new Error('no coverage for dist/consent-gate.js: was it loaded?');
// Ranges nest, outer first: painting them in start order (longer first on ties) leaves each
// character with the count of the innermost range that covers it.
const ran = new Uint8Array(code.length);
const ranges = script.functions.flatMap((fn) => fn.ranges).sort((a, b) => a.startOffset - b.startOffset || b.endOffset - a.endOffset);
for (const range of ranges) ran.fill(range.count > 0 ? 1 : 0, range.startOffset, range.endOffset);

// Offsets to generated line and column, for the source map.
const lineStarts = [0];
for (let index = 0; index < code.length; index++) if (code[index] === '\n') lineStarts.push(index + 1);
let line = 0;
const bySource = new Map();
const parts = { ran: [], idle: [] };
for (let offset = 0; offset < code.length; offset++) {
  while (line + 1 < lineStarts.length && lineStarts[line + 1] <= offset) line++;
  const source = sourceAt(sourceMap, line, offset - lineStarts[line]);
  const name = source < 0 ? '(bundle glue)' : sourceMap.sources[source].replace(/^(\.\.\/)+/, '');
  const counts = bySource.get(name) || { ran: 0, idle: 0 };
  counts[ran[offset] ? 'ran' : 'idle']++;
  bySource.set(name, counts);
  parts[ran[offset] ? 'ran' : 'idle'].push(code[offset]);
}
const gzip = (text) => gzipSync(text, { level: 9 }).length;
const ranText = parts.ran.join('');
const idleText = parts.idle.join('');
console.log(`dist/consent-gate.js on a returning visit (Accept, reload): ${code.length} minified characters, ${gzip(code)} B gzip`);
console.log(`- ran:     ${ranText.length} characters (${((100 * ranText.length) / code.length).toFixed(0)}%), ${gzip(ranText)} B gzip alone`);
console.log(`- did not: ${idleText.length} characters, ${gzip(idleText)} B gzip alone\n`);
console.log('| source | ran (chars) | did not run (chars) |\n|---|---:|---:|');
for (const [name, counts] of [...bySource].sort((a, b) => b[1].ran + b[1].idle - (a[1].ran + a[1].idle)))
  console.log(`| ${name} | ${counts.ran} | ${counts.idle} |`);
