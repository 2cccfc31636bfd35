import { createLazyView } from './shell/lazy-view';

/**
 * The user interface of the `consent-gate` npm entry: the shell on every page view, and the
 * banner and dialog (Preact) in a chunk your bundler splits off, imported only when a view
 * must show.
 */
export const defaultView = createLazyView({
  load: () => import('./panels/index').then((module) => module.createPanels),
  describe: "consent-gate's UI chunk (a dynamic import)",
});
export type { UiOptions } from './context';
