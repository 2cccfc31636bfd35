/**
 * English, built in. The keys are the translation contract: override any of
 * them per language with `translations: { en: { acceptAll: 'Allow all' } }`.
 * Category titles and descriptions are keyed by category (`analytics`, `analyticsText`);
 * a category's own `title`/`description` in the config wins. Texts may link with
 * `[label](https://…)`.
 */
import shellEnglish from './en-shell';

/**
 * (The banner's and the floating button's texts are in `en-shell.ts`, which the engine
 * carries on its own; they are part of this table all the same.)
 */
export default {
  ...shellEnglish,
  prefsTitle: 'Cookie preferences',
  prefsText: 'Choose which cookies we may use. Strictly necessary cookies are always on.',
  save: 'Save preferences',
  close: 'Close',
  gpc: 'We honour Global Privacy Control: categories that sell or share your data stay off unless you switch them on here.',
  gpcConflict:
    'Your browser sends Global Privacy Control, so the permission you gave earlier for categories that sell or share your data is treated as withdrawn. You can switch them on again here.',
  alwaysOn: 'Always on',
  partly: 'Partly allowed',
  consentId: 'Your consent ID',
  decidedOn: 'chosen on',
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
