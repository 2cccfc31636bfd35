// @ts-check
// The service catalogue is the SDK's own (src/integrations/catalogue, built to dist/catalogue.js):
// one source of truth for the SDK's presets, auto-blocking and this scanner.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { UsageError } from './errors.js';

/** @typedef {import('./classify.js').Catalogue} Catalogue */

/**
 * Import the built catalogue.
 * @param {URL} [location]  where dist/catalogue.js is (tests point elsewhere)
 * @returns {Promise<Catalogue>}
 */
export async function loadCatalogue(location = new URL('../../dist/catalogue.js', import.meta.url)) {
  if (!existsSync(fileURLToPath(location))) {
    throw new UsageError('the service catalogue (dist/catalogue.js) is missing: run npm run build at the repository root.');
  }
  /** @type {{ catalogue?: unknown }} */
  const module = await import(location.href);
  const catalogue = module.catalogue;
  if (!catalogue || typeof catalogue != 'object' || !Object.keys(catalogue).length) {
    throw new UsageError('dist/catalogue.js does not export a catalogue: run npm run build at the repository root.');
  }
  return /** @type {Catalogue} */ (catalogue);
}
