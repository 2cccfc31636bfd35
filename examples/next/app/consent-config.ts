import type { Config } from 'consent-gate';

/** The site's consent configuration, shared by the provider and nothing else. */
export const consentConfig: Config = {
  revision: '2023-12-04',
  privacyPolicyUrl: '/privacy',
  categories: { necessary: { required: true }, analytics: {}, marketing: {} },
  services: { ga4: { category: 'analytics', cookies: ['_ga', /^_ga_/] } },
  googleConsentMode: true,
};
