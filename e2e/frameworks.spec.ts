import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type InlineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { compileScript, parse as parseVueFile } from 'vue/compiler-sfc';
import { createElement } from 'react';
import { renderToString as renderReact } from 'react-dom/server';
import { renderToString as renderVue } from 'vue/server-renderer';
import { App as ReactApp, Mismatch as ReactMismatch } from './frameworks/react-app';
import { createMismatchApp, createVueApp } from './frameworks/vue-app';
import { FRAMEWORK_SAMPLES, NEXT_SAMPLE_FILES } from './frameworks/samples';
import { PORT } from '../playwright.config';

/**
 * The framework bindings with the real frameworks, in Chromium: React 19 and Vue rendered on
 * the server (here, in Node) and hydrated in the browser; every sample of docs/frameworks.md
 * built with Vite and run; the bundle checks of consent-gate/react. Everything uses the built
 * package in dist/ (`npm run build` first). The apps are built once, at the start of this file.
 */

test.describe.configure({ mode: 'default' });

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DIST = join(ROOT, 'dist');
const WORK = join(ROOT, 'test-results', `frameworks-${PORT}`);

// ---------- the samples of docs/frameworks.md

interface Sample {
  id: string;
  lang: string;
  code: string;
}
const DOC = readFileSync(join(ROOT, 'docs/frameworks.md'), 'utf8');
const SAMPLES: Sample[] = [...DOC.matchAll(/<!-- sample: ([\w-]+) -->\n```(\w+)\n([\s\S]*?)\n```/g)].map((m) => ({ id: m[1]!, lang: m[2]!, code: m[3]! }));
const sample = (id: string): string => {
  const found = SAMPLES.find((s) => s.id === id);
  if (!found) throw new Error(`docs/frameworks.md has no sample "${id}"`);
  return found.code;
};

/** The files the sample apps are made of: the samples as they are, and a few lines that mount them. */
function sampleSources(): { [path: string]: string } {
  const ownBannerConfig = `{ revision: 'docs', categories: { necessary: { required: true }, analytics: {} } }`;
  return {
    'react/main.jsx': sample('react-app'),
    'react/analytics.jsx': sample('react-consent-script'),
    'react/analytics-main.jsx': `import { createRoot } from 'react-dom/client';
import { createConsent } from 'consent-gate';
import { ConsentProvider } from 'consent-gate/react';
import { Analytics } from './analytics.jsx';
const config = { revision: 'docs', categories: { necessary: { required: true }, analytics: {} } };
createRoot(document.getElementById('root')).render(<ConsentProvider config={config} create={createConsent}><Analytics /><Analytics /></ConsentProvider>);`,
    'react/consent.jsx': sample('react-own-banner'),
    'react/own-banner-main.jsx': `import { createRoot } from 'react-dom/client';
import { Consent } from 'consent-gate/react';
import { Providers } from './consent.jsx';
createRoot(document.getElementById('root')).render(
  <Providers config={${ownBannerConfig}}>
    <Consent category="analytics" fallback={<p>Analytics is off.</p>}><p>Analytics chart</p></Consent>
  </Providers>,
);`,
    'vue/main.js': sample('vue-main'),
    'vue/App.vue': sample('vue-component'),
    'svelte/consent.js': sample('svelte-consent'),
    'svelte/ProductTour.svelte': sample('svelte-component'),
    'svelte/main.js': `import { mount } from 'svelte';
import ProductTour from './ProductTour.svelte';
mount(ProductTour, { target: document.getElementById('root') });`,
    // The samples are plain JSX for React; the repository's own tsconfig compiles JSX for Preact.
    'tsconfig.json': JSON.stringify({ compilerOptions: { jsx: 'react-jsx', jsxImportSource: 'react' } }),
  };
}

// ---------- building with Vite

/** `consent-gate` and its subpaths as an app that installed the package gets them: the files in dist/. */
const packageAliases = [
  { find: /^consent-gate$/, replacement: join(DIST, 'index.js') },
  { find: /^consent-gate\/(core|react|vue|store)$/, replacement: join(DIST, '$1.js') },
];

/** Single-file Vue components, compiled with Vue's own compiler-sfc (`<script setup>` and template). */
const vueFiles = (): Plugin => ({
  name: 'vue-files',
  transform(code, id) {
    if (!id.endsWith('.vue')) return null;
    const { descriptor } = parseVueFile(code, { filename: id });
    return { code: compileScript(descriptor, { id: String(id.length), inlineTemplate: true }).content, map: null };
  },
});

async function viteBuild(name: string, root: string, input: { [entry: string]: string }, mode: 'development' | 'production'): Promise<string> {
  const outDir = join(WORK, name);
  const config: InlineConfig = {
    configFile: false,
    root,
    base: `/__frameworks/${name}/`,
    logLevel: 'warn',
    mode,
    resolve: { alias: packageAliases },
    plugins: [react(), svelte(), vueFiles()],
    define: {
      'process.env.NODE_ENV': JSON.stringify(mode),
      __VUE_OPTIONS_API__: 'true',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
    build: {
      outDir,
      emptyOutDir: true,
      minify: mode === 'production',
      reportCompressedSize: false,
      rollupOptions: { input, output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' } },
    },
  };
  await build(config);
  return outDir;
}

/** Every file under a directory, as one text (what a bundle check searches). */
const allText = (dir: string): string =>
  readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => statSync(join(dir, f)).isFile())
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');

/** Preact's signature in a bundle: its mangled internal properties (`_children`, `_dom`), which React and Vue do not have. */
const hasPreact = (code: string) => /\.__k\b/.test(code) && /\.__e\b/.test(code);

const built = { fixtures: '', reactCore: '', reactFull: '' };

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const started = Date.now();
  rmSync(WORK, { recursive: true, force: true });
  const samples = join(WORK, 'samples');
  for (const [path, code] of Object.entries(sampleSources())) {
    mkdirSync(dirname(join(samples, path)), { recursive: true });
    writeFileSync(join(samples, path), code);
  }
  // Development builds where the test reads the frameworks' warnings (hydration mismatches are
  // only described in development); production builds where the test checks what ships.
  built.fixtures = await viteBuild(
    'fixtures',
    ROOT,
    {
      'react-client': join(ROOT, 'e2e/frameworks/react-client.tsx'),
      'vue-client': join(ROOT, 'e2e/frameworks/vue-client.ts'),
      'vue-sample': join(samples, 'vue/main.js'),
      'svelte-sample': join(samples, 'svelte/main.js'),
      'react-script-sample': join(samples, 'react/analytics-main.jsx'),
    },
    'development',
  );
  built.reactCore = await viteBuild('react-core', samples, { 'own-banner': join(samples, 'react/own-banner-main.jsx') }, 'production');
  built.reactFull = await viteBuild('react-full', samples, { main: join(samples, 'react/main.jsx') }, 'production');
  console.log(`frameworks: Vite builds took ${((Date.now() - started) / 1000).toFixed(1)} s`);
});

// ---------- serving

const TYPES: { [ext: string]: string } = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html' };

/** Serve the builds under /__frameworks/<build>/ and one HTML page at /__frameworks/page.html; returns the page's HTML. */
async function open(page: Page, body: string, script: string): Promise<string> {
  const html = `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>consent-gate frameworks</title></head>\n<body>${body}<script type="module" src="/__frameworks/${script}"></script></body>\n</html>`;
  await page.route(
    (url) => url.hostname === 'localhost' && url.pathname.startsWith('/__frameworks/'),
    (route) => {
      const path = new URL(route.request().url()).pathname.slice('/__frameworks/'.length);
      if (path === 'page.html') return route.fulfill({ contentType: 'text/html', body: html });
      if (path === 'analytics.js')
        return route.fulfill({ contentType: 'text/javascript', body: 'window.__analyticsRuns = (window.__analyticsRuns || 0) + 1;' });
      try {
        return route.fulfill({ contentType: TYPES[extname(path)] || 'application/octet-stream', body: readFileSync(join(WORK, path)) });
      } catch {
        return route.fulfill({ status: 404, body: '' });
      }
    },
  );
  await page.goto('/__frameworks/page.html');
  return html;
}

const banner = (page: Page) => page.getByRole('region', { name: /cookie/i });
const decide = (page: Page, name: 'Accept all' | 'Reject all') => banner(page).getByRole('button', { name, exact: true }).click();
/** Errors, and warnings about hydration or from consent-gate: none may appear. */
const problems = (messages: { type: string; text: string }[]) =>
  messages.filter((m) => m.type === 'error' || (m.type === 'warning' && /hydrat|mismatch|consent-gate/i.test(m.text))).map((m) => `${m.type}: ${m.text}`);
const instances = (page: Page) => page.evaluate(() => (window as unknown as { __consentInstances?: number }).__consentInstances || 0);
/** Set in the page; still there after a click means the page did not reload. */
const markPage = (page: Page) => page.evaluate(() => ((window as unknown as { __marked: boolean }).__marked = true));
const stillMarked = (page: Page) => page.evaluate(() => (window as unknown as { __marked?: boolean }).__marked === true);

// ---------- React 19

const reactPage = (page: Page, app: 'app' | 'mismatch' = 'app') =>
  open(page, `<div id="root" data-app="${app}">${renderReact(createElement(app === 'app' ? ReactApp : ReactMismatch))}</div>`, 'fixtures/react-client.js');

test.describe('React 19', () => {
  test('server render, StrictMode hydration, first visit: one instance, one banner; Accept all shows <Consent> children at once', async ({
    page,
    pageErrors,
    consoleMessages,
  }) => {
    await reactPage(page);
    await expect(banner(page)).toBeVisible();
    await expect(banner(page)).toHaveCount(1);
    await expect(page.locator('consent-gate')).toHaveCount(1);
    expect(await instances(page)).toBe(1);
    await expect(page.getByTestId('status')).toHaveText('ready: true, decided: false, analytics: false');
    await expect(page.getByText('Analytics is off.')).toBeVisible();
    await markPage(page);
    await decide(page, 'Accept all');
    await expect(page.getByText('Analytics chart')).toBeVisible();
    await expect(page.getByText('Video player')).toBeVisible();
    await expect(page.getByText('Analytics is off.')).toHaveCount(0);
    expect(await stillMarked(page)).toBe(true);
    // useConsentScript: the script loads once in the browser, under StrictMode too.
    await expect(page.getByTestId('script')).toHaveText('analytics script: loaded');
    expect(await page.evaluate(() => (window as unknown as { __analyticsRuns: number }).__analyticsRuns)).toBe(1);
    expect(await instances(page)).toBe(1);
    expect(pageErrors).toEqual([]);
    expect(problems(consoleMessages)).toEqual([]);
  });

  test('hydrating with a stored choice: no hydration warning, the granted children appear, no banner', async ({ page, pageErrors, consoleMessages }) => {
    const html = await reactPage(page);
    await decide(page, 'Accept all');
    await expect(page.getByText('Analytics chart')).toBeVisible();
    consoleMessages.length = 0;
    await page.reload();
    // The server's HTML carries the fallback; the browser replaces it after hydrating.
    expect(html).toContain('Analytics is off.');
    expect(html).not.toContain('Analytics chart');
    await expect(page.getByText('Analytics chart')).toBeVisible();
    await expect(page.getByText('Video player')).toBeVisible();
    await expect(page.getByTestId('status')).toHaveText('ready: true, decided: true, analytics: true');
    await expect(page.getByTestId('script')).toHaveText('analytics script: loaded');
    await page.waitForTimeout(200);
    await expect(banner(page)).toHaveCount(0);
    expect(await instances(page)).toBe(1);
    expect(pageErrors).toEqual([]);
    expect(problems(consoleMessages)).toEqual([]);
  });

  test('control: a page whose server and browser renders differ is reported (the check above can fail)', async ({ page, pageErrors, consoleMessages }) => {
    await reactPage(page, 'mismatch');
    await expect(page.getByText('Rendered in the browser')).toBeVisible();
    // React 19 reports a mismatch through window.reportError: a page error.
    expect([...pageErrors.map((e) => e.message), ...problems(consoleMessages)].join('\n')).toMatch(/hydrat/i);
  });
});

// ---------- Vue

const vuePage = async (page: Page, app: 'app' | 'mismatch' = 'app'): Promise<string> =>
  open(page, `<div id="app" data-app="${app}">${await renderVue(app === 'app' ? createVueApp() : createMismatchApp())}</div>`, 'fixtures/vue-client.js');

test.describe('Vue', () => {
  test('server render (@vue/server-renderer), hydration, first visit: one instance, one banner; Accept all shows <Consent> children at once', async ({
    page,
    pageErrors,
    consoleMessages,
  }) => {
    await vuePage(page);
    await expect(banner(page)).toBeVisible();
    await expect(banner(page)).toHaveCount(1);
    expect(await instances(page)).toBe(1);
    await expect(page.getByTestId('status')).toHaveText('ready: true, decided: false, analytics: false');
    await markPage(page);
    await decide(page, 'Accept all');
    await expect(page.getByText('Analytics chart')).toBeVisible();
    await expect(page.getByText('Video player')).toBeVisible();
    expect(await stillMarked(page)).toBe(true);
    expect(pageErrors).toEqual([]);
    expect(problems(consoleMessages)).toEqual([]);
  });

  test('hydrating with a stored choice: no hydration warning, the granted children appear, no banner', async ({ page, pageErrors, consoleMessages }) => {
    await vuePage(page);
    await decide(page, 'Accept all');
    await expect(page.getByText('Analytics chart')).toBeVisible();
    consoleMessages.length = 0;
    await page.reload();
    await expect(page.getByText('Analytics chart')).toBeVisible();
    await expect(page.getByTestId('status')).toHaveText('ready: true, decided: true, analytics: true');
    await page.waitForTimeout(200);
    await expect(banner(page)).toHaveCount(0);
    expect(pageErrors).toEqual([]);
    expect(problems(consoleMessages)).toEqual([]);
  });

  test('control: a page whose server and browser renders differ is reported (the check above can fail)', async ({ page, consoleMessages }) => {
    await vuePage(page, 'mismatch');
    await expect(page.getByText('Rendered in the browser')).toBeVisible();
    expect(problems(consoleMessages).join('\n')).toMatch(/hydration .*mismatch/i);
  });
});

// ---------- the samples of docs/frameworks.md

test.describe('docs/frameworks.md', () => {
  test('every sample is listed, and every listed sample is in the page', () => {
    expect(SAMPLES.map((s) => s.id).sort()).toEqual([...FRAMEWORK_SAMPLES].sort());
    expect((DOC.match(/^```\w*$/gm) || []).length / 2, 'a fenced block without <!-- sample: id -->').toBe(SAMPLES.length);
  });

  test('next-*: each sample is the example file as it is (npm run test:next builds and tests them)', () => {
    for (const [id, file] of Object.entries(NEXT_SAMPLE_FILES)) expect(sample(id) + '\n', `${id} = ${file}`).toBe(readFileSync(join(ROOT, file), 'utf8'));
  });

  test('react-app: StrictMode, one banner; the fallback opens the preferences; granting shows the video at once', async ({
    page,
    pageErrors,
    consoleMessages,
    network,
  }) => {
    await open(page, '<div id="root"></div>', 'react-full/main.js');
    await expect(banner(page)).toHaveCount(1);
    await decide(page, 'Reject all');
    await expect(page.getByText('The product tour needs marketing cookies.')).toBeVisible();
    await page.locator('#root').getByRole('button', { name: 'Cookie settings' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('switch', { name: 'Marketing' }).click();
    await dialog.getByRole('button', { name: 'Save preferences', exact: true }).click();
    await expect(page.locator('iframe[title="Product tour"]')).toHaveAttribute('src', /youtube-nocookie\.com\/embed/);
    expect(network.external.every((url) => url.includes('youtube-nocookie.com'))).toBe(true);
    expect(pageErrors).toEqual([]);
    expect(problems(consoleMessages)).toEqual([]);
  });

  test('react-consent-script: nothing before consent; then one script with its attributes, however many components ask', async ({
    page,
    network,
    pageErrors,
    consoleMessages,
  }) => {
    await open(page, '<div id="root"></div>', 'fixtures/react-script-sample.js');
    await expect(banner(page)).toBeVisible();
    expect(network.to(/analytics\.example\.com/)).toEqual([]);
    await decide(page, 'Accept all');
    await expect.poll(() => network.to(/analytics\.example\.com\/script\.js/).length).toBe(1);
    await expect(page.locator('script[src="https://analytics.example.com/script.js"]')).toHaveAttribute('data-domain', 'example.com');
    await expect(page.locator('script[src="https://analytics.example.com/script.js"]')).toHaveCount(1);
    await expect(page.getByRole('status')).toHaveCount(0);
    expect(pageErrors).toEqual([]);
    expect(problems(consoleMessages)).toEqual([]);
  });

  test('react-own-banner: the headless engine and your own banner, which never flashes for a visitor who decided', async ({
    page,
    pageErrors,
    consoleMessages,
  }) => {
    // Record whether the banner was ever in the document, from the first byte of each page load.
    await page.addInitScript(() => {
      const w = window as unknown as { __bannerSeen: boolean };
      w.__bannerSeen = false;
      new MutationObserver(() => (w.__bannerSeen ||= !!document.querySelector('section[aria-label="Cookie consent"]'))).observe(document, {
        childList: true,
        subtree: true,
      });
    });
    await open(page, '<div id="root"></div>', 'react-core/own-banner.js');
    const own = page.getByRole('region', { name: 'Cookie consent' });
    await expect(own).toBeVisible();
    await expect(page.locator('consent-gate')).toHaveCount(0);
    await own.getByRole('button', { name: 'Accept all' }).click();
    await expect(own).toHaveCount(0);
    await expect(page.getByText('Analytics chart')).toBeVisible();
    await page.reload();
    await expect(page.getByText('Analytics chart')).toBeVisible();
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => (window as unknown as { __bannerSeen: boolean }).__bannerSeen)).toBe(false);
    expect(pageErrors).toEqual([]);
    expect(problems(consoleMessages)).toEqual([]);
  });

  test('vue-main + vue-component: the composable and <Consent> follow the choice', async ({ page, pageErrors, consoleMessages }) => {
    await open(page, '<div id="app"></div>', 'fixtures/vue-sample.js');
    await expect(banner(page)).toHaveCount(1);
    await expect(page.getByText('The product tour needs marketing cookies.')).toBeVisible();
    await expect(page.getByText('Thanks for helping us improve the site.')).toHaveCount(0);
    await decide(page, 'Accept all');
    await expect(page.locator('iframe[title="Product tour"]')).toBeVisible();
    await expect(page.getByText('Thanks for helping us improve the site.')).toBeVisible();
    await page.locator('consent-gate').getByRole('button', { name: 'Cookie settings' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('switch', { name: 'Marketing' }).click();
    await dialog.getByRole('button', { name: 'Save preferences', exact: true }).click();
    await expect(page.getByText('The product tour needs marketing cookies.')).toBeVisible();
    await page.locator('#app').getByRole('button', { name: 'Cookie settings' }).click();
    await expect(dialog).toBeVisible();
    expect(pageErrors).toEqual([]);
    expect(problems(consoleMessages)).toEqual([]);
  });

  test('svelte-consent + svelte-component: $consentState updates on Accept all (Svelte 5)', async ({ page, pageErrors, consoleMessages }) => {
    await open(page, '<div id="root"></div>', 'fixtures/svelte-sample.js');
    await expect(page.getByText('The product tour needs marketing cookies.')).toBeVisible();
    await markPage(page);
    await decide(page, 'Accept all');
    await expect(page.locator('iframe[title="Product tour"]')).toBeVisible();
    expect(await stillMarked(page)).toBe(true);
    await page.locator('consent-gate').getByRole('button', { name: 'Cookie settings' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('switch', { name: 'Marketing' }).click();
    await dialog.getByRole('button', { name: 'Save preferences', exact: true }).click();
    await expect(page.getByText('The product tour needs marketing cookies.')).toBeVisible();
    await page.locator('#root').getByRole('button', { name: 'Cookie settings' }).click();
    await expect(dialog).toBeVisible();
    expect(pageErrors).toEqual([]);
    expect(problems(consoleMessages)).toEqual([]);
  });
});

// ---------- bundle checks

test.describe('consent-gate/react in a bundle', () => {
  test('dist/react.js is at most 1 KB gzip and holds no React: it imports react and ./store.js only', () => {
    const code = readFileSync(join(DIST, 'react.js'), 'utf8');
    const gzip = gzipSync(code, { level: 9 }).length;
    console.log(
      `consent-gate/react: ${code.length} B minified, ${gzip} B gzip; consent-gate/store: ${gzipSync(readFileSync(join(DIST, 'store.js')), { level: 9 }).length} B gzip`,
    );
    expect(gzip).toBeLessThanOrEqual(1024);
    expect(code.startsWith("'use client';")).toBe(true);
    expect([...code.matchAll(/\bfrom\s*"([^"]+)"/g)].map((m) => m[1]).sort()).toEqual(['./store.js', 'react']);
    expect(code).not.toMatch(/react\.(transitional\.)?element|__SECRET_INTERNALS|__CLIENT_INTERNALS/);
    expect(hasPreact(code)).toBe(false);
  });

  test('a Vite production build of a React app on consent-gate/core + consent-gate/react has no Preact; the same kind of app on consent-gate has it', () => {
    const headless = allText(built.reactCore);
    expect(headless).toContain('Cookie consent');
    expect(hasPreact(headless)).toBe(false);
    // Control: the built-in banner is Preact, so this app (react-app) must show the signature.
    expect(hasPreact(allText(built.reactFull))).toBe(true);
  });
});
