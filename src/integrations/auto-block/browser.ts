/**
 * `dist/consent-gate.autoblock.js`, the script-tag auto-blocker. It goes first in `<head>`,
 * after `window.consentGateConfig` and before any tag and before `consent-gate.js`; with
 * `autoBlock` in that config it starts at once (docs/auto-blocking.md). Presets come from
 * `window.consentGateCatalogue` (dist/consent-gate.catalogue.js), read again until it is there.
 * The SDK's files beside this one (the engine, the UI, add-ons, translations) are never held.
 */
import type { Config } from '../../core/types';
import type { PresetRegistry } from '../../core/config';
import { warn } from '../../core/lib/log';
import { startAutoBlock } from './start-auto-block';

if (typeof window != 'undefined' && typeof document != 'undefined') {
  const page = window as unknown as { consentGateConfig?: Config; consentGateCatalogue?: PresetRegistry };
  const config = page.consentGateConfig;
  const script = document.currentScript as HTMLScriptElement | null;
  const ownDirectory = script && script.src ? new URL('.', script.src).href : '';
  /** This file's directory holds the SDK's files: consent-gate*.js and i18n/. */
  const isOwnFile = (url: URL) =>
    !!ownDirectory &&
    url.href.startsWith(ownDirectory) &&
    /^(consent-gate[\w.-]*\.js|i18n\/[\w-]+\.(iife\.)?js)$/.test(url.pathname.slice(new URL(ownDirectory).pathname.length));
  if (!config || !config.autoBlock) warn('consent-gate.autoblock.js found no window.consentGateConfig with autoBlock before it; nothing is held.');
  else startAutoBlock(config, { presets: () => page.consentGateCatalogue, isOwnFile });
}
