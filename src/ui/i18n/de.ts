/** Deutsch. Keys as in `en.ts`. */
import type { Strings } from '../lib/translate';

const strings: Strings = {
  title: 'Wir verwenden Cookies',
  text: 'Wir verwenden Cookies, damit diese Website funktioniert, und mit Ihrer Einwilligung auch für Analyse und Marketing. Sie können Ihre Auswahl jederzeit ändern.',
  updated: 'Unsere Cookie-Richtlinie hat sich geändert. Bitte treffen Sie Ihre Auswahl erneut.',
  privacyPolicy: 'Datenschutzerklärung',
  acceptAll: 'Alle akzeptieren',
  rejectAll: 'Alle ablehnen',
  manage: 'Einstellungen verwalten',
  prefsTitle: 'Cookie-Einstellungen',
  prefsText: 'Wählen Sie, welche Cookies wir verwenden dürfen. Unbedingt erforderliche Cookies sind immer aktiv.',
  save: 'Einstellungen speichern',
  close: 'Schließen',
  settings: 'Cookie-Einstellungen',
  privacyChoices: 'Ihre Datenschutzoptionen',
  gpc: 'Wir beachten das Signal „Global Privacy Control“ Ihres Browsers: Kategorien, die Ihre Daten verkaufen oder weitergeben, bleiben aus, solange Sie sie hier nicht einschalten.',
  gpcConflict:
    'Ihr Browser sendet Global Privacy Control: Ihre frühere Einwilligung für Kategorien, die Ihre Daten verkaufen oder weitergeben, gilt daher als widerrufen. Hier können Sie sie ausdrücklich wieder einschalten.',
  alwaysOn: 'Immer aktiv',
  partly: 'Teilweise erlaubt',
  consentId: 'Ihre Einwilligungs-ID',
  decidedOn: 'gewählt am',
  details: 'Dienste und Cookies',
  name: 'Name',
  provider: 'Anbieter',
  purpose: 'Zweck',
  lifetime: 'Speicherdauer',
  necessary: 'Unbedingt erforderlich',
  necessaryText: 'Für den Betrieb der Website nötig, etwa für Anmeldung, Sicherheit und diese Auswahl.',
  preferences: 'Präferenzen',
  preferencesText: 'Speichern Ihre Einstellungen, etwa die Sprache.',
  analytics: 'Analyse',
  analyticsText: 'Messen, wie die Website genutzt wird, damit wir sie verbessern können.',
  marketing: 'Marketing',
  marketingText: 'Zeigen Ihnen relevante Werbung und messen den Erfolg von Kampagnen.',
};
export default strings;
