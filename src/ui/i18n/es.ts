/** Español. Keys as in `en.ts`. */
import type { Strings } from '../lib/translate';

const strings: Strings = {
  title: 'Usamos cookies',
  text: 'Usamos cookies para que este sitio funcione y, con su consentimiento, también para analítica y marketing. Puede cambiar su elección en cualquier momento.',
  updated: 'Nuestra política de cookies ha cambiado. Por favor, vuelva a elegir.',
  privacyPolicy: 'Política de privacidad',
  acceptAll: 'Aceptar todo',
  rejectAll: 'Rechazar todo',
  manage: 'Gestionar preferencias',
  prefsTitle: 'Preferencias de cookies',
  prefsText: 'Elija qué cookies podemos usar. Las cookies estrictamente necesarias siempre están activas.',
  save: 'Guardar preferencias',
  close: 'Cerrar',
  settings: 'Configuración de cookies',
  privacyChoices: 'Sus opciones de privacidad',
  gpc: 'Respetamos la señal Global Privacy Control de su navegador: las categorías que venden o comparten sus datos permanecen desactivadas salvo que usted las active aquí.',
  gpcConflict:
    'Su navegador envía Global Privacy Control: el permiso que dio antes a las categorías que venden o comparten sus datos se considera retirado. Puede volver a activarlas aquí de forma explícita.',
  alwaysOn: 'Siempre activas',
  partly: 'Permitidas en parte',
  consentId: 'Su ID de consentimiento',
  decidedOn: 'elegido el',
  details: 'Servicios y cookies',
  name: 'Nombre',
  provider: 'Proveedor',
  purpose: 'Finalidad',
  lifetime: 'Duración',
  necessary: 'Estrictamente necesarias',
  necessaryText: 'Imprescindibles para que el sitio funcione, por ejemplo para iniciar sesión, la seguridad y guardar esta elección.',
  preferences: 'Preferencias',
  preferencesText: 'Recuerdan sus ajustes, como el idioma.',
  analytics: 'Analítica',
  analyticsText: 'Miden cómo se usa el sitio para poder mejorarlo.',
  marketing: 'Marketing',
  marketingText: 'Muestran anuncios relevantes y miden el rendimiento de las campañas.',
};
export default strings;
