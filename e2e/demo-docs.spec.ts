import { test, expect, cookieNames, expectCookiesGone } from './fixtures';
import type { Page, Route } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { FRAMEWORK_SAMPLES } from './frameworks/samples';

/**
 * Every code sample in docs/*.md (and README.md, once it carries sample markers) runs here.
 * A sample is a fenced block preceded by `<!-- sample: id -->`; this file reads the Markdown,
 * so the code that runs is exactly the code a reader copies. A block without a marker, or a
 * marker without a test below, fails the first test. The samples of docs/frameworks.md run in
 * e2e/frameworks.spec.ts (and the Next.js ones in `npm run test:next`).
 */

const ROOT = new URL('../', import.meta.url);
/** README_PROPOSAL=/path/to/README.md checks a proposed README before it replaces the real one. */
const README = process.env.README_PROPOSAL || 'README.md';
const read = (path: string) => readFileSync(path === 'README.md' ? new URL(README, ROOT) : new URL(path, ROOT), 'utf8');

interface Sample {
  file: string;
  id: string;
  lang: string;
  code: string;
}

function parse(file: string): { samples: Sample[]; blocks: number } {
  const text = read(file);
  const samples: Sample[] = [];
  const re = /<!-- sample: ([\w-]+) -->\n```(\w+)\n([\s\S]*?)\n```/g;
  for (let m; (m = re.exec(text));) samples.push({ file, id: m[1]!, lang: m[2]!, code: m[3]! });
  const blocks = (text.match(/^```\w*$/gm) || []).length / 2;
  return { samples, blocks };
}

/** Docs of the server and scanner workspaces: their commands run in their own test suites. */
const WORKSPACE_DOCS = ['docs/scanner.md', 'docs/consent-log.md'];
const DOC_FILES = readdirSync(new URL('docs/', ROOT))
  .filter((f) => f.endsWith('.md'))
  .map((f) => `docs/${f}`)
  // Commands of the workspaces' command-line tools, run by their own suites (scanner/test,
  // server/test), not browser samples.
  .filter((f) => !WORKSPACE_DOCS.includes(f));
const parsed = Object.fromEntries([...DOC_FILES, 'README.md'].map((f) => [f, parse(f)]));
const ALL = Object.values(parsed).flatMap((p) => p.samples);
const sample = (id: string): Sample => {
  const s = ALL.find((x) => x.id === id);
  if (!s) throw new Error(`no sample "${id}" in docs/ or README.md`);
  return s;
};

// ---------- page helpers

const DIST = (name: string) => readFileSync(new URL(`dist/${name}`, ROOT), 'utf8');

/**
 * Serve what the samples refer to: /consent-gate*.js at the site root (with the preferences
 * dialog, consent-gate.ui.js, that the engine fetches from beside itself), and sample modules.
 */
async function serve(page: Page, modules: { [path: string]: string } = {}) {
  const receipts: string[] = [];
  await page.route(
    (u) => u.hostname === 'localhost',
    async (route: Route) => {
      const url = new URL(route.request().url());
      const p = url.pathname;
      const js = (body: string) => route.fulfill({ status: 200, contentType: 'text/javascript', body });
      if (/^\/consent-gate(\.embeds|\.catalogue|\.ui)?\.js$/.test(p)) return js(DIST(p.slice(1)));
      if (p === '/api/consent-receipts') {
        receipts.push(route.request().postData() || '');
        return route.fulfill({ status: 204 });
      }
      if (p === '/js/analytics.js') return js('window.__analyticsLoaded = true;');
      if (modules[p] !== undefined) return js(modules[p]!);
      return route.fallback();
    },
  );
  return receipts;
}

/** Open a page made of an HTML sample, as if pasted into a blank document's <head>. */
async function openHtml(page: Page, s: Sample, body = '') {
  await page.route(`**/e2e/pages/docs-${s.id}.html`, (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html',
      body: `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>docs sample ${s.id}</title>\n${s.code}\n</head>\n<body>\n<main><h1>Sample ${s.id}</h1>${body}</main>\n</body>\n</html>`,
    }),
  );
  await page.goto(`/e2e/pages/docs-${s.id}.html`);
}

/** A blank page whose module script imports the given code; bare specifiers through an import map. */
async function openModule(page: Page, name: string, script: string, imports: { [k: string]: string } = {}) {
  const map = { imports: { 'consent-gate': '/dist/index.js', ...imports } };
  await page.route(`**/e2e/pages/docs-${name}.html`, (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html',
      body: `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>docs sample ${name}</title>\n<script type="importmap">${JSON.stringify(map)}</script>\n</head>\n<body>\n<main><h1>Sample ${name}</h1><div id="root"></div></main>\n<script type="module">\n${script}\n</script>\n</body>\n</html>`,
    }),
  );
  await page.goto(`/e2e/pages/docs-${name}.html`);
}

const banner = (page: Page) => page.getByRole('region', { name: /cookie/i });
const decide = (page: Page, name: 'Accept all' | 'Reject all') => banner(page).getByRole('button', { name, exact: true }).click();
const dialog = (page: Page) => page.getByRole('dialog');
/** Switch a category in the preferences dialog and save. */
async function toggleAndSave(page: Page, category: string) {
  await dialog(page).getByRole('switch', { name: category }).click();
  await dialog(page).getByRole('button', { name: 'Save preferences', exact: true }).click();
  await expect(dialog(page)).toBeHidden();
}
function problems(messages: { type: string; text: string }[]): string[] {
  return messages.filter((m) => m.type === 'error' || (m.type === 'warning' && m.text.includes('[consent-gate]'))).map((m) => `${m.type}: ${m.text}`);
}
const logs = (messages: { type: string; text: string }[]) => messages.filter((m) => m.type === 'log').map((m) => m.text);
type DL = { dataLayer: unknown[] };
/** The dataLayer as plain arrays/objects, each entry tagged with whether it was an arguments object. */
const dataLayer = (page: Page) =>
  page.evaluate(() =>
    ((window as unknown as DL).dataLayer || []).map((e) => ({
      args: Object.prototype.toString.call(e) === '[object Arguments]',
      value: JSON.parse(JSON.stringify(Object.prototype.toString.call(e) === '[object Arguments]' ? Array.from(e as ArrayLike<unknown>) : e)),
    })),
  );

// ---------- the inventory

/** Every sample id with a test in this file. */
const TESTED = new Set([
  'config-full',
  'api-npm',
  'api-script-events',
  'markup-all',
  'ga4-basic',
  'ga4-advanced',
  'gtm',
  'meta-pixel',
  'youtube',
  ...FRAMEWORK_SAMPLES,
  'readme-setup',
  'readme-script-tag',
  'readme-npm',
]);

test('every code block in docs/ and README.md is a known, tested sample', () => {
  for (const [file, p] of Object.entries(parsed)) {
    if (file === 'README.md' && !p.samples.length) continue; // README not yet carrying markers
    expect(p.samples.length, `${file}: a fenced code block without <!-- sample: id -->`).toBe(p.blocks);
    for (const s of p.samples) expect(TESTED.has(s.id), `${file}: sample "${s.id}" has no test in e2e/demo-docs.spec.ts`).toBe(true);
  }
  const ids = ALL.map((s) => s.id);
  expect(new Set(ids).size, 'sample ids are unique').toBe(ids.length);
  for (const id of TESTED) if (!id.startsWith('readme-')) expect(ids, `sample "${id}" is tested but not in docs/`).toContain(id);
});

// ---------- configuration.md

test('config-full: the complete example is valid and works', async ({ page, pageErrors, consoleMessages, network }) => {
  const receipts = await serve(page);
  await openHtml(page, sample('config-full'));
  await expect(banner(page)).toBeVisible();
  await expect(banner(page)).toContainText('Cookies on this site');
  const dl = await dataLayer(page);
  expect(dl[0]).toMatchObject({ args: true, value: ['consent', 'default', { analytics_storage: 'denied', wait_for_update: 500 }] });
  await decide(page, 'Accept all');
  await expect(banner(page)).toBeHidden();
  expect(await cookieNames(page)).toContain('site_consent');
  expect(await page.evaluate(() => Object.keys(localStorage))).toContain('site_consent');
  await expect.poll(() => receipts.length).toBe(1);
  expect(JSON.parse(receipts[0]!)).toMatchObject({ method: 'accept_all', revision: '2023-12-04', categories: { analytics: true, marketing: true } });
  await page.getByRole('button', { name: 'Cookie settings' }).click();
  await expect(dialog(page).getByRole('switch', { name: 'Advertising' })).toBeChecked();
  expect(network.external).toEqual([]);
  expect(pageErrors).toEqual([]);
  expect(problems(consoleMessages)).toEqual([]);
});

// ---------- api.md

test('api-npm: events, receipts and loadScript through the npm build', async ({ page, pageErrors, consoleMessages }) => {
  const receipts = await serve(page);
  await openModule(page, 'api-npm', sample('api-npm').code);
  await expect(banner(page)).toBeVisible();
  expect(logs(consoleMessages)).toEqual(['ready, decided: false']);
  expect(await page.evaluate(() => (window as unknown as { __analyticsLoaded?: boolean }).__analyticsLoaded)).toBeUndefined();
  await decide(page, 'Accept all');
  await expect.poll(() => logs(consoleMessages)).toContain('analytics loaded');
  expect(logs(consoleMessages)).toContain('first decision {necessary: true, analytics: true, marketing: true}');
  await expect.poll(() => receipts.length).toBe(1);
  expect(JSON.parse(receipts[0]!)).toMatchObject({ method: 'accept_all', services: { ga4: true } });
  await page.getByRole('button', { name: 'Cookie settings' }).click();
  await toggleAndSave(page, 'Analytics');
  await expect.poll(() => logs(consoleMessages)).toContain('changed [analytics] [ga4]');
  expect(pageErrors).toEqual([]);
  expect(problems(consoleMessages)).toEqual([]);
});

test('api-script-events: window events and the global instance', async ({ page, pageErrors, consoleMessages }) => {
  await serve(page);
  await openHtml(page, sample('api-script-events'));
  const html = page.locator('html');
  await expect(html).not.toHaveClass(/analytics-on/);
  await decide(page, 'Accept all');
  await expect(html).toHaveClass(/analytics-on/);
  await page.getByRole('button', { name: 'Privacy settings' }).click();
  await toggleAndSave(page, 'Analytics');
  await expect(html).not.toHaveClass(/analytics-on/);
  expect(pageErrors).toEqual([]);
  expect(problems(consoleMessages)).toEqual([]);
});

// ---------- markup.md

test('markup-all: refused', async ({ page, network, consoleMessages }) => {
  await serve(page);
  await openHtml(page, sample('markup-all'));
  await page.waitForLoadState('load');
  expect(logs(consoleMessages)).toEqual([]);
  await decide(page, 'Reject all');
  await expect.poll(() => logs(consoleMessages)).toEqual(['analytics refused: counting without cookies']);
  expect(network.external).toEqual([]);
  expect(await page.locator('iframe').getAttribute('src')).toBeNull();
  await page.getByRole('button', { name: 'Cookie settings' }).first().click();
  await expect(dialog(page).getByRole('switch', { name: 'Analytics' })).not.toBeChecked();
});

test('markup-all: granted', async ({ page, network, consoleMessages, pageErrors }) => {
  await serve(page);
  await openHtml(page, sample('markup-all'));
  await page.waitForLoadState('load');
  expect(network.external).toEqual([]);
  await decide(page, 'Accept all');
  await expect.poll(() => logs(consoleMessages)).toEqual(['analytics and marketing granted']);
  await expect(page.locator('iframe')).toHaveAttribute('src', 'https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ');
  await expect(page.locator('img')).toHaveAttribute('src', 'https://ads.example.com/pixel.gif');
  await expect.poll(() => network.to(/googletagmanager\.com\/gtag\/js/).length).toBe(1);
  await page.waitForFunction(() => !!(window as unknown as { __gtagConsentSeen?: object }).__gtagConsentSeen);
  expect(pageErrors).toEqual([]);
});

// ---------- recipes.md

test('ga4-basic: gtag.js only after consent, with Consent Mode signals first', async ({ page, network, pageErrors, consoleMessages }) => {
  await serve(page);
  await openHtml(page, sample('ga4-basic'));
  await page.waitForLoadState('load');
  expect(network.external).toEqual([]);
  const before = await dataLayer(page);
  expect(before).toEqual([{ args: true, value: ['consent', 'default', expect.objectContaining({ analytics_storage: 'denied', ad_storage: 'denied' })] }]);
  await decide(page, 'Accept all');
  await expect.poll(() => network.to(/googletagmanager\.com\/gtag\/js\?id=G-XXXX/).length).toBe(1);
  await page.waitForFunction(() => !!(window as unknown as { __gtagConsentSeen?: object }).__gtagConsentSeen);
  expect(await page.evaluate(() => (window as unknown as { __gtagConsentSeen: { analytics_storage: string } }).__gtagConsentSeen.analytics_storage)).toBe(
    'granted',
  );
  const after = (await dataLayer(page)).map((e) => (e.args ? (e.value as unknown[]).slice(0, 2).join(' ') : 'object'));
  expect(after.slice(0, 2)).toEqual(['consent default', 'consent update']);
  expect(after).toContain('config G-XXXX');
  expect(pageErrors).toEqual([]);
  expect(problems(consoleMessages)).toEqual([]);
});

test('ga4-basic: Reject all loads nothing', async ({ page, network }) => {
  await serve(page);
  await openHtml(page, sample('ga4-basic'));
  await decide(page, 'Reject all');
  await page.waitForTimeout(300);
  expect(network.external).toEqual([]);
  expect(await cookieNames(page)).toEqual(['consent_gate']);
});

test('ga4-advanced: the tag loads at once, denied until consent', async ({ page, network, pageErrors }) => {
  await serve(page);
  await openHtml(page, sample('ga4-advanced'));
  await page.waitForFunction(() => !!(window as unknown as { __gtagConsentSeen?: object }).__gtagConsentSeen);
  expect(network.to(/googletagmanager\.com\/gtag\/js/)).toHaveLength(1);
  expect(await page.evaluate(() => (window as unknown as { __gtagConsentSeen: { analytics_storage: string } }).__gtagConsentSeen.analytics_storage)).toBe(
    'denied',
  );
  const dl = (await dataLayer(page)).map((e) => e.value as unknown[]);
  expect(dl[0]).toEqual(['consent', 'default', expect.objectContaining({ analytics_storage: 'denied', wait_for_update: 500 })]);
  expect(dl[1]).toEqual(['set', 'ads_data_redaction', true]);
  expect(dl.findIndex((e) => e[0] === 'config')).toBeGreaterThan(1);
  await decide(page, 'Accept all');
  await expect
    .poll(async () => (await dataLayer(page)).map((e) => e.value as unknown[]).find((e) => e[0] === 'consent' && e[1] === 'update'))
    .toEqual(['consent', 'update', expect.objectContaining({ analytics_storage: 'granted', ad_storage: 'granted' })]);
  expect(pageErrors).toEqual([]);
});

test('gtm: defaults before gtm.js; update and consent_gate_update after a decision', async ({ page, network, pageErrors }) => {
  await serve(page);
  await openHtml(page, sample('gtm'));
  await expect.poll(() => network.to(/googletagmanager\.com\/gtm\.js\?id=GTM-XXXX/).length).toBe(1);
  let dl = await dataLayer(page);
  const defaultAt = dl.findIndex((e) => e.args && (e.value as unknown[])[1] === 'default');
  const gtmAt = dl.findIndex((e) => !e.args && (e.value as { event?: string }).event === 'gtm.js');
  expect(defaultAt).toBe(0);
  expect(gtmAt).toBeGreaterThan(defaultAt);
  await decide(page, 'Reject all');
  await page.getByRole('button', { name: 'Cookie settings' }).click();
  await toggleAndSave(page, 'Marketing');
  dl = await dataLayer(page);
  const last = dl[dl.length - 1]!.value as { event: string; consent_gate: { categories: { marketing: boolean } } };
  expect(last).toMatchObject({ event: 'consent_gate_update', consent_gate: { categories: { marketing: true, analytics: false } } });
  expect(dl[dl.length - 2]!.value).toEqual(['consent', 'update', expect.objectContaining({ ad_storage: 'granted', analytics_storage: 'denied' })]);
  expect(pageErrors).toEqual([]);
});

test('meta-pixel: nothing before consent; grant before init; revoke on withdrawal', async ({ page, network, pageErrors }) => {
  await serve(page);
  await openHtml(page, sample('meta-pixel'));
  await page.waitForLoadState('load');
  expect(network.external).toEqual([]);
  expect(await page.evaluate(() => typeof (window as unknown as { fbq?: unknown }).fbq)).toBe('undefined');
  await decide(page, 'Accept all');
  await expect.poll(() => network.to(/connect\.facebook\.net\/en_US\/fbevents\.js/).length).toBe(1);
  // The fixture's fbevents.js stand-in records every call, queued ones first, in window.__fbCalls.
  const calls = () => page.evaluate(() => (window as unknown as { __fbCalls?: unknown[][] }).__fbCalls || []);
  await expect.poll(calls).toEqual([
    ['consent', 'grant'],
    ['init', '000000000000000'],
    ['track', 'PageView'],
  ]);
  expect(await cookieNames(page)).toContain('_fbp');
  await page.getByRole('button', { name: 'Cookie settings' }).click();
  await toggleAndSave(page, 'Marketing');
  expect((await calls()).slice(-1)).toEqual([['consent', 'revoke']]);
  // Withdrawal deletes the declared cookies.
  await expectCookiesGone(page, ['_fbp']);
  expect(pageErrors).toEqual([]);
});

test('youtube: a placeholder until consent; "Load video" loads one video and stores nothing', async ({ page, network, pageErrors, consoleMessages }) => {
  await serve(page);
  await openHtml(page, sample('youtube'));
  await expect(page.getByText('This YouTube video is blocked until you allow Marketing cookies.')).toBeVisible();
  expect(network.external).toEqual([]);
  await page.getByRole('button', { name: 'Load video' }).click();
  await expect(page.locator('iframe[title="Product tour"]')).toHaveAttribute('src', 'https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ');
  expect(
    await page.evaluate(() => (window as unknown as { ConsentGate: { instance: { get(): { decided: boolean } } } }).ConsentGate.instance.get().decided),
  ).toBe(false);
  expect(await cookieNames(page)).toEqual([]);
  expect(pageErrors).toEqual([]);
  expect(problems(consoleMessages)).toEqual([]);
});

test('youtube: Accept all loads the video without a placeholder', async ({ page }) => {
  await serve(page);
  await openHtml(page, sample('youtube'));
  await decide(page, 'Accept all');
  await expect(page.locator('iframe[title="Product tour"]')).toHaveAttribute('src', /youtube-nocookie/);
  await expect(page.getByText('This YouTube video is blocked')).toHaveCount(0);
});

// ---------- README.md quick starts (run once README carries the sample markers)

test('readme-setup: the commands the README names exist and do what it says', () => {
  const s = parsed['README.md']!.samples.find((x) => x.id === 'readme-setup');
  test.skip(!s, 'README.md has no readme-setup sample yet');
  const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
  expect(s!.code).toContain('npm start');
  expect(scripts.start).toMatch(/npm run build && node scripts\/serve\.mjs/);
  expect(read('scripts/serve.mjs')).toContain("location: '/demo/'");
  expect(read('scripts/serve.mjs')).toContain('5173');
  for (const name of ['typecheck', 'test:unit', 'build', 'test:e2e']) expect(scripts.test).toContain(`npm run ${name}`);
});

test('readme-script-tag: the README script-tag quick start', async ({ page, network, pageErrors }) => {
  test.skip(!parsed['README.md']!.samples.some((s) => s.id === 'readme-script-tag'), 'README.md has no readme-script-tag sample yet');
  await serve(page);
  await openHtml(page, sample('readme-script-tag'));
  await page.waitForLoadState('load');
  expect(network.external).toEqual([]);
  await decide(page, 'Accept all');
  await expect.poll(() => network.to(/googletagmanager\.com\/gtag\/js/).length).toBe(1);
  await expect(page.locator('iframe')).toHaveAttribute('src', /youtube-nocookie/);
  expect(pageErrors).toEqual([]);
});

test('readme-npm: the README npm quick start', async ({ page, pageErrors, consoleMessages }) => {
  test.skip(!parsed['README.md']!.samples.some((s) => s.id === 'readme-npm'), 'README.md has no readme-npm sample yet');
  await serve(page);
  await openModule(page, 'readme-npm', `window.startAnalytics = () => console.log('analytics started');\n${sample('readme-npm').code}`);
  await decide(page, 'Accept all');
  await expect.poll(() => logs(consoleMessages)).toContain('analytics started');
  expect(pageErrors).toEqual([]);
});
