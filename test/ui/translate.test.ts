import { afterEach, describe, expect, test } from 'vitest';
import type { ConsentInstance } from '../../src/core/types';
import { createTranslator, translator } from '../../src/ui/lib/translate';
import { register } from '../../src/ui/i18n/register';
import en from '../../src/ui/i18n/en';
import de from '../../src/ui/i18n/de';
import { languages } from '../../src/ui/i18n/languages';

const fake = (language: string, translations: ConsentInstance['config']['translations'] = {}) =>
  ({ language, config: { translations } }) as unknown as ConsentInstance;

afterEach(() => {
  delete window.consentGateTranslations;
});

describe('translator', () => {
  test('English is built in', () => {
    const t = translator(fake('en'));
    expect([t.t('acceptAll'), t.t('rejectAll'), t.t('manage'), t.t('save')]).toEqual(['Accept all', 'Reject all', 'Manage preferences', 'Save preferences']);
    expect([t.t('necessary'), t.t('preferences'), t.t('analytics'), t.t('marketing')]).toEqual(['Strictly necessary', 'Preferences', 'Analytics', 'Marketing']);
    expect(t.lang).toBe('en');
  });
  test('a language without texts falls back to English and says so', () => {
    const t = translator(fake('de-AT'));
    expect(t.t('acceptAll')).toBe('Accept all');
    expect(t.lang).toBe('en');
  });
  test('registered languages, base language, and config overrides win in that order', () => {
    register({ de });
    const t = translator(fake('de-AT', { de: { acceptAll: 'Passt' } }));
    expect(t.t('acceptAll')).toBe('Passt');
    expect(t.t('rejectAll')).toBe('Alle ablehnen');
    expect(t.lang).toBe('de');
  });
  test('the page keeps its own registered strings', () => {
    window.consentGateTranslations = { de: { title: 'Kekse' } };
    register({ de });
    expect(translator(fake('de')).t('title')).toBe('Kekse');
  });
  test('right-to-left languages', () => {
    expect(translator(fake('ar', { ar: {} })).rtl).toBe(true);
    expect(translator(fake('he-IL', { he: {} })).rtl).toBe(true);
    expect(translator(fake('ar')).rtl).toBe(false); // no Arabic texts: English, left to right
    expect(translator(fake('de', { de: {} })).rtl).toBe(false);
  });
  test('config texts per language', () => {
    const t = translator(fake('fr-CA'));
    expect(t.x('plain')).toBe('plain');
    expect(t.x({ en: 'Stats', fr: 'Statistiques' })).toBe('Statistiques');
    expect(t.x({ en: 'Stats', de: 'Statistik' })).toBe('Stats');
    expect(t.x({ es: 'Estadísticas' })).toBe('Estadísticas');
    expect(t.x(undefined)).toBeUndefined();
  });
  test('pt_BR and pt-BR find the same texts: the exact code, then pt-BR, then pt', () => {
    register({ pt: { acceptAll: 'Aceitar tudo', rejectAll: 'Rejeitar tudo' } });
    for (const code of ['pt_BR', 'pt-BR']) {
      const t = translator(fake(code, { 'pt-BR': { acceptAll: 'Aceitar todos' } }));
      expect([t.t('acceptAll'), t.t('rejectAll'), t.t('save')]).toEqual(['Aceitar todos', 'Rejeitar tudo', 'Save preferences']);
      // A valid lang attribute, whichever spelling the page used.
      expect(t.lang).toBe('pt-BR');
    }
    expect(translator(fake('pt_BR')).lang).toBe('pt');
  });
  test('createTranslator falls back to the English table it is given, not to every built-in text', () => {
    const t = createTranslator(fake('de', { de: { settings: 'Cookie-Einstellungen' } }), { settings: 'Cookie settings', close: 'Close' });
    expect([t.t('settings'), t.t('close'), t.t('acceptAll')]).toEqual(['Cookie-Einstellungen', 'Close', '']);
  });
  test('keys never reach Object.prototype', () => {
    const t = translator(fake('en'));
    expect(t.t('constructor')).toBe('');
    expect(t.t('__proto__')).toBe('');
  });
});

describe('shipped translations', () => {
  const all: [string, Record<string, string>][] = [['en', en], ...Object.entries(languages)];
  test('at least the languages the issue names', () => {
    for (const code of ['de', 'fr', 'es', 'it', 'nl', 'pt', 'pl', 'sv', 'da', 'fi', 'cs', 'ja', 'zh', 'ko', 'ar', 'he']) expect(languages).toHaveProperty(code);
  });
  test.each(all)('%s has every key, non-empty, and names GPC', (code, strings) => {
    expect(Object.keys(strings).sort()).toEqual(Object.keys(en).sort());
    for (const v of Object.values(strings)) expect(v.trim()).not.toBe('');
    expect(strings.gpc).toContain('Global Privacy Control');
    if (code !== 'en') expect(strings.acceptAll).not.toBe(en.acceptAll);
  });
});
