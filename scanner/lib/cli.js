// @ts-check
// The command line: `consent-gate-scan <url> --out <dir> [--pages N] [--fail-on-violation]`.
import { parseArgs } from 'node:util';
import { UsageError } from './errors.js';

export const USAGE = `Usage: consent-gate-scan <url> --out <dir> [options]

Crawls <url> and the same-origin pages it links to (and those its sitemap.xml lists),
breadth-first, and visits each page three times in a fresh browser profile: before any
consent decision, after "Accept all", and after "Reject all" and a reload. Writes
report.json, report.html and consent-config.json to <dir>.

Options:
  --out <dir>            where to write the reports (created if missing; required)
  --pages <n>            most pages to scan (default 20)
  --fail-on-violation    exit with code 1 when anything non-necessary is seen before a
                         decision or after a refusal (for CI)
  --timeout <seconds>    longest wait for a page to load (default 20); every other wait
                         is bounded by it too
  --concurrency <n>      browser profiles open at the same time, 1-8 (default 2)
  -h, --help             show this help

Exit codes: 0 scanned (and clean, with --fail-on-violation); 1 violations found with
--fail-on-violation; 2 usage error, or the scan could not run.

Chromium: CHROMIUM_PATH, else /usr/bin/chromium, else Playwright's own browser.`;

/**
 * @typedef {object} Options
 * @property {string} url
 * @property {string} out
 * @property {number} pages
 * @property {boolean} failOnViolation
 * @property {number} timeoutSeconds
 * @property {number} concurrency
 */

/**
 * @param {string | undefined} value
 * @param {string} flag
 * @param {{ min: number, max: number, integer: boolean }} range
 */
function number(value, flag, { min, max, integer }) {
  const n = Number(value);
  if (value === undefined || value.trim() === '' || !Number.isFinite(n) || (integer && !Number.isInteger(n)) || n < min || n > max) {
    throw new UsageError(`${flag} must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}, not "${value ?? ''}".`);
  }
  return n;
}

/**
 * Read the arguments (without `node` and the script). Returns `{ help: true }` for --help.
 * @param {string[]} argv
 * @returns {{ help: true } | ({ help: false } & Options)}
 */
export function parseCommandLine(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: 'string' },
        pages: { type: 'string' },
        'fail-on-violation': { type: 'boolean' },
        timeout: { type: 'string' },
        concurrency: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    // node:util names the option; its own wording ends with advice for the API, not the CLI.
    const message = String(error instanceof Error ? error.message : error).replace(/\. To specify a positional argument.*$/s, '.');
    throw new UsageError(message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true };
  if (positionals.length == 0) throw new UsageError('which site? Give the URL to scan, e.g. consent-gate-scan https://staging.example.com --out scan-report');
  if (positionals.length > 1) throw new UsageError(`one URL per scan; got ${positionals.length}: ${positionals.join(' ')}`);
  let url;
  try {
    url = new URL(positionals[0]);
  } catch {
    throw new UsageError(`"${positionals[0]}" is not a URL; give it with its scheme, e.g. https://${positionals[0]}`);
  }
  if (!positionals[0].includes('//')) throw new UsageError(`"${positionals[0]}" is not a URL; give it with its scheme, e.g. https://${positionals[0]}`);
  if (url.protocol != 'http:' && url.protocol != 'https:') throw new UsageError(`the URL must be http or https, not ${url.protocol.replace(/:$/, '')}.`);
  if (!values.out) throw new UsageError('--out <dir> is required: the directory for report.json, report.html and consent-config.json.');
  return {
    help: false,
    url: url.href,
    out: values.out,
    pages: values.pages === undefined ? 20 : number(values.pages, '--pages', { min: 1, max: 10_000, integer: true }),
    failOnViolation: values['fail-on-violation'] === true,
    timeoutSeconds: values.timeout === undefined ? 20 : number(values.timeout, '--timeout', { min: 1, max: 600, integer: false }),
    concurrency: values.concurrency === undefined ? 2 : number(values.concurrency, '--concurrency', { min: 1, max: 8, integer: true }),
  };
}
