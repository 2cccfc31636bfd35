import type { ConsentInstance, Text } from '../../core/types';
import en from '../i18n/en';

/** A translation: UI text keys to strings. See `src/ui/i18n/en.ts` for the keys. */
export type Strings = { [key: string]: string };

declare global {
  interface Window {
    /** Translations by language code, filled by `consent-gate.i18n.js` (or by hand). */
    consentGateTranslations?: { [language: string]: Strings };
  }
}

export interface Translator {
  /** The text for a key: config override, loaded translation, then English; '' if none. */
  t(key: string): string;
  /** A config `Text` (string or per-language object) in the current language. */
  x(text: Text | undefined): string | undefined;
  /** The language the texts are in: English when none for the wanted one is loaded. */
  lang: string;
  rtl: boolean;
}

/**
 * Texts for the instance's language: `config.translations`, then the global registry
 * (`window.consentGateTranslations`), each for the exact code and then its base language
 * (`pt-BR`, then `pt`), then English.
 */
export function translator(i: ConsentInstance): Translator {
  const l = i.language;
  const b = l.toLowerCase().split(/[-_]/)[0]!;
  const own = i.config.translations;
  const reg = window.consentGateTranslations || {};
  const lang = [l, b].find((c) => own[c] || reg[c]) || 'en';
  const dicts: (Strings | undefined)[] = [own[l], reg[l], own[b], reg[b], own.en, en];
  return {
    // typeof: a key like "constructor" must not reach Object.prototype.
    t: (k) => dicts.map((s) => s && s[k]).find((v) => typeof v == 'string') || '',
    x: (v) => (v && typeof v == 'object' ? v[l] || v[b] || v.en || Object.values(v)[0] : v),
    lang,
    rtl: /^(ar|he|fa|ur)\b/i.test(lang),
  };
}
