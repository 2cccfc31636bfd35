/** The user interface the `consent-gate` entry and the script-tag build use. */
export { placeholderView as defaultView } from './placeholder';
