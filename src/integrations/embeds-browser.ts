/**
 * `dist/consent-gate.embeds.js`: embed placeholders for the script-tag build. Load it before
 * or after `consent-gate.js`; it attaches to `ConsentGate.instance` once that exists.
 */
import { embeds } from './embeds';
import type { ConsentInstance } from '../core/types';

if (typeof window !== 'undefined') {
  const w = window as { ConsentGate?: { instance?: ConsentInstance }; __cgEmbeds?: boolean };
  const attach = () => {
    const instance = w.ConsentGate && w.ConsentGate.instance;
    if (!instance || w.__cgEmbeds) return;
    w.__cgEmbeds = true;
    embeds(instance);
  };
  attach();
  // `ready` fires inside init, before `ConsentGate.instance` is assigned: look once that script has finished.
  window.addEventListener('consent-gate:ready', () => Promise.resolve().then(attach));
}
