/** Suomi. Keys as in `en.ts`. */
import type { Strings } from '../lib/translate';

const strings: Strings = {
  title: 'Käytämme evästeitä',
  text: 'Käytämme evästeitä sivuston toimintaan ja suostumuksellasi myös analytiikkaan ja markkinointiin. Voit muuttaa valintaasi milloin tahansa.',
  updated: 'Evästekäytäntömme on muuttunut. Tee valintasi uudelleen.',
  privacyPolicy: 'Tietosuojaseloste',
  acceptAll: 'Hyväksy kaikki',
  rejectAll: 'Hylkää kaikki',
  manage: 'Muokkaa asetuksia',
  prefsTitle: 'Evästeasetukset',
  prefsText: 'Valitse, mitä evästeitä saamme käyttää. Välttämättömät evästeet ovat aina käytössä.',
  save: 'Tallenna asetukset',
  close: 'Sulje',
  settings: 'Evästeasetukset',
  privacyChoices: 'Tietosuojavalintasi',
  gpc: 'Noudatamme selaimesi Global Privacy Control -signaalia: luokat, jotka myyvät tai jakavat tietojasi, pysyvät pois päältä, ellet kytke niitä tästä päälle.',
  gpcConflict:
    'Selaimesi lähettää Global Privacy Control -signaalin: aiempi suostumuksesi luokille, jotka myyvät tai jakavat tietojasi, katsotaan siksi perutuksi. Voit ottaa ne tässä nimenomaisesti uudelleen käyttöön.',
  alwaysOn: 'Aina käytössä',
  partly: 'Osittain sallittu',
  consentId: 'Suostumustunnuksesi',
  decidedOn: 'valittu',
  details: 'Palvelut ja evästeet',
  name: 'Nimi',
  provider: 'Tarjoaja',
  purpose: 'Tarkoitus',
  lifetime: 'Voimassaolo',
  necessary: 'Välttämättömät',
  necessaryText: 'Tarvitaan sivuston toimintaan, esimerkiksi kirjautumiseen, tietoturvaan ja tämän valinnan muistamiseen.',
  preferences: 'Mieltymykset',
  preferencesText: 'Muistavat asetuksesi, kuten kielen.',
  analytics: 'Analytiikka',
  analyticsText: 'Mittaavat sivuston käyttöä, jotta voimme parantaa sitä.',
  marketing: 'Markkinointi',
  marketingText: 'Näyttävät osuvia mainoksia ja mittaavat kampanjoiden tuloksia.',
};
export default strings;
