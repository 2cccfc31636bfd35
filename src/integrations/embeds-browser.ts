/**
 * `dist/consent-gate.embeds.js`: embed placeholders for the script-tag build. Loaded before
 * the instance exists, it registers in `window.consentGateIntegrations`, which init sets up
 * with the instance (so `destroy()` removes the placeholders). Loaded after, it attaches at
 * once and chains its clean-up onto `destroy()`.
 */
import { embeds } from './embeds';
import type { ConsentInstance } from '../core/types';
import type { Integration } from '../core/view';

if (typeof window !== 'undefined') {
  const w = window as { ConsentGate?: { instance?: ConsentInstance }; consentGateIntegrations?: Integration[]; __cgEmbeds?: boolean };
  const instance = w.ConsentGate && w.ConsentGate.instance;
  // Once per page, however often the file is included.
  if (w.__cgEmbeds) {
    /* already set up */
  } else if (!instance) {
    w.__cgEmbeds = true;
    (w.consentGateIntegrations ||= []).push(embeds);
  } else {
    w.__cgEmbeds = true;
    const off = embeds(instance);
    const destroy = instance.destroy;
    if (typeof off == 'function') instance.destroy = () => (off(), destroy());
  }
}
