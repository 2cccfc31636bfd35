/** Dansk. Keys as in `en.ts`. */
import type { Strings } from '../lib/translate';

const strings: Strings = {
  title: 'Vi bruger cookies',
  text: 'Vi bruger cookies for at få hjemmesiden til at fungere og, med dit samtykke, også til statistik og markedsføring. Du kan til enhver tid ændre dit valg.',
  updated: 'Vores cookiepolitik er ændret. Træf venligst dit valg igen.',
  privacyPolicy: 'Privatlivspolitik',
  acceptAll: 'Accepter alle',
  rejectAll: 'Afvis alle',
  manage: 'Administrer præferencer',
  prefsTitle: 'Cookieindstillinger',
  prefsText: 'Vælg, hvilke cookies vi må bruge. Nødvendige cookies er altid slået til.',
  save: 'Gem præferencer',
  close: 'Luk',
  settings: 'Cookieindstillinger',
  privacyChoices: 'Dine privatlivsvalg',
  gpc: 'Vi respekterer din browsers Global Privacy Control-signal: Kategorier, der sælger eller deler dine data, forbliver slået fra, medmindre du slår dem til her.',
  gpcConflict:
    'Din browser sender Global Privacy Control: dit tidligere samtykke til kategorier, der sælger eller deler dine data, regnes derfor som trukket tilbage. Du kan udtrykkeligt slå dem til igen her.',
  alwaysOn: 'Altid slået til',
  partly: 'Delvist tilladt',
  consentId: 'Dit samtykke-id',
  decidedOn: 'valgt den',
  details: 'Tjenester og cookies',
  name: 'Navn',
  provider: 'Udbyder',
  purpose: 'Formål',
  lifetime: 'Udløb',
  necessary: 'Nødvendige',
  necessaryText: 'Kræves for at hjemmesiden kan fungere, fx til login, sikkerhed og til at huske dette valg.',
  preferences: 'Præferencer',
  preferencesText: 'Husker dine indstillinger, fx sprog.',
  analytics: 'Statistik',
  analyticsText: 'Måler, hvordan hjemmesiden bruges, så vi kan forbedre den.',
  marketing: 'Markedsføring',
  marketingText: 'Viser relevante annoncer og måler effekten af kampagner.',
};
export default strings;
