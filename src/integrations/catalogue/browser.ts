/**
 * `dist/consent-gate.catalogue.js`: defines `window.consentGateCatalogue` for the script-tag
 * build. Load it before `consent-gate.js`. Presets already defined there are kept, so a page
 * can add its own next to these.
 */
import { catalogue } from './index';
import type { PresetRegistry } from '../../core/config';

if (typeof window !== 'undefined') {
  const w = window as { consentGateCatalogue?: PresetRegistry };
  w.consentGateCatalogue = { ...catalogue, ...w.consentGateCatalogue };
}
