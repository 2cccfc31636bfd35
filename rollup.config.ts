import { readFileSync } from 'node:fs';
import type { RollupOptions, Plugin } from 'rollup';
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

const ts = () =>
  typescript({
    tsconfig: './tsconfig.json',
    include: ['src/**/*.ts', 'src/**/*.tsx'],
    compilerOptions: { noEmit: false, declaration: false, sourceMap: true },
  });

const minify = () =>
  terser({
    ecma: 2020,
    module: true,
    compress: { passes: 2 },
    format: { comments: false },
  });

const config: RollupOptions[] = [
  {
    input: 'src/browser.ts',
    output: { file: 'dist/consent-gate.js', format: 'iife', sourcemap: true },
    plugins: [version(), nodeResolve({ browser: true }), ts(), minify()],
  },
  {
    input: { index: 'src/index.ts', core: 'src/core-entry.ts', catalogue: 'src/integrations/catalogue/index.ts' },
    output: { dir: 'dist', format: 'es', sourcemap: true, chunkFileNames: 'shared-[hash].js' },
    plugins: [version(), nodeResolve({ browser: true }), ts(), minify()],
  },
  {
    input: { index: 'src/index.ts', core: 'src/core-entry.ts', catalogue: 'src/integrations/catalogue/index.ts' },
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
  {
    input: 'src/integrations/embeds-browser.ts',
    output: { file: 'dist/consent-gate.embeds.js', format: 'iife', sourcemap: true },
    plugins: [nodeResolve({ browser: true }), ts(), minify()],
  },
];

export default config;
