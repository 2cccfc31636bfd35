import type { PanelsFactory } from '../panels/index';
import { setScriptUrl } from '../../core/lib/script-url';

declare global {
  interface Window {
    /** The panels, defined by `consent-gate.ui.js` once it has run. */
    consentGateUi?: PanelsFactory;
  }
}

/**
 * Load `consent-gate.ui.js` with a script element: the page's nonce (a strict CSP allows
 * it), its Subresource Integrity hash pinned at build time (a CDN copy that was changed does
 * not run), and the Trusted Types policy for its URL. Resolves with the panels it registers.
 * A page that included the file itself is not asked to fetch it again.
 */
export function loadPanelsScript(url: string, nonce: string | undefined, integrity: string): Promise<PanelsFactory> {
  if (window.consentGateUi) return Promise.resolve(window.consentGateUi);
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    if (nonce) script.nonce = nonce;
    if (integrity) {
      script.integrity = integrity;
      // SRI needs a CORS request when the file comes from a CDN; for the site's own origin it changes nothing.
      script.crossOrigin = 'anonymous';
    }
    script.onload = () => (window.consentGateUi ? resolve(window.consentGateUi) : reject(new Error('it ran but defined no UI')));
    script.onerror = () => reject(new Error('the request failed, was blocked, or its integrity hash did not match'));
    setScriptUrl(script, url);
    document.head.append(script);
  });
}
