import type { ConsentStorage } from './types';

/** The choice in localStorage, with its own expiry since localStorage has none. */
export function localStorageStorage(key: string): ConsentStorage {
  return {
    read() {
      const raw = window.localStorage.getItem(key);
      if (!raw) return null;
      const at = raw.indexOf('|');
      const until = Number(raw.slice(0, at));
      if (at < 1 || !(until > Date.now())) return null;
      return raw.slice(at + 1);
    },
    write(value, expires) {
      window.localStorage.setItem(key, `${expires.getTime()}|${value}`);
      return true;
    },
    remove: () => window.localStorage.removeItem(key),
  };
}
