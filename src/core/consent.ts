import type { ConsentEvents, ConsentInstance, ConsentMethod, ConsentReceipt, ConsentSnapshot } from './types';
import type { ConsentView, Integration, ViewFactory, ViewName } from './view';
import { normalizeConfig, type PresetRegistry } from './config';
import { decodeChoice, encodeChoice, type StoredChoice } from './codec';
import { createStorage, memoryStorage, type ConsentStorage } from './storage';
import { createEmitter } from './events';
import { createGate } from './gate/activate';
import { clearCookies, clearStorageKeys } from './gate/clear-cookies';
import { allFlags, diff, effective, status, type Flags } from './state';
import { sendReceipt } from './record';
import { createSync } from './sync';
import { randomId } from './lib/id';
import { error, guard, warn } from './lib/log';
import { gpcSignal, hasDOM } from './lib/env';

/** Options for `createConsent` beyond the user's config. */
export interface CreateOptions {
  /** A user interface; without one, `showBanner()` etc. only emit `show`/`hide` for your own UI. */
  view?: ViewFactory;
  /** Catalogue entries that `services: { x: 'preset-name' }` may name. */
  presets?: PresetRegistry;
  /** Hooks set up before any gated element runs (Consent Mode, ad-platform APIs). */
  integrations?: Integration[];
  /** Storage to use instead of the configured one (tests, custom back ends). */
  storage?: ConsentStorage;
}

const iso = (ms?: number) => (ms ? new Date(ms).toISOString() : '');

/**
 * Create a consent instance: restores the stored choice, gates the page, and emits
 * `ready`. Safe to call in Node (SSR): without a DOM it keeps state in memory only.
 */
export function createConsent(input: unknown, options: CreateOptions = {}): ConsentInstance {
  const config = normalizeConfig(input, options.presets);
  const dom = hasDOM();
  const storage = options.storage || (dom ? createStorage(config) : memoryStorage());
  const emitter = createEmitter<ConsentEvents>();
  const gpc = config.gpc && gpcSignal();
  const categoryKeys = config.categories.map((c) => c.key);
  const serviceKeys = config.services.map((s) => s.key);
  let language = config.language || (dom && (document.documentElement.lang || navigator.languages?.[0])) || 'en';
  let choice: StoredChoice | null;
  let destroyed = false;
  let ready = false;
  let lastBad: string | null = '';
  let view: ConsentView | undefined;
  let gate: ReturnType<typeof createGate> | undefined;
  let sync: ReturnType<typeof createSync> | undefined;

  /** Read storage; anything unreadable is "no choice", with one warning per distinct value. */
  const load = (): StoredChoice | null => {
    const raw = storage.read();
    if (!raw) return null;
    const result = decodeChoice(raw);
    if (result.ok) return result.choice;
    if (lastBad !== raw) warn(`the stored choice ("${config.cookie.name}") is unreadable: ${result.reason}. Treated as no consent.`);
    lastBad = raw;
    return null;
  };
  choice = guard('storage', load) || null;

  // The grants in force, recomputed when the choice changes (or a second has passed, for
  // expiry): the gate asks once per gated element and token.
  let memo: { c: StoredChoice | null; t: number; v: ReturnType<typeof compute> } | undefined;
  const compute = (now: number) => {
    const st = status(config, choice, now);
    return { st, ...effective(config, choice, st, gpc) };
  };
  const current = () => {
    const now = Date.now();
    if (!memo || memo.c !== choice || now - memo.t > 1000) memo = { c: choice, t: now, v: compute(now) };
    return memo.v;
  };

  const snapshot = (): ConsentSnapshot => {
    const { st, categories, services } = current();
    return {
      decided: st.decided,
      id: choice?.id || '',
      categories: { ...categories },
      services: { ...services },
      revision: choice?.revision || '',
      firstDecision: iso(choice?.first),
      lastDecision: iso(choice?.last),
      expires: iso(choice?.expires),
      gpc,
      stale: st.stale,
    };
  };

  /** After the state moved from `before`: delete refused cookies, emit, run what is now allowed. */
  const applied = (before: ReturnType<typeof current>): boolean => {
    const now = current();
    const refused = config.services.filter((s) => !now.services[s.key]);
    if (dom) {
      guard('cookie clean-up', () => {
        clearCookies(document, refused.flatMap((s) => s.cookies), location.hostname, config.cookie.path);
        clearStorageKeys(refused.flatMap((s) => s.storageKeys));
      });
    }
    const changed = { categories: diff(before.categories, now.categories), services: diff(before.services, now.services) };
    const snap = snapshot();
    if (!before.st.decided && snap.decided) emitter.emit('consent', snap);
    else if (changed.categories.length + changed.services.length) emitter.emit('change', { ...snap, changed });
    gate?.update();
    guard('UI', () => view?.refresh());
    // Withdrawn: something granted before is refused now.
    return [...changed.categories, ...changed.services].some((k) => before.categories[k] || before.services[k]);
  };

  const decide = (categories: Flags, services: Flags, method: ConsentMethod) => {
    if (destroyed) return;
    const before = current();
    const now = Date.now();
    choice = {
      id: choice?.id || randomId(),
      revision: config.revision,
      first: choice?.first || now,
      last: now,
      expires: now + config.cookie.expiresDays * 864e5,
      categories,
      services,
      gpc,
    };
    guard('storage', () => storage.write(encodeChoice(choice!), new Date(choice!.expires)));
    const withdrew = applied(before);
    const { id, lastDecision: timestamp, revision, categories: c, services: s } = snapshot();
    const receipt: ConsentReceipt = { id, timestamp, revision, method, categories: c, services: s, gpc, language, url: dom ? location.origin + location.pathname : '' };
    emitter.emit('record', receipt);
    if (config.recordEndpoint) sendReceipt(config.recordEndpoint, receipt);
    sync?.notify();
    instance.hide();
    if (withdrew && config.reloadOnWithdraw && dom) setTimeout(() => location.reload());
  };

  /** Another tab (or a subdomain) changed the stored choice: adopt it. */
  const onRemoteChange = () => {
    const next = guard('storage', load) || null;
    if (destroyed || (next && encodeChoice(next)) === (choice && encodeChoice(choice))) return;
    const before = current();
    choice = next;
    applied(before);
    if (current().st.decided) view?.hide();
  };

  const notify = (event: 'show' | 'hide', name: ViewName) => emitter.emit(event, { view: name });
  const show = (name: ViewName) => guard('UI', () => (view ? view.show(name) : notify('show', name)));
  const wrong = (what: string, key: string) => warn(`set(): ${what} "${key}" ignored.`);

  const instance: ConsentInstance = {
    acceptAll() {
      const f = allFlags(config, true, gpc);
      decide(f.categories, f.services, 'accept_all');
    },
    rejectAll() {
      const f = allFlags(config, false, gpc);
      decide(f.categories, f.services, 'reject_all');
    },
    set(categories, services = {}) {
      const { st, categories: cats } = current();
      const next = { ...cats };
      // Keep earlier per-service refusals; granting a category grants its services unless named.
      const svcs: Flags = {};
      for (const s of config.services) svcs[s.key] = st.usable && choice && s.key in choice.services ? choice.services[s.key]! : true;
      for (const [key, value] of Object.entries(categories || {})) {
        const cat = config.categories.find((c) => c.key === key);
        if (!cat || typeof value !== 'boolean') wrong('unknown category or non-boolean value for', key);
        else if (cat.required && !value) wrong('a required category cannot be refused:', key);
        else next[key] = value;
      }
      for (const s of config.services) if (!cats[s.category] && next[s.category]) svcs[s.key] = true;
      for (const [key, value] of Object.entries(services || {})) {
        if (!serviceKeys.includes(key) || typeof value !== 'boolean') wrong('unknown service or non-boolean value for', key);
        else svcs[key] = value;
      }
      decide(next, svcs, 'custom');
    },
    get: snapshot,
    has: (key) => current().categories[key] === true,
    hasService: (key) => current().services[key] === true,
    reset() {
      const before = current();
      guard('storage', () => storage.remove());
      choice = null;
      applied(before);
      sync?.notify();
      show('banner');
    },
    on(event, fn) {
      if (event === 'ready' && ready) queueMicrotask(() => fn(snapshot() as never));
      return emitter.on(event, fn);
    },
    loadScript(src, category, attrs = {}) {
      return new Promise<HTMLScriptElement>((resolve, reject) => {
        if (!dom || !categoryKeys.includes(category)) {
          error(`loadScript("${src}"): "${category}" is not a declared category; it never loads.`);
          return reject(new Error(`unknown category "${category}"`));
        }
        const load = () => {
          const s = document.createElement('script');
          for (const name in attrs) s.setAttribute(name, attrs[name]!);
          if (config.nonce) s.nonce = config.nonce;
          s.onload = () => resolve(s);
          s.onerror = () => reject(new Error(`failed to load ${src}`));
          setScriptUrl(s, src);
          document.head.appendChild(s);
        };
        const check = () => instance.has(category) && (offs.forEach((off) => off()), load(), true);
        const offs: (() => void)[] = [];
        if (!check()) offs.push(emitter.on('consent', check), emitter.on('change', check));
      });
    },
    showBanner: () => show('banner'),
    showPreferences: () => show('preferences'),
    hide: () => void guard('UI', () => (view ? view.hide() : notify('hide', 'banner'))),
    setLanguage(code) {
      if (typeof code === 'string' && code) {
        language = code;
        guard('UI', () => view?.refresh());
      } else warn('setLanguage() needs a language code such as "de".');
    },
    get language() {
      return language;
    },
    config,
    destroy() {
      if (destroyed) return;
      destroyed = true;
      gate?.destroy();
      sync?.destroy();
      view?.destroy();
      cleanups.forEach((fn) => guard('integration', fn));
      emitter.clear();
    },
  };

  // Integrations first: Consent Mode defaults must be in the dataLayer before any gated tag.
  const cleanups: (() => void)[] = [];
  for (const integration of options.integrations || []) {
    const off = guard('integration', () => integration(instance));
    if (typeof off === 'function') cleanups.push(off);
  }

  if (dom) {
    guard('gate', () => {
      gate = createGate(document, {
        category: (key) => (categoryKeys.includes(key) ? instance.has(key) : undefined),
        service: (key) => (serviceKeys.includes(key) ? instance.hasService(key) : undefined),
        decided: () => current().st.decided,
      });
    });
    guard('sync', () => (sync = createSync(`consent-gate:${config.cookie.name}`, onRemoteChange)));
    // Runs what the stored choice allows, and deletes cookies of services not granted (set
    // before a revision change, or by an older setup).
    applied(current());
    if (options.view) view = guard('UI', () => options.view!(instance, notify));
  }

  // In a microtask, so `createConsent(config).on('ready', fn)` and the script tag's
  // `ConsentGate.instance` are in place when it fires; late `ready` listeners are called at once.
  queueMicrotask(() => {
    if (destroyed) return;
    ready = true;
    emitter.emit('ready', snapshot());
    if (config.autoShow && !current().st.decided) show('banner');
  });
  return instance;
}

let policy: { createScriptURL(url: string): unknown } | null | undefined;

/**
 * Assign a script URL under Trusted Types: through a policy named "consent-gate"
 * (allow it with `trusted-types consent-gate`), or as a plain string where TT is absent.
 */
function setScriptUrl(script: HTMLScriptElement, url: string): void {
  const tt = (window as { trustedTypes?: { createPolicy(name: string, rules: object): NonNullable<typeof policy> } }).trustedTypes;
  if (tt && policy === undefined) {
    policy = guard('Trusted Types policy "consent-gate"', () =>
      tt.createPolicy('consent-gate', { createScriptURL: (u: string) => u }),
    ) || null;
  }
  (script as { src: unknown }).src = policy ? policy.createScriptURL(url) : url;
}
