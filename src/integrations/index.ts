import type { Integration } from '../core/view';
import { googleConsentMode } from './google-consent-mode';
import { adPlatforms } from './ad-platforms';

/**
 * Integrations the `consent-gate` npm entry sets up on every instance. Each does nothing
 * unless the config turns it on: `googleConsentMode`, or a service with the key or preset
 * `meta-pixel`, `microsoft-uet` or `microsoft-clarity`. The script-tag build (src/browser.ts)
 * has Consent Mode built in and gets `adPlatforms` from `dist/consent-gate.catalogue.js`.
 */
export const builtinIntegrations: Integration[] = [googleConsentMode, adPlatforms];
