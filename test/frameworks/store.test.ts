import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createConsent, memoryStorage, normalizeConfig, type ConsentInstance, type ConsentSnapshot } from '../../src/core-entry';
import { consentStore, undecidedSnapshot } from '../../src/frameworks/store';

const config = {
  revision: 'r1',
  categories: { necessary: { required: true }, analytics: {}, marketing: {} },
  services: { ga4: { category: 'analytics' }, login: { category: 'necessary' } },
  autoShow: false,
};

let instance: ConsentInstance;
beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  instance = createConsent(config, { storage: memoryStorage() });
});
afterEach(() => instance.destroy());

describe('consentStore', () => {
  test('keeps the Svelte store contract: subscribe calls at once, then on each change, and returns an unsubscribe', () => {
    const store = consentStore(instance);
    const seen: boolean[] = [];
    const stop = store.subscribe((state) => seen.push(state.categories.analytics!));
    expect(seen).toEqual([false]);
    instance.acceptAll();
    expect(seen).toEqual([false, true]);
    instance.set({ analytics: false });
    expect(seen).toEqual([false, true, false]);
    expect(typeof stop).toBe('function');
    stop();
    instance.acceptAll();
    expect(seen).toEqual([false, true, false]);
  });

  test('get() returns the same object until something changes', () => {
    const store = consentStore(instance);
    const first = store.get();
    expect(store.get()).toBe(first);
    instance.rejectAll();
    const second = store.get();
    expect(second).not.toBe(first);
    expect(second.decided).toBe(true);
    expect(store.get()).toBe(second);
  });

  test('an event that changes nothing sends nothing (show/hide of the preferences)', () => {
    const store = consentStore(instance);
    instance.rejectAll();
    const runs: ConsentSnapshot[] = [];
    const shown: string[] = [];
    instance.on('show', (e) => shown.push(e.view));
    store.subscribe((state) => runs.push(state));
    instance.showPreferences();
    instance.hide();
    expect(shown).toEqual(['preferences']);
    expect(runs).toHaveLength(1);
  });

  test('reset() reaches subscribers though no grant moved (decided turns false)', () => {
    instance.rejectAll();
    const store = consentStore(instance);
    const decided: boolean[] = [];
    store.subscribe((state) => decided.push(state.decided));
    instance.reset();
    expect(decided).toEqual([true, false]);
  });

  test('listens to the instance only while subscribed, and one function subscribed twice counts twice', () => {
    const on = vi.spyOn(instance, 'on');
    const store = consentStore(instance);
    expect(on).not.toHaveBeenCalled();
    const calls: string[] = [];
    const run = (state: ConsentSnapshot) => calls.push(String(state.categories.analytics));
    const stopA = store.subscribe(run);
    const stopB = store.subscribe(run);
    const listening = on.mock.calls.length;
    expect(listening).toBeGreaterThan(0);
    instance.acceptAll();
    expect(calls).toEqual(['false', 'false', 'true', 'true']);
    stopA();
    instance.rejectAll();
    expect(calls).toEqual(['false', 'false', 'true', 'true', 'false']);
    stopB();
    expect(on.mock.calls.length).toBe(listening);
  });

  test('a subscriber that unsubscribes another while being called does not break the round', () => {
    const store = consentStore(instance);
    const calls: string[] = [];
    let stopB = () => {};
    store.subscribe((state) => {
      calls.push(`a:${state.decided}`);
      if (state.decided) stopB();
    });
    stopB = store.subscribe((state) => calls.push(`b:${state.decided}`));
    instance.acceptAll();
    expect(calls).toEqual(['a:false', 'b:false', 'a:true', 'b:true']);
    instance.rejectAll();
    expect(calls.slice(4)).toEqual(['a:true']);
  });
});

describe('undecidedSnapshot', () => {
  const expected = {
    decided: false,
    id: '',
    categories: { necessary: true, analytics: false, marketing: false },
    services: { ga4: false, login: true },
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

  test('from a config: required categories and their services only; matches a fresh instance', () => {
    expect(undecidedSnapshot(config)).toEqual(expected);
    expect(undecidedSnapshot(config)).toEqual({ ...instance.get() });
  });

  test('from a normalised config (instance.config) the same', () => {
    expect(undecidedSnapshot(normalizeConfig(config))).toEqual(expected);
  });

  test('opt-out mode still renders nothing granted: the server cannot see GPC', () => {
    expect(undecidedSnapshot({ ...config, mode: 'opt-out' }).categories).toEqual({ necessary: true, analytics: false, marketing: false });
  });

  test('a service named by a catalogue preset string counts as not granted', () => {
    expect(undecidedSnapshot({ categories: { analytics: {} }, services: { ga: 'google-analytics' } }).services).toEqual({ ga: false });
  });
});
