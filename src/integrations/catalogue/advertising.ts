import type { ServiceConfig } from '../../core/types';

// `hosts` are the domains each vendor documents for its tag, mostly in its Content-Security-Policy
// guide (the allow-list it asks sites to add); the scanner and auto-blocking match them.

/** https://business.safety.google/adscookies/ (Google advertising cookies): first-party `_gcl_*`, 90 days. */
export const googleAds: ServiceConfig = {
  title: 'Google Ads',
  provider: 'Google',
  category: 'marketing',
  consentMode: ['ad_storage', 'ad_user_data', 'ad_personalization'],
  privacyPolicyUrl: 'https://policies.google.com/privacy',
  hosts: ['googleadservices.com', 'doubleclick.net', 'googlesyndication.com', 'google.com/pagead', 'googletagmanager.com/gtag'],
  description: 'Conversion tracking and remarketing. Receives Google Consent Mode signals. Google also uses IDE and test_cookie on doubleclick.net.',
  cookies: [
    { name: '_gcl_au', lifetime: '90 days', purpose: 'Stores ad-click information for conversion measurement.' },
    { name: /^_gcl_(aw|dc|gb|gf|gs|ag)$/, lifetime: '90 days', purpose: 'Stores the ad click ID for conversion attribution.' },
    { name: /^_gac_/, lifetime: '90 days', purpose: 'Campaign information linked from Google Ads.' },
  ],
};

/** https://developers.facebook.com/docs/marketing-api/conversions-api/parameters/fbp-and-fbc/ and
 * "About cookie settings for your Meta Pixel" (first-party `_fbp`/`_fbc`, 90 days);
 * consent: fbq('consent', 'revoke' | 'grant'), https://developers.facebook.com/docs/meta-pixel/implementation/gdpr */
export const metaPixel: ServiceConfig = {
  title: 'Meta Pixel',
  provider: 'Meta',
  category: 'marketing',
  privacyPolicyUrl: 'https://www.facebook.com/privacy/policy/',
  hosts: ['connect.facebook.net', 'facebook.com/tr'],
  description: "Conversion tracking and audiences for Facebook and Instagram ads. Receives fbq('consent'). Meta also uses fr and datr on facebook.com.",
  cookies: [
    { name: '_fbp', lifetime: '90 days', purpose: 'Identifies the browser for ad delivery and measurement.' },
    { name: '_fbc', lifetime: '90 days', purpose: 'Stores the last Facebook ad click ID (fbclid).' },
  ],
};

/** Microsoft Advertising UET: `_uetsid` 1 day, `_uetvid` 13 months (390 days; help.ads.microsoft.com FAQ);
 * consent: uetq.push('consent', 'default' | 'update', { ad_storage }). */
export const microsoftUet: ServiceConfig = {
  title: 'Microsoft Advertising (UET)',
  provider: 'Microsoft',
  category: 'marketing',
  privacyPolicyUrl: 'https://privacy.microsoft.com/privacystatement',
  hosts: ['bat.bing.com', 'bat.bing.net', 'bat.r.msn.com'],
  description: 'Conversion tracking and remarketing for Microsoft Advertising. Receives UET consent mode signals. Microsoft also uses MUID on bing.com.',
  cookies: [
    { name: '_uetsid', lifetime: '1 day', purpose: 'Identifies the session for conversion measurement.' },
    { name: '_uetvid', lifetime: '13 months', purpose: 'Identifies the visitor across sessions.' },
    { name: '_uetmsclkid', lifetime: '90 days', purpose: 'Stores the Microsoft ad click ID.' },
  ],
  storageKeys: [/^_uet/],
};

/** https://www.linkedin.com/legal/l/cookie-table (Insight Tag): first-party li_fat_id 30 days; the rest on linkedin.com. */
export const linkedinInsight: ServiceConfig = {
  title: 'LinkedIn Insight Tag',
  provider: 'LinkedIn',
  category: 'marketing',
  privacyPolicyUrl: 'https://www.linkedin.com/legal/privacy-policy',
  hosts: ['snap.licdn.com', 'ads.linkedin.com', 'linkedin.com/px'],
  description:
    'Conversion tracking, retargeting and website demographics. LinkedIn also uses li_sugr (90 days), bcookie (1 year), lidc (1 day), UserMatchHistory and AnalyticsSyncHistory (30 days) on linkedin.com.',
  cookies: [
    { name: 'li_fat_id', lifetime: '30 days', purpose: 'Member identifier for conversion attribution after an ad click.' },
    { name: 'li_giant', lifetime: '7 days', purpose: 'Indirect member identifier for conversion attribution.' },
  ],
};

/** https://ads.tiktok.com/help/article?aid=10007540 (About using cookies with TikTok Pixel): cookies expire after 13 months;
 * consent: ttq.grantConsent() / revokeConsent() / holdConsent(). */
export const tiktokPixel: ServiceConfig = {
  title: 'TikTok Pixel',
  provider: 'TikTok',
  category: 'marketing',
  privacyPolicyUrl: 'https://www.tiktok.com/legal/page/eea/privacy-policy/en',
  hosts: ['analytics.tiktok.com'],
  description: 'Conversion tracking and audiences for TikTok ads.',
  cookies: [
    { name: '_ttp', lifetime: '13 months', purpose: 'Identifies the visitor for ad measurement and targeting.' },
    { name: '_tt_enable_cookie', lifetime: '13 months', purpose: 'Checks whether cookies can be set.' },
    { name: 'ttclid', lifetime: '13 months', purpose: 'Stores the TikTok ad click ID.' },
  ],
};

/** https://business.x.com/en/help/campaign-measurement-and-analytics/conversion-tracking-for-websites (X Pixel first-party `_twclid`). */
export const xPixel: ServiceConfig = {
  title: 'X (Twitter) Pixel',
  provider: 'X Corp.',
  category: 'marketing',
  privacyPolicyUrl: 'https://x.com/en/privacy',
  hosts: ['ads-twitter.com', 'analytics.twitter.com', 't.co/i/adsct', 'ads-api.twitter.com'],
  description: 'Conversion tracking and audiences for X ads. X also uses muc_ads, personalization_id and guest_id (2 years) on x.com and twitter.com.',
  cookies: [{ name: '_twclid', lifetime: '2 years', purpose: 'Stores the X ad click ID (twclid) for conversion attribution.' }],
};

/** https://help.pinterest.com/en/business/article/pinterest-tag-parameters-and-cookies */
export const pinterestTag: ServiceConfig = {
  title: 'Pinterest Tag',
  provider: 'Pinterest',
  category: 'marketing',
  privacyPolicyUrl: 'https://policy.pinterest.com/privacy-policy',
  hosts: ['s.pinimg.com/ct', 'ct.pinterest.com'],
  description: 'Conversion tracking and audiences for Pinterest ads. Pinterest also uses _pinterest_sess and _pinterest_ct_ua on pinterest.com.',
  cookies: [
    { name: '_pin_unauth', lifetime: '1 year', purpose: 'Groups actions of visitors Pinterest cannot identify.' },
    { name: '_epik', lifetime: '1 year', purpose: 'Identifies the visitor from promoted-pin traffic.' },
    { name: '_derived_epik', lifetime: '1 year', purpose: 'Stores a match made without cookies (enhanced match).' },
    { name: /^_pinterest_ct(_rt)?$/, lifetime: '1 year', purpose: 'User ID and creation time.' },
  ],
};

/** https://knowledge.hubspot.com/privacy-and-consent/what-cookies-does-hubspot-set-in-a-visitor-s-browser */
export const hubspot: ServiceConfig = {
  title: 'HubSpot',
  provider: 'HubSpot',
  category: 'marketing',
  privacyPolicyUrl: 'https://legal.hubspot.com/privacy-policy',
  hosts: ['hs-scripts.com', 'hs-analytics.net', 'hsadspixel.net', 'hscollectedforms.net', 'track.hubspot.com'],
  description: 'Marketing automation and CRM tracking of visitors and form submissions.',
  cookies: [
    { name: '__hstc', lifetime: '6 months', purpose: 'Main visitor tracking cookie: first, last and current visit, session number.' },
    { name: 'hubspotutk', lifetime: '6 months', purpose: 'Keeps track of the visitor identity for form submissions.' },
    { name: '__hssc', lifetime: '30 minutes', purpose: 'Counts page views in the session.' },
    { name: '__hssrc', lifetime: 'Session', purpose: 'Detects a browser restart (new session).' },
  ],
};
