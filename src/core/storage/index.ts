import type { ConsentStorage } from './types';
import type { NormalizedConfig } from '../types';
import { cookieStorage } from './cookie';
import { localStorageStorage } from './local';
import { memoryStorage } from './memory';
import { warn } from '../lib/log';

export type { ConsentStorage } from './types';
export { memoryStorage } from './memory';

/**
 * Wrap a storage so that a throw (Safari private mode, sandboxed iframes, cookies off)
 * or a write that does not stick switches to memory for the rest of the page.
 */
export function resilient(primary: ConsentStorage, label: string): ConsentStorage {
  let active = primary;
  let fellBack = false;
  const fallback = (e: unknown) => {
    if (!fellBack) warn(`${label} is unavailable (${e instanceof Error ? e.message : String(e)}); the choice is kept for this page only.`);
    fellBack = true;
    active = memoryStorage();
  };
  return {
    read() {
      try {
        return active.read();
      } catch (e) {
        fallback(e);
        return null;
      }
    },
    write(value, expires) {
      try {
        if (active.write(value, expires)) return true;
        fallback(new Error('the value did not persist'));
      } catch (e) {
        fallback(e);
      }
      return active.write(value, expires);
    },
    remove() {
      try {
        active.remove();
      } catch (e) {
        fallback(e);
      }
    },
  };
}

/** Reads the first that has a value; writes to all. */
function mirrored(list: ConsentStorage[]): ConsentStorage {
  return {
    read() {
      for (const s of list) {
        const v = s.read();
        if (v) return v;
      }
      return null;
    },
    write: (value, expires) => list.map((s) => s.write(value, expires)).some(Boolean),
    remove: () => list.forEach((s) => s.remove()),
  };
}

/** The storage a configuration asks for, each part falling back to memory on failure. */
export function createStorage(config: Pick<NormalizedConfig, 'storage' | 'cookie'>): ConsentStorage {
  const cookie = () => resilient(cookieStorage(config.cookie), 'Cookie storage');
  const local = () => resilient(localStorageStorage(config.cookie.name), 'localStorage');
  if (config.storage === 'localStorage') return local();
  if (config.storage === 'both') return mirrored([cookie(), local()]);
  return cookie();
}
