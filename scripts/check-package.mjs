#!/usr/bin/env node
// Checks the package as npm would publish it: publint, are-the-types-wrong, and a clean
// import of both entries in Node (ESM) with no DOM, from a scratch project.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
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
  // Auto-blocking's npm entry: importing it touches nothing; its rules are pure and run in Node.
  const autoBlock = `
    import { startAutoBlock, compileRules } from 'consent-gate/auto-block';
    if (typeof window !== 'undefined' || typeof document !== 'undefined') throw new Error('a DOM global leaked');
    const rules = compileRules({ categories: { analytics: {} }, services: { hj: { category: 'analytics', hosts: ['hotjar.com'] } } }, {}, console.warn);
    if (typeof startAutoBlock !== 'function' || rules.ownerOf(new URL('https://static.hotjar.com/c/x.js')) !== 'hj') throw new Error('consent-gate/auto-block broken in Node');
    console.log('node import ok: consent-gate/auto-block, no DOM touched');
  `;
  run('node', ['--input-type=module', '-e', autoBlock], { cwd: app });
  // The framework bindings, with their peers as an app that installed them has them (linked from
  // this repository's node_modules): server rendering in Node gives the "undecided" state.
  for (const peer of ['react', 'react-dom', 'vue']) symlinkSync(join(root, 'node_modules', peer), join(app, 'node_modules', peer));
  const frameworks = `
    import { createElement } from 'react';
    import { renderToString } from 'react-dom/server';
    import { createSSRApp, h } from 'vue';
    import { renderToString as renderVue } from 'vue/server-renderer';
    import { createConsent } from 'consent-gate';
    import * as react from 'consent-gate/react';
    import * as vue from 'consent-gate/vue';
    import { consentStore, undecidedSnapshot } from 'consent-gate/store';
    const config = { categories: { necessary: { required: true }, analytics: {} } };
    const html = renderToString(createElement(react.ConsentProvider, { config, create: createConsent }, createElement(react.Consent, { category: 'analytics', fallback: 'analytics off' }, 'analytics on')));
    if (html !== 'analytics off') throw new Error('consent-gate/react rendered ' + html);
    const app = createSSRApp({ render: () => h(vue.Consent, { category: 'analytics' }, { default: () => 'analytics on', fallback: () => 'analytics off' }) });
    const vueHtml = await renderVue(app.use(vue.ConsentPlugin, { config, create: createConsent }));
    if (vueHtml.replace(/<!--[^>]*-->/g, '') !== 'analytics off') throw new Error('consent-gate/vue rendered ' + vueHtml);
    const instance = createConsent(config);
    const seen = [];
    consentStore(instance).subscribe((state) => seen.push(state.categories.analytics));
    instance.acceptAll();
    if (seen.join() !== 'false,true' || undecidedSnapshot(config).categories.necessary !== true) throw new Error('consent-gate/store broken in Node: ' + seen);
    if (typeof window !== 'undefined' || typeof document !== 'undefined') throw new Error('a DOM global leaked');
    console.log('node import ok: consent-gate/react, consent-gate/vue and consent-gate/store render "undecided" on the server');
  `;
  run('node', ['--input-type=module', '-e', frameworks], { cwd: app });
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
