/** Entry of `dist/consent-gate.i18n.js`: every shipped translation, for script tags. */
import { register } from './register';
import { languages } from './languages';

if (typeof window != 'undefined') register(languages);
