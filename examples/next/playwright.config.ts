import { defineConfig } from '@playwright/test';
import repository from '../../playwright.config';

/**
 * `npm run test:next`: after `next build`, test/next.spec.ts starts `next start` on a free
 * port and loads the pages in Chromium. Same browser and flags as the repository's e2e tests;
 * no static server of its own.
 */
export default defineConfig({
  ...repository,
  testDir: 'test',
  outputDir: '../../test-results/next',
  fullyParallel: false,
  workers: 1,
  webServer: undefined,
  use: { ...repository.use, baseURL: undefined },
});
