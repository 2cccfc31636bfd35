/**
 * `consent-gate/catalogue`: presets for well-known services. Each preset is its own named
 * export, so a bundler keeps only those you import:
 *
 *   import { createConsent } from 'consent-gate';
 *   import { googleAnalytics, youtube } from 'consent-gate/catalogue';
 *   createConsent({ categories, services: { ga4: 'google-analytics', yt: { preset: 'youtube', category: 'media' } } },
 *     { presets: { 'google-analytics': googleAnalytics, youtube } });
 *
 * or use an entry directly: `services: { ga4: googleAnalytics }`. `catalogue` holds them all
 * by preset name (not tree-shakable). The script-tag build reads `window.consentGateCatalogue`,
 * which `dist/consent-gate.catalogue.js` defines.
 */
import type { PresetRegistry } from '../../core/config';
import { googleAnalytics, googleTagManager, microsoftClarity, hotjar, matomo, plausible, mixpanel, segment, amplitude, posthog } from './analytics';
import { googleAds, metaPixel, microsoftUet, linkedinInsight, tiktokPixel, xPixel, pinterestTag, hubspot } from './advertising';
import { intercom, crisp, zendesk } from './support';
import { youtube, vimeo, googleMaps } from './media';
import { googleRecaptcha, cloudflareTurnstile, stripe, paypal, googleSignIn, signInWithApple, githubOauth } from './essential';

export { googleAnalytics, googleTagManager, microsoftClarity, hotjar, matomo, plausible, mixpanel, segment, amplitude, posthog } from './analytics';
export { googleAds, metaPixel, microsoftUet, linkedinInsight, tiktokPixel, xPixel, pinterestTag, hubspot } from './advertising';
export { intercom, crisp, zendesk } from './support';
export { youtube, vimeo, googleMaps } from './media';
export { googleRecaptcha, cloudflareTurnstile, stripe, paypal, googleSignIn, signInWithApple, githubOauth } from './essential';
export { embeds, createEmbeds, type EmbedOptions } from '../embeds';
export type { PresetRegistry } from '../../core/config';
/** The rule a service's `hosts` follow (ServiceConfig.hosts), for tools that match URLs to the catalogue, such as the scanner. */
export { parseHostEntry, hostEntryMatches, bestHostOwner, type HostEntry, type OwnedHostEntry } from '../lib/match-host';

/** Every preset by name, as `services: { x: 'name' }` and `{ preset: 'name' }` refer to it. */
export const catalogue: PresetRegistry = {
  'google-analytics': googleAnalytics,
  'google-tag-manager': googleTagManager,
  'google-ads': googleAds,
  'meta-pixel': metaPixel,
  'microsoft-uet': microsoftUet,
  'microsoft-clarity': microsoftClarity,
  hotjar,
  'linkedin-insight': linkedinInsight,
  'tiktok-pixel': tiktokPixel,
  'x-pixel': xPixel,
  'pinterest-tag': pinterestTag,
  matomo,
  plausible,
  mixpanel,
  segment,
  amplitude,
  posthog,
  hubspot,
  intercom,
  crisp,
  zendesk,
  youtube,
  vimeo,
  'google-maps': googleMaps,
  'google-recaptcha': googleRecaptcha,
  'cloudflare-turnstile': cloudflareTurnstile,
  stripe,
  paypal,
  'google-sign-in': googleSignIn,
  'sign-in-with-apple': signInWithApple,
  'github-oauth': githubOauth,
};

/**
 * The vendor's own consent API, where one exists, and whether consent-gate drives it
 * (`builtIn`: an integration calls it when a service uses that preset or key; Google's through
 * Consent Mode, built in everywhere; Meta/UET/Clarity through `adPlatforms`, built into the
 * `consent-gate` npm entry and registered for script tags by `dist/consent-gate.catalogue.js`).
 */
export const consentHooks: { [preset: string]: { api: string; builtIn: boolean } } = {
  'google-analytics': { api: "gtag('consent', 'default' | 'update', …) (googleConsentMode)", builtIn: true },
  'google-tag-manager': { api: "gtag('consent', 'default' | 'update', …) (googleConsentMode)", builtIn: true },
  'google-ads': { api: "gtag('consent', 'default' | 'update', …) (googleConsentMode)", builtIn: true },
  'meta-pixel': { api: "fbq('consent', 'revoke' | 'grant')", builtIn: true },
  'microsoft-uet': { api: "uetq.push('consent', 'default' | 'update', { ad_storage })", builtIn: true },
  'microsoft-clarity': { api: "clarity('consentv2', { ad_Storage, analytics_Storage })", builtIn: true },
  'tiktok-pixel': { api: 'ttq.holdConsent() / ttq.grantConsent() / ttq.revokeConsent()', builtIn: false },
  matomo: { api: "_paq.push(['requireConsent']), ['setConsentGiven'], ['forgetConsentGiven']", builtIn: false },
  mixpanel: { api: 'mixpanel.opt_in_tracking() / mixpanel.opt_out_tracking()', builtIn: false },
  posthog: { api: 'posthog.opt_in_capturing() / posthog.opt_out_capturing()', builtIn: false },
  amplitude: { api: 'amplitude.setOptOut(true | false)', builtIn: false },
};
