import { afterEach, beforeEach, describe, expect, test, vi, type MockInstance } from 'vitest';
import { normalizeConfig } from '../src/core/config';
import { createConsent, memoryStorage } from '../src/core-entry';
import type { ConsentReceipt } from '../src/core/types';

/** A fresh copy of the module (its memory outbox and warning count are per page). */
const fresh = async () => {
  vi.resetModules();
  return import('../src/core/record');
};

const config = (extra: object = {}) =>
  normalizeConfig({ categories: { necessary: { required: true }, analytics: {} }, recordEndpoint: '/v1/receipts', ...extra });
let n = 0;
const receipt = (extra: Partial<ConsentReceipt> = {}): ConsentReceipt => ({
  id: 'a'.repeat(32),
  timestamp: new Date(Date.UTC(2024, 4, 1, 12, 0, 0, n++)).toISOString(),
  revision: '1',
  method: 'accept_all',
  categories: { necessary: true, analytics: true },
  services: {},
  gpc: false,
  language: 'en',
  url: 'https://example.com/',
  region: '',
  rule: 'opt-in',
  ...extra,
});

type Fetch = (url: string, init: RequestInit) => Promise<Response>;
const answer = (status: number) => () => Promise.resolve(new Response(null, { status }));
const outbox = (): ConsentReceipt[] => JSON.parse(localStorage.getItem('consent-gate:outbox') || '[]');
const tick = () => new Promise((r) => setTimeout(r, 0));

let warn: MockInstance<typeof console.warn>;
let fetcher: ReturnType<typeof vi.fn<Fetch>>;
beforeEach(() => {
  localStorage.clear();
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  fetcher = vi.fn<Fetch>(answer(201));
  vi.stubGlobal('fetch', fetcher);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  localStorage.clear();
});
const warnings = () => warn.mock.calls.map((c) => String(c[0]));

describe('delivery', () => {
  test('fetch with keepalive, text/plain JSON, no credentials; a 2xx empties the outbox', async () => {
    const { sendReceipt } = await fresh();
    const r = receipt();
    sendReceipt(config(), r);
    expect(outbox()).toEqual([r]);
    const [url, init] = fetcher.mock.calls[0]!;
    expect(url).toBe('/v1/receipts');
    expect(init).toMatchObject({ method: 'POST', keepalive: true, credentials: 'omit' });
    expect(typeof init.body).toBe('string');
    expect(JSON.parse(init.body as string)).toEqual(r);
    await tick();
    expect(outbox()).toEqual([]);
    expect(warnings()).toEqual([]);
  });

  test('200 (already stored) acknowledges too', async () => {
    const { sendReceipt } = await fresh();
    fetcher.mockImplementation(answer(200));
    sendReceipt(config(), receipt());
    await tick();
    expect(outbox()).toEqual([]);
  });

  test('5xx, 429 and network errors keep the receipt; the next page resends it until acknowledged; one warning per page', async () => {
    let { sendReceipt } = await fresh();
    const a = receipt();
    const b = receipt({ method: 'reject_all' });
    fetcher.mockImplementationOnce(answer(503)).mockImplementationOnce(() => Promise.reject(new TypeError('Failed to fetch')));
    sendReceipt(config(), a);
    sendReceipt(config(), b);
    await tick();
    expect(outbox()).toEqual([a, b]);
    expect(warnings().filter((w) => /not acknowledged/.test(w))).toHaveLength(1);
    expect(warnings()[0]).toMatch(/503/);

    // A later page load: the server is rate limiting, then back.
    ({ sendReceipt } = await fresh());
    fetcher.mockImplementation(answer(429));
    sendReceipt(config());
    await tick();
    expect(outbox()).toEqual([a, b]);

    ({ sendReceipt } = await fresh());
    fetcher.mockClear();
    fetcher.mockImplementation(answer(201));
    sendReceipt(config());
    expect(fetcher.mock.calls.map((c) => JSON.parse(c[1].body as string))).toEqual([a, b]);
    await tick();
    expect(outbox()).toEqual([]);

    // Nothing left: a further page sends nothing.
    ({ sendReceipt } = await fresh());
    fetcher.mockClear();
    sendReceipt(config());
    expect(fetcher).not.toHaveBeenCalled();
  });

  test('400 and 413 mean the endpoint will never take it: dropped with a warning', async () => {
    const { sendReceipt } = await fresh();
    fetcher.mockImplementationOnce(answer(400)).mockImplementationOnce(answer(413));
    sendReceipt(config(), receipt());
    sendReceipt(config(), receipt());
    await tick();
    expect(outbox()).toEqual([]);
    expect(warnings().filter((w) => /refused, dropped/.test(w))).toHaveLength(2);
  });

  test('the same receipt twice is one outbox entry', async () => {
    const { sendReceipt } = await fresh();
    fetcher.mockImplementation(answer(503));
    const r = receipt();
    sendReceipt(config(), r);
    sendReceipt(config(), { ...r });
    await tick();
    expect(outbox()).toEqual([r]);
  });

  test('bounded: past the cap the oldest is dropped with a warning', async () => {
    const { sendReceipt, OUTBOX_CAP } = await fresh();
    fetcher.mockImplementation(() => new Promise(() => {}));
    const all = Array.from({ length: OUTBOX_CAP + 3 }, () => receipt());
    for (const r of all) sendReceipt(config(), r);
    expect(outbox()).toEqual(all.slice(3));
    expect(warnings().filter((w) => /outbox full/.test(w))).toHaveLength(3);
  });

  test('an unreadable outbox starts over', async () => {
    const { sendReceipt } = await fresh();
    localStorage.setItem('consent-gate:outbox', '{not json');
    sendReceipt(config());
    expect(fetcher).not.toHaveBeenCalled();
    localStorage.setItem('consent-gate:outbox', '{"an":"object"}');
    sendReceipt(config());
    expect(fetcher).not.toHaveBeenCalled();
    fetcher.mockImplementation(answer(503));
    const r = receipt();
    sendReceipt(config(), r);
    expect(outbox()).toEqual([r]);
  });

  test('storage that throws: the outbox lives in memory for the page', async () => {
    const { sendReceipt } = await fresh();
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    const setItem = vi.spyOn(Storage.prototype, 'setItem');
    fetcher.mockImplementation(answer(503));
    const r = receipt();
    sendReceipt(config(), r);
    await tick();
    fetcher.mockClear();
    fetcher.mockImplementation(answer(201));
    sendReceipt(config());
    expect(fetcher.mock.calls.map((c) => JSON.parse(c[1].body as string))).toEqual([r]);
    await tick();
    fetcher.mockClear();
    sendReceipt(config());
    expect(fetcher).not.toHaveBeenCalled();
    expect(setItem).not.toHaveBeenCalled();
  });

  test('a full localStorage (setItem throws) also falls back to memory', async () => {
    const { sendReceipt } = await fresh();
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    fetcher.mockImplementation(answer(503));
    const r = receipt();
    sendReceipt(config(), r);
    await tick();
    fetcher.mockClear();
    sendReceipt(config());
    expect(fetcher.mock.calls.map((c) => JSON.parse(c[1].body as string))).toEqual([r]);
  });

  test('pagehide: what is still unanswered also goes by sendBeacon, and stays in the outbox', async () => {
    const { sendReceipt } = await fresh();
    const beacon = vi.fn(() => true);
    vi.stubGlobal('navigator', { ...navigator, sendBeacon: beacon });
    let resolve!: (r: Response) => void;
    fetcher.mockImplementationOnce(() => new Promise((r) => (resolve = r))).mockImplementationOnce(answer(201));
    const pending = receipt();
    const answered = receipt();
    sendReceipt(config(), pending);
    sendReceipt(config(), answered);
    await tick();
    dispatchEvent(new Event('pagehide'));
    // (Earlier tests' module copies listen too, with their own unanswered receipts.)
    const mine = (beacon.mock.calls as unknown as [string, string][]).filter(([, body]) => JSON.parse(body).timestamp >= pending.timestamp);
    expect(mine).toEqual([['/v1/receipts', JSON.stringify(pending)]]);
    expect(outbox()).toEqual([pending]);
    resolve(new Response(null, { status: 201 }));
    await tick();
    expect(outbox()).toEqual([]);
  });

  test('serverCookie: the cookie options ride along in the URL, and the request carries credentials', async () => {
    const { sendReceipt } = await fresh();
    sendReceipt(config({ serverCookie: true, cookie: { name: 'cg', domain: 'example.com' } }), receipt());
    const [url, init] = fetcher.mock.calls[0]!;
    const u = new URL(url, 'https://example.com');
    expect(u.pathname).toBe('/v1/receipts');
    expect(JSON.parse(u.searchParams.get('cookie')!)).toMatchObject({ name: 'cg', domain: 'example.com', path: '/', sameSite: 'Lax' });
    expect(init.credentials).toBe('include');
    sendReceipt(config({ serverCookie: true, recordEndpoint: '/log?site=a' }), receipt());
    expect(fetcher.mock.calls[1]![0]).toMatch(/^\/log\?site=a&cookie=/);
  });

  test("serverCookie: after each answer (not a network error) onAnswer restores the current choice; the latest instance's callback counts", async () => {
    const { sendReceipt } = await fresh();
    const first = vi.fn();
    const second = vi.fn();
    sendReceipt(config({ serverCookie: true }), receipt(), first);
    await tick();
    expect(first).toHaveBeenCalledTimes(1);
    sendReceipt(config({ serverCookie: true }), receipt(), second);
    fetcher.mockImplementationOnce(() => Promise.reject(new TypeError('offline')));
    sendReceipt(config({ serverCookie: true }), receipt());
    await tick();
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(1);
    sendReceipt(config(), receipt());
    await tick();
    expect(second).toHaveBeenCalledTimes(1);
  });

  test('where nothing can be sent (no fetch), a warning and the receipt stays', async () => {
    const { sendReceipt } = await fresh();
    vi.stubGlobal('fetch', undefined);
    const r = receipt();
    sendReceipt(config(), r);
    expect(outbox()).toEqual([r]);
    expect(warnings().some((w) => /could not be sent/.test(w))).toBe(true);
  });
});

describe('through createConsent', () => {
  test('a decision is sent; a receipt an earlier page left is resent when the next page starts', async () => {
    fetcher.mockImplementation(answer(503));
    const first = createConsent(
      { categories: { necessary: { required: true }, analytics: {} }, recordEndpoint: '/v1/receipts', autoShow: false },
      { storage: memoryStorage() },
    );
    first.acceptAll();
    await tick();
    expect(outbox()).toHaveLength(1);
    expect(outbox()[0]).toMatchObject({ method: 'accept_all', id: first.get().id });
    first.destroy();

    fetcher.mockClear();
    fetcher.mockImplementation(answer(201));
    const second = createConsent(
      { categories: { necessary: { required: true }, analytics: {} }, recordEndpoint: '/v1/receipts', autoShow: false },
      { storage: memoryStorage() },
    );
    expect(fetcher).toHaveBeenCalledTimes(1);
    expect(JSON.parse(fetcher.mock.calls[0]![1].body as string)).toMatchObject({ method: 'accept_all' });
    await tick();
    expect(outbox()).toEqual([]);
    second.destroy();
  });

  test('without recordEndpoint nothing is read or sent', () => {
    localStorage.setItem('consent-gate:outbox', JSON.stringify([receipt()]));
    const c = createConsent({ categories: { analytics: {} }, autoShow: false }, { storage: memoryStorage() });
    c.acceptAll();
    expect(fetcher).not.toHaveBeenCalled();
    c.destroy();
  });
});
