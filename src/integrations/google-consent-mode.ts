import type { ConsentInstance, ConsentModeType } from '../core/types';
import type { Integration } from '../core/view';
import { CONSENT_MODE_TYPES, categoryTypes, grantedTypes, initialGrants, modeState } from './lib/state';
import { warn } from '../core/lib/log';

type GtagWindow = Window & { dataLayer?: unknown[]; gtag?: (...args: unknown[]) => void };

/** The dataLayer event pushed after every Consent Mode update, for GTM triggers. */
export const CONSENT_MODE_EVENT = 'consent_gate_update';

/** A value or a list of values as a list. */
const toList = (value: unknown): unknown[] => ([] as unknown[]).concat(value);

/** Whether a dataLayer entry is a gtag command (an `arguments` object) that loads or fires a tag. */
const isTagCommand = (entry: unknown) =>
  Object.prototype.toString.call(entry) === '[object Arguments]' && /^(js|config|event)$/.test(String((entry as IArguments)[0]));

/** Name each `consentMode` entry that is not one of the seven types: it is never signalled. */
function warnUnknownTypes({ config }: ConsentInstance): void {
  for (const [kind, items] of [
    ['categories', config.categories],
    ['services', config.services],
  ] as const)
    for (const item of items)
      for (const type of item.consentMode || [])
        if (!CONSENT_MODE_TYPES.includes(type)) warn(`${kind}.${item.key}.consentMode: "${type}" is not a Consent Mode type; ignored.`);
}

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
  if (!options || typeof window === 'undefined') return;
  const gtagWindow = window as GtagWindow;
  warnUnknownTypes(instance);
  // Google tag commands already queued would run without a consent state: say so.
  if ((gtagWindow.dataLayer ||= []).some(isTagCommand))
    warn('googleConsentMode: Google tag commands ran before the consent default; load consent-gate first, with an inline config (data-config loads later).');
  gtagWindow.gtag ||= function () {
    // eslint-disable-next-line prefer-rest-params
    gtagWindow.dataLayer!.push(arguments);
  };
  // Looked up at each call: the page's own gtag snippet may define `window.gtag` again later.
  const gtag = (...command: unknown[]) => gtagWindow.gtag!(...command);
  const wait = (options.waitForUpdate ?? 0) > 0 && { wait_for_update: options.waitForUpdate };
  const grantedBeforeChoice = grantedTypes(instance, initialGrants(instance));
  // Under Global Privacy Control, no region default may grant what sale/sharing categories stand for.
  const snapshot = instance.get();
  const heldUnderGpc = categoryTypes(instance, (category) => snapshot.gpc && category.saleOrSharing);

  gtag('consent', 'default', { ...modeState(grantedBeforeChoice), ...wait });
  if (Array.isArray(options.regions))
    options.regions.forEach((entry, index) => {
      const region = entry && toList(entry.region);
      if (!region?.length || !region.every((code) => typeof code === 'string'))
        return warn(`googleConsentMode.regions[${index}] needs region: a code or a list of codes; skipped.`);
      const grantedInRegion = (type: ConsentModeType) => grantedBeforeChoice(type) || (toList(entry.granted).includes(type) && !heldUnderGpc.includes(type));
      gtag('consent', 'default', { ...modeState(grantedInRegion), region, ...wait });
    });
  if (options.adsDataRedaction) gtag('set', 'ads_data_redaction', true);
  if (options.urlPassthrough) gtag('set', 'url_passthrough', true);

  const update = () => {
    const { categories, services } = instance.get();
    gtag('consent', 'update', modeState(grantedTypes(instance, { categories, services })));
    gtagWindow.dataLayer!.push({ event: CONSENT_MODE_EVENT, consent_gate: { categories, services } });
  };
  if (snapshot.decided || snapshot.stale) update();
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
