// @ts-check
// The service catalogue is the SDK's own (src/integrations/catalogue, built to dist/catalogue.js):
// one source of truth for the SDK's presets, auto-blocking and this scanner.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { UsageError } from './errors.js';

/** @typedef {import('./classify.js').Catalogue} Catalogue */

/** @typedef {{ parseHostEntry(entry: string): { host: string, path: string }, hostEntryMatches(entry: { host: string, path: string }, hostname: string, pathname: string): boolean }} HostRule */

const BUILT = new URL('../../dist/catalogue.js', import.meta.url);

/**
 * Import the built catalogue module, or say how to build it.
 * @param {URL} location
 * @returns {Promise<{ catalogue?: unknown, parseHostEntry?: unknown, hostEntryMatches?: unknown }>}
 */
async function importBuilt(location) {
  if (!existsSync(fileURLToPath(location))) {
    throw new UsageError('the service catalogue (dist/catalogue.js) is missing: run npm run build at the repository root.');
  }
  return import(location.href);
}

/**
 * Import the built catalogue.
 * @param {URL} [location]  where dist/catalogue.js is (tests point elsewhere)
 * @returns {Promise<Catalogue>}
 */
export async function loadCatalogue(location = BUILT) {
  const { catalogue } = await importBuilt(location);
  if (!catalogue || typeof catalogue != 'object' || !Object.keys(catalogue).length) {
    throw new UsageError('dist/catalogue.js does not export a catalogue: run npm run build at the repository root.');
  }
  return /** @type {Catalogue} */ (catalogue);
}

/**
 * The `hosts` rule as the SDK's auto-blocking applies it (src/integrations/lib/match-host.ts),
 * from the same built module: the scanner and the page can never disagree on a host.
 * @param {URL} [location]
 * @returns {Promise<HostRule>}
 */
export async function loadHostRule(location = BUILT) {
  const { parseHostEntry, hostEntryMatches } = await importBuilt(location);
  if (typeof parseHostEntry != 'function' || typeof hostEntryMatches != 'function') {
    throw new UsageError('dist/catalogue.js does not export the hosts rule: run npm run build at the repository root.');
  }
  return /** @type {HostRule} */ ({ parseHostEntry, hostEntryMatches });
}
