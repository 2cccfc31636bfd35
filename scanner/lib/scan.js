// @ts-check
// The crawl: pages in breadth-first order (the start page, its sitemap, then links level by
// level), a few at a time, each in three phases. Writes nothing; returns what it saw.
import { pageKey, sitemapPages } from './crawl.js';
import { visit } from './visit.js';
import { classifyPhases, findViolations } from './report.js';

/** @typedef {import('./report.js').ScannedPage} ScannedPage */
/** @typedef {import('./visit.js').VisitTimeouts} VisitTimeouts */
/** @typedef {import('./visit.js').VisitResult} VisitResult */

/**
 * The waits of a visit from the one `--timeout` a person sets.
 * @param {number} seconds
 * @returns {VisitTimeouts}
 */
export function timeoutsFor(seconds) {
  const ms = seconds * 1000;
  const navigation = ms;
  const load = Math.min(ms, 10_000);
  const settle = Math.min(ms, 5_000);
  const banner = Math.min(ms, 2_000);
  const respond = Math.min(ms, 5_000);
  return {
    navigation,
    load,
    quiet: 500,
    settle,
    banner,
    respond,
    // The reject phase navigates twice and may wait for quiet three times (before searching for
    // the button, before the reload, after it); the rest is slack for screenshots, clicks and reading.
    visit: 2 * (navigation + load) + 3 * settle + banner + 6 * respond + 10_000,
  };
}

/**
 * @param {object} input
 * @param {import('playwright-core').Browser} input.browser
 * @param {string} input.userAgent
 * @param {string} input.url
 * @param {number} input.limit  most pages
 * @param {number} input.concurrency  browser contexts (visits) at a time
 * @param {VisitTimeouts} input.timeouts
 * @param {import('./classify.js').Classifier} input.classifier  for the progress lines
 * @param {(line: string) => void} input.progress
 * @returns {Promise<{ pages: ScannedPage[], origin: string }>}
 */
export async function crawl({ browser, userAgent, url, limit, concurrency, timeouts, classifier, progress }) {
  const start = pageKey(url, new URL(url).origin) || url;
  let origin = new URL(start).origin;
  /** Page keys in the order found (breadth-first); the first `limit` are scanned. */
  const queue = [];
  const known = new Set();
  /** @type {ScannedPage[]} */
  const pages = [];
  /**
   * Visits waiting for a browser context. A page's `before` visit comes first: it finds the
   * links, and a page that fails there is not visited again; `accept` and `reject` follow it.
   * @type {{ position: number, phase: import('./visit.js').Phase }[]}
   */
  const jobs = [];
  let active = 0;
  /** @type {(() => void)[]} */
  let waiting = [];
  const wake = () => {
    const resolvers = waiting;
    waiting = [];
    for (const resolve of resolvers) resolve();
  };
  /** @param {string | null} key */
  const enqueue = (key) => {
    if (!key || known.has(key)) return;
    known.add(key);
    if (queue.length >= limit) return;
    queue.push(key);
    pages.push({ url: key, visits: {} });
    jobs.push({ position: queue.length - 1, phase: 'before' });
  };

  /**
   * @param {number} position
   * @param {VisitResult} result
   */
  const report = (position, result) => {
    const page = `[${position + 1}/${queue.length}]`;
    const where = result.url.startsWith(origin) ? result.url.slice(origin.length) || '/' : result.url;
    if (result.error) return progress(`${page} ${result.phase.padEnd(6)} ${where}  failed: ${result.error}`);
    const phases = classifyPhases([{ url: result.url, visits: { [result.phase]: result } }], classifier, Date.now());
    const seen = phases[result.phase];
    const violations = findViolations(phases).length;
    const how = result.decision ? `, ${result.decision.via == 'consent-gate' ? 'via ConsentGate.instance' : result.decision.via == 'button' ? `clicked "${result.decision.label}"` : result.decision.note}` : '';
    progress(
      `${page} ${result.phase.padEnd(6)} ${where}  ${seen.cookies.length} cookies, ${seen.storage.length} storage keys, ${seen.requests.length} third-party requests${
        result.phase == 'accept' ? '' : `, ${violations} violation${violations == 1 ? '' : 's'}`
      }${how}${result.settled ? '' : ' (did not settle in time)'}`,
    );
  };

  /** @param {{ position: number, phase: import('./visit.js').Phase }} job */
  async function run({ position, phase }) {
    const page = pages[position];
    const result = await visit(browser, page.url, phase, { timeouts, userAgent });
    page.visits[phase] = result;
    if (phase == 'before') {
      if (position == 0 && result.finalUrl && !result.error) {
        // http -> https and similar: the site is where the start page landed.
        origin = new URL(result.finalUrl).origin;
        for (const key of await sitemapPages(origin, { timeoutMs: timeouts.respond })) enqueue(key);
      }
      // A page that redirected is known under both URLs, so the crawl does not visit it twice.
      const landed = result.finalUrl && pageKey(result.finalUrl, origin);
      if (landed) known.add(landed);
      if (!result.error && result.finalUrl && new URL(result.finalUrl).origin !== origin) {
        result.error = `redirected to another site (${new URL(result.finalUrl).origin})`;
      }
      if (!result.error) {
        // This page's other phases first, then the pages it links to: the report reads page by page.
        jobs.push({ position, phase: 'accept' }, { position, phase: 'reject' });
        for (const link of result.links) enqueue(pageKey(link, origin, result.finalUrl));
      }
    }
    report(position, result);
  }

  async function worker() {
    for (;;) {
      const job = jobs.shift();
      if (job) {
        active++;
        try {
          await run(job);
        } finally {
          active--;
          wake();
        }
        continue;
      }
      if (active == 0) return;
      await new Promise((resolve) => waiting.push(() => resolve(undefined)));
    }
  }

  enqueue(start);
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { pages, origin };
}
