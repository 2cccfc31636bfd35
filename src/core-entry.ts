/**
 * `consent-gate/core`: the headless engine. No Preact, no rendering, no side effects on
 * import. Render your own UI from the `show`/`hide` events and the instance methods.
 */
export { createConsent } from './core/consent';
export type { CreateOptions } from './core/consent';
export { normalizeConfig, DEFAULT_EXPIRES_DAYS, MAX_EXPIRES_DAYS } from './core/config';
export type { PresetRegistry } from './core/config';
export { memoryStorage, createStorage } from './core/storage';
export type { ConsentStorage } from './core/storage';
export { encodeChoice, decodeChoice, FORMAT_VERSION } from './core/codec';
export type { StoredChoice, DecodeResult } from './core/codec';
export type { ConsentView, ViewFactory, ViewName, Integration } from './core/view';
export type {
  Config,
  CategoryConfig,
  ServiceConfig,
  CookieOptions,
  CookieMatcher,
  CookieDescription,
  ConsentModeOptions,
  ConsentModeType,
  StorageKind,
  Text,
  ConsentInstance,
  ConsentSnapshot,
  ConsentChange,
  ConsentReceipt,
  ConsentMethod,
  ConsentWithdrawal,
  RegionRule,
  ConsentEvents,
  ConsentEventName,
  ViewEvent,
  NormalizedConfig,
  NormalizedCategory,
  NormalizedService,
} from './core/types';
export type { UiOptions, LanguageEvent } from './core/types';
