import Cookies from 'js-cookie';
import type { NormalizedConfig } from './types';
import { warn } from './lib/log';

/** Where the encoded choice lives. Implementations never throw. */
export interface ConsentStorage {
  /** The stored string, or null. */
  read(): string | null;
  /** Store `value` until `expires`. */
  write(value: string, expires: Date): void;
  remove(): void;
}

/** Keeps the choice for this page only (tests, SSR, and the fallback below). */
export function memoryStorage(): ConsentStorage {
  let value: string | null = null;
  return { read: () => value, write: (newValue) => void (value = newValue), remove: () => void (value = null) };
}

type Backend = { read(): string | null | undefined; write(value: string, expires: Date): unknown; remove(): void };

/**
 * The configured storage: the cookie (js-cookie), localStorage (with its own expiry,
 * which localStorage lacks), or both (read the first that has a value, write both).
 * Storage that throws (Safari private mode, sandboxed iframes, cookies off) or a write that
 * does not stick switches to memory for the rest of the page, with one warning.
 */
export function createStorage(config: Pick<NormalizedConfig, 'storage' | 'cookie'>): ConsentStorage {
  const { name, path, sameSite, domain, secure } = config.cookie;
  const jar = Cookies.withAttributes({ path, sameSite, domain, secure: secure ?? location.protocol === 'https:' });
  const kind = config.storage;
  const list: Backend[] = [];
  if (kind !== 'localStorage') {
    list.push({
      read: () => jar.get(name),
      // Cookies can be refused silently: only a read-back proves the value was stored.
      write: (value, expires) => jar.set(name, value, { expires }) && jar.get(name) === value,
      remove: () => jar.remove(name),
    });
  }
  if (kind !== 'cookie') {
    list.push({
      read() {
        const [until, value] = (localStorage.getItem(name) || '').split(/\|(.*)/s);
        return +until > Date.now() ? value : null;
      },
      write: (value, expires) => (localStorage.setItem(name, `${+expires}|${value}`), 1),
      remove: () => localStorage.removeItem(name),
    });
  }
  let memory: ConsentStorage | undefined;
  const run = <T>(fn: () => T): T | void => {
    try {
      return fn();
    } catch (caught) {
      fail(caught);
    }
  };
  const fail = (reason: unknown) => {
    if (!memory) warn(`${kind} storage is unavailable (${String(reason)}); the choice is kept for this page only.`);
    memory ||= memoryStorage();
  };
  return {
    read: () => (memory ? memory.read() : run(() => list.map((backend) => backend.read()).find((value) => value)) || null),
    write(value, expires) {
      if (!memory && !run(() => list.map((backend) => backend.write(value, expires)).some(Boolean))) fail('the value did not persist');
      memory?.write(value, expires);
    },
    remove: () => (memory ? memory.remove() : run(() => list.forEach((backend) => backend.remove()))),
  };
}
