import type { Integration } from '../core/view';
import { CONSENT_MODE_TYPES } from '../core/config';
import { consentModeState, initialCategories } from './lib/state';

type GtagWindow = Window & { dataLayer?: unknown[]; gtag?: (...args: unknown[]) => void };

/** The dataLayer event pushed after every Consent Mode update, for GTM triggers. */
export const CONSENT_MODE_EVENT = 'consent_gate_update';

/**
 * Google Consent Mode v2, on when `googleConsentMode` is set. At setup, before any gated tag
 * can run: `gtag('consent', 'default', …)` with all seven types (plus `wait_for_update`), one
 * more `default` call per `regions` entry (gtag applies the most specific region match), then
 * `gtag('set', 'ads_data_redaction' | 'url_passthrough', true)`, and an `update` at once when
 * a stored choice is restored. After every decision (withdrawal and other tabs included) an
 * `update` with all seven types and a `consent_gate_update` dataLayer event.
 * Commands go through `window.gtag`, defined as Google's own snippet defines it when absent,
 * so each dataLayer entry is an `arguments` object: gtag.js ignores arrays (README#consent-mode).
 */
export const googleConsentMode: Integration = (instance) => {
  const options = instance.config.googleConsentMode;
  if (!options || typeof window == 'undefined') return;
  const w = window as GtagWindow;
  w.dataLayer = w.dataLayer || [];
  w.gtag =
    w.gtag ||
    function gtag() {
      w.dataLayer!.push(arguments);
    };
  const gtag = (...args: unknown[]) => w.gtag!(...args);
  const wait = options.waitForUpdate! > 0 ? { wait_for_update: options.waitForUpdate } : {};
  const base = consentModeState(instance, initialCategories(instance));

  gtag('consent', 'default', { ...base, ...wait });
  for (const r of Array.isArray(options.regions) ? options.regions : []) {
    const state = { ...base };
    for (const type of r.granted || []) if (CONSENT_MODE_TYPES.includes(type)) state[type] = 'granted';
    gtag('consent', 'default', { ...state, region: ([] as string[]).concat(r.region), ...wait });
  }
  if (options.adsDataRedaction) gtag('set', 'ads_data_redaction', true);
  if (options.urlPassthrough) gtag('set', 'url_passthrough', true);

  const update = () => {
    const snap = instance.get();
    gtag('consent', 'update', consentModeState(instance, snap.categories));
    w.dataLayer!.push({ event: CONSENT_MODE_EVENT, consent_gate: { categories: snap.categories, services: snap.services } });
  };
  const snap = instance.get();
  if (snap.decided || snap.stale) update();
  const offs = [instance.on('consent', update), instance.on('change', update)];
  return () => offs.forEach((off) => off());
};
