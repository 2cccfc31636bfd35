#!/usr/bin/env node
// How small a returning visitor's engine can get by leaving parts out of it, `npm run bench:floor`.
// Builds the engine as rollup.config.ts does, then again with more and more of it replaced by stubs
// (bench/engine-floor.config.ts says what each stub leaves out), and weighs each build (gzip -9, as
// `npm run bench` weighs what a page fetched) against the returning-visit budget: half of the bytes
// of vanilla-cookieconsent's files on its bench page. Stubbing a part removes it with everything
// only it imports, so each step is a floor for a design that moves that part out of the script tag:
// such a design still needs a loader and a hand-over on top. `--profile N` also times the builds
// that still store a choice (the later stubs break the bench page's Accept or its cookie) with
// `npm run bench:profile -- N --against`, one interleaved run each against today's engine.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { ROOT } from './browser.mjs';

/** Each step adds its stubs to the ones before; `profiled`: the bench page's Accept and reload still work. */
const LADDER = [
  { name: 'engine', stubs: [], says: 'the engine as built today', profiled: false },
  { name: 'no-validation', stubs: ['validation'], says: 'config read without checks or messages', profiled: true },
  { name: 'no-receipts', stubs: ['validation', 'receipts'], says: 'and no receipts, outbox, carry-over or id', profiled: true },
  { name: 'no-banner', stubs: ['validation', 'receipts', 'banner'], says: 'and no banner (its stylesheet and focus rules)', profiled: false },
  { name: 'no-consent-mode', stubs: ['validation', 'receipts', 'banner', 'consent-mode'], says: 'and no Google Consent Mode', profiled: false },
  {
    name: 'no-js-cookie',
    stubs: ['validation', 'receipts', 'banner', 'consent-mode', 'js-cookie'],
    says: 'and a cookie read instead of js-cookie',
    profiled: false,
  },
];

const profileIndex = process.argv.indexOf('--profile');
const profileRounds = profileIndex > 0 ? Number(process.argv[profileIndex + 1]) || 20 : 0;

const gzip = (path) => gzipSync(readFileSync(path), { level: 9 }).length;
const vanillaPage = readFileSync(`${ROOT}bench/pages/vanilla-cookieconsent.html`, 'utf8');
const vanillaFiles = [...vanillaPage.matchAll(/(?:src|href)="\/(node_modules\/vanilla-cookieconsent\/[^"]+)"/g)].map((match) => match[1]);
const vanillaBytes = vanillaFiles.reduce((sum, file) => sum + gzip(`${ROOT}${file}`), 0);
const budget = vanillaBytes / 2;

const rows = [];
for (const step of LADDER) {
  process.stderr.write(`bench:floor: building ${step.name}\n`);
  execFileSync('npx', ['rollup', '-c', 'bench/engine-floor.config.ts', '--configPlugin', 'typescript', '--silent'], {
    cwd: ROOT,
    env: { ...process.env, FLOOR_NAME: step.name, FLOOR_STUBS: step.stubs.join(',') },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const file = `bench/results/floor-${step.name}.js`;
  const row = { ...step, file, bytes: gzip(`${ROOT}${file}`) };
  if (profileRounds && step.profiled) {
    const out = execFileSync('node', ['bench/visit-profile.mjs', String(profileRounds), '--against', file], { cwd: ROOT, encoding: 'utf8' });
    const totals = [...out.matchAll(/^## (.+): ([\d.]+) ms \(median total\)$/gm)].map((match) => Number(match[2]));
    row.time = { engine: totals[0], stubbed: totals[1] };
  }
  rows.push(row);
}

const kb = (bytes) => `${(bytes / 1000).toFixed(2)} KB`;
console.log(`Returning-visit budget: half of vanilla-cookieconsent's ${kb(vanillaBytes)} (${vanillaFiles.join(', ')}) = ${kb(budget)} gzip -9.\n`);
console.log(`| build | what is left out | gzip | × vanilla | budget |${profileRounds ? ' JS time, today → this build |' : ''}`);
console.log(`|---|---|---:|---:|---|${profileRounds ? '---:|' : ''}`);
for (const row of rows) {
  const time = row.time ? ` ${row.time.engine.toFixed(2)} → ${row.time.stubbed.toFixed(2)} ms |` : profileRounds ? ' |' : '';
  console.log(
    `| ${row.name} | ${row.says} | ${kb(row.bytes)} | ${(row.bytes / vanillaBytes).toFixed(2)}× | ${row.bytes <= budget ? 'met' : `missed by ${kb(row.bytes - budget)}`} |${time}`,
  );
}
if (profileRounds)
  console.log(`\nJS time: medians of ${profileRounds} interleaved returning visits per row (npm run bench:profile -- ${profileRounds} --against <build>).`);
