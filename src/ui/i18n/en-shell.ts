/**
 * The English texts the engine itself shows on any page view: the banner and the floating
 * button. The dialog's texts come with the dialog (`en.ts` holds them all).
 */
export default {
  title: 'We use cookies',
  text: 'We use cookies to run this site and, with your consent, for analytics and marketing. You can change your choice at any time.',
  updated: 'Our cookie policy has changed. Please choose again.',
  privacyPolicy: 'Privacy policy',
  acceptAll: 'Accept all',
  rejectAll: 'Reject all',
  manage: 'Manage preferences',
  settings: 'Cookie settings',
  privacyChoices: 'Your Privacy Choices',
};
