/** Italiano. Keys as in `en.ts`. */
import type { Strings } from '../lib/translate';

const strings: Strings = {
  title: 'Utilizziamo i cookie',
  text: 'Utilizziamo i cookie per far funzionare questo sito e, con il tuo consenso, anche per statistiche e marketing. Puoi modificare la tua scelta in qualsiasi momento.',
  updated: 'La nostra cookie policy è cambiata. Ti chiediamo di effettuare di nuovo la tua scelta.',
  privacyPolicy: 'Informativa sulla privacy',
  acceptAll: 'Accetta tutti',
  rejectAll: 'Rifiuta tutti',
  manage: 'Gestisci preferenze',
  prefsTitle: 'Preferenze sui cookie',
  prefsText: 'Scegli quali cookie possiamo utilizzare. I cookie strettamente necessari sono sempre attivi.',
  save: 'Salva preferenze',
  close: 'Chiudi',
  settings: 'Impostazioni cookie',
  privacyChoices: 'Le tue scelte sulla privacy',
  gpc: 'Rispettiamo il segnale Global Privacy Control del tuo browser: le categorie che vendono o condividono i tuoi dati restano disattivate, a meno che tu non le attivi qui.',
  gpcConflict:
    'Il tuo browser invia Global Privacy Control: il consenso dato in precedenza alle categorie che vendono o condividono i tuoi dati è quindi considerato revocato. Puoi riattivarle qui in modo esplicito.',
  alwaysOn: 'Sempre attivi',
  partly: 'Consentiti in parte',
  consentId: 'Il tuo ID di consenso',
  decidedOn: 'scelto il',
  details: 'Servizi e cookie',
  name: 'Nome',
  provider: 'Fornitore',
  purpose: 'Finalità',
  lifetime: 'Durata',
  necessary: 'Strettamente necessari',
  necessaryText: 'Servono al funzionamento del sito, ad esempio per l’accesso, la sicurezza e per ricordare questa scelta.',
  preferences: 'Preferenze',
  preferencesText: 'Ricordano le tue impostazioni, come la lingua.',
  analytics: 'Statistiche',
  analyticsText: 'Misurano come viene utilizzato il sito, per migliorarlo.',
  marketing: 'Marketing',
  marketingText: 'Mostrano annunci pertinenti e misurano l’efficacia delle campagne.',
};
export default strings;
