// @ts-check
// The command line from the outside: usage errors exit 2 with a message and no stack trace.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCommandLine } from '../lib/cli.js';
import { loadCatalogue } from '../lib/catalogue.js';
import { findChromium } from '../lib/browser.js';
import { UsageError } from '../lib/errors.js';

const BIN = fileURLToPath(new URL('../bin/consent-gate-scan.js', import.meta.url));
/** @param {string[]} args @param {NodeJS.ProcessEnv} [env] */
const run = (args, env = {}) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });

test('--help prints the usage and exits 0', () => {
  const result = run(['--help']);
  assert.equal(result.status, 0);
  assert.match(result.stdout, /^Usage: consent-gate-scan <url> --out <dir>/);
  assert.match(result.stdout, /--fail-on-violation/);
});

for (const [args, message] of /** @type {[string[], RegExp][]} */ ([
  [[], /which site\? Give the URL to scan/],
  [['https://shop.example'], /--out <dir> is required/],
  [['shop.example', '--out', 'x'], /"shop\.example" is not a URL; give it with its scheme, e\.g\. https:\/\/shop\.example/],
  [['ftp://shop.example', '--out', 'x'], /must be http or https, not ftp/],
  [['https://a.example', 'https://b.example', '--out', 'x'], /one URL per scan/],
  [['https://shop.example', '--out', 'x', '--pages', '0'], /--pages must be a whole number from 1 to 10000, not "0"/],
  [['https://shop.example', '--out', 'x', '--pages', 'many'], /--pages must be a whole number/],
  [['https://shop.example', '--out', 'x', '--timeout=-3'], /--timeout must be a number from 1 to 600, not "-3"/],
  [['https://shop.example', '--out', 'x', '--concurrency', '9'], /--concurrency must be a whole number from 1 to 8/],
  [['https://shop.example', '--out', 'x', '--colour'], /Unknown option '--colour'/],
  [['https://shop.example', '--out'], /--out/],
])) {
  test(`usage error: ${args.join(' ') || '(no arguments)'}`, () => {
    const result = run(args);
    assert.equal(result.status, 2, result.stderr);
    assert.match(result.stderr, message);
    assert.match(result.stderr, /--help for usage/);
    assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
  });
}

test('a CHROMIUM_PATH that does not exist is named, exit 2, and nothing is written', () => {
  const out = join(tmpdir(), `consent-gate-scan-no-browser-${process.pid}`);
  const result = run(['http://127.0.0.1:9/', '--out', out], { CHROMIUM_PATH: '/nowhere/chromium' });
  assert.equal(result.status, 2, result.stderr);
  assert.match(result.stderr, /CHROMIUM_PATH is \/nowhere\/chromium, which does not exist/);
  assert.doesNotMatch(result.stderr, /\n\s+at /);
  assert.equal(existsSync(out), false);
});

test('the browser is CHROMIUM_PATH, else Debian’s /usr/bin/chromium', { skip: !existsSync('/usr/bin/chromium') && 'no /usr/bin/chromium here' }, () => {
  assert.equal(findChromium({ CHROMIUM_PATH: process.execPath }), process.execPath);
  assert.equal(findChromium({}), '/usr/bin/chromium');
});

test('without a build, the scanner says to run npm run build at the repository root', async () => {
  await assert.rejects(loadCatalogue(new URL('file:///nowhere/dist/catalogue.js')), (error) => error instanceof UsageError && /run npm run build at the repository root/.test(error.message));
});

test('the parsed options and their defaults', () => {
  assert.deepEqual(parseCommandLine(['https://shop.example', '--out', 'r']), { help: false, url: 'https://shop.example/', out: 'r', pages: 20, failOnViolation: false, timeoutSeconds: 20, concurrency: 2 });
  assert.deepEqual(parseCommandLine(['--out=r', 'http://127.0.0.1:8080/x', '--pages', '5', '--fail-on-violation', '--timeout', '2.5', '--concurrency', '1']), {
    help: false,
    url: 'http://127.0.0.1:8080/x',
    out: 'r',
    pages: 5,
    failOnViolation: true,
    timeoutSeconds: 2.5,
    concurrency: 1,
  });
});
