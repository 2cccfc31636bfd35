// @ts-check
// The unit tests classify against the real catalogue, as the scanner does.
import { loadCatalogue, loadHostRule } from '../../lib/catalogue.js';
import { waitForBuild } from './build.js';

/** The built catalogue (waits for a build another process may be writing). */
export async function builtCatalogue() {
  await waitForBuild(['catalogue.js']);
  return loadCatalogue();
}

/** The hosts rule of the built catalogue (the SDK's own). */
export async function builtHostRule() {
  await waitForBuild(['catalogue.js']);
  return loadHostRule();
}
