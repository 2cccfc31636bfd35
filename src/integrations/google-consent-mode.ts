import type { Integration } from '../core/view';
import { CONSENT_MODE_TYPES, categoryTypes, grantedTypes, initialGrants, modeState } from './lib/state';
import { warn } from '../core/lib/log';

type GtagWindow = Window & { dataLayer?: unknown[]; gtag?: (...args: unknown[]) => void };

/** The dataLayer event pushed after every Consent Mode update, for GTM triggers. */
export const CONSENT_MODE_EVENT = 'consent_gate_update';

/** A value or a list of values as a list. */
const list = (value: unknown): unknown[] => ([] as unknown[]).concat(value);

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
  const { categories, services } = instance.config;
  for (const [kind, items] of [['categories', categories], ['services', services]] as const)
    for (const x of items) for (const t of x.consentMode || []) if (!CONSENT_MODE_TYPES.includes(t)) warn(`${kind}.${x.key}.consentMode: "${t}" is not a Consent Mode type; ignored.`);
  // Google tag commands already queued would run without a consent state: say so.
  if ((w.dataLayer ||= []).some((e) => ({}).toString.call(e) == '[object Arguments]' && /^(js|config|event)$/.test((e as IArguments)[0])))
    warn('googleConsentMode: Google tag commands ran before the consent default; load consent-gate first, with an inline config (data-config loads later).');
  w.gtag ||= function () {
    // eslint-disable-next-line prefer-rest-params
    w.dataLayer!.push(arguments);
  };
  const wait = options.waitForUpdate! > 0 && { wait_for_update: options.waitForUpdate };
  const base = grantedTypes(instance, initialGrants(instance));
  // Under Global Privacy Control, no region default may grant what sale/sharing categories stand for.
  const snap = instance.get();
  const held = categoryTypes(instance, (c) => snap.gpc && c.saleOrSharing);

  w.gtag!('consent', 'default', { ...modeState(base), ...wait });
  if (Array.isArray(options.regions)) options.regions.forEach((r, i) => {
    const region = r && list(r.region);
    if (!region?.length || !region.every((x) => typeof x == 'string')) return warn(`googleConsentMode.regions[${i}] needs region: a code or a list of codes; skipped.`);
    w.gtag!('consent', 'default', { ...modeState((t) => base(t) || (list(r.granted).includes(t) && !held.includes(t))), region, ...wait });
  });
  if (options.adsDataRedaction) w.gtag!('set', 'ads_data_redaction', true);
  if (options.urlPassthrough) w.gtag!('set', 'url_passthrough', true);

  const update = () => {
    const { categories, services } = instance.get();
    w.gtag!('consent', 'update', modeState(grantedTypes(instance, { categories, services })));
    w.dataLayer!.push({ event: CONSENT_MODE_EVENT, consent_gate: { categories, services } });
  };
  if (snap.decided || snap.stale) update();
  // One update per decision, also when it repeats the last one (no change event then), and
  // for changes that come without a receipt (another tab, reset()). A local decision emits
  // consent/change and then record in the same task, so record skips when one just went out.
  let skip = false;
  const onChange = () => {
    update();
    skip = true;
    queueMicrotask(() => (skip = false));
  };
  const offs = [instance.on('consent', onChange), instance.on('change', onChange), instance.on('record', () => (skip ? (skip = false) : update()))];
  return () => offs.forEach((off) => off());
};
