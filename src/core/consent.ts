import type {
  ConsentEvents,
  ConsentInstance,
  ConsentMethod,
  ConsentReceipt,
  ConsentSnapshot,
  NormalizedConfig,
} from './types';
import type { ConsentView, Integration, ViewFactory, ViewName } from './view';
import { normalizeConfig, type PresetRegistry } from './config';
import { decodeChoice, encodeChoice, type StoredChoice } from './codec';
import { createStorage, type ConsentStorage } from './storage/index';
import { createEmitter } from './events';
import { createGate } from './gate/activate';
import { clearCookies, clearStorageKeys } from './gate/clear-cookies';
import { acceptAllFlags, diff, effective, rejectAllFlags, status, withdrawn, type Flags } from './state';
import { sendReceipt } from './record';
import { createSync } from './sync';
import { randomId } from './lib/id';
import { error, guard, warn } from './lib/log';
import { gpcSignal, hasDOM } from './lib/env';
import { dict } from './lib/keys';

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

const ISO = (ms: number) => (ms ? new Date(ms).toISOString() : '');

function detectLanguage(config: NormalizedConfig): string {
  if (config.language) return config.language;
  if (!hasDOM()) return 'en';
  const lang = document.documentElement.lang || (navigator.languages && navigator.languages[0]) || navigator.language;
  return lang || 'en';
}

/**
 * Create a consent instance: restores the stored choice, gates the page, and emits
 * `ready`. Safe to call in Node (SSR): without a DOM it keeps state in memory only.
 */
export function createConsent(input: unknown, options: CreateOptions = {}): ConsentInstance {
  const config = normalizeConfig(input, options.presets);
  const dom = hasDOM();
  const storage = options.storage ?? (dom ? createStorage(config) : undefined);
  const emitter = createEmitter<ConsentEvents>();
  const gpc = config.gpc && gpcSignal();
  let language = detectLanguage(config);
  let choice: StoredChoice | null = null;
  let destroyed = false;
  let warnedBadValue = '';

  /** Read storage; anything unreadable is "no choice", with one warning per distinct value. */
  const load = (): StoredChoice | null => {
    const raw = storage ? storage.read() : null;
    if (raw === null || raw === '') return null;
    const result = decodeChoice(raw);
    if (result.ok) return result.choice;
    if (warnedBadValue !== raw) {
      warnedBadValue = raw;
      warn(`the stored choice (cookie "${config.cookie.name}") is unreadable: ${result.reason}. Treated as no consent; the visitor is asked again.`);
    }
    return null;
  };

  choice = guard('reading the stored choice', load) ?? null;

  const current = () => {
    const st = status(config, choice, Date.now());
    return { st, ...effective(config, choice, st, gpc) };
  };

  const snapshot = (): ConsentSnapshot => {
    const { st, categories, services } = current();
    return {
      decided: st.decided,
      id: choice ? choice.id : '',
      categories: { ...categories },
      services: { ...services },
      revision: choice ? choice.revision : '',
      firstDecision: choice ? ISO(choice.first) : '',
      lastDecision: choice ? ISO(choice.last) : '',
      expires: choice ? ISO(choice.expires) : '',
      gpc,
      stale: st.stale,
    };
  };

  const serviceMap = new Map(config.services.map((s) => [s.key, s]));
  const categoryKeys = new Set(config.categories.map((c) => c.key));

  /** Delete the cookies and storage keys of every service not granted now. */
  const cleanUp = (services: Flags) => {
    if (!dom) return;
    const refused = config.services.filter((s) => !services[s.key]);
    clearCookies(document, refused.flatMap((s) => s.cookies), location.hostname, config.cookie.path);
    clearStorageKeys(refused.flatMap((s) => s.storageKeys));
  };

  let view: ConsentView | undefined;
  let gate: ReturnType<typeof createGate> | undefined;
  let sync: ReturnType<typeof createSync> | undefined;

  /** Emit `consent` or `change` for a move from `before` to the current state, and act on it. */
  const applied = (before: ReturnType<typeof current>, wasDecided: boolean) => {
    const now = current();
    const changed = { categories: diff(before.categories, now.categories), services: diff(before.services, now.services) };
    const lost = withdrawn(before.categories, now.categories).length + withdrawn(before.services, now.services).length;
    guard('deleting refused cookies', () => cleanUp(now.services));
    const snap = snapshot();
    if (!wasDecided && snap.decided) emitter.emit('consent', snap);
    else if (changed.categories.length || changed.services.length) emitter.emit('change', { ...snap, changed });
    gate?.update();
    view?.refresh();
    return lost > 0;
  };

  const decide = (categories: Flags, services: Flags, method: ConsentMethod) => {
    if (destroyed) return;
    const before = current();
    const now = Date.now();
    const keepId = choice && choice.id;
    choice = {
      id: keepId || randomId(),
      revision: config.revision,
      first: (keepId && choice!.first) || now,
      last: now,
      expires: now + config.cookie.expiresDays * 864e5,
      categories,
      services,
      gpc,
    };
    if (storage) guard('storing the choice', () => storage.write(encodeChoice(choice!), new Date(choice!.expires)));
    const lost = applied(before, before.st.decided);
    const snap = snapshot();
    const receipt: ConsentReceipt = {
      id: snap.id,
      timestamp: snap.lastDecision,
      revision: snap.revision,
      method,
      categories: snap.categories,
      services: snap.services,
      gpc,
      language,
      url: dom ? location.origin + location.pathname : '',
    };
    emitter.emit('record', receipt);
    if (config.recordEndpoint) sendReceipt(config.recordEndpoint, receipt);
    sync?.notify();
    instance.hide();
    if (lost && config.reloadOnWithdraw && dom) setTimeout(() => location.reload(), 0);
  };

  /** Another tab (or a subdomain) changed the stored choice: adopt it. */
  const onRemoteChange = () => {
    if (destroyed) return;
    const next = guard('reading the stored choice', load) ?? null;
    if (encode(next) === encode(choice)) return;
    const before = current();
    choice = next;
    applied(before, before.st.decided);
    if (current().st.decided) view?.hide();
  };
  const encode = (c: StoredChoice | null) => (c ? encodeChoice(c) : '');

  const notify = (event: 'show' | 'hide', name: ViewName) => emitter.emit(event, { view: name });

  const instance: ConsentInstance = {
    acceptAll: () => guard('acceptAll', () => {
      const f = acceptAllFlags(config, gpc);
      decide(f.categories, f.services, 'accept_all');
    }),
    rejectAll: () => guard('rejectAll', () => {
      const f = rejectAllFlags(config);
      decide(f.categories, f.services, 'reject_all');
    }),
    set(categories, services = {}) {
      guard('set', () => {
        const { categories: cats } = current();
        const nextCats = dict<boolean>();
        for (const c of config.categories) nextCats[c.key] = c.required || cats[c.key]!;
        const nextSvcs = dict<boolean>();
        // Keep earlier per-service refusals; a service not refused follows its category.
        const stored = status(config, choice, Date.now()).usable && choice ? choice.services : {};
        for (const s of config.services) nextSvcs[s.key] = s.key in stored ? stored[s.key]! : true;
        for (const key of Object.keys(categories || {})) {
          const value = categories[key];
          const cat = config.categories.find((c) => c.key === key);
          if (!cat) warn(`set(): "${key}" is not a declared category; ignored.`);
          else if (typeof value !== 'boolean') warn(`set(): categories.${key} must be true or false; ignored.`);
          else if (cat.required && !value) warn(`set(): "${key}" is required and cannot be refused.`);
          else nextCats[key] = value;
        }
        for (const key of Object.keys(services || {})) {
          const value = services[key];
          if (!serviceMap.has(key)) warn(`set(): "${key}" is not a declared service; ignored.`);
          else if (typeof value !== 'boolean') warn(`set(): services.${key} must be true or false; ignored.`);
          else nextSvcs[key] = value;
        }
        // Granting a category grants its services unless they are named: "analytics on" means GA too.
        for (const s of config.services) {
          if (!cats[s.category] && nextCats[s.category] && !(s.key in (services || {}))) nextSvcs[s.key] = true;
        }
        decide(nextCats, nextSvcs, 'custom');
      });
    },
    get: snapshot,
    has: (key) => current().categories[key] === true,
    hasService: (key) => current().services[key] === true,
    reset() {
      guard('reset', () => {
        const before = current();
        storage?.remove();
        choice = null;
        applied(before, false);
        sync?.notify();
        instance.showBanner();
      });
    },
    on: (event, fn) => emitter.on(event, fn),
    loadScript(src, category, attrs = {}) {
      return new Promise<HTMLScriptElement>((resolve, reject) => {
        if (!dom) return reject(new Error('loadScript needs a browser'));
        if (!categoryKeys.has(category)) {
          error(`loadScript("${src}"): "${category}" is not a declared category; the script will never load.`);
          return reject(new Error(`unknown category "${category}"`));
        }
        const load = () => {
          const s = document.createElement('script');
          for (const name of Object.keys(attrs)) s.setAttribute(name, attrs[name]!);
          if (config.nonce) s.nonce = config.nonce;
          s.addEventListener('load', () => resolve(s), { once: true });
          s.addEventListener('error', () => reject(new Error(`failed to load ${src}`)), { once: true });
          setScriptUrl(s, src);
          document.head.appendChild(s);
        };
        if (instance.has(category)) return load();
        const offs = [emitter.on('consent', check), emitter.on('change', check)];
        function check() {
          if (!instance.has(category)) return;
          offs.forEach((off) => off());
          load();
        }
      });
    },
    showBanner() {
      if (view) view.show('banner');
      else notify('show', 'banner');
    },
    showPreferences() {
      if (view) view.show('preferences');
      else notify('show', 'preferences');
    },
    hide() {
      if (view) view.hide();
      else notify('hide', 'banner');
    },
    setLanguage(code) {
      if (typeof code !== 'string' || !code) return warn('setLanguage() needs a language code such as "de".');
      language = code;
      view?.refresh();
    },
    get language() {
      return language;
    },
    config,
    destroy() {
      destroyed = true;
      gate?.destroy();
      sync?.destroy();
      view?.destroy();
      cleanups.forEach((fn) => guard('an integration clean-up', fn));
      emitter.clear();
    },
  };

  // Integrations first: Consent Mode defaults must be in the dataLayer before any gated tag.
  const cleanups: (() => void)[] = [];
  for (const integration of options.integrations || []) {
    const off = guard('an integration', () => integration(instance));
    if (typeof off === 'function') cleanups.push(off);
  }

  if (dom) {
    guard('starting the gate', () => {
      gate = createGate(
        document,
        {
          category: (key) => (categoryKeys.has(key) ? instance.has(key) : undefined),
          service: (key) => (serviceMap.has(key) ? instance.hasService(key) : undefined),
          decided: () => current().st.decided,
        },
        config.nonce,
      );
      gate.update();
    });
    guard('cross-tab sync', () => {
      sync = createSync(`consent-gate:${config.cookie.name}`, config.cookie.name, onRemoteChange);
    });
    guard('deleting refused cookies', () => cleanUp(current().services));
    if (options.view) view = guard('creating the user interface', () => options.view!(instance, notify));
  }

  emitter.emit('ready', snapshot());
  if (config.autoShow && !current().st.decided) instance.showBanner();
  return instance;
}

interface TrustedTypePolicyLike {
  createScriptURL(url: string): unknown;
}
let policy: TrustedTypePolicyLike | null | undefined;

/**
 * Assign a script URL under Trusted Types: through a policy named "consent-gate"
 * (allow it with `trusted-types consent-gate`), or as a plain string where TT is absent.
 */
function setScriptUrl(script: HTMLScriptElement, url: string): void {
  const tt = (window as { trustedTypes?: { createPolicy(name: string, rules: object): TrustedTypePolicyLike } }).trustedTypes;
  if (tt && policy === undefined) {
    try {
      policy = tt.createPolicy('consent-gate', { createScriptURL: (u: string) => u });
    } catch (e) {
      policy = null;
      error('Trusted Types policy "consent-gate" could not be created; add it to the trusted-types directive.', e);
    }
  }
  (script as { src: unknown }).src = policy ? policy.createScriptURL(url) : url;
}
