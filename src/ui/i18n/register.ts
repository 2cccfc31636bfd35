import type { ConsentInstance } from '../../core/types';
import type { Strings } from '../lib/translate';

/**
 * Add translations to `window.consentGateTranslations`, where the UI looks them up. Keys
 * the page set there itself win. An instance that already rendered re-renders in its
 * language, so the script may load before or after `consent-gate.js`.
 */
export function register(languages: { [code: string]: Strings }): void {
  const page = window as Window & { ConsentGate?: { instance?: ConsentInstance } };
  const reg = (page.consentGateTranslations ||= {});
  for (const code of Object.keys(languages)) reg[code] = { ...languages[code], ...reg[code] };
  const instance = page.ConsentGate && page.ConsentGate.instance;
  if (instance) instance.setLanguage(instance.language);
}
