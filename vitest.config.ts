import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    environment: 'happy-dom',
    restoreMocks: true,
    // Type tests (`*.test-d.ts`, expectTypeOf) run with the unit tests. Errors in the sources
    // themselves are `npm run typecheck`'s to report, not the type tests'.
    typecheck: {
      enabled: true,
      include: ['test/**/*.test-d.ts'],
      ignoreSourceErrors: true,
    },
    coverage: {
      provider: 'v8',
      include: ['src/**/*.{ts,tsx}'],
      exclude: [
        // Types only: nothing to run.
        'src/core/types.ts',
        'src/core/view.ts',
        'src/**/*.d.ts',
        // Entries of the script-tag build: they run on load in a browser and are covered by
        // the e2e suite against dist/, not by unit tests.
        'src/browser.ts',
        'src/ui/browser-ui.ts',
        'src/ui/i18n/all.ts',
        'src/integrations/embeds-browser.ts',
        'src/integrations/catalogue/browser.ts',
      ],
      reporter: ['text-summary', 'text'],
      thresholds: { 'src/core/**': { lines: 90 } },
    },
  },
});
