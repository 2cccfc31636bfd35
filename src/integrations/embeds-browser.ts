/**
 * `dist/consent-gate.embeds.js`: embed placeholders for the script-tag build. Loaded before
 * the instance exists, it registers in `window.consentGateIntegrations`, which init sets up
 * with the instance (so `destroy()` removes the placeholders). Loaded after, it attaches at
 * once and chains its clean-up onto `destroy()`.
 */
import { embeds } from './embeds';
import { register } from './lib/register';

register('__cgEmbeds', embeds);
