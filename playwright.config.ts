import { existsSync } from 'node:fs';
import { chromium, defineConfig } from '@playwright/test';

export const PORT = Number(process.env.E2E_PORT || 4173);

/** Debian's Chromium where installed (no browser download works here), else Playwright's own. */
function chromiumPath(): string | undefined {
  for (const p of [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']) if (p && existsSync(p)) return p;
  try {
    // Playwright's own browser, if one was ever installed.
    if (existsSync(chromium.executablePath())) return undefined;
  } catch {
    /* fall through to the message */
  }
  throw new Error(
    "No Chromium found. Install Debian's package (apt-get update && apt-get install -y chromium) or set CHROMIUM_PATH; `npx playwright install` cannot download here.",
  );
}

export default defineConfig({
  testDir: 'e2e',
  outputDir: `test-results/${PORT}`,
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  forbidOnly: !!process.env.CI,
  reporter: 'list',
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        // app.example.test and friends resolve to this machine, so cookies can live on a parent domain.
        '--host-resolver-rules=MAP *.example.test 127.0.0.1, MAP example.test 127.0.0.1',
      ],
    },
  },
  webServer: {
    command: `node scripts/serve.mjs --port ${PORT} --quiet`,
    url: `http://localhost:${PORT}/e2e/pages/basic.html`,
    reuseExistingServer: !process.env.CI,
  },
});
