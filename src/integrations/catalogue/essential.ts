import type { ServiceConfig } from '../../core/types';

// Security, payment and sign-in services a site needs to work; each defaults to `necessary`.
// `hosts` are the domains each vendor documents for its tag, mostly in its Content-Security-Policy
// guide (the allow-list it asks sites to add); the scanner and auto-blocking match them.

/** https://policies.google.com/technologies/cookies — reCAPTCHA sets _GRECAPTCHA (6 months) on google.com. */
export const googleRecaptcha: ServiceConfig = {
  title: 'Google reCAPTCHA',
  provider: 'Google',
  category: 'necessary',
  privacyPolicyUrl: 'https://policies.google.com/privacy',
  hosts: ['google.com/recaptcha', 'gstatic.com/recaptcha', 'recaptcha.net'],
  description: 'Protects forms from bots. Google sets _GRECAPTCHA (6 months) on google.com for risk analysis.',
  cookies: [],
};

/** https://developers.cloudflare.com/turnstile/ and https://www.cloudflare.com/turnstile-privacy-policy/ */
export const cloudflareTurnstile: ServiceConfig = {
  title: 'Cloudflare Turnstile',
  provider: 'Cloudflare',
  category: 'necessary',
  privacyPolicyUrl: 'https://www.cloudflare.com/turnstile-privacy-policy/',
  hosts: ['challenges.cloudflare.com'],
  description: 'Protects forms from bots without a puzzle. Sets no cookie on this site.',
  cookies: [],
};

/** https://stripe.com/cookie-settings and https://docs.stripe.com/disputes/prevention/advanced-fraud-detection */
export const stripe: ServiceConfig = {
  title: 'Stripe',
  provider: 'Stripe',
  category: 'necessary',
  privacyPolicyUrl: 'https://stripe.com/privacy',
  hosts: ['stripe.com', 'stripe.network'],
  description: 'Card payments. Stripe.js sets fraud-prevention cookies; Stripe also uses m on m.stripe.com.',
  cookies: [
    { name: '__stripe_mid', lifetime: '1 year', purpose: 'Fraud prevention: identifies the device.' },
    { name: '__stripe_sid', lifetime: '30 minutes', purpose: 'Fraud prevention: identifies the checkout session.' },
  ],
};

/** https://www.paypal.com/myaccount/privacy/cookiePrefs — PayPal's cookies live on paypal.com. */
export const paypal: ServiceConfig = {
  title: 'PayPal',
  provider: 'PayPal',
  category: 'necessary',
  privacyPolicyUrl: 'https://www.paypal.com/webapps/mpp/ua/privacy-full',
  hosts: ['paypal.com', 'paypalobjects.com'],
  description: 'Checkout with PayPal. PayPal sets its session and fraud-prevention cookies on paypal.com, none on this site.',
  cookies: [],
};

/** https://developers.google.com/identity/gsi/web/guides/automatic-sign-in-sign-out (g_state on your domain). */
export const googleSignIn: ServiceConfig = {
  title: 'Sign in with Google',
  provider: 'Google',
  category: 'necessary',
  privacyPolicyUrl: 'https://policies.google.com/privacy',
  hosts: ['accounts.google.com/gsi', 'accounts.google.com/o/oauth2'],
  description: 'Sign-in with a Google account (Google Identity Services).',
  cookies: [
    { name: 'g_state', lifetime: 'Varies (One Tap prompt cool-down)', purpose: 'Records the One Tap prompt and sign-out state.' },
    { name: 'g_csrf_token', lifetime: 'Session', purpose: 'Protects the sign-in callback against cross-site request forgery.' },
  ],
};

/** https://developer.apple.com/documentation/sign_in_with_apple/sign_in_with_apple_js — no cookie on this site. */
export const signInWithApple: ServiceConfig = {
  title: 'Sign in with Apple',
  provider: 'Apple',
  category: 'necessary',
  privacyPolicyUrl: 'https://www.apple.com/legal/privacy/',
  hosts: ['appleid.apple.com', 'appleid.cdn-apple.com'],
  description: 'Sign-in with an Apple ID. The sign-in happens on appleid.apple.com; no cookie is set on this site.',
  cookies: [],
};

/** https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps — the flow runs on github.com. */
export const githubOauth: ServiceConfig = {
  title: 'GitHub sign-in',
  provider: 'GitHub',
  category: 'necessary',
  privacyPolicyUrl: 'https://docs.github.com/en/site-policy/privacy-policies/github-general-privacy-statement',
  hosts: ['github.com/login'],
  description: 'Sign-in with a GitHub account (OAuth). GitHub keeps its session cookies on github.com; none on this site.',
  cookies: [],
};
