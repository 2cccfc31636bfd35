#!/usr/bin/env node
// Checks the package as npm would publish it: publint, are-the-types-wrong, and a clean
// import of both entries in Node (ESM) with no DOM, from a scratch project.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { stdio: 'inherit', ...opts });
const root = resolve('.');
const scratch = mkdtempSync(join(tmpdir(), 'consent-gate-pack-'));
try {
  const out = execFileSync('npm', ['pack', '--silent', '--pack-destination', scratch], { encoding: 'utf8' }).trim().split('\n').pop();
  const tarball = join(scratch, out);
  run('npx', ['--no-install', 'publint', '--strict', tarball]);
  run('npx', ['--no-install', 'attw', '--pack', root, '--profile', 'esm-only', '--format', 'ascii']);
  const app = join(scratch, 'app');
  run('mkdir', ['-p', app]);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  run('npm', ['install', '--silent', '--no-audit', '--no-fund', '--offline', tarball], { cwd: app });
  const probe = `
    import * as full from 'consent-gate';
    import * as core from 'consent-gate/core';
    if (typeof window !== 'undefined' || typeof document !== 'undefined') throw new Error('a DOM global leaked');
    const c = core.createConsent({ categories: { necessary: { required: true }, analytics: {} } });
    c.acceptAll();
    if (!c.has('analytics') || typeof full.createConsent !== 'function') throw new Error('API broken in Node');
    console.log('node import ok: consent-gate and consent-gate/core, no DOM touched');
  `;
  run('node', ['--input-type=module', '-e', probe], { cwd: app });
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
