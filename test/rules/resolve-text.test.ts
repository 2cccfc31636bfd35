import { describe, expect, test } from 'vitest';
import { dictionaryText, languageFallbacks, localizedText, resolveText, textLanguage } from '../../src/core/rules/resolve-text';

describe('languageFallbacks', () => {
  test.each([
    ['en', ['en']],
    ['de', ['de', 'en']],
    ['de-AT', ['de-AT', 'de', 'en']],
    ['pt_BR', ['pt_BR', 'pt-BR', 'pt', 'en']],
    ['PT-br', ['PT-br', 'pt', 'en']],
    ['zh-Hant-TW', ['zh-Hant-TW', 'zh', 'en']],
    ['en-GB', ['en-GB', 'en']],
    ['', ['en']],
  ])('%j tries %j', (language, codes) => {
    expect(languageFallbacks(language)).toEqual(codes);
  });
});

describe('resolveText', () => {
  test('the first code the lookup answers for wins', () => {
    const asked: string[] = [];
    expect(resolveText('pt_BR', (code) => (asked.push(code), code === 'pt' ? 'found' : undefined))).toBe('found');
    expect(asked).toEqual(['pt_BR', 'pt-BR', 'pt']);
    expect(resolveText('de', () => undefined)).toBeUndefined();
  });
});

describe('localizedText (a config Text)', () => {
  const stats = { en: 'Stats', fr: 'Statistiques', 'pt-BR': 'Estatísticas (BR)', pt: 'Estatísticas' };
  test.each([
    ['plain', 'de', 'plain'],
    [stats, 'fr', 'Statistiques'],
    [stats, 'fr-CA', 'Statistiques'],
    [stats, 'pt_BR', 'Estatísticas (BR)'],
    [stats, 'pt-PT', 'Estatísticas'],
    [stats, 'de', 'Stats'],
    [{ es: 'Estadísticas' }, 'fr', 'Estadísticas'],
    [{ en: 'Stats', fr: '' }, 'fr', 'Stats'],
    [{ en: 'Stats' }, 'constructor', 'Stats'],
    [{}, 'en', undefined],
    [undefined, 'en', undefined],
  ])('%j in %j is %j', (text, language, expected) => {
    expect(localizedText(text, language)).toBe(expected);
  });
});

describe('dictionaryText (a keyed text from translations)', () => {
  const config = { de: { save: 'Speichern' }, 'pt-BR': { save: 'Salvar (BR)' }, en: { save: 'Keep' } };
  const registered = { de: { save: 'Sichern', close: 'Schließen' }, pt: { save: 'Guardar', close: 'Fechar' } };
  const builtIn = { en: { save: 'Save preferences', close: 'Close', blank: '' } };
  const sources = [config, registered, builtIn];
  test.each([
    ['save', 'de', 'Speichern'],
    ['close', 'de-CH', 'Schließen'],
    ['save', 'pt_BR', 'Salvar (BR)'],
    ['close', 'pt_BR', 'Fechar'],
    ['save', 'pt', 'Guardar'],
    ['save', 'fr', 'Keep'],
    ['close', 'fr', 'Close'],
    ['blank', 'fr', ''],
    ['missing', 'de', undefined],
    // Keys and languages never reach Object.prototype.
    ['constructor', 'de', undefined],
    ['__proto__', 'en', undefined],
    ['save', 'constructor', 'Keep'],
  ])('%j in %j is %j', (key, language, expected) => {
    expect(dictionaryText(key, language, sources)).toBe(expected);
  });
  test('missing or odd sources are skipped', () => {
    expect(dictionaryText('save', 'de', [undefined, { de: undefined }, { de: { save: 5 as unknown as string } }, builtIn])).toBe('Save preferences');
  });
});

describe('textLanguage', () => {
  test.each([
    ['de-AT', [{ de: {} }], 'de'],
    ['pt_BR', [{ 'pt-BR': {} }, { pt: {} }], 'pt-BR'],
    ['pt_BR', [{}, { pt: {} }], 'pt'],
    ['fr', [{ de: {} }], 'en'],
    ['constructor', [{}], 'en'],
  ])('%j with %j is written in %j', (language, dictionaries, expected) => {
    expect(textLanguage(language, dictionaries)).toBe(expected);
  });
});
