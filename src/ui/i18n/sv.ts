/** Svenska. Keys as in `en.ts`. */
import type { Strings } from '../lib/translate';

const strings: Strings = {
  title: 'Vi använder cookies',
  text: 'Vi använder cookies för att webbplatsen ska fungera och, med ditt samtycke, även för analys och marknadsföring. Du kan när som helst ändra ditt val.',
  updated: 'Vår cookiepolicy har ändrats. Gör ditt val igen.',
  privacyPolicy: 'Integritetspolicy',
  acceptAll: 'Godkänn alla',
  rejectAll: 'Avvisa alla',
  manage: 'Hantera inställningar',
  prefsTitle: 'Cookieinställningar',
  prefsText: 'Välj vilka cookies vi får använda. Nödvändiga cookies är alltid på.',
  save: 'Spara inställningar',
  close: 'Stäng',
  settings: 'Cookieinställningar',
  privacyChoices: 'Dina integritetsval',
  gpc: 'Vi respekterar din webbläsares Global Privacy Control-signal: kategorier som säljer eller delar dina uppgifter förblir avstängda om du inte slår på dem här.',
  gpcConflict:
    'Din webbläsare skickar Global Privacy Control: ditt tidigare samtycke till kategorier som säljer eller delar dina uppgifter räknas därför som återkallat. Du kan uttryckligen slå på dem igen här.',
  alwaysOn: 'Alltid på',
  partly: 'Delvis tillåtna',
  consentId: 'Ditt samtyckes-ID',
  decidedOn: 'valt den',
  details: 'Tjänster och cookies',
  name: 'Namn',
  provider: 'Leverantör',
  purpose: 'Syfte',
  lifetime: 'Lagringstid',
  necessary: 'Nödvändiga',
  necessaryText: 'Krävs för att webbplatsen ska fungera, till exempel för inloggning, säkerhet och för att komma ihåg det här valet.',
  preferences: 'Preferenser',
  preferencesText: 'Kommer ihåg dina inställningar, till exempel språk.',
  analytics: 'Analys',
  analyticsText: 'Mäter hur webbplatsen används så att vi kan förbättra den.',
  marketing: 'Marknadsföring',
  marketingText: 'Visar relevanta annonser och mäter kampanjer.',
};
export default strings;
