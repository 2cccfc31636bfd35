import type { Integration } from '../core/view';
import { googleConsentMode } from './google-consent-mode';
import { adPlatforms } from './ad-platforms';

/**
 * Integrations the `consent-gate` entry and the script-tag build set up on every instance.
 * Each does nothing unless the config turns it on: `googleConsentMode`, or a service with
 * the key or preset `meta-pixel`, `microsoft-uet` or `microsoft-clarity`.
 */
export const builtinIntegrations: Integration[] = [googleConsentMode, adPlatforms];
