import type { Integration } from '../core/view';
import { CONSENT_MODE_TYPES } from '../core/config';
import { categoryTypes, consentModeState, initialGrants } from './lib/state';
import { warn } from '../core/lib/log';

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
  // Google tag commands already queued would run without a consent state: say so.
  const early = w.dataLayer.some((e) => Object.prototype.toString.call(e) == '[object Arguments]' && /^(js|config|event)$/.test((e as IArguments)[0]));
  if (early) warn('googleConsentMode: Google tag commands ran before the consent default; load consent-gate first, with an inline config (data-config loads later).');
  w.gtag =
    w.gtag ||
    function gtag() {
      w.dataLayer!.push(arguments);
    };
  const gtag = (...args: unknown[]) => w.gtag!(...args);
  const wait = options.waitForUpdate! > 0 ? { wait_for_update: options.waitForUpdate } : {};
  const base = consentModeState(instance, initialGrants(instance));
  // Under Global Privacy Control, no region default may grant what sale/sharing categories stand for.
  const held = instance.get().gpc ? instance.config.categories.filter((c) => c.saleOrSharing).flatMap((c) => categoryTypes(instance, c.key)) : [];

  gtag('consent', 'default', { ...base, ...wait });
  (Array.isArray(options.regions) ? options.regions : []).forEach((r, i) => {
    const region = r && ([] as unknown[]).concat(r.region);
    if (!region || !region.length || !region.every((x) => typeof x == 'string')) return warn(`googleConsentMode.regions[${i}] needs region: a code or a list of codes; skipped.`);
    const state = { ...base };
    for (const type of Array.isArray(r.granted) ? r.granted : []) if (CONSENT_MODE_TYPES.includes(type) && !held.includes(type)) state[type] = 'granted';
    gtag('consent', 'default', { ...state, region, ...wait });
  });
  if (options.adsDataRedaction) gtag('set', 'ads_data_redaction', true);
  if (options.urlPassthrough) gtag('set', 'url_passthrough', true);

  // One update per decision, also when it repeats the last one (no change event then), and
  // for changes that come without a receipt (another tab, reset()). A local decision emits
  // consent/change and then record in the same task, so record skips when one just went out.
  let justPushed = false;
  const update = () => {
    const snap = instance.get();
    gtag('consent', 'update', consentModeState(instance, snap));
    w.dataLayer!.push({ event: CONSENT_MODE_EVENT, consent_gate: { categories: snap.categories, services: snap.services } });
  };
  const onChange = () => {
    update();
    justPushed = true;
    queueMicrotask(() => (justPushed = false));
  };
  const snap = instance.get();
  if (snap.decided || snap.stale) update();
  const offs = [instance.on('consent', onChange), instance.on('change', onChange), instance.on('record', () => (justPushed ? (justPushed = false) : update()))];
  return () => offs.forEach((off) => off());
};
