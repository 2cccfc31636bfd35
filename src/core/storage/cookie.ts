import Cookies from 'js-cookie';
import type { ConsentStorage } from './types';
import type { NormalizedConfig } from '../types';

/** The choice in one first-party cookie, via js-cookie. */
export function cookieStorage(options: NormalizedConfig['cookie']): ConsentStorage {
  const secure = options.secure ?? (typeof location !== 'undefined' && location.protocol === 'https:');
  const attrs: Cookies.CookieAttributes = { path: options.path, sameSite: options.sameSite, secure };
  if (options.domain) attrs.domain = options.domain;
  const jar = Cookies.withAttributes(attrs);
  return {
    read: () => jar.get(options.name) ?? null,
    write(value, expires) {
      jar.set(options.name, value, { expires });
      // Cookies can be disabled or refused silently: only a read-back proves it was stored.
      return jar.get(options.name) === value;
    },
    remove: () => jar.remove(options.name),
  };
}
