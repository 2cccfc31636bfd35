// ESLint flat config. `npm run lint` (part of `npm test`) runs it over the whole repository.
// The rules below are the project's own; see docs/architecture.md ("How the code is kept").
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * One-letter names that stay allowed everywhere in `src/`: none of them is a shortened word.
 * `_` marks a parameter that is deliberately unused; `h` is Preact's element factory, imported
 * under its conventional name.
 */
const SHORT_NAMES_ALLOWED = ['_', 'h'];

/**
 * HTML-parsing sinks. Config and translation strings are rendered as text only (the security
 * requirements in docs/architecture.md), so no source file may reach for these.
 */
const HTML_SINK_MESSAGE = 'parses HTML: render text with textContent or Preact instead (config strings are never HTML).';
const bannedHtmlProperties = [
  ...['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'setHTMLUnsafe', 'createContextualFragment', 'parseFromString'].map((property) => ({
    property,
    message: `${property} ${HTML_SINK_MESSAGE}`,
  })),
  ...['write', 'writeln'].map((property) => ({ object: 'document', property, message: `document.${property} ${HTML_SINK_MESSAGE}` })),
];
const bannedHtmlSyntax = [
  { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: `dangerouslySetInnerHTML ${HTML_SINK_MESSAGE}` },
  { selector: "Property[key.name='dangerouslySetInnerHTML']", message: `dangerouslySetInnerHTML ${HTML_SINK_MESSAGE}` },
];

export default defineConfig(
  {
    ignores: [
      'dist/',
      'coverage/',
      'test-results/',
      'playwright-report/',
      'bench/results/',
      '**/node_modules/',
      // The server and scanner workspaces are plain JavaScript checked by their own
      // `tsc -p <workspace>` (checkJs) in their test scripts; this config is the browser package's.
      'server/',
      'scanner/',
      'examples/next/.next/',
      // Stand-ins for third-party scripts (gtag, Stripe, the Meta pixel...): they imitate
      // vendor code and are not ours to style.
      'demo/vendor/',
      'e2e/stubs/',
      // Next.js example: its own toolchain and lint setup.
      'examples/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      // `_name` marks a parameter kept for its position; everything else unused is an error.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      // Strict equality says what is meant, and costs nothing: terser turns `===` into `==`
      // itself wherever both sides have the same type. `smart` keeps the two unambiguous
      // loose forms: `typeof x == 'string'` and `x == null` (null or undefined).
      eqeqeq: ['error', 'smart'],
      // Code from strings: forbidden by the security requirements and by a strict CSP.
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      // Short-circuit side effects (`a && b()`) are used on purpose in guards; a bare
      // expression that does nothing at all is still an error.
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
    },
  },
  {
    // Type-aware rules, chosen for the bugs they catch here (a full type-checked preset adds
    // the no-unsafe-* family, which mostly repeats no-explicit-any for code that reads
    // untyped cookies and config through `unknown` on purpose). With them the whole run
    // takes about ten seconds on two idle cores.
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // A dropped promise hides its rejection: a chunk that fails to load must be reported.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      // The typed version also sees strings passed to setTimeout/setInterval through variables.
      'no-implied-eval': 'off',
      '@typescript-eslint/no-implied-eval': 'error',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    rules: {
      'no-restricted-properties': ['error', ...bannedHtmlProperties],
      'no-restricted-syntax': ['error', ...bannedHtmlSyntax],
      // An assertion the compiler already knows is noise a reader has to check. (Tests keep
      // their `list[0]!`: they are written for noUncheckedIndexedAccess.)
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      // No one-letter locals: terser renames them in dist/ anyway, so a short name only
      // costs the reader. Loop counters and coordinates are no exception.
      'id-length': ['error', { min: 2, exceptions: SHORT_NAMES_ALLOWED, properties: 'never' }],
      // `console` only through lib/log.ts, which prefixes every message.
      'no-console': 'error',
    },
  },
  {
    files: ['src/core/lib/log.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['test/**', 'e2e/**', 'scripts/**', 'bench/**', 'server/**', 'scanner/**', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // Tests reach into untyped values (window globals, mocks) on purpose.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    // The demo site: plain scripts loaded by <script> tags in the browser.
    files: ['demo/**/*.js'],
    languageOptions: { sourceType: 'script', globals: globals.browser },
  },
  {
    // The SPA demo is an ES module resolved through an import map.
    files: ['demo/spa/app.js'],
    languageOptions: { sourceType: 'module' },
  },
);
