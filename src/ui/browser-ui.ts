/**
 * `dist/consent-gate.ui.js`: the banner and the preferences dialog for the script-tag
 * build. `consent-gate.js` fetches it from beside its own URL when a view must show; it
 * only registers the panels, which the engine then starts.
 */
import { createPanels } from './panels/index';

window.consentGateUi = createPanels;
