import type { ServiceConfig } from '../../core/types';

// `hosts` are the domains each vendor documents for its tag, mostly in its Content-Security-Policy
// guide (the allow-list it asks sites to add); the scanner and auto-blocking match them.

/** https://www.intercom.com/help/en/articles/2361922-intercom-messenger-cookies */
export const intercom: ServiceConfig = {
  title: 'Intercom',
  provider: 'Intercom',
  category: 'preferences',
  privacyPolicyUrl: 'https://www.intercom.com/legal/privacy',
  hosts: ['intercom.io', 'intercomcdn.com', 'intercomassets.com', 'intercomusercontent.com'],
  description: 'Customer messaging and support chat.',
  cookies: [
    { name: /^intercom-id-/, lifetime: '9 months', purpose: 'Anonymous visitor identifier.' },
    { name: /^intercom-session-/, lifetime: '1 week', purpose: 'Identifies the browser session so conversations stay available.' },
    { name: /^intercom-device-id-/, lifetime: '9 months', purpose: 'Identifies the device that uses the Messenger, to prevent abuse.' },
  ],
};

/** https://help.crisp.chat/en/article/crisp-chatbox-cookie-ip-policy-1147xor/ */
export const crisp: ServiceConfig = {
  title: 'Crisp',
  provider: 'Crisp IM',
  category: 'preferences',
  privacyPolicyUrl: 'https://crisp.chat/en/privacy/',
  hosts: ['crisp.chat'],
  description: 'Live chat. Its cookie binds the visitor to a chat session; Crisp says it is not used for tracking.',
  cookies: [{ name: /^crisp-client\/session\//, lifetime: '6 months', purpose: 'Restores the chat session and its messages.' }],
};

/** Zendesk Chat (Web Widget Classic) `__zlcmid`; Zendesk messaging keeps its state in localStorage (`ZD-*`).
 * https://support.zendesk.com/hc/en-us/articles/360022367393 (Zendesk in-product cookie policy) */
export const zendesk: ServiceConfig = {
  title: 'Zendesk',
  provider: 'Zendesk',
  category: 'preferences',
  privacyPolicyUrl: 'https://www.zendesk.com/company/agreements-and-terms/privacy-notice/',
  hosts: ['zdassets.com', 'zendesk.com', 'zopim.com'],
  description: 'Help centre widget, chat and messaging.',
  cookies: [{ name: '__zlcmid', lifetime: '1 year', purpose: 'Stores the chat visitor ID.' }],
  storageKeys: [/^ZD-/],
};
