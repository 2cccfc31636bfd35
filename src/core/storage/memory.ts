import type { ConsentStorage } from './types';

/** Keeps the choice for this page only: the fallback when real storage throws. */
export function memoryStorage(initial: string | null = null): ConsentStorage {
  let value = initial;
  let until = Infinity;
  return {
    read: () => (Date.now() < until ? value : null),
    write(v, expires) {
      value = v;
      until = expires.getTime();
      return true;
    },
    remove() {
      value = null;
    },
  };
}
