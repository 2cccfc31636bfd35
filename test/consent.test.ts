import { afterEach, beforeEach, describe, expect, test, vi, type MockInstance } from 'vitest';
import { createConsent, memoryStorage, encodeChoice, type ConsentStorage } from '../src/core-entry';
import type { ConsentEvents } from '../src/core/types';

const config = {
  revision: 'r1',
  categories: { necessary: { required: true }, analytics: {}, marketing: {} },
  services: { ga4: { category: 'analytics', cookies: ['_ga'] }, hotjar: { category: 'analytics' }, ads: { category: 'marketing' } },
  autoShow: false,
};

let warn: MockInstance<typeof console.warn>;
let error: MockInstance<typeof console.error>;
beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  error = vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** Create an instance on a memory storage and record every event it emits. */
function setup(cfg: object = config, storage: ConsentStorage = memoryStorage()) {
  const events: { name: keyof ConsentEvents; detail: unknown }[] = [];
  const c = createConsent(cfg, { storage });
  for (const name of ['consent', 'change', 'record', 'show', 'hide'] as const) c.on(name, (detail) => events.push({ name, detail }));
  return { c, events, storage, names: () => events.map((e) => e.name) };
}

describe('decisions', () => {
  test('nothing but required categories before a decision, and nothing stored', () => {
    const { c, storage } = setup();
    expect(c.get()).toMatchObject({ decided: false, id: '', categories: { necessary: true, analytics: false, marketing: false } });
    expect(c.hasService('ga4')).toBe(false);
    expect(storage.read()).toBeNull();
  });

  test('acceptAll grants everything, emits consent then one record, and stores', () => {
    const { c, events, names, storage } = setup();
    c.acceptAll();
    expect(c.get().categories).toEqual({ necessary: true, analytics: true, marketing: true });
    expect(c.hasService('ads')).toBe(true);
    expect(names()).toEqual(['consent', 'record', 'hide']);
    const receipt = events[1]!.detail as ConsentEvents['record'];
    expect(receipt).toMatchObject({ method: 'accept_all', revision: 'r1', gpc: false, categories: { analytics: true } });
    expect(receipt.id).toMatch(/^[\da-f]{32}$/);
    expect(new Date(receipt.timestamp).toISOString()).toBe(receipt.timestamp);
    expect(storage.read()).toContain('"analytics":1');
  });

  test('rejectAll keeps required only; a later change emits change with what changed', () => {
    const { c, events, names } = setup();
    c.rejectAll();
    expect(c.get().categories).toEqual({ necessary: true, analytics: false, marketing: false });
    c.set({ analytics: true });
    expect(names()).toEqual(['consent', 'record', 'hide', 'change', 'record', 'hide']);
    expect((events[3]!.detail as ConsentEvents['change']).changed).toEqual({ categories: ['analytics'], services: ['ga4', 'hotjar'] });
    expect((events[4]!.detail as ConsentEvents['record']).method).toBe('custom');
  });

  test('a service can be refused on its own and stays refused when its category is granted again', () => {
    const { c } = setup();
    c.set({ analytics: true }, { hotjar: false });
    expect([c.hasService('ga4'), c.hasService('hotjar')]).toEqual([true, false]);
    c.set({ marketing: true });
    expect(c.hasService('hotjar')).toBe(false);
    c.set({}, { hotjar: true });
    expect(c.hasService('hotjar')).toBe(true);
  });

  test('a service can be granted on its own; the receipt records the choice as made; reject all refuses it', () => {
    const { c, events, storage } = setup();
    c.set({}, { ads: true });
    expect([c.has('marketing'), c.hasService('ads'), c.hasService('ga4')]).toEqual([false, true, false]);
    const receipt = events.find((e) => e.name === 'record')!.detail as ConsentEvents['record'];
    expect(receipt).toMatchObject({
      method: 'custom',
      categories: { necessary: true, analytics: false, marketing: false },
      services: { ga4: false, hotjar: false, ads: true },
    });
    // Stored as made, and restored so on the next page view.
    expect(setup(config, storage).c.get()).toMatchObject({ decided: true, categories: { marketing: false }, services: { ads: true } });
    // Granting another category keeps it; reject all refuses everything optional.
    c.set({ analytics: true });
    expect(c.hasService('ads')).toBe(true);
    c.rejectAll();
    expect(c.get().services).toEqual({ ga4: false, hotjar: false, ads: false });
  });

  test('refusing a category refuses its services unless one is granted by name in the same call', () => {
    const { c } = setup();
    c.acceptAll();
    c.set({ marketing: false, analytics: false }, { hotjar: true });
    expect(c.get().categories).toEqual({ necessary: true, analytics: false, marketing: false });
    expect(c.get().services).toEqual({ ga4: false, hotjar: true, ads: false });
  });

  test('services in a required category cannot be refused', () => {
    const { c } = setup({ ...config, services: { ...config.services, stripe: { category: 'necessary' } } });
    expect(c.hasService('stripe')).toBe(true);
    c.set({}, { stripe: false });
    expect(c.hasService('stripe')).toBe(true);
    expect(warn.mock.calls.some((x) => /set\(\): "stripe" is required and cannot be refused/.test(String(x[0])))).toBe(true);
    c.rejectAll();
    expect(c.hasService('stripe')).toBe(true);
  });

  test('set() ignores unknown keys, non-booleans and refusing a required category, naming each', () => {
    const { c } = setup();
    c.set({ nope: true, analytics: 'yes' as unknown as boolean, necessary: false }, { ghost: true });
    expect(c.get().categories).toEqual({ necessary: true, analytics: false, marketing: false });
    const said = warn.mock.calls.map((x) => String(x[0])).join('\n');
    expect(said).toMatch(/"nope"/);
    expect(said).toMatch(/"analytics"/);
    expect(said).toMatch(/"necessary" is required and cannot be refused/);
    expect(said).toMatch(/"ghost"/);
  });

  test('the id and first decision time survive later decisions', () => {
    vi.useFakeTimers({ now: new Date('2024-01-01T00:00:00Z') });
    const { c } = setup();
    c.acceptAll();
    const first = c.get();
    vi.setSystemTime(new Date('2024-02-01T00:00:00Z'));
    c.rejectAll();
    expect(c.get()).toMatchObject({ id: first.id, firstDecision: '2024-01-01T00:00:00.000Z', lastDecision: '2024-02-01T00:00:00.000Z' });
    expect(c.get().expires).toBe(new Date(Date.parse('2024-02-01T00:00:00Z') + 182 * 864e5).toISOString());
  });

  test('reset forgets the choice and shows the banner', () => {
    const { c, names, storage } = setup();
    c.acceptAll();
    c.reset();
    expect(storage.read()).toBeNull();
    expect(c.get().decided).toBe(false);
    expect(c.has('analytics')).toBe(false);
    expect(names().slice(-2)).toEqual(['change', 'show']);
  });
});

describe('restoring', () => {
  test('a stored choice is restored, a changed revision asks again and grants nothing', () => {
    const storage = memoryStorage();
    setup(config, storage).c.acceptAll();
    expect(setup(config, storage).c.get()).toMatchObject({ decided: true, stale: false, categories: { analytics: true } });
    const next = setup({ ...config, revision: 'r2' }, storage).c;
    expect(next.get()).toMatchObject({ decided: false, stale: true, categories: { analytics: false, marketing: false } });
  });

  test('a new category asks again, earlier answers stay in force', () => {
    const storage = memoryStorage();
    setup(config, storage).c.acceptAll();
    const c = setup({ ...config, categories: { ...config.categories, preferences: {} } }, storage).c;
    expect(c.get()).toMatchObject({ decided: false, stale: true, categories: { analytics: true, preferences: false } });
  });

  test('an expired choice asks again; acceptance and refusal both last 182 days', () => {
    vi.useFakeTimers({ now: new Date('2024-01-01T00:00:00Z') });
    const storage = memoryStorage();
    setup(config, storage).c.rejectAll();
    vi.setSystemTime(new Date(Date.parse('2024-01-01T00:00:00Z') + 181 * 864e5));
    expect(setup(config, storage).c.get().decided).toBe(true);
    vi.setSystemTime(new Date(Date.parse('2024-01-01T00:00:00Z') + 183 * 864e5));
    expect(setup(config, storage).c.get().decided).toBe(false);
  });

  test('a choice that expires while the page is open: change event, nothing granted, banner again', () => {
    vi.useFakeTimers({ now: new Date('2024-01-01T00:00:00Z') });
    const { c, names, events } = setup({ ...config, autoShow: true });
    c.acceptAll();
    vi.advanceTimersByTime(181 * 864e5);
    expect(c.has('analytics')).toBe(true);
    expect(names()).toEqual(['consent', 'record', 'hide']);
    vi.advanceTimersByTime(2 * 864e5);
    expect(c.has('analytics')).toBe(false);
    expect(names()).toEqual(['consent', 'record', 'hide', 'change', 'show']);
    expect((events[3]!.detail as ConsentEvents['change']).changed.categories).toEqual(['analytics', 'marketing']);
    c.destroy();
  });

  test('a choice kept longer than the timer cap is checked again at the cap and lapses at expiry', () => {
    vi.useFakeTimers({ now: new Date('2024-01-01T00:00:00Z') });
    const { c, names } = setup({ ...config, cookie: { expiresDays: 60 } });
    c.acceptAll();
    // 2^31-1 ms is about 24.9 days: the timer fires then, finds the choice valid, and waits again.
    vi.advanceTimersByTime(2 ** 31 - 1);
    expect(c.has('analytics')).toBe(true);
    vi.advanceTimersByTime(59 * 864e5 - (2 ** 31 - 1));
    expect(c.has('analytics')).toBe(true);
    expect(names()).toEqual(['consent', 'record', 'hide']);
    vi.advanceTimersByTime(2 * 864e5);
    expect(c.has('analytics')).toBe(false);
    expect(names()).toEqual(['consent', 'record', 'hide', 'change']);
    c.destroy();
  });

  test('an unreadable value is no consent, with one warning', () => {
    const storage = memoryStorage();
    storage.write('{"v":1,"c":{"analytics":1}}', new Date(Date.now() + 1e6));
    const { c } = setup(config, storage);
    expect(c.has('analytics')).toBe(false);
    expect(warn.mock.calls.filter((x) => /unreadable/.test(String(x[0])))).toHaveLength(1);
  });

  test('autoShow shows the banner, after ready, only without a valid decision', async () => {
    const storage = memoryStorage();
    const seen: unknown[] = [];
    const first = createConsent({ ...config, autoShow: true }, { storage });
    first.on('ready', (d) => seen.push(`ready:${d.decided}`));
    first.on('show', (d) => seen.push(d));
    await Promise.resolve();
    expect(seen).toEqual(['ready:false', { view: 'banner' }]);
    first.acceptAll();
    seen.length = 0;
    const listener = (e: Event) => seen.push((e as CustomEvent).detail);
    addEventListener('consent-gate:show', listener);
    createConsent({ ...config, autoShow: true }, { storage });
    await Promise.resolve();
    expect(seen).toEqual([]);
    createConsent({ ...config, revision: 'r9', autoShow: true }, { storage });
    await Promise.resolve();
    removeEventListener('consent-gate:show', listener);
    expect(seen).toEqual([{ view: 'banner' }]);
  });

  test('a ready listener added after ready fired is called once with the current state', async () => {
    const c = createConsent(config, { storage: memoryStorage() });
    await Promise.resolve();
    const late = vi.fn();
    c.on('ready', late);
    await Promise.resolve();
    expect(late).toHaveBeenCalledWith(expect.objectContaining({ decided: false }));
    expect(late).toHaveBeenCalledTimes(1);
  });
});

describe('Global Privacy Control and opt-out', () => {
  test('with GPC, Accept all leaves sale/sharing categories off; an explicit choice grants them', () => {
    vi.stubGlobal('navigator', { ...navigator, globalPrivacyControl: true });
    const { c, events } = setup();
    c.acceptAll();
    expect(c.get()).toMatchObject({ gpc: true, categories: { analytics: true, marketing: false } });
    expect((events.find((e) => e.name === 'record')!.detail as ConsentEvents['record']).gpc).toBe(true);
    c.set({ marketing: true });
    expect(c.has('marketing')).toBe(true);
  });

  test('gpc: false ignores the signal', () => {
    vi.stubGlobal('navigator', { ...navigator, globalPrivacyControl: true });
    const { c } = setup({ ...config, gpc: false });
    c.acceptAll();
    expect(c.get()).toMatchObject({ gpc: false, categories: { marketing: true } });
  });

  test('opt-out mode: on until refused, sale/sharing off under GPC', () => {
    expect(setup({ ...config, mode: 'opt-out' }).c.get().categories).toEqual({ necessary: true, analytics: true, marketing: true });
    vi.stubGlobal('navigator', { ...navigator, globalPrivacyControl: true });
    const { c } = setup({ ...config, mode: 'opt-out', categories: { ...config.categories, analytics: { default: false } } });
    expect(c.get().categories).toEqual({ necessary: true, analytics: false, marketing: false });
  });
});

const gpcOn = () => vi.stubGlobal('navigator', { ...navigator, globalPrivacyControl: true });

describe('GPC conflict (11 CCR §7025(c)(3))', () => {
  test('a marketing grant stored without GPC is refused once GPC is on; analytics kept; no re-prompt', () => {
    const storage = memoryStorage();
    setup(config, storage).c.acceptAll();
    gpcOn();
    const { c } = setup(config, storage);
    expect(c.get()).toMatchObject({ decided: true, gpc: true, gpcConflict: true, categories: { analytics: true, marketing: false } });
    expect(c.has('marketing')).toBe(false);
    expect(c.hasService('ads')).toBe(false);
    expect(c.hasService('ga4')).toBe(true);
  });

  test('an explicit grant made while GPC is on stands across a reload, with gpc: true in the receipt', () => {
    const storage = memoryStorage();
    setup(config, storage).c.acceptAll();
    gpcOn();
    const { c, events } = setup(config, storage);
    c.set({ marketing: true });
    const receipt = events.find((e) => e.name === 'record')!.detail as ConsentEvents['record'];
    expect(receipt).toMatchObject({ method: 'custom', gpc: true, categories: { marketing: true } });
    const again = setup(config, storage).c;
    expect(again.get()).toMatchObject({ gpcConflict: false, categories: { marketing: true } });
    expect(again.hasService('ads')).toBe(true);
  });
});

describe('regions', () => {
  const regions = { EU: 'opt-in', GB: 'notice', 'US-CA': 'opt-out' };
  const withRegion = (region: string, extra: object = {}) => ({ ...config, autoShow: true, regions, region, ...extra });
  const shown = async (cfg: object) => {
    const { c, names } = setup(cfg);
    await Promise.resolve();
    return { c, banner: names().includes('show') };
  };

  test('opt-out: no banner, categories on until refused; GPC refuses sale/sharing with no click', async () => {
    const { c, banner } = await shown(withRegion('us-ca'));
    expect(banner).toBe(false);
    expect(c.get()).toMatchObject({ decided: false, region: 'US-CA', rule: 'opt-out', categories: { analytics: true, marketing: true } });
    gpcOn();
    expect((await shown(withRegion('US-CA'))).c.get().categories).toMatchObject({ analytics: true, marketing: false });
  });

  test('notice: exempt categories run after the notice, until refused; the rest waits', async () => {
    const { c, banner } = await shown(withRegion('GB', { categories: { ...config.categories, analytics: { exempt: true } } }));
    expect(banner).toBe(true);
    expect(c.get().categories).toEqual({ necessary: true, analytics: true, marketing: false });
    c.rejectAll();
    expect(c.has('analytics')).toBe(false);
  });

  test('an unknown region, or none, gets the strictest configured rule; receipts carry region and rule', async () => {
    for (const region of ['', 'BR']) {
      const { c, banner } = await shown(withRegion(region));
      expect(banner).toBe(true);
      expect(c.get()).toMatchObject({ rule: 'opt-in', categories: { analytics: false, marketing: false } });
    }
    const { c, events } = setup(withRegion('GB'));
    c.rejectAll();
    expect(events.find((e) => e.name === 'record')!.detail).toMatchObject({ method: 'reject_all', region: 'GB', rule: 'notice' });
  });

  test('mode: opt-out without regions keeps its banner', async () => {
    expect((await shown({ ...config, autoShow: true, mode: 'opt-out' })).banner).toBe(true);
  });
});

describe('withdraw event', () => {
  test('names what a decision took back, after its change; nothing for a grant', () => {
    const { c } = setup();
    const seen: unknown[] = [];
    c.on('withdraw', (detail) => seen.push(detail));
    c.acceptAll();
    c.set({ marketing: true });
    expect(seen).toEqual([]);
    c.set({ analytics: false });
    expect(seen).toEqual([{ categories: ['analytics'], services: ['ga4', 'hotjar'] }]);
    c.rejectAll();
    expect(seen.at(-1)).toEqual({ categories: ['marketing'], services: ['ads'] });
  });
});

describe('events', () => {
  test('a throwing listener does not stop the others; unsubscribe works; window events mirror', () => {
    const { c } = setup();
    const seen: string[] = [];
    c.on('consent', () => {
      throw new Error('boom');
    });
    const off = c.on('consent', () => seen.push('second'));
    const onWindow = (e: Event) => seen.push(`window:${(e as CustomEvent).detail.decided}`);
    addEventListener('consent-gate:consent', onWindow);
    c.acceptAll();
    removeEventListener('consent-gate:consent', onWindow);
    expect(seen).toEqual(['second', 'window:true']);
    expect(error.mock.calls.some((x) => /consent-gate:consent listener failed/.test(String(x[0])))).toBe(true);
    off();
    c.reset();
    c.acceptAll();
    expect(seen).toEqual(['second', 'window:true']);
  });

  test('without a view, show/hide only emit events for a custom UI', () => {
    const { c, names } = setup();
    c.showPreferences();
    c.showBanner();
    c.hide();
    expect(names()).toEqual(['show', 'show', 'hide']);
  });

  test('a view that throws is reported and consent still works', () => {
    const c = createConsent(config, {
      storage: memoryStorage(),
      view: () => ({
        show: () => {
          throw new Error('ui');
        },
        hide: () => {
          throw new Error('ui');
        },
        refresh: () => {
          throw new Error('ui');
        },
        destroy() {},
      }),
    });
    c.showBanner();
    c.acceptAll();
    expect(c.has('analytics')).toBe(true);
    expect(error).toHaveBeenCalled();
  });

  test('integrations run before ready, and their clean-up runs on destroy', () => {
    const order: string[] = [];
    const c = createConsent(config, {
      storage: memoryStorage(),
      integrations: [
        (i) => {
          order.push(`integration:${i.get().decided}`);
          return () => order.push('cleanup');
        },
        () => {
          throw new Error('bad integration');
        },
      ],
    });
    c.on('consent', () => order.push('consent'));
    c.destroy();
    c.acceptAll();
    expect(order).toEqual(['integration:false', 'cleanup']);
  });

  test('setLanguage changes the receipt language; a bad code is refused', () => {
    const { c, events } = setup({ ...config, language: 'de' });
    expect(c.language).toBe('de');
    const told: unknown[] = [];
    c.on('language', (d) => told.push(d));
    c.setLanguage('fr');
    c.setLanguage('' as string);
    expect(told).toEqual([{ language: 'fr' }]);
    c.acceptAll();
    expect((events.find((e) => e.name === 'record')!.detail as ConsentEvents['record']).language).toBe('fr');
    expect(warn.mock.calls.some((x) => /setLanguage/.test(String(x[0])))).toBe(true);
  });
});

describe('proof of consent delivery', () => {
  test('recordEndpoint receives the receipt by fetch with keepalive (the outbox: test/record.test.ts)', async () => {
    localStorage.clear();
    const fetcher = vi.fn((_url: string, _init: RequestInit) => Promise.resolve(new Response(null, { status: 201 })));
    vi.stubGlobal('fetch', fetcher);
    setup({ ...config, recordEndpoint: '/receipts' }).c.acceptAll();
    expect(fetcher).toHaveBeenCalledWith('/receipts', expect.objectContaining({ method: 'POST', keepalive: true }));
    expect(JSON.parse(fetcher.mock.calls[0]![1].body as string)).toMatchObject({ method: 'accept_all', categories: { analytics: true } });

    fetcher.mockImplementation(() => Promise.reject(new Error('offline')));
    setup({ ...config, recordEndpoint: '/receipts' }).c.rejectAll();
    await new Promise((r) => setTimeout(r));
    expect(warn.mock.calls.some((x) => /receipt not acknowledged/.test(String(x[0])))).toBe(true);
    localStorage.clear();
  });
});

describe('cross-tab', () => {
  test('a decision in one instance reaches another sharing the storage', async () => {
    const storage = memoryStorage();
    const a = setup(config, storage);
    const b = setup(config, storage);
    a.c.acceptAll();
    await vi.waitFor(() => expect(b.c.has('analytics')).toBe(true));
    expect(b.names()).toContain('consent');
    expect(b.names()).not.toContain('record');
    b.c.rejectAll();
    await vi.waitFor(() => expect(a.c.has('analytics')).toBe(false));
    a.c.destroy();
    b.c.destroy();
  });
});

describe('loadScript', () => {
  test('waits for the category, then inserts once (happy-dom refuses to fetch, so it rejects with the URL)', async () => {
    const { c } = setup();
    const p = c.loadScript('/x.js', 'analytics', { 'data-x': '1' });
    expect(document.querySelector('script[src="/x.js"]')).toBeNull();
    c.acceptAll();
    const s = document.querySelector<HTMLScriptElement>('script[src="/x.js"]')!;
    expect(s.getAttribute('data-x')).toBe('1');
    await expect(p).rejects.toThrow('failed to load /x.js');
    c.reset();
    c.acceptAll();
    expect(document.querySelectorAll('script[src="/x.js"]')).toHaveLength(1);
  });

  test('rejects an unknown category with a message', async () => {
    await expect(setup().c.loadScript('/y.js', 'stats')).rejects.toThrow(/"stats" is not a declared category/);
    expect(error.mock.calls.some((x) => /"stats" is not a declared category/.test(String(x[0])))).toBe(true);
  });
});

test("a stored choice written by hand with a valid shape and checksum is honoured (it is the visitor's own)", () => {
  const storage = memoryStorage();
  const now = Date.now();
  storage.write(
    encodeChoice({
      id: 'abcdefghijkl',
      revision: 'r1',
      first: now,
      last: now,
      expires: now + 1e9,
      gpc: false,
      categories: { analytics: true, marketing: false },
      services: {},
    }),
    new Date(now + 1e9),
  );
  expect(setup(config, storage).c.get()).toMatchObject({ decided: true, categories: { analytics: true, marketing: false } });
});

test('destroy is idempotent, and unsubscribing after it is harmless', () => {
  let cleanups = 0;
  const c = createConsent(config, { storage: memoryStorage(), integrations: [() => () => cleanups++] });
  const off = c.on('consent', () => {});
  c.destroy();
  c.destroy();
  expect(() => off()).not.toThrow();
  expect(cleanups).toBe(1);
});
