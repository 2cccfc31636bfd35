/**
 * English, built into every bundle. The keys are the translation contract: override any of
 * them per language with `translations: { en: { acceptAll: 'Allow all' } }`.
 * Category titles and descriptions are keyed by category (`analytics`, `analyticsText`);
 * a category's own `title`/`description` in the config wins. Texts may link with
 * `[label](https://…)`.
 */
export default {
  title: 'We use cookies',
  text: 'We use cookies to run this site and, with your consent, for analytics and marketing. You can change your choice at any time.',
  updated: 'Our cookie policy has changed. Please choose again.',
  privacyPolicy: 'Privacy policy',
  acceptAll: 'Accept all',
  rejectAll: 'Reject all',
  manage: 'Manage preferences',
  prefsTitle: 'Cookie preferences',
  prefsText: 'Choose which cookies we may use. Strictly necessary cookies are always on.',
  save: 'Save preferences',
  close: 'Close',
  settings: 'Cookie settings',
  gpc: 'We honour Global Privacy Control: categories that sell or share your data stay off unless you switch them on here.',
  alwaysOn: 'Always on',
  details: 'Services and cookies',
  name: 'Name',
  provider: 'Provider',
  purpose: 'Purpose',
  lifetime: 'Lifetime',
  necessary: 'Strictly necessary',
  necessaryText: 'Needed for the site to work, such as sign-in, security and this choice.',
  preferences: 'Preferences',
  preferencesText: 'Remember your settings, such as language.',
  analytics: 'Analytics',
  analyticsText: 'Measure how the site is used, to improve it.',
  marketing: 'Marketing',
  marketingText: 'Show you relevant ads and measure campaigns.',
};
