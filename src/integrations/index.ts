import type { Integration } from '../core/view';

/**
 * Integrations the `consent-gate` entry and the script-tag build set up on every instance.
 * Each does nothing unless the config turns it on.
 */
export const builtinIntegrations: Integration[] = [];
