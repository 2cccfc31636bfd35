/** 한국어. Keys as in `en.ts`. */
import type { Strings } from '../lib/translate';

const strings: Strings = {
  title: '쿠키 사용 안내',
  text: '이 사이트는 운영을 위해 쿠키를 사용하며, 동의하시면 분석과 마케팅에도 사용합니다. 선택은 언제든지 변경할 수 있습니다.',
  updated: '쿠키 정책이 변경되었습니다. 다시 선택해 주세요.',
  privacyPolicy: '개인정보 처리방침',
  acceptAll: '모두 허용',
  rejectAll: '모두 거부',
  manage: '환경설정 관리',
  prefsTitle: '쿠키 환경설정',
  prefsText: '사용을 허용할 쿠키를 선택하세요. 필수 쿠키는 항상 사용됩니다.',
  save: '환경설정 저장',
  close: '닫기',
  settings: '쿠키 설정',
  privacyChoices: '개인정보 선택',
  gpc: '브라우저의 Global Privacy Control 신호를 존중합니다. 개인정보를 판매하거나 공유하는 카테고리는 여기에서 직접 켜지 않는 한 꺼진 상태로 유지됩니다.',
  gpcConflict:
    '브라우저가 Global Privacy Control을 보내므로, 데이터를 판매하거나 공유하는 카테고리에 대해 이전에 한 동의는 철회된 것으로 처리됩니다. 여기에서 명시적으로 다시 켤 수 있습니다.',
  alwaysOn: '항상 사용',
  partly: '일부 허용',
  consentId: '동의 ID',
  decidedOn: '선택일',
  details: '서비스 및 쿠키',
  name: '이름',
  provider: '제공업체',
  purpose: '목적',
  lifetime: '보관 기간',
  necessary: '필수',
  necessaryText: '로그인, 보안, 이 선택의 저장 등 사이트 운영에 필요합니다.',
  preferences: '기능',
  preferencesText: '언어 등 사용자의 설정을 기억합니다.',
  analytics: '분석',
  analyticsText: '사이트 이용 방식을 측정하여 개선에 활용합니다.',
  marketing: '마케팅',
  marketingText: '관련성 높은 광고를 보여 주고 캠페인 성과를 측정합니다.',
};
export default strings;
