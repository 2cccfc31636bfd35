/**
 * `dist/consent-gate.catalogue.js` for the script-tag build. Load it before `consent-gate.js`.
 * It defines `window.consentGateCatalogue` (presets already defined there are kept, so a page
 * can add its own next to these), and registers the consent APIs of Meta Pixel, Microsoft
 * UET and Microsoft Clarity (`adPlatforms`) in `window.consentGateIntegrations`, as the
 * embeds script does, in either order. The `consent-gate` npm entry has them built in.
 */
import { catalogue } from './index';
import type { PresetRegistry } from '../../core/config';
import { adPlatforms } from '../ad-platforms';
import { register } from '../lib/register';

if (typeof window !== 'undefined') {
  const pageWindow = window as { consentGateCatalogue?: PresetRegistry };
  pageWindow.consentGateCatalogue = { ...catalogue, ...pageWindow.consentGateCatalogue };
  register('__cgAdPlatforms', adPlatforms);
}
