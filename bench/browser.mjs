// What the benchmark scripts share: the Chromium they run and how, the built engine, a context
// that never reaches the internet, the sampling profiler and how its samples are charged to an SDK,
// and the median.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The script-tag engine as `npm run build` wrote it. */
export const ENGINE = `${ROOT}dist/consent-gate.js`;

/** Stop with a clear message when the engine was not built. */
export function requireBuiltEngine() {
  if (existsSync(ENGINE)) return;
  console.error('dist/consent-gate.js is missing: run npm run build first.');
  process.exit(1);
}

/** No request of `context` leaves the machine: gtag.js is the local stub (it sets _ga), anything else an empty answer. */
export function keepOffline(context) {
  const gtagStub = readFileSync(`${ROOT}e2e/stubs/gtag.js`, 'utf8');
  return context.route(
    (url) => url.hostname !== 'localhost',
    (route) =>
      route.request().url().includes('/gtag/js') ? route.fulfill({ contentType: 'text/javascript', body: gtagStub }) : route.fulfill({ status: 204, body: '' }),
  );
}

/** The Chromium the e2e suite runs too, launched with the same flags. */
export { CHROMIUM_ARGS as LAUNCH_ARGS, chromiumPath } from '../scripts/chromium.mjs';

/** Start V8's sampling profiler at 100 us on a CDP session, as every benchmark measures JavaScript time. */
export async function startSampling(cdp) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
}

/** The median of `values` (the mean of the middle two for an even count); null for none. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  if (!sorted.length) return null;
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * For each node of a V8 CPU profile, the innermost frame of the SDK on its stack (null when the
 * stack holds none): a sample is the SDK's time when its stack holds an SDK frame, including the
 * DOM calls and the page code (a gated tag run by `replaceWith`) that frame called.
 * @returns {{ nodes: Map<number, object>, owner: Map<number, object | null> }}
 */
export function sdkFrameOwners(profile, isSdkUrl) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const owner = new Map();
  const stack = [[profile.nodes[0], null]];
  while (stack.length) {
    const [node, above] = stack.pop();
    const own = isSdkUrl(node.callFrame.url) ? node : above;
    owner.set(node.id, own);
    for (const child of node.children || []) stack.push([nodes.get(child), own]);
  }
  return { nodes, owner };
}
