// @ts-check
// Which Chromium to drive, and how to start it so that it behaves like a visitor's browser.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { UsageError } from './errors.js';

/** Debian's package `chromium`. */
const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/**
 * Flags for a quiet, reproducible browser: no sandbox (containers and CI run as root), no GPU,
 * no QUIC (so every request goes through the same network stack), and none of the browser's
 * own background traffic, which would otherwise show up as third-party requests.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Consent tools hide their banner from automated browsers (navigator.webdriver); a scan must
  // see what a visitor sees, so the browser does not announce automation.
  '--disable-blink-features=AutomationControlled',
];

/**
 * The Chromium executable: `CHROMIUM_PATH`, else Debian's /usr/bin/chromium, else the browser
 * Playwright downloads (`npx playwright install chromium`).
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {string}
 */
export function findChromium(env = process.env) {
  if (env.CHROMIUM_PATH) {
    if (!existsSync(env.CHROMIUM_PATH)) throw new UsageError(`CHROMIUM_PATH is ${env.CHROMIUM_PATH}, which does not exist.`);
    return env.CHROMIUM_PATH;
  }
  if (existsSync(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM;
  let bundled = '';
  try {
    bundled = chromium.executablePath();
  } catch {
    /* this playwright-core knows no browser for the platform */
  }
  if (bundled && existsSync(bundled)) return bundled;
  throw new UsageError(
    'no Chromium found. Set CHROMIUM_PATH to a Chromium or Chrome executable, install Debian\'s chromium package (/usr/bin/chromium), or run: npx playwright install chromium',
  );
}

/**
 * Launch Chromium headless, and the user agent a visitor's Chrome of that version sends
 * (without "HeadlessChrome", which consent tools and sites treat as a bot).
 * @param {NodeJS.ProcessEnv} [env]
 */
export async function launchBrowser(env = process.env) {
  const executablePath = findChromium(env);
  let browser;
  try {
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, ignoreDefaultArgs: ['--enable-automation'], headless: true });
  } catch (error) {
    const first = String(error instanceof Error ? error.message : error).split('\n')[0];
    throw new UsageError(`Chromium at ${executablePath} did not start: ${first}`);
  }
  const context = await browser.newContext();
  const page = await context.newPage();
  const headless = await page.evaluate(() => navigator.userAgent);
  await context.close();
  return { browser, userAgent: headless.replace(/HeadlessChrome/g, 'Chrome'), executablePath };
}
