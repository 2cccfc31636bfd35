import type { ServiceConfig } from '../../core/types';

// Cookie facts come from each vendor's own cookie documentation (URL above each entry).
// Only cookies set on the site's own domain are listed, so withdrawal can delete them;
// cookies a vendor keeps on its own domain are named in the description instead.
// `hosts` are the domains each vendor documents for its tag, mostly in its Content-Security-Policy
// guide (the allow-list it asks sites to add); the scanner and auto-blocking match them.

/** https://support.google.com/analytics/answer/11397207 ([GA4] Cookie usage on websites) */
export const googleAnalytics: ServiceConfig = {
  title: 'Google Analytics',
  provider: 'Google',
  category: 'analytics',
  consentMode: ['analytics_storage'],
  privacyPolicyUrl: 'https://policies.google.com/privacy',
  hosts: ['google-analytics.com', 'analytics.google.com', 'googletagmanager.com/gtag', 'stats.g.doubleclick.net', 'google.com/ads/ga-audiences'],
  description: 'Measures how visitors use the site. Receives Google Consent Mode signals.',
  cookies: [
    { name: '_ga', lifetime: '2 years', purpose: 'Distinguishes users.' },
    { name: /^_ga_/, lifetime: '2 years', purpose: 'Persists session state.' },
  ],
};

/**
 * https://developers.google.com/tag-platform/tag-manager — the container itself sets no cookies.
 * Its host also serves gtag.js (`/gtag/js`), the loader of GA4 and Google Ads: those two list
 * `googletagmanager.com/gtag`, the longer match, so gtag.js counts as theirs and gtm.js as Tag Manager's.
 */
export const googleTagManager: ServiceConfig = {
  title: 'Google Tag Manager',
  provider: 'Google',
  category: 'analytics',
  privacyPolicyUrl: 'https://policies.google.com/privacy',
  hosts: ['googletagmanager.com', 'tagmanager.google.com'],
  description: 'Loads other tags. Sets no cookies itself; the tags it loads are declared on their own. Receives Google Consent Mode signals.',
  cookies: [],
};

/** https://learn.microsoft.com/en-us/clarity/setup-and-installation/cookie-list; consent: Clarity Consent API v2. */
export const microsoftClarity: ServiceConfig = {
  title: 'Microsoft Clarity',
  provider: 'Microsoft',
  category: 'analytics',
  privacyPolicyUrl: 'https://privacy.microsoft.com/privacystatement',
  hosts: ['clarity.ms', 'c.bing.com'],
  description: "Session recordings and heatmaps. Receives clarity('consentv2'). Clarity also uses CLID and MUID on clarity.ms and bing.com.",
  cookies: [
    { name: '_clck', lifetime: '1 year', purpose: 'Persists the Clarity user ID and preferences for this site.' },
    { name: '_clsk', lifetime: '1 day', purpose: 'Connects page views into one session recording.' },
  ],
};

/** https://help.hotjar.com/hc/en-us/articles/115011789248-Hotjar-Cookie-Information */
export const hotjar: ServiceConfig = {
  title: 'Hotjar',
  provider: 'Hotjar',
  category: 'analytics',
  privacyPolicyUrl: 'https://www.hotjar.com/legal/policies/privacy/',
  hosts: ['hotjar.com', 'hotjar.io'],
  description: 'Heatmaps, recordings and surveys.',
  cookies: [
    { name: /^_hjSessionUser_/, lifetime: '365 days', purpose: 'Persists the Hotjar user ID for this site.' },
    { name: /^_hjSession_/, lifetime: '30 minutes', purpose: 'Holds the current session data.' },
    { name: '_hjHasCachedUserAttributes', lifetime: 'Session', purpose: 'Whether the cached user attributes are up to date.' },
    { name: '_hjUserAttributesHash', lifetime: '2 minutes, extended every 30 seconds', purpose: 'Detects when a user attribute changes.' },
    {
      name: /^_hj(ClosedSurveyInvites|DonePolls|MinimizedPolls|ShownFeedbackMessage)$/,
      lifetime: '365 days',
      purpose: 'Remembers survey and feedback widget state.',
    },
    {
      name: /^_hj(IncludedInSessionSample|IncludedInPageviewSample|AbsoluteSessionInProgress|FirstSeen)/,
      lifetime: '30 minutes',
      purpose: 'Sampling and first-session detection.',
    },
    {
      name: /^_hj(LocalStorageTest|SessionStorageTest|TLDTest|CookieTest)$/,
      lifetime: 'Under 100 ms',
      purpose: 'Checks which storage the tracking code can use.',
    },
  ],
  storageKeys: [/^_hj/],
};

/** https://matomo.org/faq/general/faq_146/ (What are the cookies created by Matomo JavaScript Tracking client?) */
export const matomo: ServiceConfig = {
  title: 'Matomo',
  provider: 'Matomo (InnoCraft) or self-hosted',
  category: 'analytics',
  privacyPolicyUrl: 'https://matomo.org/privacy-policy/',
  hosts: ['matomo.cloud', 'innocraft.cloud'],
  description: "Web analytics. Consent hook: _paq.push(['setConsentGiven']) / ['forgetConsentGiven'].",
  cookies: [
    { name: /^_pk_id\./, lifetime: '13 months', purpose: 'Stores the unique visitor ID.' },
    { name: /^_pk_ref\./, lifetime: '6 months', purpose: 'Stores the attribution (referrer) information.' },
    { name: /^_pk_(ses|cvar|hsr)\./, lifetime: '30 minutes', purpose: 'Temporarily stores data for the visit.' },
    { name: /^_pk_testcookie/, lifetime: 'Deleted immediately', purpose: 'Checks whether the browser supports cookies.' },
  ],
};

/** https://plausible.io/data-policy — no cookies, no persistent identifiers. */
export const plausible: ServiceConfig = {
  title: 'Plausible Analytics',
  provider: 'Plausible Insights',
  category: 'analytics',
  privacyPolicyUrl: 'https://plausible.io/privacy',
  hosts: ['plausible.io'],
  description: 'Cookieless web analytics: sets no cookies and stores nothing in the browser.',
  cookies: [],
};

/** mixpanel-js persistence (cookie `mp_<token>_mixpanel`, default `cookie_expiration: 365` days); consent: mixpanel.opt_in_tracking() / opt_out_tracking(). */
export const mixpanel: ServiceConfig = {
  title: 'Mixpanel',
  provider: 'Mixpanel',
  category: 'analytics',
  privacyPolicyUrl: 'https://mixpanel.com/legal/privacy-policy/',
  hosts: ['mixpanel.com', 'mxpnl.com'],
  description: 'Product analytics.',
  cookies: [{ name: /^mp_.*_mixpanel$/, lifetime: '1 year', purpose: 'Stores the distinct ID and super properties.' }],
  storageKeys: [/^mp_/, /^__mp/],
};

/** https://segment.com/docs/connections/sources/catalog/libraries/website/javascript/cookie-validity-update/ */
export const segment: ServiceConfig = {
  title: 'Segment',
  provider: 'Twilio',
  category: 'analytics',
  privacyPolicyUrl: 'https://www.twilio.com/en-us/legal/privacy',
  hosts: ['segment.com', 'segment.io'],
  description: 'Customer data pipeline that forwards events to other tools.',
  cookies: [
    { name: 'ajs_anonymous_id', lifetime: '1 year', purpose: 'Identifies an anonymous visitor.' },
    { name: 'ajs_user_id', lifetime: '1 year', purpose: 'Identifies a signed-in user.' },
    { name: 'ajs_group_id', lifetime: '1 year', purpose: 'Identifies the account or company.' },
  ],
  storageKeys: [/^ajs_/],
};

/** https://amplitude.com/docs/sdks/analytics/browser/cookies-and-consent-management (Browser SDK 2); consent: amplitude.setOptOut(). */
export const amplitude: ServiceConfig = {
  title: 'Amplitude',
  provider: 'Amplitude',
  category: 'analytics',
  privacyPolicyUrl: 'https://amplitude.com/privacy',
  hosts: ['amplitude.com'],
  description: 'Product analytics.',
  cookies: [
    { name: /^AMP_MKTG_/, lifetime: '1 year', purpose: 'Stores marketing campaign attribution.' },
    { name: /^AMP_(?!MKTG_)/, lifetime: '1 year', purpose: 'Stores the device ID, user ID and session.' },
  ],
  storageKeys: [/^AMP_/],
};

/** https://posthog.com/docs/libraries/js/persistence; consent: posthog.opt_in_capturing() / opt_out_capturing(). */
export const posthog: ServiceConfig = {
  title: 'PostHog',
  provider: 'PostHog',
  category: 'analytics',
  privacyPolicyUrl: 'https://posthog.com/privacy',
  hosts: ['posthog.com'],
  description: 'Product analytics and session replay.',
  cookies: [{ name: /^ph_.*_posthog$/, lifetime: '365 days', purpose: 'Stores the distinct ID and session ID.' }],
  storageKeys: [/^ph_.*_posthog$/],
};
