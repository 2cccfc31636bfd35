/** Français. Keys as in `en.ts`. */
import type { Strings } from '../lib/translate';

const strings: Strings = {
  title: 'Nous utilisons des cookies',
  text: 'Nous utilisons des cookies pour faire fonctionner ce site et, avec votre consentement, pour la mesure d’audience et le marketing. Vous pouvez modifier votre choix à tout moment.',
  updated: 'Notre politique relative aux cookies a changé. Merci de refaire votre choix.',
  privacyPolicy: 'Politique de confidentialité',
  acceptAll: 'Tout accepter',
  rejectAll: 'Tout refuser',
  manage: 'Gérer les préférences',
  prefsTitle: 'Préférences en matière de cookies',
  prefsText: 'Choisissez les cookies que nous pouvons utiliser. Les cookies strictement nécessaires sont toujours actifs.',
  save: 'Enregistrer les préférences',
  close: 'Fermer',
  settings: 'Paramètres des cookies',
  privacyChoices: 'Vos choix en matière de confidentialité',
  gpc: 'Nous respectons le signal Global Privacy Control de votre navigateur : les catégories qui vendent ou partagent vos données restent désactivées, sauf si vous les activez ici.',
  gpcConflict:
    'Votre navigateur envoie Global Privacy Control : l’accord donné plus tôt aux catégories qui vendent ou partagent vos données est donc considéré comme retiré. Vous pouvez les réactiver ici de façon explicite.',
  alwaysOn: 'Toujours actifs',
  partly: 'Autorisés en partie',
  consentId: 'Votre identifiant de consentement',
  decidedOn: 'choisi le',
  details: 'Services et cookies',
  name: 'Nom',
  provider: 'Fournisseur',
  purpose: 'Finalité',
  lifetime: 'Durée de conservation',
  necessary: 'Strictement nécessaires',
  necessaryText: 'Indispensables au fonctionnement du site, par exemple pour la connexion, la sécurité et ce choix.',
  preferences: 'Préférences',
  preferencesText: 'Mémorisent vos réglages, comme la langue.',
  analytics: 'Mesure d’audience',
  analyticsText: 'Mesurent l’utilisation du site afin de l’améliorer.',
  marketing: 'Marketing',
  marketingText: 'Affichent des publicités pertinentes et mesurent l’efficacité des campagnes.',
};
export default strings;
