import { afterEach, beforeEach, expect, test, vi, type MockInstance } from 'vitest';
import { createStorage } from '../src/core/storage';
import { normalizeConfig } from '../src/core/config';

let warn: MockInstance<typeof console.warn>;
beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  localStorage.clear();
  document.cookie = 'consent_gate=;expires=Thu, 01 Jan 1970 00:00:00 GMT;path=/';
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const cfg = (extra: object = {}) => normalizeConfig({ categories: { a: {} }, ...extra });
const later = () => new Date(Date.now() + 864e5);

test('cookie storage writes, reads and removes the cookie', () => {
  const s = createStorage(cfg());
  expect(s.read()).toBeNull();
  s.write('{"v":1}', later());
  expect(document.cookie).toContain('consent_gate=');
  expect(s.read()).toBe('{"v":1}');
  s.remove();
  expect(s.read()).toBeNull();
});

test('localStorage keeps its own expiry', () => {
  vi.useFakeTimers({ now: 1_000_000 });
  const s = createStorage(cfg({ storage: 'localStorage', cookie: { name: 'cg' } }));
  s.write('x|y', new Date(2_000_000));
  expect(localStorage.getItem('cg')).toBe('2000000|x|y');
  expect(s.read()).toBe('x|y');
  vi.setSystemTime(2_000_001);
  expect(s.read()).toBeNull();
  vi.useRealTimers();
});

test('both: writes both, reads whichever has the value', () => {
  const s = createStorage(cfg({ storage: 'both' }));
  s.write('v', later());
  expect(document.cookie).toContain('consent_gate=v');
  expect(localStorage.getItem('consent_gate')).toMatch(/\|v$/);
  document.cookie = 'consent_gate=;expires=Thu, 01 Jan 1970 00:00:00 GMT;path=/';
  expect(s.read()).toBe('v');
  s.remove();
  expect(localStorage.getItem('consent_gate')).toBeNull();
});

test('storage that throws falls back to memory for the page, with one warning', () => {
  vi.stubGlobal('localStorage', {
    getItem: () => null,
    setItem() {
      throw new DOMException('quota', 'QuotaExceededError');
    },
    removeItem() {},
  });
  const s = createStorage(cfg({ storage: 'localStorage' }));
  s.write('kept', later());
  expect(s.read()).toBe('kept');
  s.write('again', later());
  expect(s.read()).toBe('again');
  s.remove();
  expect(s.read()).toBeNull();
  expect(warn).toHaveBeenCalledTimes(1);
  expect(String(warn.mock.calls[0]![0])).toMatch(/localStorage storage is unavailable.*kept for this page only/);
});

test('a reading failure also falls back', () => {
  vi.stubGlobal('localStorage', {
    getItem() {
      throw new Error('denied');
    },
  });
  const s = createStorage(cfg({ storage: 'localStorage' }));
  expect(s.read()).toBeNull();
  s.write('m', later());
  expect(s.read()).toBe('m');
});
