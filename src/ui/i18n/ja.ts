/** 日本語. Keys as in `en.ts`. */
import type { Strings } from '../lib/translate';

const strings: Strings = {
  title: 'Cookieの使用について',
  text: '当サイトでは、サイトの運営にCookieを使用しています。また、同意いただいた場合は分析とマーケティングにも使用します。選択はいつでも変更できます。',
  updated: 'Cookieポリシーが変更されました。改めて選択してください。',
  privacyPolicy: 'プライバシーポリシー',
  acceptAll: 'すべて許可',
  rejectAll: 'すべて拒否',
  manage: '設定を管理',
  prefsTitle: 'Cookieの設定',
  prefsText: '当サイトが使用できるCookieを選択してください。必須のCookieは常に有効です。',
  save: '設定を保存',
  close: '閉じる',
  settings: 'Cookie設定',
  privacyChoices: 'プライバシーの選択',
  gpc: 'お使いのブラウザーのGlobal Privacy Controlシグナルを尊重します。個人データを販売または共有するカテゴリーは、ここで有効にしない限り無効のままです。',
  gpcConflict:
    'お使いのブラウザーが Global Privacy Control を送信しているため、データを販売または共有するカテゴリーへの以前の同意は撤回されたものとして扱われます。ここで明示的にもう一度オンにできます。',
  alwaysOn: '常に有効',
  partly: '一部許可',
  consentId: '同意ID',
  decidedOn: '選択日',
  details: 'サービスとCookie',
  name: '名前',
  provider: '提供元',
  purpose: '目的',
  lifetime: '有効期間',
  necessary: '必須',
  necessaryText: 'ログイン、セキュリティ、この選択の保存など、サイトの動作に必要です。',
  preferences: '機能',
  preferencesText: '言語などの設定を記憶します。',
  analytics: '分析',
  analyticsText: 'サイトの利用状況を測定し、改善に役立てます。',
  marketing: 'マーケティング',
  marketingText: '関連性の高い広告を表示し、キャンペーンの効果を測定します。',
};
export default strings;
