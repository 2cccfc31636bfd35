import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { rollup, type RollupOptions, type Plugin } from 'rollup';
import { transform as transformCss } from 'lightningcss';
import typescript from '@rollup/plugin-typescript';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { dts } from 'rollup-plugin-dts';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/** Replace the `__VERSION__` constant with the package version. */
const version = (): Plugin => ({
  name: 'version',
  transform: (code) => (code.includes('__VERSION__') ? { code: code.replace(/__VERSION__/g, JSON.stringify(pkg.version)), map: null } : null),
});

/**
 * `import css from './x.css?inline'`: the stylesheet as a string, minified by lightningcss
 * (the sources stay readable; the build makes them small). Vitest reads the same imports
 * through Vite's own `?inline` support.
 */
const inlineCss = (): Plugin => ({
  name: 'inline-css',
  resolveId(source, importer) {
    if (!source.endsWith('.css?inline') || !importer) return null;
    return new URL(source.slice(0, -'?inline'.length), `file://${importer}`).pathname + '?inline';
  },
  load(id) {
    if (!id.endsWith('.css?inline')) return null;
    const file = id.slice(0, -'?inline'.length);
    this.addWatchFile(file);
    const { code } = transformCss({
      filename: file,
      code: readFileSync(file),
      minify: true,
      targets: { chrome: 90 << 16, firefox: 90 << 16, safari: (15 << 16) | (4 << 8) },
    });
    return { code: `export default ${JSON.stringify(code.toString())};`, map: null };
  },
});

// Emit only (noCheck): type errors are `npm run typecheck`'s job, which `npm test` runs first,
// and checking the whole program again in each of the builds below took the build from 32 to 45 s.
const ts = () =>
  typescript({
    tsconfig: './tsconfig.json',
    include: ['src/**/*.ts', 'src/**/*.tsx'],
    compilerOptions: { noEmit: false, declaration: false, sourceMap: true, noCheck: true },
  });

/**
 * V8's explicit compile hint (Chrome 136+; other engines read a comment): every function of the
 * file is compiled on the thread that streams the script in, instead of on the main thread at its
 * first call. Only for the engine, most of which runs on every page view; what it saves is
 * measured in docs/architecture.md, "What loads when".
 */
const COMPILE_ALL_ON_LOAD = '//# allFunctionsCalledOnLoad';

const minify = (preamble?: string) =>
  terser({
    ecma: 2020,
    module: true,
    compress: { passes: 2 },
    // ASCII-only output: the texts survive a page served without a UTF-8 charset.
    format: { comments: false, ascii_only: true, preamble },
  });

/** Languages shipped besides the built-in English (src/ui/i18n/<code>.ts). */
const LANGUAGES = ['ar', 'cs', 'da', 'de', 'es', 'fi', 'fr', 'he', 'it', 'ja', 'ko', 'nl', 'pl', 'pt', 'sv', 'zh'];

/**
 * Beside each ESM translation chunk, write a script that registers it (what
 * src/ui/i18n/register.ts does) and a declaration file, without one TypeScript build each.
 */
const i18nScripts = (): Plugin => ({
  name: 'i18n-scripts',
  generateBundle(_options, bundle) {
    for (const chunk of Object.values(bundle)) {
      if (chunk.type !== 'chunk' || !chunk.isEntry) continue;
      const code = chunk.name.replace('i18n/', '');
      const js = chunk.code.replace(/\/\/# sourceMappingURL=.*/, '');
      const m = /export\s*\{\s*([\w$]+) as default\s*\};?/.exec(js);
      const body = m ? `${js.slice(0, m.index)}var s=${m[1]};` : js.replace(/export default/, 'var s=');
      const source = `!function(){${body}var w=window,r=w.consentGateTranslations=w.consentGateTranslations||{},i=w.ConsentGate&&w.ConsentGate.instance;r[${JSON.stringify(code)}]=Object.assign({},s,r[${JSON.stringify(code)}]);i&&i.setLanguage(i.language)}();\n`;
      this.emitFile({ type: 'asset', fileName: `i18n/${code}.iife.js`, source });
      this.emitFile({ type: 'asset', fileName: `i18n/${code}.d.ts`, source: 'declare const strings: { [key: string]: string };\nexport default strings;\n' });
    }
  },
});

/** Replace build-time constants (`__UI_INTEGRITY__`) in the sources. */
const constants = (values: { [name: string]: string }): Plugin => ({
  name: 'constants',
  transform(code) {
    let out = code;
    for (const [name, value] of Object.entries(values)) out = out.split(name).join(JSON.stringify(value));
    return out === code ? null : { code: out, map: null };
  },
});

const browserPlugins = (preamble?: string) => [version(), inlineCss(), nodeResolve({ browser: true }), ts(), minify(preamble)];

/**
 * Build `dist/consent-gate.ui.js` (the banner and the dialog) before the engine, and return
 * its Subresource Integrity hash: the engine loads it with that hash, so a copy served from
 * a CDN runs only if it is byte for byte what this build wrote.
 */
async function buildUi(): Promise<string> {
  const bundle = await rollup({ input: 'src/ui/browser-ui.ts', plugins: browserPlugins() });
  await bundle.write({ file: 'dist/consent-gate.ui.js', format: 'iife', sourcemap: true });
  await bundle.close();
  return 'sha384-' + createHash('sha384').update(readFileSync('dist/consent-gate.ui.js')).digest('base64');
}

export default async (): Promise<RollupOptions[]> => {
  const uiIntegrity = await buildUi();
  return [
    {
      input: 'src/browser.ts',
      output: { file: 'dist/consent-gate.js', format: 'iife', sourcemap: true },
      plugins: [constants({ __UI_INTEGRITY__: uiIntegrity }), ...browserPlugins(COMPILE_ALL_ON_LOAD)],
    },
    // The headless entry on its own, so dist/core.js is one self-contained file (what the
    // 5 KB budget measures); `consent-gate` re-exports all of it, so import from one entry.
    {
      input: { core: 'src/core-entry.ts' },
      output: { dir: 'dist', format: 'es', sourcemap: true },
      plugins: browserPlugins(),
    },
    // The npm entries. The banner and dialog are a dynamic import() in `consent-gate`, so they
    // become their own chunk (ui-<hash>.js), fetched by the app only when a view must show.
    {
      input: { index: 'src/index.ts', catalogue: 'src/integrations/catalogue/index.ts', 'auto-block': 'src/integrations/auto-block/index.ts' },
      output: { dir: 'dist', format: 'es', sourcemap: true, chunkFileNames: (chunk) => (chunk.isDynamicEntry ? 'ui-[hash].js' : 'shared-[hash].js') },
      plugins: browserPlugins(),
    },
    {
      input: {
        index: 'src/index.ts',
        core: 'src/core-entry.ts',
        catalogue: 'src/integrations/catalogue/index.ts',
        'auto-block': 'src/integrations/auto-block/index.ts',
      },
      output: { dir: 'dist', format: 'es', chunkFileNames: 'shared-[hash].d.ts' },
      plugins: [dts({ tsconfig: './tsconfig.json' })],
    },
    // Script-tag extras, each kept out of the default bundle's budget: the service catalogue
    // (sets window.consentGateCatalogue; load before consent-gate.js) and embed placeholders.
    {
      input: 'src/integrations/catalogue/browser.ts',
      output: { file: 'dist/consent-gate.catalogue.js', format: 'iife', sourcemap: true },
      plugins: [nodeResolve({ browser: true }), ts(), minify()],
    },
    // Auto-blocking (issue 13): a file of its own that goes first in <head>, so a site without it
    // pays nothing and the engine every page view fetches does not grow (docs/auto-blocking.md).
    {
      input: 'src/integrations/auto-block/browser.ts',
      output: { file: 'dist/consent-gate.autoblock.js', format: 'iife', sourcemap: true },
      plugins: [nodeResolve({ browser: true }), ts(), minify()],
    },
    {
      input: 'src/integrations/embeds-browser.ts',
      output: { file: 'dist/consent-gate.embeds.js', format: 'iife', sourcemap: true },
      plugins: [nodeResolve({ browser: true }), ts(), minify()],
    },
    // Translations (issue 3), outside the English-only budget: dist/i18n/<code>.js (ESM, for
    // `translations: { de }`), dist/i18n/<code>.iife.js (one language for a script tag) and
    // dist/consent-gate.i18n.js (all of them); the scripts fill window.consentGateTranslations.
    {
      input: Object.fromEntries(LANGUAGES.map((code) => [`i18n/${code}`, `src/ui/i18n/${code}.ts`])),
      output: { dir: 'dist', format: 'es', sourcemap: true },
      plugins: [ts(), minify(), i18nScripts()],
    },
    {
      input: 'src/ui/i18n/all.ts',
      output: { file: 'dist/consent-gate.i18n.js', format: 'iife', sourcemap: true },
      plugins: [ts(), minify()],
    },
    // Framework bindings (issue 14): dist/react.js, vue.js and store.js. React and Vue stay
    // imports (peer dependencies); the bindings' own imports of the engine are types only and
    // point at dist/core.d.ts, and react/vue import the store as ./store.js, so nothing is
    // bundled twice. react.js starts with 'use client' so React Server Components may render
    // <ConsentProvider> and <Consent> directly.
    ...((): RollupOptions[] => {
      const input = { react: 'src/frameworks/react.ts', vue: 'src/frameworks/vue.ts', store: 'src/frameworks/store.ts' };
      const external = ['react', 'vue'];
      const coreTypes = (): Plugin => ({
        name: 'framework-core-types',
        resolveId: (source, importer) => (source === '../core-entry' && importer?.includes('frameworks') ? { id: './core.js', external: true } : null),
      });
      const useClient = (): Plugin => ({
        name: 'use-client',
        // After terser, which drops directives it does not know.
        renderChunk: (code, chunk) => (chunk.name === 'react' ? { code: `'use client';\n${code}`, map: null } : null),
      });
      // As minify(), and internal properties named with a leading _ are shortened too.
      const minifyPrivate = () =>
        terser({ ecma: 2020, module: true, compress: { passes: 2 }, mangle: { properties: { regex: /^_/ } }, format: { comments: false, ascii_only: true } });
      return [
        {
          input,
          external,
          output: { dir: 'dist', format: 'es', sourcemap: true },
          plugins: [coreTypes(), ts(), minifyPrivate(), useClient()],
        },
        {
          input,
          external,
          output: { dir: 'dist', format: 'es' },
          plugins: [coreTypes(), dts({ tsconfig: './tsconfig.json' })],
        },
      ];
    })(),
  ];
};
