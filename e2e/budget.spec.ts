// Byte budgets of the two page views a site serves (docs/architecture.md, "Budgets"), enforced in `npm test` by loading
// the built page in Chromium and weighing what it fetched: every response from /dist/, each body
// compressed alone with gzip -9, summed. Counting what the browser fetched (not a file list) keeps
// the budget honest whatever the build splits into: the engine, the UI file it loads beside itself,
// anything added later.
import { gzipSync } from 'node:zlib';
import type { Page, Response, TestInfo } from '@playwright/test';
import { test, expect } from './fixtures';

const PAGE = '/e2e/pages/budget.html';

/**
 * vanilla-cookieconsent 3.1.0, the peer the budgets are set against: gzip -9 of
 * `dist/cookieconsent.umd.js` (10,201 B) + `dist/cookieconsent.css` (5,297 B), the files its page
 * fetches on every view; BENCHMARK.md, "Bytes fetched", reports them as 15.50 KB.
 */
const VANILLA_BYTES_PER_VIEW = 15_498;
/** First visit, until the banner shows: at most 1.0× vanilla-cookieconsent's bytes. */
const FIRST_VISIT_BUDGET = VANILLA_BYTES_PER_VIEW;
/** Returning visit (choice stored, most page views): at most 0.5× vanilla-cookieconsent's bytes. */
const RETURNING_VISIT_BUDGET = Math.floor(0.5 * VANILLA_BYTES_PER_VIEW);
/**
 * That budget is missed (README, "Size"): a returning visit fetches the engine alone, 13.2 KB
 * (0.85x vanilla-cookieconsent; regional rules and the GPC conflict rule added 0.9 KB). Until it is met, the test holds the line at the measured size
 * plus 2% and reports the ratio to the budget, so growth fails and progress shows.
 */
const RETURNING_VISIT_LIMIT = 13_440;

/** The banner, found as the contract says (e2e/ui.spec.ts finds it the same way). */
const banner = (page: Page) => page.getByRole('region', { name: /cookie/i });

type W = Window & { __gtagLoads?: number };

/** Every response the page receives from /dist/, in order of arrival. */
function recordDistResponses(page: Page): Response[] {
  const responses: Response[] = [];
  page.on('response', (response) => {
    if (new URL(response.url()).pathname.startsWith('/dist/')) responses.push(response);
  });
  return responses;
}

interface Weight {
  files: { path: string; gzip: number }[];
  total: number;
}

/** gzip -9 of each fetched body, alone, and the sum. A failed response weighs nothing but is named. */
async function weigh(responses: Response[]): Promise<Weight> {
  const files = await Promise.all(
    responses.map(async (response) => {
      const path = new URL(response.url()).pathname;
      expect(response.status(), `${path} was fetched but answered ${response.status()}`).toBe(200);
      return { path, gzip: gzipSync(await response.body(), { level: 9 }).length };
    }),
  );
  return { files, total: files.reduce((sum, file) => sum + file.gzip, 0) };
}

/** Put the figures where CI logs show them: the test's annotations and its output. */
function report(testInfo: TestInfo, visit: string, weight: Weight, budget: number): string {
  const headroom = budget - weight.total;
  const line =
    `${visit}: ${weight.total} B gzip fetched from dist/ (${weight.files.map((file) => `${file.path.slice(1)} ${file.gzip} B`).join(' + ')}); ` +
    `budget ${budget} B: ${headroom >= 0 ? `${headroom} B (${((100 * headroom) / budget).toFixed(1)}%) to spare` : `${-headroom} B over`}`;
  testInfo.annotations.push({ type: 'bytes', description: line });
  console.log(`[budget] ${line}`);
  return line;
}

test.describe('byte budgets, as fetched by the browser', () => {
  test(`first visit: what loads until the banner shows is at most ${FIRST_VISIT_BUDGET} B gzip (1.0× vanilla-cookieconsent)`, async ({
    page,
    pageErrors,
  }, testInfo) => {
    const fetched = recordDistResponses(page);
    await page.goto(PAGE);
    await expect(banner(page)).toBeVisible();
    // What the page had fetched by the time its banner showed; anything later is not this budget's.
    const weight = await weigh(fetched.slice());
    const line = report(testInfo, 'first visit', weight, FIRST_VISIT_BUDGET);
    expect(weight.files.map((file) => file.path)).toContain('/dist/consent-gate.js');
    expect(weight.total, line).toBeLessThanOrEqual(FIRST_VISIT_BUDGET);
    expect(pageErrors).toEqual([]);
  });

  test(`returning visit: only the engine loads once the choice is stored, at most ${RETURNING_VISIT_LIMIT} B gzip (budget ${RETURNING_VISIT_BUDGET} B, 0.5× vanilla-cookieconsent, missed)`, async ({
    page,
    pageErrors,
  }, testInfo) => {
    const fetched = recordDistResponses(page);
    await page.goto(PAGE);
    await banner(page).getByRole('button', { name: 'Accept all', exact: true }).click();
    await page.waitForFunction(() => (window as W).__gtagLoads === 1);

    const firstVisitResponses = fetched.length;
    await page.reload();
    // The stored choice holds: the gated tag runs (once) without a click, and no banner is drawn.
    await page.waitForFunction(() => (window as W).__gtagLoads === 1);
    // Let anything the engine fetches after the tag (a lazy chunk, say) arrive, so it is counted.
    await page.waitForLoadState('networkidle');
    await expect(banner(page)).toBeHidden();

    const weight = await weigh(fetched.slice(firstVisitResponses));
    const line = report(testInfo, 'returning visit', weight, RETURNING_VISIT_BUDGET);
    expect(weight.files.map((file) => file.path)).toEqual(['/dist/consent-gate.js']);
    expect(weight.total, line).toBeLessThanOrEqual(RETURNING_VISIT_LIMIT);
    expect(pageErrors).toEqual([]);
  });
});
