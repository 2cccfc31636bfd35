import type { ConsentInstance, Text } from '../../core/types';
import { dictionaryText, localizedText, registeredTranslations, textLanguage, type Dictionary } from '../../core/rules/resolve-text';
import en from '../i18n/en';

/** A translation: UI text keys to strings. See `src/ui/i18n/en.ts` for the keys. */
export type Strings = Dictionary;

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
 * Texts for the instance's language, through the shared resolver (core/rules/resolve-text):
 * `config.translations`, then the registered translations (`window.consentGateTranslations`),
 * for the exact code, then `pt-BR` for `pt_BR`, then the base language (`pt`), then English,
 * and last `english`: a table of built-in English texts. The engine passes the few it needs,
 * so it does not carry every English text of the dialog.
 */
export function createTranslator(instance: ConsentInstance, english: Strings): Translator {
  const language = instance.language;
  const dictionaries = [instance.config.translations, registeredTranslations()];
  // The lang attribute wants `pt-BR`, whatever spelling the translations were keyed by.
  const lang = textLanguage(language, dictionaries).replace(/_/g, '-');
  return {
    t: (key) => dictionaryText(key, language, [...dictionaries, { en: english }]) ?? '',
    x: (text) => localizedText(text, language),
    lang,
    rtl: /^(ar|he|fa|ur)\b/i.test(lang),
  };
}

/** `createTranslator` with every built-in English text (`src/ui/i18n/en.ts`). */
export const translator = (instance: ConsentInstance): Translator => createTranslator(instance, en);
