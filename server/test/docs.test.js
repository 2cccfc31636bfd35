// docs/consent-log.md: every command it shows uses options the CLI has, and every option
// the CLI has is in its table. (The page's browser-side config is the SDK's, tested there.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { cli } from './helpers.js';

const DOC = readFileSync(new URL('../../docs/consent-log.md', import.meta.url), 'utf8');

test('the commands in docs/consent-log.md use real options; the option table lists every serve option', async () => {
  const help = (await cli(['--help'])).stdout;
  const known = new Set([...help.matchAll(/--[a-z-]+/g)].map((m) => m[0]));
  const blocks = [...DOC.matchAll(/```sh\n([\s\S]*?)\n```/g)].map((m) => m[1]);
  assert.ok(blocks.length >= 4);
  let commands = 0;
  for (const block of blocks) {
    for (const line of block.split('\n').filter((l) => l.includes('consent-gate-server'))) {
      commands++;
      for (const [flag] of line.replace(/#.*$/, '').matchAll(/--[a-z-]+/g)) assert.ok(known.has(flag), `${flag} in: ${line}`);
      const sub = /consent-gate-server\s+(\w+)/.exec(line)?.[1];
      if (sub) assert.ok(['verify', 'export', 'purge', 'serve'].includes(sub), line);
    }
  }
  assert.ok(commands >= 5);
  const serveOptions = help.slice(help.indexOf('serve options:'), help.indexOf('verify:')).match(/--[a-z-]+/g);
  for (const flag of new Set(serveOptions)) assert.ok(DOC.includes(`| \`${flag}`), `${flag} is in the option table`);
  // The default retention the docs state is the CLI's.
  assert.match(help, /default 1825/);
  assert.match(DOC, /1,825 days/);
});
