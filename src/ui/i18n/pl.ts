/** Polski. Keys as in `en.ts`. */
import type { Strings } from '../lib/translate';

const strings: Strings = {
  title: 'Używamy plików cookie',
  text: 'Używamy plików cookie, aby ta strona działała, a za Twoją zgodą także do analityki i marketingu. Swój wybór możesz zmienić w dowolnym momencie.',
  updated: 'Nasza polityka plików cookie uległa zmianie. Dokonaj wyboru ponownie.',
  privacyPolicy: 'Polityka prywatności',
  acceptAll: 'Zaakceptuj wszystkie',
  rejectAll: 'Odrzuć wszystkie',
  manage: 'Zarządzaj preferencjami',
  prefsTitle: 'Ustawienia plików cookie',
  prefsText: 'Wybierz, których plików cookie możemy używać. Niezbędne pliki cookie są zawsze włączone.',
  save: 'Zapisz preferencje',
  close: 'Zamknij',
  settings: 'Ustawienia cookie',
  privacyChoices: 'Twoje wybory dotyczące prywatności',
  gpc: 'Respektujemy sygnał Global Privacy Control Twojej przeglądarki: kategorie, które sprzedają lub udostępniają Twoje dane, pozostają wyłączone, dopóki nie włączysz ich tutaj.',
  gpcConflict:
    'Twoja przeglądarka wysyła Global Privacy Control: wcześniejsza zgoda na kategorie, które sprzedają lub udostępniają Twoje dane, jest więc traktowana jako wycofana. Możesz je tu ponownie wyraźnie włączyć.',
  alwaysOn: 'Zawsze włączone',
  partly: 'Częściowo dozwolone',
  consentId: 'Twój identyfikator zgody',
  decidedOn: 'wybrano',
  details: 'Usługi i pliki cookie',
  name: 'Nazwa',
  provider: 'Dostawca',
  purpose: 'Cel',
  lifetime: 'Okres przechowywania',
  necessary: 'Niezbędne',
  necessaryText: 'Potrzebne do działania strony, np. do logowania, zapewnienia bezpieczeństwa i zapamiętania tego wyboru.',
  preferences: 'Preferencje',
  preferencesText: 'Zapamiętują Twoje ustawienia, np. język.',
  analytics: 'Analityczne',
  analyticsText: 'Mierzą, jak korzystasz ze strony, abyśmy mogli ją ulepszać.',
  marketing: 'Marketingowe',
  marketingText: 'Wyświetlają dopasowane reklamy i mierzą skuteczność kampanii.',
};
export default strings;
