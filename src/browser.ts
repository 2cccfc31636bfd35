/**
 * The script-tag build's engine, `dist/consent-gate.js`. The only module with side effects:
 * it defines `window.ConsentGate` and initialises from `window.consentGateConfig` or
 * `data-config`. On every page view it restores the choice, gates the page, drives Google
 * Consent Mode and shows the floating button; the banner and the preferences dialog come in
 * `consent-gate.ui.js`, fetched from beside this script only when one must show. Add-on
 * scripts loaded before this one bring the rest: `consent-gate.catalogue.js` the presets
 * and the Meta Pixel / Microsoft UET / Clarity consent APIs, `consent-gate.embeds.js`
 * placeholders.
 */
import { createConsent } from './core/consent';
import type { Config, ConsentInstance } from './core/types';
import type { PresetRegistry } from './core/config';
import type { Integration } from './core/view';
import { isPlainObject } from './core/lib/keys';
import { error, warn } from './core/lib/log';
import { createLazyView } from './ui/shell/lazy-view';
import { loadPanelsScript } from './ui/shell/load-panels-script';
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
/** The Subresource Integrity hash of consent-gate.ui.js, written in by the build. */
declare const __UI_INTEGRITY__: string;

if (typeof window !== 'undefined' && !window.ConsentGate) {
  const page = window;
  const script = document.currentScript as HTMLScriptElement | null;
  const nonce = script?.nonce;
  const url = script?.dataset.config;
  // The visitor's region as the page's server knows it (docs/configuration.md#regions).
  const region = script?.dataset.region;
  // The UI file sits beside this one, wherever the site or a CDN serves it from.
  const uiUrl = new URL('consent-gate.ui.js', script?.src || location.href).href;
  const api: ConsentGateGlobal = (page.ConsentGate = {
    version: __VERSION__,
    init(config) {
      if (api.instance) warn('ConsentGate.init() was called again; the first instance is kept.');
      // The loading script's nonce and data-region, unless the config names its own; the UI script carries the nonce too.
      const withNonce = isPlainObject(config) ? { nonce, region, ...config } : config;
      const uiNonce = isPlainObject(withNonce) && typeof withNonce.nonce === 'string' ? withNonce.nonce : undefined;
      return (api.instance ||= createConsent(withNonce, {
        view: createLazyView({ load: () => loadPanelsScript(uiUrl, uiNonce, __UI_INTEGRITY__), describe: uiUrl }),
        presets: page.consentGateCatalogue,
        integrations: [googleConsentMode, ...(page.consentGateIntegrations || [])],
      }));
    },
  });
  if (page.consentGateConfig) api.init(page.consentGateConfig);
  else if (url)
    // fetch() sends same-origin credentials (cookies) by default.
    fetch(url)
      .then((response) =>
        response.ok
          ? // The site's edge may name the visitor's region in a header of this response; the config's own `region` wins.
            response.json().then((json) => api.init(isPlainObject(json) ? { region: response.headers.get('consent-gate-region') || region, ...json } : json))
          : Promise.reject(`HTTP ${response.status}`),
      )
      .catch((reason) => error(`data-config "${url}" could not be loaded (${reason}); nothing is granted.`));
}
