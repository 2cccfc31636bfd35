import type { ConsentInstance } from '../../core/types';
import type { Strings } from '../lib/translate';

/**
 * Add translations to `window.consentGateTranslations`, where the UI looks them up. Keys
 * the page set there itself win. An instance that already rendered re-renders in its
 * language, so the script may load before or after `consent-gate.js`.
 */
export function register(languages: { [code: string]: Strings }): void {
  const w = window as Window & { ConsentGate?: { instance?: ConsentInstance } };
  const reg = (w.consentGateTranslations ||= {});
  for (const code of Object.keys(languages)) reg[code] = { ...languages[code], ...reg[code] };
  const i = w.ConsentGate && w.ConsentGate.instance;
  if (i) i.setLanguage(i.language);
}
