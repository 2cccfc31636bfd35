// The one consent configuration every page of the Kestrel AI demo shares.
// Loaded in <head> before /dist/consent-gate.js, which reads window.consentGateConfig.
// The privacy policy's cookie table (privacy.html) is generated from this object,
// so what visitors read and what the SDK enforces cannot drift apart.
window.consentGateConfig = {
  // The privacy policy's "Updated: December 4th, 2023": changing it asks everyone again.
  revision: '2023-12-04',
  privacyPolicyUrl: '/demo/privacy.html',
  // Push Google Consent Mode v2 default/update signals to window.dataLayer.
  googleConsentMode: true,
  // Proof of consent: every decision goes to the consent log (server/), which `npm start`
  // runs on this same origin; /demo/admin/ reads it back. Same origin, so the log may also
  // re-set the consent cookie from the server (Safari caps script-written cookies at 7 days).
  recordEndpoint: '/consent-log/v1/receipts',
  serverCookie: true,
  categories: {
    necessary: {
      required: true,
      description: 'Sign-in, checkout, security and remembering this choice.',
    },
    preferences: {
      description: 'Remembers your theme and lets the support chat keep your conversation.',
    },
    analytics: {
      description: 'Google Analytics tells us which pages and docs help, in aggregate.',
    },
    marketing: {
      description: 'Embedded YouTube videos, which let Google personalise ads.',
    },
  },
  services: {
    account: {
      category: 'necessary',
      title: 'Kestrel account',
      provider: 'Kestrel AI',
      description: 'Keeps you signed in and protects forms against forgery.',
      cookies: [
        { name: 'kestrel_session', provider: 'Kestrel AI', purpose: 'Keeps you signed in', lifetime: 'Session' },
        { name: 'kestrel_csrf', provider: 'Kestrel AI', purpose: 'Protects forms against cross-site request forgery', lifetime: 'Session' },
      ],
    },
    stripe: {
      category: 'necessary',
      title: 'Stripe',
      provider: 'Stripe, Inc.',
      description: 'Card payments and fraud prevention at checkout.',
      privacyPolicyUrl: 'https://stripe.com/privacy',
      cookies: [
        { name: '__stripe_mid', provider: 'Stripe', purpose: 'Fraud prevention', lifetime: '1 year' },
        { name: '__stripe_sid', provider: 'Stripe', purpose: 'Fraud prevention', lifetime: '30 minutes' },
      ],
    },
    paypal: {
      category: 'necessary',
      title: 'PayPal',
      provider: 'PayPal (Europe) S.à r.l. et Cie, S.C.A.',
      description: 'PayPal checkout.',
      privacyPolicyUrl: 'https://www.paypal.com/privacy',
      cookies: [{ name: 'ts', provider: 'PayPal', purpose: 'Fraud prevention during checkout', lifetime: '3 years' }],
    },
    'google-signin': {
      category: 'necessary',
      title: 'Sign in with Google',
      provider: 'Google Ireland Ltd.',
      privacyPolicyUrl: 'https://policies.google.com/privacy',
      cookies: [{ name: 'g_state', provider: 'Google', purpose: 'Remembers whether you closed the sign-in prompt', lifetime: '1 year' }],
    },
    'github-signin': {
      category: 'necessary',
      title: 'Sign in with GitHub',
      provider: 'GitHub, Inc.',
      description: 'A redirect to GitHub and back; sets nothing on this site.',
      privacyPolicyUrl: 'https://docs.github.com/site-policy/privacy-policies/github-general-privacy-statement',
    },
    'apple-signin': {
      category: 'necessary',
      title: 'Sign in with Apple',
      provider: 'Apple Distribution International Ltd.',
      description: 'A pop-up on appleid.apple.com; sets nothing on this site.',
      privacyPolicyUrl: 'https://www.apple.com/legal/privacy/',
    },
    moderation: {
      category: 'necessary',
      title: 'Content moderation API',
      provider: 'Kestrel AI',
      description: 'Runs on our servers only; stores nothing in your browser.',
    },
    'site-preferences': {
      category: 'preferences',
      title: 'Site preferences',
      provider: 'Kestrel AI',
      description: 'Your light or dark theme.',
      storageKeys: ['kestrel-theme'],
    },
    chat: {
      category: 'preferences',
      title: 'Support chat',
      provider: 'HelpDock (fictional)',
      description: 'The chat bubble on the documentation pages.',
      cookies: [{ name: 'hd_session', provider: 'HelpDock', purpose: 'Keeps your chat conversation', lifetime: '7 days' }],
      storageKeys: ['helpdock-visitor'],
    },
    ga4: {
      category: 'analytics',
      title: 'Google Analytics',
      provider: 'Google Ireland Ltd.',
      privacyPolicyUrl: 'https://policies.google.com/privacy',
      cookies: [
        { name: '_ga', provider: 'Google', purpose: 'Distinguishes visitors', lifetime: '2 years' },
        { name: /^_ga_/, provider: 'Google', purpose: 'Keeps the session state', lifetime: '2 years' },
      ],
    },
    youtube: {
      category: 'marketing',
      title: 'YouTube',
      provider: 'Google Ireland Ltd.',
      description: 'Embedded videos, played from youtube-nocookie.com.',
      privacyPolicyUrl: 'https://policies.google.com/privacy',
      cookies: [
        { name: 'VISITOR_INFO1_LIVE', provider: 'YouTube', purpose: 'Estimates bandwidth and links visits for ads', lifetime: '6 months' },
        { name: 'YSC', provider: 'YouTube', purpose: 'Counts video views', lifetime: 'Session' },
      ],
    },
  },
};
