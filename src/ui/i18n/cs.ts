/** Čeština. Keys as in `en.ts`. */
import type { Strings } from '../lib/translate';

const strings: Strings = {
  title: 'Používáme soubory cookie',
  text: 'Soubory cookie používáme k provozu tohoto webu a s vaším souhlasem také pro analýzu a marketing. Svou volbu můžete kdykoli změnit.',
  updated: 'Naše zásady používání souborů cookie se změnily. Vyberte prosím znovu.',
  privacyPolicy: 'Zásady ochrany osobních údajů',
  acceptAll: 'Přijmout vše',
  rejectAll: 'Odmítnout vše',
  manage: 'Spravovat předvolby',
  prefsTitle: 'Nastavení souborů cookie',
  prefsText: 'Vyberte, které soubory cookie smíme používat. Nezbytné soubory cookie jsou vždy zapnuté.',
  save: 'Uložit předvolby',
  close: 'Zavřít',
  settings: 'Nastavení cookies',
  privacyChoices: 'Vaše volby ochrany soukromí',
  gpc: 'Respektujeme signál Global Privacy Control vašeho prohlížeče: kategorie, které prodávají nebo sdílejí vaše údaje, zůstanou vypnuté, dokud je zde nezapnete.',
  gpcConflict:
    'Váš prohlížeč posílá Global Privacy Control: dřívější souhlas s kategoriemi, které prodávají nebo sdílejí vaše údaje, se proto považuje za odvolaný. Zde je můžete výslovně znovu zapnout.',
  alwaysOn: 'Vždy zapnuto',
  partly: 'Částečně povoleno',
  consentId: 'Vaše ID souhlasu',
  decidedOn: 'zvoleno dne',
  details: 'Služby a soubory cookie',
  name: 'Název',
  provider: 'Poskytovatel',
  purpose: 'Účel',
  lifetime: 'Doba platnosti',
  necessary: 'Nezbytné',
  necessaryText: 'Nutné pro fungování webu, například pro přihlášení, zabezpečení a uložení této volby.',
  preferences: 'Předvolby',
  preferencesText: 'Pamatují si vaše nastavení, například jazyk.',
  analytics: 'Analytické',
  analyticsText: 'Měří, jak je web používán, abychom jej mohli zlepšovat.',
  marketing: 'Marketingové',
  marketingText: 'Zobrazují relevantní reklamy a měří úspěšnost kampaní.',
};
export default strings;
