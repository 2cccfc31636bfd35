// @ts-check
// The unit tests classify against the real catalogue, as the scanner does.
import { loadCatalogue } from '../../lib/catalogue.js';
import { waitForBuild } from './build.js';

/** The built catalogue (waits for a build another process may be writing). */
export async function builtCatalogue() {
  await waitForBuild(['catalogue.js']);
  return loadCatalogue();
}
