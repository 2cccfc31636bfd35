import type { ConsentInstance } from '../../core/types';
import type { Integration } from '../../core/view';

type AddOnWindow = { ConsentGate?: { instance?: ConsentInstance }; consentGateIntegrations?: Integration[] } & { [flag: string]: unknown };

/**
 * Set up an add-on script's integration (`dist/consent-gate.catalogue.js`, `…embeds.js`) for
 * the script-tag build, once per page however often the file is included (`flag`). Loaded
 * before the instance exists, it joins `window.consentGateIntegrations`, which init sets up
 * with the instance (so `destroy()` removes what it did), next to the other add-ons whatever
 * their order. Loaded after, it attaches at once and chains its clean-up onto `destroy()`.
 */
export function register(flag: string, integration: Integration): void {
  if (typeof window == 'undefined') return;
  const page = window as unknown as AddOnWindow;
  const instance = page.ConsentGate && page.ConsentGate.instance;
  if (page[flag]) return;
  page[flag] = true;
  if (!instance) (page.consentGateIntegrations ||= []).push(integration);
  else {
    const off = integration(instance);
    const destroy = instance.destroy;
    if (typeof off == 'function') instance.destroy = () => (off(), destroy());
  }
}
