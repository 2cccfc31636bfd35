// @ts-check
// The scanner reads the SDK's build (dist/). Other work on this repository may be rebuilding
// it while the tests run (a build deletes dist/ first), so the tests wait until the files they
// need are there and have stopped changing, instead of failing on a half-written build.
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const DIST = fileURLToPath(new URL('../../../dist/', import.meta.url));

/**
 * @param {string[]} files  names inside dist/
 * @param {{ timeoutMs?: number, stableMs?: number }} [options]
 */
export async function waitForBuild(files, { timeoutMs = 180_000, stableMs = 2_000 } = {}) {
  const until = Date.now() + timeoutMs;
  let last = '';
  let since = Date.now();
  for (;;) {
    let state = '';
    try {
      state = files.map((f) => `${f}:${statSync(DIST + f).mtimeMs}`).join(' ');
    } catch {
      state = '';
    }
    if (state && state !== last) {
      last = state;
      since = Date.now();
    }
    if (state && Date.now() - since >= stableMs) return;
    if (Date.now() > until) throw new Error(`dist/${files.join(', dist/')} missing: run npm run build at the repository root.`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
