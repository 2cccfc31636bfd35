/**
 * Public types of consent-gate. The `Config` interface is the reference
 * documentation for every option; keep TSDoc and README in step.
 */

/** A text given either once for every language or per language code. */
export type Text = string | { [language: string]: string };

/** A cookie or storage key a service sets: exact name, pattern, or a described entry. */
export type CookieMatcher = string | RegExp | CookieDescription;

/** A cookie described for the cookie table and for clean-up on withdrawal. */
export interface CookieDescription {
  /** Exact name or pattern. */
  name: string | RegExp;
  /** Who sets it, e.g. `Google`. */
  provider?: string;
  /** What it is for. */
  purpose?: Text;
  /** How long it lives, as shown to visitors, e.g. `2 years`. */
  lifetime?: Text;
}

/** The seven Google Consent Mode v2 storage types. */
export type ConsentModeType =
  | 'ad_storage'
  | 'ad_user_data'
  | 'ad_personalization'
  | 'analytics_storage'
  | 'functionality_storage'
  | 'personalization_storage'
  | 'security_storage';

/** One purpose a visitor can allow or refuse. */
export interface CategoryConfig {
  /** Always granted and shown as a disabled, checked switch. @default false */
  required?: boolean;
  /** Shown as the switch label. Built-in English for `necessary`, `preferences`, `analytics`, `marketing`. */
  title?: Text;
  /** Shown under the title. */
  description?: Text;
  /**
   * The category sells or shares personal data (CCPA/CPRA). With Global Privacy Control on,
   * "Accept all" does not grant it. @default true for `marketing`, false otherwise
   */
  saleOrSharing?: boolean;
  /** Google Consent Mode types this category grants. Defaults by key, see README#consent-mode. */
  consentMode?: ConsentModeType[];
  /**
   * In `mode: 'opt-out'`, whether the category is on until the visitor refuses it.
   * @default true except for sale/sharing categories when GPC is on
   */
  default?: boolean;
}

/** A named third party inside a category, which a visitor can refuse on its own. */
export interface ServiceConfig {
  /** The category key it belongs to. */
  category: string;
  /** Display name, e.g. `Google Analytics`. */
  title?: Text;
  description?: Text;
  /** Company that runs it. */
  provider?: string;
  /** Link to its privacy policy. */
  privacyPolicyUrl?: string;
  /** Cookies it sets: deleted when it is refused. */
  cookies?: CookieMatcher[];
  /** localStorage keys it writes: deleted when it is refused. */
  storageKeys?: (string | RegExp)[];
  /**
   * The hosts its scripts, frames, pixels and calls go to, as the site scanner and auto-blocking
   * match them. Each entry is a host name, optionally followed by a path prefix; no scheme, port,
   * query or wildcard. A host matches itself and every subdomain (`google-analytics.com` matches
   * `region1.google-analytics.com`); a path matches itself and what lies below it, by whole
   * segments (`facebook.com/tr` matches `/tr` and `/tr/x`, not `/track`). Several services may
   * share a host or path (Google's `gtag.js` loader serves GA4 and Google Ads): the longest
   * matching entry names the service.
   * @example ['connect.facebook.net', 'facebook.com/tr']
   */
  hosts?: string[];
  /** A catalogue preset this entry extends, e.g. `google-analytics`. */
  preset?: string;
  /**
   * Google Consent Mode types this service stands for (e.g. Google Ads: the three ad types).
   * While the service is refused they are signalled `denied`, even when its category is granted.
   */
  consentMode?: ConsentModeType[];
}

/** Where the choice is kept. */
export type StorageKind = 'cookie' | 'localStorage' | 'both';

/** The cookie that stores the choice. */
export interface CookieOptions {
  /** @default 'consent_gate' */
  name?: string;
  /** Set to `example.com` to share the choice with subdomains. @default the current host only */
  domain?: string;
  /** @default '/' */
  path?: string;
  /** @default 'Lax' */
  sameSite?: 'Lax' | 'Strict' | 'None';
  /** @default true on https pages */
  secure?: boolean;
  /** Lifetime of a choice, acceptance and refusal alike, capped at 395. @default 182 */
  expiresDays?: number;
}

/** Options for Google Consent Mode v2. `true` means all defaults. */
export interface ConsentModeOptions {
  /** Milliseconds Google tags wait for an update after the default. */
  waitForUpdate?: number;
  /** Region-specific defaults (ISO 3166-2 codes), each pushed as its own `default` call. */
  regions?: { region: string[]; granted?: ConsentModeType[] }[];
  /** Redact ads data while `ad_storage` is denied. */
  adsDataRedaction?: boolean;
  /** Pass click ids through URLs while storage is denied. */
  urlPassthrough?: boolean;
  /** Override which consent types each category grants. */
  mapping?: { [category: string]: ConsentModeType[] };
  /** Basic (tags gated, default) or advanced (tags load with denied defaults). @default 'basic' */
  mode?: 'basic' | 'advanced';
}

/** The configuration object. Only `categories` is needed. */
export interface Config {
  /** Version of your privacy policy or cookie set. A changed value asks everyone again. @default '' */
  revision?: string | number;
  /** Linked from the banner. */
  privacyPolicyUrl?: string;
  /** The purposes. At least one; `necessary: { required: true }` is usual. */
  categories: { [key: string]: CategoryConfig };
  /** Services, each in a category, each refusable on its own. A string names a catalogue preset. */
  services?: { [key: string]: ServiceConfig | string };
  /** Where the choice is kept. @default 'cookie' */
  storage?: StorageKind;
  /** The storage cookie. */
  cookie?: CookieOptions;
  /** Reload the page when a granted category is withdrawn, since a script that ran cannot be unrun. @default false */
  reloadOnWithdraw?: boolean;
  /**
   * URL that receives each proof-of-consent receipt as JSON (`fetch` with keepalive, text/plain).
   * A receipt not acknowledged with 2xx stays in a small outbox (localStorage) and is resent on
   * later page loads; the endpoint must be idempotent by consent id + timestamp, as consent-gate-server is.
   */
  recordEndpoint?: string;
  /**
   * Ask the endpoint to re-set the consent cookie with `Set-Cookie` (consent-gate-server does,
   * for the value that matches the receipt just stored): Safari caps script-written cookies at
   * 7 days, server-set ones not. Needs the endpoint on the site's own host (see docs/consent-log.md).
   * @default false
   */
  serverCookie?: boolean;
  /** Push Google Consent Mode v2 signals to `window.dataLayer`. @default false */
  googleConsentMode?: boolean | ConsentModeOptions;
  /** Honour Global Privacy Control (`navigator.globalPrivacyControl`). @default true */
  gpc?: boolean;
  /** `opt-in` (GDPR: nothing until consent) or `opt-out` (US notices: on until refused). @default 'opt-in' */
  mode?: 'opt-in' | 'opt-out';
  /** Language code; else `<html lang>`, else `navigator.languages`, else English. */
  language?: string;
  /**
   * Nonce for the scripts and styles consent-gate creates itself (`loadScript`, the UI's styles).
   * Gated `<script type="text/plain">` elements are never given it: each needs its own `nonce`
   * attribute, so injected gated markup cannot borrow the page's nonce.
   * @default the loading script's nonce
   */
  nonce?: string;
  /** Show the banner automatically when no valid choice exists. @default true */
  autoShow?: boolean;
  /** Options for the user interface (see the UI documentation). */
  ui?: { [key: string]: unknown };
  /** Text overrides per language: `{ en: { acceptAll: 'OK' } }`. */
  translations?: { [language: string]: { [key: string]: string } };
}

/** How a decision was made. */
export type ConsentMethod = 'accept_all' | 'reject_all' | 'custom';

/** What `get()` returns: a snapshot, never live. */
export interface ConsentSnapshot {
  /** A valid choice exists (made, current revision, not expired). */
  decided: boolean;
  /** Pseudonymous id of this browser's consent, or '' before any decision. */
  id: string;
  /** Every configured category and whether it is granted. */
  categories: { [key: string]: boolean };
  /** Every configured service and whether it is granted. */
  services: { [key: string]: boolean };
  /** Revision the choice was made under. */
  revision: string;
  /** ISO time of the first decision, or ''. */
  firstDecision: string;
  /** ISO time of the latest decision, or ''. */
  lastDecision: string;
  /** ISO time the choice expires, or ''. */
  expires: string;
  /** Global Privacy Control was on. */
  gpc: boolean;
  /** A choice was stored but is out of date (changed revision or a new category). */
  stale: boolean;
}

/** One proof-of-consent record, emitted once per decision. */
export interface ConsentReceipt {
  id: string;
  /** ISO time of the decision. */
  timestamp: string;
  revision: string;
  method: ConsentMethod;
  categories: { [key: string]: boolean };
  services: { [key: string]: boolean };
  gpc: boolean;
  language: string;
  /** Page origin and path where the decision was made. */
  url: string;
}

/** Payload of `change`: the new snapshot plus what changed. */
export interface ConsentChange extends ConsentSnapshot {
  changed: { categories: string[]; services: string[] };
}

/** Which view was shown or hidden. */
export interface ViewEvent {
  view: 'banner' | 'preferences';
}

/** Event names and their payloads. */
export interface ConsentEvents {
  ready: ConsentSnapshot;
  consent: ConsentSnapshot;
  change: ConsentChange;
  record: ConsentReceipt;
  show: ViewEvent;
  hide: ViewEvent;
  /** `setLanguage()` changed the language: re-render your own texts. */
  language: { language: string };
}

export type ConsentEventName = keyof ConsentEvents;

/** A consent instance, as returned by `createConsent()` or `ConsentGate.init()`. */
export interface ConsentInstance {
  /** Grant every category and service (sale/sharing categories excepted under GPC). */
  acceptAll(): void;
  /** Refuse everything not required. */
  rejectAll(): void;
  /** Grant or refuse categories and services: `set({ analytics: true }, { ga4: false })`. */
  set(categories: { [key: string]: boolean }, services?: { [key: string]: boolean }): void;
  /** A snapshot of the current state. */
  get(): ConsentSnapshot;
  /** Whether a category is granted now. */
  has(category: string): boolean;
  /** Whether a service (and its category) is granted now. */
  hasService(service: string): boolean;
  /** Forget the choice (and delete the storage) and ask again. */
  reset(): void;
  /** Subscribe; returns the unsubscribe function. */
  on<E extends ConsentEventName>(event: E, fn: (detail: ConsentEvents[E]) => void): () => void;
  /** Load a script once `category` (and `service`) is granted; resolves when it has loaded. */
  loadScript(src: string, category: string, attrs?: { [name: string]: string }): Promise<HTMLScriptElement>;
  showBanner(): void;
  showPreferences(): void;
  hide(): void;
  setLanguage(code: string): void;
  /** Current language code. */
  readonly language: string;
  /** The normalised configuration. */
  readonly config: NormalizedConfig;
  /** Stop observing and listening; the stored choice stays. */
  destroy(): void;
}

/** A category after normalisation. */
export interface NormalizedCategory {
  key: string;
  required: boolean;
  title?: Text;
  description?: Text;
  saleOrSharing: boolean;
  /** As configured; without it the Consent Mode integration maps well-known keys (necessary, preferences, analytics, marketing). */
  consentMode?: ConsentModeType[];
  default: boolean;
}

/** A service after normalisation. */
export interface NormalizedService {
  key: string;
  category: string;
  title?: Text;
  description?: Text;
  provider?: string;
  privacyPolicyUrl?: string;
  cookies: CookieDescription[];
  storageKeys: (string | RegExp)[];
  /** Hosts (and path prefixes) it loads from and calls, see {@link ServiceConfig.hosts}. */
  hosts: string[];
  /** The catalogue preset it was built from, if any. */
  preset?: string;
  /** Consent Mode types denied while this service is refused. */
  consentMode?: ConsentModeType[];
}

/** The configuration after validation: every field present. */
export interface NormalizedConfig {
  revision: string;
  privacyPolicyUrl: string;
  categories: NormalizedCategory[];
  services: NormalizedService[];
  storage: StorageKind;
  cookie: Required<Omit<CookieOptions, 'domain' | 'secure'>> & { domain?: string; secure?: boolean };
  reloadOnWithdraw: boolean;
  recordEndpoint: string;
  serverCookie: boolean;
  googleConsentMode: false | ConsentModeOptions;
  gpc: boolean;
  mode: 'opt-in' | 'opt-out';
  language: string;
  nonce: string;
  autoShow: boolean;
  ui: { [key: string]: unknown };
  translations: { [language: string]: { [key: string]: string } };
}
