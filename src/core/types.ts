/**
 * Public types of consent-gate. The `Config` interface is the reference documentation for
 * every option (docs/configuration.md follows it), and the config schema in `config.ts` is
 * typed against it: an option added here and not validated there, or the other way round,
 * does not compile.
 */

/**
 * A text given either once for every language or per language code. A per-language object
 * is read for the exact code, then its base language, then English, then its first entry.
 * @example 'Advertising'
 * @example { en: 'Advertising', de: 'Werbung' }
 */
export type Text = string | { [language: string]: string };

/**
 * A cookie or storage key a service sets: exact name, pattern, or a described entry.
 * @example '_ga'
 * @example /^_ga_/
 * @example { name: '_ga', provider: 'Google', lifetime: '2 years' }
 */
export type CookieMatcher = string | RegExp | CookieDescription;

/** A cookie described for the cookie table and for clean-up on withdrawal. */
export interface CookieDescription {
  /**
   * Exact name or pattern. A pattern is shown to visitors with `*` for its open parts.
   * @example /^_ga_/
   */
  name: string | RegExp;
  /**
   * Who sets it.
   * @default the service's `provider`
   * @example 'Google'
   */
  provider?: string;
  /**
   * What it is for.
   * @default none: the column stays empty
   * @example 'Tells visits apart.'
   */
  purpose?: Text;
  /**
   * How long it lives, as shown to visitors.
   * @default none: the column stays empty
   * @example '2 years'
   */
  lifetime?: Text;
}

/** The seven Google Consent Mode v2 storage types. */
export type ConsentModeType =
  'ad_storage' | 'ad_user_data' | 'ad_personalization' | 'analytics_storage' | 'functionality_storage' | 'personalization_storage' | 'security_storage';

/** One purpose a visitor can allow or refuse. `true` in place of the object means all defaults. */
export interface CategoryConfig {
  /**
   * Always granted and shown as a disabled, checked switch; its services cannot be refused.
   * @default false
   * @example { necessary: { required: true } }
   */
  required?: boolean;
  /**
   * Shown as the switch label.
   * @default the built-in text for `necessary`, `preferences`, `analytics` and `marketing`; else the key
   * @example { en: 'Advertising', de: 'Werbung' }
   */
  title?: Text;
  /**
   * Shown under the title.
   * @default the built-in text for the four well-known keys; else none
   * @example 'Google Analytics, to see which pages help.'
   */
  description?: Text;
  /**
   * The category sells or shares personal data (CCPA/CPRA). With Global Privacy Control on,
   * "Accept all" does not grant it, and it is off by default in opt-out mode.
   * @default true for `marketing`, false otherwise
   * @example { advertising: { saleOrSharing: true } }
   */
  saleOrSharing?: boolean;
  /**
   * Google Consent Mode types this category grants. Names that are not Consent Mode types
   * are reported by the Consent Mode integration and never signalled.
   * @default by key: `necessary` security_storage; `preferences` functionality_storage and
   * personalization_storage; `analytics` analytics_storage; `marketing` the three ad types;
   * any other key none
   * @example ['analytics_storage']
   */
  consentMode?: ConsentModeType[];
  /**
   * In `mode: 'opt-out'`, whether the category is on until the visitor refuses it. Ignored
   * in opt-in mode.
   * @default true, except for sale/sharing categories when GPC is on
   * @example { analytics: { default: false } }
   */
  default?: boolean;
  /**
   * Under the `notice` rule (see `regions`), the category runs after a notice, until the
   * visitor objects, instead of waiting for consent: the UK Data (Use and Access) Act 2025
   * exception for storage used only to make statistics about the site, to improve it. Mark
   * only a category that meets the law's conditions (docs/configuration.md#regions); a
   * sale/sharing category cannot be exempt. Ignored under every other rule.
   * @default false
   * @example { analytics: { exempt: true } }
   */
  exempt?: boolean;
}

/**
 * A named third party inside a category, which a visitor can refuse on its own.
 * @example { category: 'analytics', title: 'Google Analytics', cookies: ['_ga', /^_ga_/] }
 */
export interface ServiceConfig {
  /**
   * The category key it belongs to. A service in an undeclared category is reported and
   * never runs.
   * @default none: required, unless a `preset` brings it
   * @example 'analytics'
   */
  category: string;
  /**
   * Display name.
   * @default the service key
   * @example 'Google Analytics'
   */
  title?: Text;
  /**
   * Shown in the dialog's "Services and cookies".
   * @default none
   * @example 'Counts visits and page views.'
   */
  description?: Text;
  /**
   * Company that runs it.
   * @default none
   * @example 'Google Ireland Ltd.'
   */
  provider?: string;
  /**
   * Link to its privacy policy.
   * @default none: no link
   * @example 'https://policies.google.com/privacy'
   */
  privacyPolicyUrl?: string;
  /**
   * Cookies it sets: listed in the dialog and deleted when it is refused or withdrawn (on
   * the host, with no domain, and on each parent domain up to the registrable domain).
   * @default []
   * @example ['_ga', /^_ga_/, { name: '_gid', lifetime: '1 day' }]
   */
  cookies?: CookieMatcher[];
  /**
   * localStorage keys it writes: deleted when it is refused or withdrawn.
   * @default []
   * @example ['chat-visitor', /^intercom\./]
   */
  storageKeys?: (string | RegExp)[];
  /**
   * The hosts its scripts, frames, pixels and calls go to, as the site scanner and auto-blocking
   * match them. Each entry is a host name, optionally followed by a path prefix; no scheme, port,
   * query or wildcard. A host matches itself and every subdomain (`google-analytics.com` matches
   * `region1.google-analytics.com`); a path matches itself and what lies below it, by whole
   * segments (`facebook.com/tr` matches `/tr` and `/tr/x`, not `/track`). Several services may
   * share a host or path (Google's `gtag.js` loader serves GA4 and Google Ads): the longest
   * matching entry names the service.
   * @default []
   * @example ['connect.facebook.net', 'facebook.com/tr']
   */
  hosts?: string[];
  /**
   * A catalogue preset this entry extends; the entry's own fields win. A preset that is not
   * loaded is reported and the service ignored.
   * @default none
   * @example { preset: 'youtube', category: 'media' }
   */
  preset?: string;
  /**
   * Google Consent Mode types this service stands for. While the service is refused they
   * are signalled `denied`, even when its category is granted.
   * @default none
   * @example ['ad_storage', 'ad_user_data', 'ad_personalization']
   */
  consentMode?: ConsentModeType[];
}

/** Where the choice is kept: a cookie, localStorage, or the cookie with a localStorage mirror. */
export type StorageKind = 'cookie' | 'localStorage' | 'both';

/** The cookie that stores the choice. */
export interface CookieOptions {
  /**
   * 1 to 64 letters, digits, `_`, `.` or `-`.
   * @default 'consent_gate'
   * @example 'site_consent'
   */
  name?: string;
  /**
   * Set to the parent domain to share the choice with subdomains.
   * @default the current host only
   * @example 'example.com'
   */
  domain?: string;
  /**
   * @default '/'
   * @example '/shop'
   */
  path?: string;
  /**
   * @default 'Lax'
   * @example 'Strict'
   */
  sameSite?: 'Lax' | 'Strict' | 'None';
  /**
   * Send the cookie over https only.
   * @default true on https pages, false on http
   * @example true
   */
  secure?: boolean;
  /**
   * Lifetime of a choice in days, acceptance and refusal alike, capped at 395 (13 months)
   * with a warning.
   * @default 182
   * @example 365
   */
  expiresDays?: number;
}

/** Options for Google Consent Mode v2. `googleConsentMode: true` means all defaults. */
export interface ConsentModeOptions {
  /**
   * Milliseconds Google tags wait for an update after the default (`wait_for_update`).
   * @default none: not sent
   * @example 500
   */
  waitForUpdate?: number;
  /**
   * Region-specific defaults (ISO 3166-2 codes), each pushed as its own `default` call after
   * the global one. `granted` lists the types granted there before any choice; under GPC it
   * never grants what sale/sharing categories stand for. A single code or type may be given
   * without a list.
   * @default []
   * @example [{ region: ['US-CA'], granted: ['analytics_storage'] }]
   */
  regions?: { region: string[]; granted?: ConsentModeType[] }[];
  /**
   * Redact ads data while `ad_storage` is denied (`gtag('set', 'ads_data_redaction', true)`).
   * @default false
   * @example true
   */
  adsDataRedaction?: boolean;
  /**
   * Pass click ids through URLs while storage is denied (`gtag('set', 'url_passthrough', true)`).
   * @default false
   * @example true
   */
  urlPassthrough?: boolean;
  /**
   * Override which consent types each category grants; wins over the category's `consentMode`.
   * @default each category's `consentMode`, else the mapping by key
   * @example { statistics: ['analytics_storage'] }
   */
  mapping?: { [category: string]: ConsentModeType[] };
  /**
   * Names your set-up; the signals are the same. Basic: Google tags are gated and load after
   * consent. Advanced: they load at once and run cookieless while denied.
   * @default 'basic'
   * @example 'advanced'
   */
  mode?: 'basic' | 'advanced';
}

/** Options of the built-in banner and preferences dialog (`config.ui`). The headless core keeps them for the UI and reads none. */
export interface UiOptions {
  /**
   * `box`: a card in a corner; `cloud`: a wider card, centred; `bar`: full width.
   * @default 'box'
   * @example 'bar'
   */
  layout?: 'box' | 'bar' | 'cloud';
  /**
   * `top` moves any layout to the top edge; `left` moves the box to the left corner.
   * @default 'bottom' (the box in the bottom right corner)
   * @example 'top'
   */
  position?: 'bottom' | 'top' | 'left' | 'right';
  /**
   * `auto` follows `prefers-color-scheme`.
   * @default 'auto'
   * @example 'dark'
   */
  theme?: 'light' | 'dark' | 'auto';
  /**
   * The "Cookie settings" button shown once the banner is gone: `false` hides it (then offer
   * a `data-consent-open` link; a returning visitor's page view then draws nothing at all),
   * `'right'` moves it to the bottom right.
   * @default true (bottom left)
   * @example 'right'
   */
  floatingButton?: boolean | 'left' | 'right';
  /**
   * Make the banner modal: the page is inert until the visitor decides.
   * @default false
   * @example true
   */
  blocking?: boolean;
}

/**
 * The configuration object. Only `categories` is needed.
 * @example
 * const config: Config = {
 *   revision: '2023-12-04',
 *   privacyPolicyUrl: '/privacy',
 *   categories: { necessary: { required: true }, analytics: {}, marketing: {} },
 *   services: { ga4: { category: 'analytics', cookies: ['_ga', /^_ga_/] } },
 *   googleConsentMode: true,
 * };
 */
/** Corrections to what auto-blocking takes from the catalogue (`autoBlock: { allow, block }`). */
export interface AutoBlockOptions {
  /**
   * Hosts (`maps.example.com/embed`, matched as `hosts` entries are) or URL patterns with `*`
   * (`https://*.example.com/widget*`) that are never held. A pattern matching every URL is ignored.
   * @default []
   * @example ['cdn.example.com/consent-free-widget.js']
   */
  allow?: string[];
  /**
   * More hosts or URL patterns to hold: a plain entry until every optional category is granted,
   * `{ service, match }` until that declared service is. A required category's service and the
   * SDK's own files are never held; a pattern matching every URL is ignored.
   * @default []
   * @example ['pixel.example-ads.com', { service: 'ga4', match: 'https://stats.example.com/g/collect*' }]
   */
  block?: (string | { service: string; match: string })[];
}

export interface Config {
  /**
   * Version of your privacy policy or cookie set. A changed value asks everyone again and
   * grants nothing until they answer. Cut to 100 characters.
   * @default ''
   * @example '2023-12-04'
   */
  revision?: string | number;
  /**
   * Linked from the banner and the preferences dialog.
   * @default '' (no link)
   * @example '/privacy'
   */
  privacyPolicyUrl?: string;
  /**
   * The purposes, by key (a letter, then letters, digits, `_` or `-`). At least one;
   * `necessary: { required: true }` is usual.
   * @default none: required
   * @example { necessary: { required: true }, analytics: {}, marketing: {} }
   */
  categories: { [key: string]: CategoryConfig };
  /**
   * Services, each in a category, each refusable on its own. A string names a catalogue preset.
   * @default {}
   * @example { ga4: 'google-analytics', chat: { category: 'preferences', storageKeys: ['chat-visitor'] } }
   */
  services?: { [key: string]: ServiceConfig | string };
  /**
   * Where the choice is kept.
   * @default 'cookie'
   * @example 'both'
   */
  storage?: StorageKind;
  /**
   * The cookie that stores the choice.
   * @default {} (every CookieOptions default)
   * @example { name: 'site_consent', domain: 'example.com' }
   */
  cookie?: CookieOptions;
  /**
   * Reload the page when a granted category or service is withdrawn, since a script that
   * already ran cannot be unrun.
   * @default false
   * @example true
   */
  reloadOnWithdraw?: boolean;
  /**
   * URL that receives each proof-of-consent receipt as JSON (`fetch` with keepalive, type
   * `text/plain`, so no CORS preflight). A receipt not acknowledged with 2xx stays in a small
   * outbox (localStorage) and is resent on later page loads; the endpoint must be idempotent by
   * consent id + timestamp, as consent-gate-server is.
   * @default '' (receipts are only emitted as `record` events)
   * @example '/api/consent-receipts'
   */
  recordEndpoint?: string;
  /**
   * Ask the endpoint to re-set the consent cookie with `Set-Cookie` (consent-gate-server does,
   * for the value that matches the receipt just stored): Safari caps script-written cookies at
   * 7 days, server-set ones not. Needs the endpoint on the site's own host (see docs/consent-log.md).
   * @default false
   * @example true
   */
  serverCookie?: boolean;
  /**
   * Push Google Consent Mode v2 `default` and `update` commands to `window.dataLayer`.
   * `true` means all defaults.
   * @default false
   * @example { waitForUpdate: 500, adsDataRedaction: true }
   */
  googleConsentMode?: boolean | ConsentModeOptions;
  /**
   * Auto-blocking (docs/auto-blocking.md): hold the scripts, frames, pixels and calls of each
   * declared service's `hosts` until it is granted, with no markup change. Read by
   * `dist/consent-gate.autoblock.js` (loaded first in `<head>`) or `startAutoBlock()` from
   * `consent-gate/auto-block`; the engine only keeps the option. An object corrects the catalogue.
   * @default false
   * @example { allow: ['maps.googleapis.com/maps/api/js'], block: [{ service: 'ga4', match: 'stats.example.com/collect' }] }
   */
  autoBlock?: boolean | AutoBlockOptions;
  /**
   * Honour Global Privacy Control (`navigator.globalPrivacyControl`): "Accept all" leaves
   * sale/sharing categories off, and the dialog says so.
   * @default true
   * @example false
   */
  gpc?: boolean;
  /**
   * `opt-in` (GDPR: nothing optional until consent) or `opt-out` (US notices: each
   * category's `default` applies until refused).
   * @default 'opt-in'
   * @example 'opt-out'
   */
  mode?: 'opt-in' | 'opt-out';
  /**
   * The consent rule of each region the site serves, by region code: an ISO 3166-1 country
   * (`GB`), an ISO 3166-2 subdivision (`US-CA`), `EU` or `EEA` if the host sends those, or `*`
   * for any other known region. A subdivision falls back to its country, then to `*`. With no
   * region known, or one that matches nothing, the strictest rule configured applies
   * (`opt-in`, then `notice`, then `opt-out`, then `none`). When set, it replaces `mode`.
   * @default {} (`mode` applies everywhere)
   * @example { EU: 'opt-in', GB: 'notice', 'US-CA': 'opt-out', US: 'opt-out', '*': 'opt-in' }
   */
  regions?: { [region: string]: RegionRule };
  /**
   * The visitor's region, as the host knows it (its edge or CDN geolocates; consent-gate does
   * no lookup of its own). Also given as the script tag's `data-region`, or as the
   * `Consent-Gate-Region` header of the `data-config` response; this option wins over both.
   * @default '' (unknown: the strictest configured rule applies)
   * @example 'US-CA'
   */
  region?: string;
  /**
   * Language code of the texts; change it later with `setLanguage(code)`.
   * @default '' (then `<html lang>`, else `navigator.languages`, else English)
   * @example 'de'
   */
  language?: string;
  /**
   * Nonce for the scripts and styles consent-gate creates itself (`loadScript`, the UI's
   * styles and files). Gated `<script type="text/plain">` elements are never given it: each
   * needs its own `nonce` attribute, so injected gated markup cannot borrow the page's nonce.
   * @default the loading script's nonce (script tag); '' with npm
   * @example 'r4nd0m'
   */
  nonce?: string;
  /**
   * Show the banner by itself when no valid choice exists. With `false`, call
   * `showBanner()` yourself.
   * @default true
   * @example false
   */
  autoShow?: boolean;
  /**
   * Options of the built-in banner and dialog.
   * @default {} (every UiOptions default)
   * @example { layout: 'bar', theme: 'dark', floatingButton: 'right' }
   */
  ui?: UiOptions;
  /**
   * Text overrides per language; keys as in the English texts. Links are written
   * `[label](https://…)`; everything else is rendered as text.
   * @default {}
   * @example { en: { acceptAll: 'Allow all' }, de: { acceptAll: 'Alle erlauben' } }
   */
  translations?: { [language: string]: { [key: string]: string } };
}

/**
 * A consent rule: `opt-in` (nothing optional until consent), `notice` (exempt categories run
 * after a notice, until the visitor objects), `opt-out` (on until refused, no banner; GPC
 * refuses sale/sharing) or `none`.
 * @example 'opt-out'
 */
export type RegionRule = 'opt-in' | 'opt-out' | 'notice' | 'none';

/** How a decision was made. */
export type ConsentMethod = 'accept_all' | 'reject_all' | 'custom';

/**
 * What `get()` returns and the `ready` and `consent` events carry: a snapshot, never live.
 * Before any decision the id and times are `''` and only required categories are granted
 * (in opt-out mode, the categories on by default too).
 * @example
 * {
 *   decided: true,
 *   id: '3f9c0a1e5b7d4c2f8a6e1b0d9c7f5a3e',
 *   categories: { necessary: true, analytics: true, marketing: false },
 *   services: { ga4: true },
 *   revision: '2023-12-04',
 *   firstDecision: '2026-11-23T17:07:34.000Z',
 *   lastDecision: '2026-11-23T17:07:34.000Z',
 *   expires: '2027-05-24T17:07:34.000Z',
 *   gpc: false,
 *   stale: false,
 * }
 */
export interface ConsentSnapshot {
  /** A valid choice exists (made, current revision, not expired, covering every optional category). */
  decided: boolean;
  /**
   * Pseudonymous id of this browser's consent (32 hex digits), kept across decisions.
   * @default '' before any decision
   */
  id: string;
  /** Every configured category and whether it is granted. */
  categories: { [key: string]: boolean };
  /** Every configured service and whether it is granted. */
  services: { [key: string]: boolean };
  /**
   * Revision the choice was made under.
   * @default '' before any decision
   */
  revision: string;
  /**
   * ISO time of the first decision.
   * @default '' before any decision
   */
  firstDecision: string;
  /**
   * ISO time of the latest decision.
   * @default '' before any decision
   */
  lastDecision: string;
  /**
   * ISO time the choice expires.
   * @default '' before any decision
   */
  expires: string;
  /** Global Privacy Control is on in this browser (and `config.gpc` honours it). */
  gpc: boolean;
  /** A choice is stored but out of date (changed revision or a category added since): the banner asks again. */
  stale: boolean;
  /**
   * The visitor's region as the host gave it.
   * @default '' when no region is known
   * @example 'US-CA'
   */
  region: string;
  /**
   * The consent rule in force for that region (see `Config.regions`).
   * @default the `mode` option ('opt-in') when no `regions` are configured
   * @example 'opt-out'
   */
  rule: RegionRule;
  /**
   * A sale/sharing grant stored before Global Privacy Control was seen is held back by the
   * signal (11 CCR §7025(c)(3)): it counts as refused until the visitor grants it again,
   * and the dialog says why.
   * @default false
   * @example true
   */
  gpcConflict: boolean;
}

/**
 * One proof-of-consent record, emitted as `record` once per decision and sent to
 * `recordEndpoint`. The consent log server stores exactly these fields.
 * @example
 * {
 *   id: '3f9c0a1e5b7d4c2f8a6e1b0d9c7f5a3e',
 *   timestamp: '2026-11-23T17:07:34.000Z',
 *   revision: '2023-12-04',
 *   method: 'custom',
 *   categories: { necessary: true, analytics: true, marketing: false },
 *   services: { ga4: true },
 *   gpc: false,
 *   language: 'en',
 *   url: 'https://example.com/pricing',
 * }
 */
export interface ConsentReceipt {
  /** The consent id (the same as the snapshot's): all receipts of one browser share it. */
  id: string;
  /** ISO time of the decision. */
  timestamp: string;
  /** Revision the decision was made under. */
  revision: string;
  /** Accept all, reject all, or a choice of its own (the dialog's Save, or `set()`). */
  method: ConsentMethod;
  /** Every configured category and whether it was granted. */
  categories: { [key: string]: boolean };
  /** Every configured service and whether it was granted. */
  services: { [key: string]: boolean };
  /** Global Privacy Control was on when the decision was made. */
  gpc: boolean;
  /** Language the visitor saw, e.g. `de`. */
  language: string;
  /** Page origin and path where the decision was made (no query, no hash); '' outside a browser. */
  url: string;
  /**
   * The visitor's region when the decision was made.
   * @default '' when no region was known
   * @example 'GB'
   */
  region: string;
  /**
   * The consent rule in force when the decision was made.
   * @default 'opt-in'
   * @example 'notice'
   */
  rule: RegionRule;
}

/**
 * Payload of `change`: the new snapshot plus what changed.
 * @example
 * {
 *   ...snapshot,
 *   categories: { necessary: true, analytics: false, marketing: false },
 *   changed: { categories: ['analytics'], services: ['ga4'] },
 * }
 */
export interface ConsentChange extends ConsentSnapshot {
  /** Keys whose grant flipped, granted or withdrawn. */
  changed: { categories: string[]; services: string[] };
}

/**
 * Payload of `withdraw`: what a decision took back, each key once granted and now refused.
 * It comes after the `change` of the same decision, and only when something was withdrawn.
 * @example { categories: ['analytics'], services: ['ga4'] }
 */
export interface ConsentWithdrawal {
  /** Categories granted before and refused now. */
  categories: string[];
  /** Services granted before and refused now (with their category, or on their own). */
  services: string[];
}

/**
 * Payload of `show` and `hide`: which view appeared or went away, as it happened on screen.
 * @example { view: 'preferences' }
 */
export interface ViewEvent {
  view: 'banner' | 'preferences';
}

/**
 * Payload of `language`, after `setLanguage()` changed the language.
 * @example { language: 'de' }
 */
export interface LanguageEvent {
  /** The new language code. */
  language: string;
}

/** Event names and their payloads. Each is also dispatched on `window` as `consent-gate:<name>`. */
export interface ConsentEvents {
  /** The stored choice was restored, or there is none. Replayed to listeners added later. */
  ready: ConsentSnapshot;
  /** The first decision. */
  consent: ConsentSnapshot;
  /** Any later change of a grant: a new decision, withdrawal, another tab, expiry, `reset()`. */
  change: ConsentChange;
  /** A proof-of-consent receipt, once per decision. */
  record: ConsentReceipt;
  /** Something granted was taken back: a decision, another tab, expiry or `reset()`. */
  withdraw: ConsentWithdrawal;
  show: ViewEvent;
  hide: ViewEvent;
  /** `setLanguage()` changed the language: re-render your own texts. */
  language: LanguageEvent;
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
  /** Runs under the `notice` rule until refused. */
  exempt: boolean;
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
  autoBlock: boolean | AutoBlockOptions;
  gpc: boolean;
  mode: 'opt-in' | 'opt-out';
  /** Valid entries only, codes in upper case. */
  regions: { [region: string]: RegionRule };
  /** The visitor's region in upper case, '' when unknown. */
  region: string;
  /** The rule in force for `region` (from `regions`, else `mode`). */
  rule: RegionRule;
  language: string;
  nonce: string;
  autoShow: boolean;
  ui: UiOptions;
  translations: { [language: string]: { [key: string]: string } };
}
