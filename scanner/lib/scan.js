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
  const banner = Math.min(ms, 1_500);
  const respond = Math.min(ms, 5_000);
  return {
    navigation,
    load,
    quiet: 500,
    settle,
    banner,
    respond,
    // The reject phase navigates twice; the rest is slack for screenshots, clicks and reading.
    visit: 2 * (navigation + load + settle) + banner + 6 * respond + 10_000,
  };
}

/**
 * @param {object} input
 * @param {import('playwright-core').Browser} input.browser
 * @param {string} input.userAgent
 * @param {string} input.url
 * @param {number} input.limit  most pages
 * @param {number} input.concurrency  pages at a time
 * @param {VisitTimeouts} input.timeouts
 * @param {import('./classify.js').Classifier} input.classifier  for the progress lines
 * @param {(line: string) => void} input.progress
 * @returns {Promise<{ pages: ScannedPage[], origin: string }>}
 */
export async function crawl({ browser, userAgent, url, limit, concurrency, timeouts, classifier, progress }) {
  const start = pageKey(url, new URL(url).origin) || url;
  let origin = new URL(start).origin;
  /** Page keys in the order found; the first `limit` are visited. */
  const queue = [start];
  const known = new Set(queue);
  /** @type {ScannedPage[]} */
  const pages = [];
  let next = 0;
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
    if (key && !known.has(key)) {
      known.add(key);
      queue.push(key);
    }
  };

  /**
   * @param {number} position
   * @param {VisitResult} result
   */
  const report = (position, result) => {
    const page = `[${position + 1}/${Math.min(limit, queue.length)}]`;
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

  /** @param {number} position */
  async function scanPage(position) {
    const url = queue[position];
    /** @type {ScannedPage} */
    const page = { url, visits: {} };
    pages[position] = page;
    const before = await visit(browser, url, 'before', { timeouts, userAgent });
    page.visits.before = before;
    if (position == 0 && before.finalUrl && !before.error) {
      // http -> https and similar: the site is where the start page landed.
      origin = new URL(before.finalUrl).origin;
      for (const key of await sitemapPages(origin, { timeoutMs: timeouts.respond })) enqueue(key);
    }
    // A page that redirected is known under both URLs, so the crawl does not visit it twice.
    const landed = before.finalUrl && pageKey(before.finalUrl, origin);
    if (landed) known.add(landed);
    if (!before.error && before.finalUrl && new URL(before.finalUrl).origin !== origin) {
      before.error = `redirected to another site (${new URL(before.finalUrl).origin})`;
    }
    report(position, before);
    if (before.error) return;
    for (const link of before.links) enqueue(pageKey(link, origin, before.finalUrl));
    wake();
    for (const phase of /** @type {const} */ (['accept', 'reject'])) {
      const result = await visit(browser, url, phase, { timeouts, userAgent });
      page.visits[phase] = result;
      report(position, result);
    }
  }

  async function worker() {
    for (;;) {
      if (next < queue.length && next < limit) {
        const position = next++;
        active++;
        try {
          await scanPage(position);
        } finally {
          active--;
          wake();
        }
        continue;
      }
      if (next >= limit || active == 0) return;
      await new Promise((resolve) => waiting.push(() => resolve(undefined)));
    }
  }

  await Promise.all(Array.from({ length: concurrency }, worker));
  return { pages: pages.filter(Boolean), origin };
}
