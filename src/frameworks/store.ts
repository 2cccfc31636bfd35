/**
 * `consent-gate/store`: an instance's state as a readable store. It keeps the Svelte store
 * contract (`subscribe` calls its function at once and returns the unsubscribe function), so
 * `$consent` works in Svelte, and it gives React's `useSyncExternalStore` and Vue's refs one
 * object per change. No framework, no DOM, no side effects on import.
 */
import type { Config, ConsentInstance, ConsentSnapshot, NormalizedConfig } from '../core-entry';

/** A readable store of an instance's snapshot. */
export interface ConsentStore {
  /**
   * Call `run` now with the current snapshot and again after every change; returns the
   * function that stops it (the Svelte store contract).
   * @example const stop = store.subscribe((state) => console.log(state.categories.analytics));
   */
  subscribe(run: (snapshot: ConsentSnapshot) => void): () => void;
  /**
   * The current snapshot: the same object until something changes, so it can be compared
   * by identity (what `useSyncExternalStore` needs).
   * @example if (store.get().decided) hideMyBanner();
   */
  get(): ConsentSnapshot;
}

/**
 * The instance events after which the snapshot may differ. `show` and `hide` are there because
 * `reset()` or an expiring choice can turn `decided` off without any grant moving, and then
 * neither `consent` nor `change` fires, but the banner shows.
 */
const EVENTS = ['ready', 'consent', 'change', 'show', 'hide'] as const;

/**
 * Wrap a consent instance in a readable store of its snapshot. It listens to the instance only
 * while something subscribes.
 * @example
 * import { createConsent } from 'consent-gate';
 * import { consentStore } from 'consent-gate/store';
 *
 * export const consent = createConsent({ categories: { necessary: { required: true }, analytics: {} } });
 * export const consentState = consentStore(consent); // in a Svelte component: {#if $consentState.categories.analytics}
 */
export function consentStore(instance: ConsentInstance): ConsentStore {
  const subscribers = new Set<{ run: (snapshot: ConsentSnapshot) => void }>();
  let stopListening: (() => void)[] = [];
  let current: ConsentSnapshot | undefined;
  let currentKey = '';
  let lastSent: ConsentSnapshot | undefined;

  const get = (): ConsentSnapshot => {
    // Snapshots are plain data; equal text means nothing changed, so keep the old object.
    const next = instance.get();
    const key = JSON.stringify(next);
    if (key !== currentKey) {
      currentKey = key;
      current = next;
    }
    return current!;
  };

  const sendIfChanged = () => {
    const snapshot = get();
    if (snapshot === lastSent) return;
    lastSent = snapshot;
    for (const subscriber of [...subscribers]) subscriber.run(snapshot);
  };

  return {
    get,
    subscribe(run) {
      // A change nobody was told about yet reaches the earlier subscribers first.
      if (subscribers.size) sendIfChanged();
      else stopListening = EVENTS.map((event) => instance.on(event, sendIfChanged));
      // An object per subscription, so one function subscribed twice is two subscriptions.
      const subscriber = { run };
      subscribers.add(subscriber);
      run((lastSent = get()));
      return () => {
        if (subscribers.delete(subscriber) && !subscribers.size) {
          stopListening.forEach((stop) => stop());
          stopListening = [];
        }
      };
    },
  };
}

/**
 * The state to render where the visitor's choice cannot be known: on the server, and in the
 * browser while hydrating what the server rendered. Nothing is decided; required categories
 * (and their services) are granted, everything else is not, also in `mode: 'opt-out'` (the
 * server cannot see Global Privacy Control).
 * @example
 * const state = typeof window == 'undefined' ? undecidedSnapshot(config) : consent.get();
 */
export function undecidedSnapshot(config: Config | NormalizedConfig): ConsentSnapshot {
  const categories: { [key: string]: boolean } = {};
  const services: { [key: string]: boolean } = {};
  const listed = config.categories;
  if (Array.isArray(listed)) for (const category of listed) categories[category.key] = category.required;
  else for (const key in listed) categories[key] = listed[key]?.required === true;
  const declared = config.services || {};
  if (Array.isArray(declared)) for (const service of declared) services[service.key] = categories[service.category] === true;
  else
    for (const key in declared) {
      // A catalogue preset named by a string brings its category only once the engine reads it.
      const service = declared[key];
      services[key] = typeof service == 'object' && categories[service.category] === true;
    }
  return {
    decided: false,
    id: '',
    categories,
    services,
    revision: '',
    firstDecision: '',
    lastDecision: '',
    expires: '',
    gpc: false,
    stale: false,
    region: '',
    rule: 'opt-in',
    gpcConflict: false,
  };
}
