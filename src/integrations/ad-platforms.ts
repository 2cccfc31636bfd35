import type { NormalizedService } from '../core/types';
import type { Integration } from '../core/view';
import { grant, grantedTypes, initialGrants } from './lib/state';
import { findService } from './lib/find-service';

/** A vendor's command function with its queue: Meta's `queue`/`callMethod`, Clarity's `q`. */
type CommandFunction = ((...args: unknown[]) => void) & { queue?: unknown[]; callMethod?: unknown; q?: unknown[] };
type AdWindow = Window & { fbq?: CommandFunction; uetq?: { push(...args: unknown[]): unknown }; clarity?: CommandFunction };

/**
 * The consent APIs of Meta Pixel, Microsoft UET and Microsoft Clarity, each only when a
 * service with that key or preset is configured (`meta-pixel`, `microsoft-uet`,
 * `microsoft-clarity`). Each follows its service: granted when `hasService()` is true.
 * Built into the `consent-gate` npm entry; for the script-tag build,
 * `dist/consent-gate.catalogue.js` registers it (src/integrations/catalogue/browser.ts).
 *
 * - Meta (developers.facebook.com/docs/meta-pixel/implementation/gdpr): `fbq('consent',
 *   'revoke' | 'grant')` before `init` on every page. Meta's base code returns early when
 *   `fbq` exists, so no stub is defined; an accessor on `window.fbq` notices the base code's
 *   own stub and queues the consent call on it before its `fbq('init')` runs.
 * - UET (Microsoft Advertising consent mode): `uetq.push('consent', 'default',
 *   { ad_storage })` at once (the UET snippet keeps an existing `uetq` queue), `update` after.
 * - Clarity (learn.microsoft.com/clarity, Consent API v2, which replaces `clarity('consent')`):
 *   `clarity('consentv2', { ad_Storage, analytics_Storage })` through Clarity's own queue stub.
 */
export const adPlatforms: Integration = (instance) => {
  if (typeof window === 'undefined') return;
  const adWindow = window as AdWindow;
  const [meta, uet, clarity] = ['meta-pixel', 'microsoft-uet', 'microsoft-clarity'].map((name) => findService(instance, name));
  if (!meta && !uet && !clarity) return;
  const has = (service: NormalizedService) => instance.hasService(service.key);
  const snap = instance.get();
  let sentMeta: string | undefined;

  /** Queue the Meta consent call on `fbq` when it changed; false while `fbq` is not ready for calls. */
  const sendMeta = (fbq: CommandFunction | undefined) => {
    if (!fbq || !(fbq.queue || fbq.callMethod)) return false;
    const state = has(meta!) ? 'grant' : 'revoke';
    if (state !== sentMeta) fbq('consent', (sentMeta = state));
    return true;
  };
  const sendUet = (kind: string, on: unknown) => adWindow.uetq!.push('consent', kind, { ad_storage: grant(on) });
  const sendClarity = () => {
    const on = has(clarity!);
    adWindow.clarity!('consentv2', { ad_Storage: grant(on && grantedTypes(instance, instance.get())('ad_storage')), analytics_Storage: grant(on) });
  };

  if (meta) {
    if (adWindow.fbq) sendMeta(adWindow.fbq);
    else {
      let stub: CommandFunction | undefined;
      // The base code assigns `window.fbq` and then calls `fbq('init')`: the first read
      // after the assignment is that call, so the consent call lands in the queue first.
      Object.defineProperty(adWindow, 'fbq', {
        configurable: true,
        get() {
          if (sendMeta(stub)) Object.defineProperty(adWindow, 'fbq', { value: stub, writable: true, configurable: true, enumerable: true });
          return stub;
        },
        set(baseCodeStub: CommandFunction) {
          stub = baseCodeStub;
        },
      });
    }
  }
  if (uet) {
    adWindow.uetq ||= [];
    sendUet('default', initialGrants(instance).services[uet.key]);
    if (snap.decided || snap.stale) sendUet('update', has(uet));
  }
  if (clarity) {
    // Clarity's own queue stub, which its snippet keeps when present.
    const clarityQueue: CommandFunction = (adWindow.clarity ||= function () {
      // eslint-disable-next-line prefer-rest-params
      (clarityQueue.q ||= []).push(arguments);
    });
    sendClarity();
  }

  const update = () => {
    if (meta) sendMeta(adWindow.fbq);
    if (uet) sendUet('update', has(uet));
    if (clarity) sendClarity();
  };
  const offs = [instance.on('consent', update), instance.on('change', update)];
  return () => offs.forEach((off) => off());
};
