import type { Text } from '../types';

/** Texts under keys, in one language. */
export type Dictionary = { [key: string]: string };

/** Dictionaries by language code, as in `config.translations`. */
export type DictionariesByLanguage = { [language: string]: Dictionary | undefined };

declare global {
  interface Window {
    /** Translations by language code, filled by `consent-gate.i18n.js` and the other language files (or by hand). */
    consentGateTranslations?: { [language: string]: Dictionary };
  }
}

/** The translations language files registered on the page (`window.consentGateTranslations`), if any. */
export const registeredTranslations = (): DictionariesByLanguage => (typeof window != 'undefined' && window.consentGateTranslations) || {};

/**
 * The codes a text is looked up under for `language`, most specific first, English last:
 * the code as given, the same with `-` for `_` (`pt_BR` finds texts kept under `pt-BR`),
 * its base language in lower case (`pt`), then `en`.
 */
export function languageFallbacks(language: string): string[] {
  const hyphenated = language.replace(/_/g, '-');
  const base = hyphenated.split('-')[0].toLowerCase();
  return [...new Set([language, hyphenated, base, 'en'])].filter(Boolean);
}

/** The first value `lookup` finds for one of `languageFallbacks(language)`, tried in order. */
export function resolveText<T>(language: string, lookup: (code: string) => T | undefined): T | undefined {
  for (const code of languageFallbacks(language)) {
    const found = lookup(code);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * `record[key]` when it is the record's own entry: a language or key such as
 * "constructor" must never reach `Object.prototype`.
 */
const ownEntry = (record: unknown, key: string): unknown =>
  record && typeof record == 'object' && Object.prototype.hasOwnProperty.call(record, key) ? (record as { [key: string]: unknown })[key] : undefined;

const asString = (value: unknown): string | undefined => (typeof value == 'string' ? value : undefined);

/**
 * A config `Text` in `language`: a plain string as it is; a per-language object's entry for
 * the language or a fallback (see `languageFallbacks`), else its first entry, so a text
 * given only in Spanish still shows. Empty entries count as missing.
 */
export function localizedText(text: Text | undefined, language: string): string | undefined {
  if (text === undefined || typeof text == 'string') return text;
  const nonEmpty = (value: unknown) => asString(value) || undefined;
  return resolveText(language, (code) => nonEmpty(ownEntry(text, code))) ?? Object.values(text).map(nonEmpty).find(Boolean);
}

/**
 * The string under `key` for `language`: for each code of `languageFallbacks`, the first of
 * `dictionaries` (in the order given) that has it. An empty string is a text too, so a site
 * can blank one out.
 */
export function dictionaryText(key: string, language: string, dictionaries: (DictionariesByLanguage | undefined)[]): string | undefined {
  return resolveText(language, (code) => {
    for (const byLanguage of dictionaries) {
      const found = asString(ownEntry(ownEntry(byLanguage, code), key));
      if (found !== undefined) return found;
    }
    return undefined;
  });
}

/** The code, of `languageFallbacks(language)`, that one of `dictionaries` has texts for: the language texts will be in. */
export function textLanguage(language: string, dictionaries: (DictionariesByLanguage | undefined)[]): string {
  return resolveText(language, (code) => (dictionaries.some((byLanguage) => ownEntry(byLanguage, code)) ? code : undefined)) ?? 'en';
}
