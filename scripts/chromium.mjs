// The Chromium that the e2e suite (playwright.config.ts) and the benchmarks (bench/browser.mjs) run,
// and how they launch it. The scanner and the consent log server are packages of their own and keep
// their own copy (scanner/lib/browser.js, server/test/e2e.test.js).
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/** Nothing in the background competes with the page, and nothing reaches the network on its own. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Debian's Chromium where installed (no browser download works here) or CHROMIUM_PATH;
 * undefined means Playwright's own browser, if one was ever installed; else a clear error.
 */
export function chromiumPath() {
  for (const path of [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']) if (path && existsSync(path)) return path;
  try {
    if (existsSync(chromium.executablePath())) return undefined;
  } catch {
    /* fall through to the message */
  }
  throw new Error(
    "No Chromium found. Install Debian's package (apt-get update && apt-get install -y chromium) or set CHROMIUM_PATH; `npx playwright install` cannot download here.",
  );
}
