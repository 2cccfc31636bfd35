// @ts-check
// What runs inside the scanned page. `pageProbe` is installed as an init script, so it runs in
// every frame before the page's own scripts; it only observes and reports through the binding
// named BINDING, and changes nothing a page can see except that the setters gain a wrapper.

/** The function the scanner exposes in every frame. */
export const BINDING = '__consentGateScan';

/**
 * Runs in the page (serialised by Playwright: it must not use anything from this module).
 * Wraps the `document.cookie` setter and `Storage.prototype.setItem` to report who wrote what
 * (the caller's stack: the browser knows no "initiator" for a cookie written by script), and
 * snapshots the tags held back for consent (`type="text/plain"`, `data-src`) at
 * DOMContentLoaded, before a consent tool can rewrite them.
 * @param {string} binding
 */
export function pageProbe(binding) {
  /** @param {object} record */
  const send = (record) => {
    try {
      const fn = /** @type {any} */ (window)[binding];
      if (typeof fn == 'function') fn({ ...record, document: location.href });
    } catch {
      /* the page replaced the binding: attribution is lost, the scan goes on */
    }
  };
  const stack = () => String(new Error().stack || '');

  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
  if (cookie && cookie.set && cookie.get) {
    const { get, set } = cookie;
    Object.defineProperty(Document.prototype, 'cookie', {
      configurable: true,
      enumerable: cookie.enumerable,
      get() {
        return get.call(this);
      },
      set(value) {
        send({ type: 'cookie', value: String(value).slice(0, 300), stack: stack() });
        return set.call(this, value);
      },
    });
  }

  const setItem = Storage.prototype.setItem;
  /** @this {Storage} @param {string} key @param {string} value */
  Storage.prototype.setItem = function (key, value) {
    let kind = 'storage';
    try {
      kind = this === window.localStorage ? 'localStorage' : this === window.sessionStorage ? 'sessionStorage' : kind;
    } catch {
      /* storage access denied in this frame */
    }
    send({ type: 'storage', kind, key: String(key).slice(0, 300), stack: stack() });
    return setItem.call(this, key, value);
  };

  /** Held-back tags of consent-gate and the common consent tools, with the URL they will load. */
  const snapshotGated = () => {
    const found = [];
    const held = document.querySelectorAll('script[type="text/plain"], script[data-consent], iframe[data-src], [data-consent][data-src]');
    for (const el of Array.from(held)) {
      const src = el.getAttribute('data-src') || el.getAttribute('src') || '';
      let url = '';
      try {
        url = src ? new URL(src, location.href).href : '';
      } catch {
        /* not a URL: nothing it could load */
      }
      found.push({
        tag: el.tagName.toLowerCase(),
        url,
        consent: el.getAttribute('data-consent') || el.getAttribute('data-category') || el.getAttribute('data-cookieconsent') || el.getAttribute('data-cookiecategory') || '',
        service: el.getAttribute('data-service') || el.getAttribute('data-name') || '',
      });
    }
    send({ type: 'gated', elements: found.slice(0, 200) });
  };
  if (document.readyState == 'loading') document.addEventListener('DOMContentLoaded', snapshotGated, { once: true });
}

/**
 * The script URL that called a setter, from a stack the probe recorded: the first frame with a
 * URL below the probe's own wrapper (which has none).
 * @param {string} stack
 * @returns {string | undefined}
 */
export function callerScript(stack) {
  for (const line of stack.split('\n').slice(1)) {
    const match = /((?:https?|file):\/\/[^\s()]+?):\d+:\d+/.exec(line);
    if (match) return match[1];
  }
  return undefined;
}

/**
 * The cookie name in a `document.cookie = "name=value; …"` assignment.
 * @param {string} assignment
 */
export function assignedCookieName(assignment) {
  const pair = assignment.split(';', 1)[0];
  const eq = pair.indexOf('=');
  return (eq < 0 ? '' : pair.slice(0, eq)).trim();
}

/**
 * Cookie names in a `Set-Cookie` header as CDP reports it (several cookies joined by newlines).
 * @param {string} header
 */
export function setCookieNames(header) {
  return header
    .split('\n')
    .map((line) => assignedCookieName(line))
    .filter(Boolean);
}

/**
 * Runs in the page: the consent-gate configuration of `window.ConsentGate.instance`, in a form
 * that crosses `page.evaluate` (RegExps as `{ regexp, flags }`, texts in the page's language),
 * or null when the page does not run consent-gate's script-tag build.
 */
export function readConsentGateConfig() {
  const instance = /** @type {any} */ (window).ConsentGate && /** @type {any} */ (window).ConsentGate.instance;
  if (!instance || !instance.config) return null;
  const language = String(instance.language || 'en');
  /** @param {unknown} value */
  const text = (value) => {
    if (typeof value == 'string') return value;
    if (!value || typeof value != 'object') return undefined;
    const v = /** @type {{ [language: string]: string }} */ (value);
    return v[language] || v[language.split('-')[0]] || v.en || Object.values(v)[0];
  };
  /** @param {unknown} m */
  const matcher = (m) => (m instanceof RegExp ? { regexp: m.source, flags: m.flags } : typeof m == 'string' ? m : null);
  const config = instance.config;
  return {
    cookieName: config.cookie && config.cookie.name,
    expiresDays: config.cookie && config.cookie.expiresDays,
    categories: (config.categories || []).map((/** @type {any} */ c) => ({ key: c.key, required: !!c.required, title: text(c.title) })),
    services: (config.services || []).map((/** @type {any} */ s) => ({
      key: s.key,
      category: s.category,
      title: text(s.title),
      provider: s.provider,
      description: text(s.description),
      privacyPolicyUrl: s.privacyPolicyUrl,
      preset: s.preset,
      hosts: Array.isArray(s.hosts) ? s.hosts : [],
      cookies: (s.cookies || []).map((/** @type {any} */ c) => ({ name: matcher(c.name), provider: c.provider, purpose: text(c.purpose), lifetime: text(c.lifetime) })),
      storageKeys: (s.storageKeys || []).map(matcher),
    })),
  };
}
