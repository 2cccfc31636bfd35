/**
 * `consent-gate`: the engine with its user interface. No side effects on import;
 * safe to import during server-side rendering.
 */
import { createConsent as createHeadless, type CreateOptions } from './core/consent';
import type { ConsentInstance } from './core/types';
import { defaultView } from './ui/index';
import { builtinIntegrations } from './integrations/index';

/** Create a consent instance with the built-in banner, preferences dialog and integrations. */
export function createConsent(config: unknown, options: CreateOptions = {}): ConsentInstance {
  return createHeadless(config, {
    view: defaultView,
    ...options,
    integrations: [...builtinIntegrations, ...(options.integrations || [])],
  });
}

export {
  normalizeConfig,
  DEFAULT_EXPIRES_DAYS,
  MAX_EXPIRES_DAYS,
  memoryStorage,
  createStorage,
  encodeChoice,
  decodeChoice,
  FORMAT_VERSION,
} from './core-entry';
export type * from './core-entry';
export type { UiOptions, LanguageEvent } from './core/types';
export { CONSENT_MODE_TYPES } from './integrations/lib/state';
export { embeds, createEmbeds } from './integrations/embeds';
export type { EmbedOptions, EmbedTexts } from './integrations/embeds';
