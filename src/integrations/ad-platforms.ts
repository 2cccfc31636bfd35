import type { Integration } from '../core/view';
import { consentModeState, initialGrants } from './lib/state';
import { findService } from './lib/find-service';

type Fn = ((...args: unknown[]) => void) & { queue?: unknown[]; callMethod?: unknown; q?: unknown[] };
type AdWindow = Window & { fbq?: Fn; uetq?: { push(...args: unknown[]): unknown }; clarity?: Fn };

const grant = (on: boolean) => (on ? 'granted' : 'denied');

/**
 * The consent APIs of Meta Pixel, Microsoft UET and Microsoft Clarity, each only when a
 * service with that key or preset is configured (`meta-pixel`, `microsoft-uet`,
 * `microsoft-clarity`). Each follows its service: granted when `hasService()` is true.
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
  if (typeof window == 'undefined') return;
  const w = window as AdWindow;
  const meta = findService(instance, 'meta-pixel');
  const uet = findService(instance, 'microsoft-uet');
  const clarity = findService(instance, 'microsoft-clarity');
  if (!meta && !uet && !clarity) return;
  const has = (key: string) => instance.hasService(key);
  const snap = instance.get();
  const restored = snap.decided || snap.stale;
  let sentMeta: string | undefined;

  const metaState = () => (has(meta!.key) ? 'grant' : 'revoke');
  /** Queue the Meta consent call on `f` when it changed; false while `f` is not ready for calls. */
  const sendMeta = (f: Fn | undefined) => {
    if (!f || !(f.queue || f.callMethod)) return false;
    const state = metaState();
    if (state !== sentMeta) f('consent', (sentMeta = state));
    return true;
  };

  if (meta) {
    if (w.fbq) sendMeta(w.fbq);
    else {
      let stub: Fn | undefined;
      // The base code assigns `window.fbq` and then calls `fbq('init')`: the first read
      // after the assignment is that call, so the consent call lands in the queue first.
      Object.defineProperty(w, 'fbq', {
        configurable: true,
        get() {
          if (sendMeta(stub)) Object.defineProperty(w, 'fbq', { value: stub, writable: true, configurable: true, enumerable: true });
          return stub;
        },
        set(f: Fn) {
          stub = f;
        },
      });
    }
  }

  const uetState = () => ({ ad_storage: grant(has(uet!.key)) });
  if (uet) {
    const q = (w.uetq = w.uetq || []);
    q.push('consent', 'default', { ad_storage: grant(initialGrants(instance).services[uet.key]!) });
    if (restored) q.push('consent', 'update', uetState());
  }

  const clarityState = () => {
    const on = has(clarity!.key);
    return { ad_Storage: grant(on && consentModeState(instance, instance.get()).ad_storage == 'granted'), analytics_Storage: grant(on) };
  };
  if (clarity) {
    // Clarity's own queue stub, which its snippet keeps when present.
    const c: Fn = (w.clarity =
      w.clarity ||
      function () {
        (c.q = c.q || []).push(arguments);
      });
    c('consentv2', clarityState());
  }

  const update = () => {
    if (meta) sendMeta(w.fbq);
    if (uet) w.uetq!.push('consent', 'update', uetState());
    if (clarity) w.clarity!('consentv2', clarityState());
  };
  const offs = [instance.on('consent', update), instance.on('change', update)];
  return () => offs.forEach((off) => off());
};
