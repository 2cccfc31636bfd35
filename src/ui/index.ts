/** The user interface the `consent-gate` entry and the script-tag build use. */
export { preactView as defaultView } from './preact-view';
export type { UiOptions } from './context';
