/**
 * The script-tag build. The only module with side effects: it defines
 * `window.ConsentGate` and initialises from `window.consentGateConfig` or `data-config`.
 * Built in: the banner, the preferences dialog and Google Consent Mode. Add-on scripts
 * loaded before this one bring the rest: `consent-gate.catalogue.js` the presets and the
 * Meta Pixel / Microsoft UET / Clarity consent APIs, `consent-gate.embeds.js` placeholders.
 */
import { createConsent } from './core/consent';
import type { Config, ConsentInstance } from './core/types';
import type { PresetRegistry } from './core/config';
import type { Integration } from './core/view';
import { isPlainObject } from './core/lib/keys';
import { error, warn } from './core/lib/log';
import { defaultView } from './ui/index';
import { googleConsentMode } from './integrations/google-consent-mode';

export interface ConsentGateGlobal {
  /** Create the page's instance; a second call returns the first instance. */
  init(config: Config): ConsentInstance;
  /** The page's instance once initialised. */
  instance?: ConsentInstance;
  version: string;
}

declare global {
  interface Window {
    ConsentGate?: ConsentGateGlobal;
    consentGateConfig?: Config;
    /** Catalogue presets, defined by a catalogue script loaded before this one. */
    consentGateCatalogue?: PresetRegistry;
    /** Integrations registered by add-on scripts (catalogue, embeds) before init; set up with the instance. */
    consentGateIntegrations?: Integration[];
  }
}

declare const __VERSION__: string;

if (typeof window != 'undefined' && !window.ConsentGate) {
  const w = window;
  const script = document.currentScript as HTMLScriptElement | null;
  const nonce = script?.nonce;
  const url = script?.dataset.config;
  const api: ConsentGateGlobal = (w.ConsentGate = {
    version: __VERSION__,
    init(config) {
      if (api.instance) warn('ConsentGate.init() was called again; the first instance is kept.');
      // The loading script's nonce, unless the config names one.
      return (api.instance ||= createConsent(isPlainObject(config) ? { nonce, ...config } : config, {
        view: defaultView,
        presets: w.consentGateCatalogue,
        integrations: [googleConsentMode, ...(w.consentGateIntegrations || [])],
      }));
    },
  });
  if (w.consentGateConfig) api.init(w.consentGateConfig);
  else if (url)
    // fetch() sends same-origin credentials (cookies) by default.
    fetch(url)
      .then((r) => (r.ok ? r.json() : Promise.reject(`HTTP ${r.status}`)))
      .then(api.init)
      .catch((e) => error(`data-config "${url}" could not be loaded (${e}); nothing is granted.`));
}
