import { createPanels } from './panels/index';
import { createLazyView } from './shell/lazy-view';

/**
 * The whole user interface in one bundle: shell and panels, nothing loaded on demand. For
 * tests and for apps that prefer one file; `consent-gate` loads the panels lazily instead.
 */
export const preactView = createLazyView({ load: () => createPanels, describe: 'the bundle' });
