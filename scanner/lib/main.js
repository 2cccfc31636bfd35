// @ts-check
// The command: arguments in, reports out, an exit code back.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { USAGE, parseCommandLine } from './cli.js';
import { UsageError } from './errors.js';
import { loadCatalogue, loadHostRule } from './catalogue.js';
import { createClassifier } from './classify.js';
import { findChromium, launchBrowser } from './browser.js';
import { crawl, timeoutsFor } from './scan.js';
import { buildReport } from './report.js';
import { renderHtml } from './html.js';

/**
 * @typedef {object} Io
 * @property {(text: string) => void} stdout
 * @property {(text: string) => void} stderr
 * @property {NodeJS.ProcessEnv} env
 */

/**
 * Run the scanner. Resolves with the exit code: 0 done (clean, or violations without
 * --fail-on-violation), 1 violations with --fail-on-violation, 2 usage error or no scan.
 * @param {string[]} argv  arguments after the command name
 * @param {Io} io
 * @returns {Promise<number>}
 */
export async function main(argv, io) {
  const say = (/** @type {string} */ line) => io.stderr(`consent-gate-scan: ${line}\n`);
  try {
    const options = parseCommandLine(argv);
    if (options.help) {
      io.stdout(USAGE + '\n');
      return 0;
    }
    const catalogue = await loadCatalogue();
    const classifier = createClassifier(catalogue, await loadHostRule());
    findChromium(io.env); // before anything is written: no browser, no scan
    const out = resolve(options.out);
    await mkdir(out, { recursive: true }).catch((error) => {
      throw new UsageError(`cannot create the output directory ${options.out}: ${error.code || error.message}`);
    });
    const { version } = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
    const { browser, userAgent } = await launchBrowser(io.env);
    try {
      const startedAt = new Date();
      say(`scanning ${options.url} (up to ${options.pages} page${options.pages == 1 ? '' : 's'}, three phases each)`);
      const { pages } = await crawl({
        browser,
        userAgent,
        url: options.url,
        limit: options.pages,
        concurrency: options.concurrency,
        timeouts: timeoutsFor(options.timeoutSeconds),
        classifier,
        progress: (line) => io.stderr(line + '\n'),
      });
      const report = buildReport({
        start: options.url,
        pages,
        catalogue,
        classifier,
        options: { pages: options.pages },
        startedAt,
        finishedAt: new Date(),
        version,
        browserVersion: `Chromium ${browser.version()}`,
      });
      /** @type {Map<string, string>} */
      const screenshots = new Map();
      for (const page of pages) if (page.visits.before?.screenshot) screenshots.set(page.url, page.visits.before.screenshot);
      await writeFile(join(out, 'report.json'), JSON.stringify(report, null, 2) + '\n');
      await writeFile(join(out, 'report.html'), renderHtml(report, screenshots));
      await writeFile(join(out, 'consent-config.json'), JSON.stringify(report.suggestedConfig, null, 2) + '\n');
      const count = report.violations.length;
      say(
        `${report.summary.pages} page${report.summary.pages == 1 ? '' : 's'} scanned in ${Math.round(report.durationMs / 100) / 10} s, ${count} violation${count == 1 ? '' : 's'}` +
          `${report.summary.failedPages ? `, ${report.summary.failedPages} failed` : ''}. Reports: ${join(options.out, 'report.html')}`,
      );
      const first = pages[0]?.visits.before;
      if (!first || first.error) {
        say(`the start page ${options.url} could not be scanned: ${first?.error || 'no result'}`);
        return 2;
      }
      return options.failOnViolation && count > 0 ? 1 : 0;
    } finally {
      await browser.close().catch(() => {});
    }
  } catch (error) {
    if (error instanceof UsageError) {
      say(error.message);
      if (!/catalogue|Chromium|CHROMIUM_PATH|output directory/.test(error.message)) io.stderr('Run consent-gate-scan --help for usage.\n');
      return 2;
    }
    const message = String(error instanceof Error ? error.message : error).split('\n')[0];
    say(`the scan stopped: ${message}`);
    if (io.env.CONSENT_GATE_SCAN_DEBUG) io.stderr(String(error instanceof Error ? error.stack : error) + '\n');
    else io.stderr('Set CONSENT_GATE_SCAN_DEBUG=1 to see where.\n');
    return 2;
  }
}
