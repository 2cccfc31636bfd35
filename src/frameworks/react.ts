/**
 * `consent-gate/react`: React bindings (React 18 or later, a peer dependency that is never
 * bundled). It imports no engine of its own: the app passes `createConsent` from
 * `consent-gate` (built-in banner) or `consent-gate/core` (headless), so one engine ships.
 * Written with `createElement` rather than JSX, because the package compiles JSX for Preact.
 */
import { createContext, createElement, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { Config, ConsentInstance, ConsentSnapshot } from '../core-entry';
import { consentStore, undecidedSnapshot } from './store';

/** `createConsent` from `consent-gate` (with the built-in banner) or from `consent-gate/core` (headless). */
export type CreateConsent = (config: Config) => ConsentInstance;

/** Props of a provider that creates its instance: `config` and `create`. */
export interface ConsentProviderCreateProps {
  /**
   * The configuration, read once when the provider mounts (a new object later is ignored; give
   * the provider a new `key` to start over with another configuration).
   * @default none: required with `create`
   * @example config={{ revision: '2023-12-04', categories: { necessary: { required: true }, analytics: {} } }}
   */
  config: Config;
  /**
   * The function that makes the instance, in the browser only, after hydration; read once, like `config`.
   * @default none: required with `config`
   * @example import { createConsent } from 'consent-gate'; // <ConsentProvider config={config} create={createConsent}>
   */
  create: CreateConsent;
  /** Not with `config` and `create`. @default undefined @example instance={undefined} */
  instance?: undefined;
  /** The app. @default null @example <ConsentProvider config={config} create={createConsent}><App /></ConsentProvider> */
  children?: ReactNode;
}

/** Props of a provider that uses an instance created elsewhere (it is not destroyed on unmount). */
export interface ConsentProviderInstanceProps {
  /**
   * An instance the app created itself, e.g. in a module of its own. Create it in the browser
   * only: the provider renders the server's "undecided" state until it has hydrated.
   * @default none: required without `config` and `create`
   * @example instance={consent}
   */
  instance: ConsentInstance;
  /** Not with `instance`. @default undefined @example config={undefined} */
  config?: undefined;
  /** Not with `instance`. @default undefined @example create={undefined} */
  create?: undefined;
  /** The app. @default null @example <ConsentProvider instance={consent}><App /></ConsentProvider> */
  children?: ReactNode;
}

export type ConsentProviderProps = ConsentProviderCreateProps | ConsentProviderInstanceProps;

/** What `useConsent()` returns: the current snapshot, whether it is the browser's yet, and the actions. */
export interface ConsentState extends ConsentSnapshot {
  /**
   * False on the server and while hydrating (the state is then the "undecided" placeholder the
   * server rendered); true once the browser's stored choice is read. Render your own banner
   * only when `ready && !decided`, or it flashes for visitors who already decided.
   */
  ready: boolean;
  /** The instance, once `ready`. */
  instance: ConsentInstance | undefined;
  /** Grant every category and service. */
  acceptAll(): void;
  /** Refuse everything not required. */
  rejectAll(): void;
  /** Grant or refuse some: `set({ analytics: true })`, `set({}, { ga4: false })`. */
  set(categories: { [key: string]: boolean }, services?: { [key: string]: boolean }): void;
  /** Open the preferences dialog (with the built-in UI), or emit `show` for your own. */
  showPreferences(): void;
}

/** What a provider shares with the hooks below it: a store that exists before its instance. A leading `_` marks the names the build shortens. */
interface Connection {
  _server: ConsentSnapshot;
  _instance?: ConsentInstance;
  _subscribe(listener: () => void): () => void;
  _get(): ConsentSnapshot;
  _getServer(): ConsentSnapshot;
  _attach(instance: ConsentInstance): () => void;
}

function createConnection(server: ConsentSnapshot): Connection {
  const listeners = new Set<() => void>();
  let store: ReturnType<typeof consentStore> | undefined;
  const connection: Connection = {
    _server: server,
    _subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    _get: () => (store ? store.get() : server),
    _getServer: () => server,
    _attach(instance) {
      connection._instance = instance;
      store = consentStore(instance);
      return store.subscribe(() => listeners.forEach((listener) => listener()));
    },
  };
  return connection;
}

const ConsentContext = createContext<Connection | null>(null);

/**
 * The instance whose provider has just unmounted. StrictMode unmounts and mounts every effect
 * once more, and Fast Refresh remounts a provider whose file changed; both mount again in the
 * same task and get the same instance back (if `create` and `config` are the same), so the page
 * keeps one instance and one banner. An instance nobody claims by the next task is destroyed.
 */
let released: { _create: CreateConsent; _config: Config; _instance: ConsentInstance; _timer: ReturnType<typeof setTimeout> } | undefined;

function acquire(create: CreateConsent, config: Config): ConsentInstance {
  const parked = released;
  if (parked) {
    clearTimeout(parked._timer);
    released = undefined;
    if (parked._create === create && parked._config === config) return parked._instance;
    parked._instance.destroy();
  }
  return create(config);
}

function release(create: CreateConsent, config: Config, instance: ConsentInstance): void {
  const parked: typeof released = (released = {
    _create: create,
    _config: config,
    _instance: instance,
    _timer: setTimeout(() => {
      if (released === parked) released = undefined;
      instance.destroy();
    }),
  });
}

/**
 * Gives the app one consent instance. It renders the server's "undecided" state on the server
 * and while hydrating, so the markup always matches, then creates (or attaches) the instance in
 * an effect and re-renders what changed.
 * @example
 * import { createConsent } from 'consent-gate';
 * import { ConsentProvider } from 'consent-gate/react';
 *
 * <ConsentProvider config={{ categories: { necessary: { required: true }, analytics: {} } }} create={createConsent}>
 *   <App />
 * </ConsentProvider>
 */
export function ConsentProvider(props: ConsentProviderProps): ReactNode {
  const { instance, create, config } = props;
  const [connection] = useState(() => createConnection(undecidedSnapshot(instance ? instance.config : config)));
  useEffect(() => {
    const used = instance || acquire(create, config);
    const detach = connection._attach(used);
    return () => {
      detach();
      if (!instance) release(create, config, used);
    };
    // `config` and `create` are read once: a new object or arrow function on every render must
    // not make a new instance.
  }, [connection, instance]);
  return createElement(ConsentContext.Provider, { value: connection }, props.children);
}

type Action = 'acceptAll' | 'rejectAll' | 'set' | 'showPreferences';

/** An action of `useConsent()`: the instance's method, or a warning before the instance exists. */
const action =
  <A extends Action>(instance: ConsentInstance | undefined, name: A) =>
  (...args: Parameters<ConsentInstance[A]>): void =>
    instance ? (instance[name] as (...args: unknown[]) => void)(...args) : console.warn(`[consent-gate] ${name}() before hydration was ignored.`); // eslint-disable-line no-console -- the binding ships without the core's logger

/**
 * The visitor's choice, re-rendering the component when it changes, and the actions. On the
 * server and while hydrating it is the "undecided" state (`ready: false`).
 * @example
 * const { categories, ready, decided, acceptAll, showPreferences } = useConsent();
 * if (categories.analytics) startAnalytics();
 */
export function useConsent(): ConsentState {
  const connection = useContext(ConsentContext);
  if (!connection) throw new Error('[consent-gate] no <ConsentProvider> above this component.');
  const snapshot = useSyncExternalStore(connection._subscribe, connection._get, connection._getServer);
  return useMemo(() => {
    const instance = connection._instance;
    return {
      ...snapshot,
      ready: snapshot !== connection._server,
      instance,
      acceptAll: action(instance, 'acceptAll'),
      rejectAll: action(instance, 'rejectAll'),
      set: action(instance, 'set'),
      showPreferences: action(instance, 'showPreferences'),
    };
  }, [snapshot, connection]);
}

/** Props of `<Consent>`. */
export interface ConsentProps {
  /**
   * The category that must be granted.
   * @default none: required
   * @example category="analytics"
   */
  category: string;
  /**
   * A service of that category that must be granted too.
   * @default undefined (the category alone decides)
   * @example service="youtube"
   */
  service?: string;
  /**
   * Rendered while not granted: on the server, while hydrating, and after a refusal.
   * @default null
   * @example fallback={<button onClick={showPreferences}>Allow marketing cookies to see this video</button>}
   */
  fallback?: ReactNode;
  /** Rendered while granted. @default null @example <Consent category="analytics"><Chart /></Consent> */
  children?: ReactNode;
}

/**
 * Renders its children only while the category (and service) is granted, else the fallback.
 * @example
 * <Consent category="marketing" service="youtube" fallback={<p>This video needs marketing cookies.</p>}>
 *   <iframe title="Product tour" src="https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ" />
 * </Consent>
 */
export function Consent({ category, service, fallback = null, children = null }: ConsentProps): ReactNode {
  const { categories, services } = useConsent();
  return categories[category] && (service === undefined || services[service]) ? children : fallback;
}

/** How a `useConsentScript` script stands: waiting for consent, loading, loaded, or failed to load. */
export type ConsentScriptStatus = 'blocked' | 'loading' | 'loaded' | 'error';

/** Options of `useConsentScript`. */
export interface ConsentScriptOptions {
  /**
   * A service of the category that must be granted too.
   * @default undefined (the category alone decides)
   * @example { service: 'ga4' }
   */
  service?: string;
  /**
   * Attributes of the `<script>` element (the configured nonce is added by itself).
   * @default {}
   * @example { attributes: { 'data-domain': 'example.com' } }
   */
  attributes?: { [name: string]: string };
}

/** The scripts appended so far, by URL: each loads once, however many components ask. */
const scripts = new Map<string, Promise<unknown>>();

/**
 * Append a `<script src>` once the category (and service) is granted, once per page however
 * many components ask; returns how it stands. A script that ran cannot be unrun: after a
 * withdrawal the status stays `loaded` (see `reloadOnWithdraw` in the configuration).
 * @example
 * const status = useConsentScript('https://www.googletagmanager.com/gtag/js?id=G-XXXX', 'analytics', { service: 'ga4' });
 */
export function useConsentScript(src: string, category: string, options: ConsentScriptOptions = {}): ConsentScriptStatus {
  const { categories, services, instance } = useConsent();
  const { service, attributes } = options;
  const granted = !!instance && categories[category] === true && (service === undefined || services[service] === true);
  const [status, setStatus] = useState<ConsentScriptStatus>('blocked');
  useEffect(() => {
    if (!granted) return;
    let load = scripts.get(src);
    if (!load) scripts.set(src, (load = instance.loadScript(src, category, attributes)));
    let mounted = true;
    setStatus((current) => (current === 'loaded' ? current : 'loading'));
    load.then(
      () => mounted && setStatus('loaded'),
      () => mounted && setStatus('error'),
    );
    return () => void (mounted = false);
    // The attributes object may be new on every render; the script is appended once anyway.
  }, [granted, instance, src, category]);
  return status;
}
