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

if (typeof window !== 'undefined' && !window.ConsentGate) {
  const script = document.currentScript as HTMLScriptElement | null;
  const api: ConsentGateGlobal = {
    version: __VERSION__,
    init(config) {
      if (api.instance) {
        warn('ConsentGate.init() was called again; the first instance is kept.');
        return api.instance;
      }
      const withNonce = config && typeof config === 'object' && !('nonce' in config) && script?.nonce ? { ...config, nonce: script.nonce } : config;
      return (api.instance = createConsent(withNonce, {
        view: defaultView,
        presets: window.consentGateCatalogue,
        integrations: [googleConsentMode, ...(window.consentGateIntegrations || [])],
      }));
    },
  };
  window.ConsentGate = api;
  const url = script?.getAttribute('data-config');
  if (window.consentGateConfig) api.init(window.consentGateConfig);
  else if (url) {
    fetch(url, { credentials: 'same-origin' })
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then((config: Config) => api.init(config))
      .catch((e: unknown) => error(`data-config "${url}" could not be loaded (${String(e)}); nothing is granted.`));
  }
}
