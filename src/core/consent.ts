import type { ConsentEvents, ConsentInstance, ConsentMethod, ConsentSnapshot } from './types';
import type { ConsentView, Integration, ViewFactory, ViewName } from './view';
import { normalizeConfig, type PresetRegistry } from './config';
import { decodeChoice, encodeChoice, type StoredChoice } from './codec';
import { createStorage, memoryStorage, type ConsentStorage } from './storage';
import { createEmitter } from './events';
import { createGate } from './gate/activate';
import { clearAll } from './gate/clear-cookies';
import { allFlags, diff, effective, status, type Grants } from './state';
import { carryOver, type RequestedChoice } from './rules/carry-over';
import { expiryCheckDelay } from './rules/expiry';
import { answersFrom } from './rules/rule-holds';
import { hasGpcConflict } from './rules/gpc-conflict';
import { ruleShowsBanner } from './rules/region-rule';
import { dict } from './lib/keys';
import { sendReceipt } from './record';
import { createSync } from './sync';
import { randomId } from './lib/id';
import { error, guard, warn } from './lib/log';
import { gpcSignal, hasDOM } from './lib/env';
import { setScriptUrl } from './lib/script-url';

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
  const { on, emit, clear } = createEmitter<ConsentEvents>();
  const gpc = config.gpc && gpcSignal();
  const known = (kind: 'categories' | 'services', key: string) => config[kind].some((entry) => entry.key === key);
  let language = config.language || (dom && (document.documentElement.lang || navigator.languages?.[0])) || 'en';
  let destroyed = false;
  let ready = false;
  let lastBad: string | null = '';
  let view: ConsentView | undefined;
  let gate: ReturnType<typeof createGate> | undefined;
  let sync: ReturnType<typeof createSync> | undefined;
  const cleanups: unknown[] = [];
  // The banner asks under opt-in and notice; without `regions`, also in `mode: 'opt-out'`, as before regions existed.
  const asks = config.autoShow && (!Object.keys(config.regions).length || ruleShowsBanner(config.rule));

  /** Read storage; anything unreadable is "no choice", with one warning per distinct value. */
  const load = (): StoredChoice | null =>
    guard('storage', () => {
      const raw = storage.read();
      const result = raw && decodeChoice(raw);
      if (result && !result.ok && lastBad !== raw) warn(`stored choice "${config.cookie.name}" is unreadable (${result.reason}); treated as no consent.`);
      lastBad = raw;
      return result && result.ok ? result.choice : null;
    }) || null;
  let choice = load();

  /** The grants in force now, and how the stored choice stands. */
  const current = () => {
    const st = status(config, choice, Date.now());
    return { st, ...effective(config, choice, st, gpc) };
  };

  const snapshot = ({ st, categories, services } = current()): ConsentSnapshot => {
    return {
      decided: st.decided,
      id: choice?.id || '',
      categories,
      services,
      revision: choice?.revision || '',
      firstDecision: iso(choice?.first),
      lastDecision: iso(choice?.last),
      expires: iso(choice?.expires),
      gpc,
      stale: st.stale,
      region: config.region,
      rule: config.rule,
      gpcConflict: st.usable && hasGpcConflict(config, choice, gpc),
    };
  };

  const ui = (fn: (v: ConsentView) => void) => guard('UI', () => view && fn(view));

  let expiry: ReturnType<typeof setTimeout> | undefined;
  /** The state last applied: what an expiry while the page is open moves away from. */
  let state = current();

  /**
   * The expiry timer fired: the choice expired (or the timer cap was reached, and this
   * schedules the next check). An expired choice is no consent from then on: apply that
   * (events, Consent Mode update, clean-up) and ask again.
   */
  const onExpiryCheck = () => {
    applied(state);
    if (asks && !state.st.decided) show('banner');
  };

  /** After the state moved from `before`: delete refused cookies, emit, run what is now allowed. True when something was withdrawn. */
  const applied = (before: ReturnType<typeof current>): boolean => {
    const now = (state = current());
    clearTimeout(expiry);
    if (dom && now.st.usable) expiry = setTimeout(onExpiryCheck, expiryCheckDelay(choice!.expires, Date.now()));
    const refused = config.services.filter((service) => !now.services[service.key]);
    if (dom)
      guard('cookie clean-up', () =>
        clearAll(
          refused.flatMap((service) => service.cookies.map((cookie) => cookie.name)),
          refused.flatMap((service) => service.storageKeys),
          config.cookie.path,
        ),
      );
    const changed = { categories: diff(before.categories, now.categories), services: diff(before.services, now.services) };
    const snap = snapshot(now);
    if (!before.st.decided && snap.decided) emit('consent', snap);
    else if (changed.categories.length + changed.services.length) emit('change', { ...snap, changed });
    const withdrawn = {
      categories: changed.categories.filter((key) => before.categories[key]),
      services: changed.services.filter((key) => before.services[key]),
    };
    const withdrew = withdrawn.categories.length + withdrawn.services.length > 0;
    if (withdrew) emit('withdraw', withdrawn);
    gate?.update();
    ui((view) => view.refresh());
    return withdrew;
  };

  const decide = ({ categories, services }: Grants, method: ConsentMethod) => {
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
    const snap = snapshot(state);
    const receipt = {
      id: snap.id,
      timestamp: snap.lastDecision,
      revision: snap.revision,
      method,
      categories: snap.categories,
      services: snap.services,
      gpc,
      language,
      url: dom ? location.origin + location.pathname : '',
      region: config.region,
      rule: config.rule,
    };
    emit('record', receipt);
    if (config.recordEndpoint)
      sendReceipt(config, receipt, () =>
        guard(
          'storage',
          () =>
            storage.read() !== (choice && encodeChoice(choice)) && (choice ? storage.write(encodeChoice(choice), new Date(choice.expires)) : storage.remove()),
        ),
      );
    sync?.notify();
    instance.hide();
    if (withdrew && config.reloadOnWithdraw && dom) setTimeout(() => location.reload());
  };

  /** Another tab (or a subdomain) changed the stored choice: adopt it. */
  const onRemoteChange = () => {
    const next = load();
    if (destroyed || (next && encodeChoice(next)) === (choice && encodeChoice(choice))) return;
    const before = current();
    choice = next;
    applied(before);
    if (state.st.decided) ui((view) => view.hide());
  };

  const notify = (event: 'show' | 'hide', name: ViewName) => emit(event, { view: name });
  const ignored = (key: string) => warn(`set(): "${key}" ignored: not a declared key, or not true/false.`);
  /** A required category, or a service in one. */
  const cannotRefuse = (key: string) => warn(`set(): "${key}" is required and cannot be refused.`);
  const show = (name: ViewName) => guard('UI', () => (view ? view.show(name) : notify('show', name)));

  const instance: ConsentInstance = {
    acceptAll: () => decide(allFlags(config, true, gpc), 'accept_all'),
    rejectAll: () => decide(allFlags(config, false, gpc), 'reject_all'),
    set(categories, services) {
      // Only declared keys with true or false get through; carryOver() decides the rest.
      const requested: RequestedChoice = { categories: dict<boolean>(), services: dict<boolean>() };
      for (const [key, value] of Object.entries(categories || {})) {
        const category = config.categories.find((candidate) => candidate.key === key);
        if (!category || typeof value != 'boolean') ignored(key);
        else if (category.required && !value) cannotRefuse(key);
        else requested.categories[key] = value;
      }
      for (const [key, value] of Object.entries(services || {})) {
        const service = config.services.find((candidate) => candidate.key === key);
        const required = service && config.categories.some((category) => category.key === service.category && category.required);
        if (!service || typeof value != 'boolean') ignored(key);
        else if (required && !value) cannotRefuse(key);
        else requested.services[key] = value;
      }
      decide(carryOver(config, current(), requested), 'custom');
    },
    get: () => snapshot(),
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
      return on(event, fn);
    },
    loadScript(src, category, attrs = {}) {
      return new Promise<HTMLScriptElement>((resolve, reject) => {
        if (!dom || !known('categories', category)) {
          const message = `loadScript("${src}"): "${category}" is not a declared category; it never loads.`;
          error(message);
          return reject(new Error(message));
        }
        const check = () => {
          if (!instance.has(category)) return;
          offs.forEach((off) => off());
          const script = document.createElement('script');
          for (const name in attrs) script.setAttribute(name, attrs[name]);
          if (config.nonce) script.nonce = config.nonce;
          script.onload = () => resolve(script);
          script.onerror = () => reject(new Error(`failed to load ${src}`));
          setScriptUrl(script, src);
          document.head.append(script);
        };
        const offs = [on('consent', check), on('change', check)];
        check();
      });
    },
    showBanner: () => show('banner'),
    showPreferences: () => show('preferences'),
    hide: () => void guard('UI', () => (view ? view.hide() : notify('hide', 'banner'))),
    setLanguage(code) {
      if (typeof code == 'string' && code) {
        language = code;
        ui((view) => view.refresh());
        emit('language', { language });
      } else warn('setLanguage() needs a language code such as "de".');
    },
    get language() {
      return language;
    },
    config,
    destroy() {
      if (destroyed) return;
      destroyed = true;
      clearTimeout(expiry);
      gate?.destroy();
      sync?.destroy();
      view?.destroy();
      for (const fn of cleanups) if (typeof fn == 'function') guard('integration', fn as () => void);
      clear();
    },
  };

  // Integrations first: Consent Mode defaults must be in the dataLayer before any gated tag.
  for (const integration of options.integrations || []) cleanups.push(guard('integration', () => integration(instance)));

  if (dom) {
    guard('gate', () => {
      // The state last applied (every change and the expiry timer go through applied()),
      // so checking many gated elements computes nothing.
      gate = createGate(
        document,
        answersFrom(config, () => ({ categories: state.categories, services: state.services, decided: state.st.decided })),
      );
    });
    guard('sync', () => (sync = createSync(`consent-gate:${config.cookie.name}`, onRemoteChange)));
    // Runs what the stored choice allows, and deletes cookies of services not granted (set
    // before a revision change, or by an older setup).
    applied(state);
    if (config.recordEndpoint) sendReceipt(config); // what earlier pages left unacknowledged
    if (options.view) view = guard('UI', () => options.view!(instance, notify));
  }

  // In a microtask, so `createConsent(config).on('ready', fn)` and the script tag's
  // `ConsentGate.instance` are in place when it fires; late `ready` listeners are called at once.
  queueMicrotask(() => {
    if (destroyed) return;
    ready = true;
    emit('ready', snapshot());
    if (asks && !current().st.decided) show('banner');
  });
  return instance;
}
