/** 简体中文. Keys as in `en.ts`. */
import type { Strings } from '../lib/translate';

const strings: Strings = {
  title: '我们使用 Cookie',
  text: '我们使用 Cookie 来维持本网站的运行，并在征得您同意后将其用于分析和营销。您可以随时更改您的选择。',
  updated: '我们的 Cookie 政策已更新，请重新选择。',
  privacyPolicy: '隐私政策',
  acceptAll: '全部接受',
  rejectAll: '全部拒绝',
  manage: '管理偏好设置',
  prefsTitle: 'Cookie 偏好设置',
  prefsText: '请选择我们可以使用的 Cookie。绝对必要的 Cookie 始终启用。',
  save: '保存偏好设置',
  close: '关闭',
  settings: 'Cookie 设置',
  gpc: '我们尊重您的浏览器发出的 Global Privacy Control 信号：出售或共享您个人数据的类别将保持关闭，除非您在此处开启。',
  alwaysOn: '始终启用',
  details: '服务和 Cookie',
  name: '名称',
  provider: '提供方',
  purpose: '用途',
  lifetime: '有效期',
  necessary: '绝对必要',
  necessaryText: '网站运行所必需，例如登录、安全以及保存此项选择。',
  preferences: '偏好',
  preferencesText: '记住您的设置，例如语言。',
  analytics: '分析',
  analyticsText: '衡量网站的使用情况，以便我们改进网站。',
  marketing: '营销',
  marketingText: '展示相关广告并衡量营销活动的效果。',
};
export default strings;
