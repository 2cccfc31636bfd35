/** Nederlands. Keys as in `en.ts`. */
import type { Strings } from '../lib/translate';

const strings: Strings = {
  title: 'Wij gebruiken cookies',
  text: 'Wij gebruiken cookies om deze website te laten werken en, met uw toestemming, ook voor analyse en marketing. U kunt uw keuze altijd wijzigen.',
  updated: 'Ons cookiebeleid is gewijzigd. Maak opnieuw uw keuze.',
  privacyPolicy: 'Privacybeleid',
  acceptAll: 'Alles accepteren',
  rejectAll: 'Alles weigeren',
  manage: 'Voorkeuren beheren',
  prefsTitle: 'Cookievoorkeuren',
  prefsText: 'Kies welke cookies wij mogen gebruiken. Strikt noodzakelijke cookies staan altijd aan.',
  save: 'Voorkeuren opslaan',
  close: 'Sluiten',
  settings: 'Cookie-instellingen',
  privacyChoices: 'Uw privacykeuzes',
  gpc: 'Wij respecteren het Global Privacy Control-signaal van uw browser: categorieën die uw gegevens verkopen of delen, blijven uit, tenzij u ze hier aanzet.',
  gpcConflict:
    'Uw browser stuurt Global Privacy Control: de eerdere toestemming voor categorieën die uw gegevens verkopen of delen, geldt daarom als ingetrokken. U kunt ze hier uitdrukkelijk weer aanzetten.',
  alwaysOn: 'Altijd aan',
  partly: 'Gedeeltelijk toegestaan',
  consentId: 'Uw toestemmings-ID',
  decidedOn: 'gekozen op',
  details: 'Diensten en cookies',
  name: 'Naam',
  provider: 'Aanbieder',
  purpose: 'Doel',
  lifetime: 'Bewaartermijn',
  necessary: 'Strikt noodzakelijk',
  necessaryText: 'Nodig om de website te laten werken, bijvoorbeeld voor inloggen, beveiliging en het onthouden van deze keuze.',
  preferences: 'Voorkeuren',
  preferencesText: 'Onthouden uw instellingen, zoals de taal.',
  analytics: 'Analyse',
  analyticsText: 'Meten hoe de website wordt gebruikt, zodat wij hem kunnen verbeteren.',
  marketing: 'Marketing',
  marketingText: 'Tonen relevante advertenties en meten het effect van campagnes.',
};
export default strings;
