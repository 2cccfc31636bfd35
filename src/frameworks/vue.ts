/**
 * `consent-gate/vue`: Vue bindings (Vue 3.3 or later, a peer dependency that is never
 * bundled). Like the React bindings it imports no engine: the app passes `createConsent`
 * from `consent-gate` (built-in banner) or `consent-gate/core` (headless).
 */
import {
  computed,
  defineComponent,
  inject,
  shallowRef,
  type App,
  type ComputedRef,
  type InjectionKey,
  type Plugin,
  type ShallowRef,
  type SlotsType,
  type VNode,
} from 'vue';
import type { Config, ConsentInstance, ConsentSnapshot } from '../core-entry';
import { consentStore, undecidedSnapshot } from './store';

/** Options of the plugin: `config` and `create`, or an `instance`. */
export type ConsentPluginOptions =
  | {
      /**
       * The configuration.
       * @default none: required with `create`
       * @example { revision: '2023-12-04', categories: { necessary: { required: true }, analytics: {} } }
       */
      config: Config;
      /**
       * `createConsent` from `consent-gate` (with the built-in banner) or `consent-gate/core`
       * (headless). Called in the browser once the app has mounted (after hydration), never on the server.
       * @default none: required with `config`
       * @example import { createConsent } from 'consent-gate'; // app.use(ConsentPlugin, { config, create: createConsent })
       */
      create: (config: Config) => ConsentInstance;
      /** Not with `config` and `create`. @default undefined @example { instance: undefined } */
      instance?: undefined;
    }
  | {
      /**
       * An instance the app created itself (in the browser only). It is not destroyed when the app unmounts.
       * @default none: required without `config` and `create`
       * @example app.use(ConsentPlugin, { instance: consent })
       */
      instance: ConsentInstance;
      /** Not with `instance`. @default undefined @example { config: undefined } */
      config?: undefined;
      /** Not with `instance`. @default undefined @example { create: undefined } */
      create?: undefined;
    };

/** What `useConsent()` returns: refs that follow the visitor's choice, and the actions. */
export interface ConsentRefs {
  /** The whole snapshot (a new object after each change). */
  snapshot: ComputedRef<ConsentSnapshot>;
  /** A valid choice exists. */
  decided: ComputedRef<boolean>;
  /** Every configured category and whether it is granted. */
  categories: ComputedRef<{ [key: string]: boolean }>;
  /** Every configured service and whether it is granted. */
  services: ComputedRef<{ [key: string]: boolean }>;
  /**
   * False on the server and while hydrating (the "undecided" placeholder the server rendered);
   * true once the browser's stored choice is read. Show your own banner only when `ready && !decided`.
   */
  ready: ComputedRef<boolean>;
  /** The instance, once `ready`. */
  instance: ComputedRef<ConsentInstance | undefined>;
  /** Grant every category and service. */
  acceptAll(): void;
  /** Refuse everything not required. */
  rejectAll(): void;
  /** Grant or refuse some: `set({ analytics: true })`, `set({}, { ga4: false })`. */
  set(categories: { [key: string]: boolean }, services?: { [key: string]: boolean }): void;
  /** Open the preferences dialog (with the built-in UI), or emit `show` for your own. */
  showPreferences(): void;
}

interface Connection {
  server: ConsentSnapshot;
  snapshot: ShallowRef<ConsentSnapshot>;
  instance: ShallowRef<ConsentInstance | undefined>;
}

const CONNECTION: InjectionKey<Connection> = Symbol('consent-gate');

/**
 * The plugin: `app.use(ConsentPlugin, { config, create })` or `app.use(ConsentPlugin, { instance })`.
 * The app renders the "undecided" state until it has mounted, on the server and while
 * hydrating alike, so hydration always matches; then the instance is created (or attached)
 * and what depends on the choice re-renders.
 * @example
 * import { createSSRApp } from 'vue';
 * import { createConsent } from 'consent-gate';
 * import { ConsentPlugin } from 'consent-gate/vue';
 *
 * createSSRApp(App).use(ConsentPlugin, { config, create: createConsent }).mount('#app');
 */
export const ConsentPlugin: Plugin<[ConsentPluginOptions]> = {
  install(app: App, options: ConsentPluginOptions) {
    const server = undecidedSnapshot(options.instance ? options.instance.config : options.config);
    const connection: Connection = { server, snapshot: shallowRef(server), instance: shallowRef() };
    app.provide(CONNECTION, connection);
    // Vue has no "mounted" hook for an app. Hydration happens inside mount(), so the instance
    // comes right after it; on the server mount() is never called, so nothing is created there.
    const { mount, unmount } = app;
    let stop: (() => void) | undefined;
    app.mount = (...args: Parameters<App['mount']>) => {
      const root = mount(...args);
      const instance = options.instance || options.create(options.config);
      connection.instance.value = instance;
      stop = consentStore(instance).subscribe((snapshot) => (connection.snapshot.value = snapshot));
      return root;
    };
    app.unmount = () => {
      unmount();
      stop?.();
      if (!options.instance) connection.instance.value?.destroy();
    };
  },
};

/**
 * Refs that follow the visitor's choice, and the actions; in any component of an app that
 * uses `ConsentPlugin`.
 * @example
 * const { categories, ready, decided, acceptAll } = useConsent();
 * // template: <Chart v-if="categories.analytics" />
 */
export function useConsent(): ConsentRefs {
  const connection = inject(CONNECTION, null);
  if (!connection) throw new Error('[consent-gate] useConsent() and <Consent> need app.use(ConsentPlugin, …).');
  const { snapshot, instance } = connection;
  const use = (action: (instance: ConsentInstance) => void) =>
    instance.value
      ? action(instance.value)
      : console.warn('[consent-gate] the consent instance exists only in the browser, once the app has mounted; this call was ignored.'); // eslint-disable-line no-console -- the binding ships without the core's logger
  return {
    snapshot: computed(() => snapshot.value),
    decided: computed(() => snapshot.value.decided),
    categories: computed(() => snapshot.value.categories),
    services: computed(() => snapshot.value.services),
    ready: computed(() => snapshot.value !== connection.server),
    instance: computed(() => instance.value),
    acceptAll: () => use((consent) => consent.acceptAll()),
    rejectAll: () => use((consent) => consent.rejectAll()),
    set: (categories, services) => use((consent) => consent.set(categories, services)),
    showPreferences: () => use((consent) => consent.showPreferences()),
  };
}

/**
 * Renders its default slot only while the category (and service) is granted, else the
 * `fallback` slot: on the server, while hydrating, and after a refusal.
 * @example
 * <Consent category="marketing" service="youtube">
 *   <iframe title="Product tour" src="https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ" />
 *   <template #fallback><p>This video needs marketing cookies.</p></template>
 * </Consent>
 */
export const Consent = defineComponent({
  name: 'Consent',
  props: {
    /**
     * The category that must be granted.
     * @default none: required
     * @example category="analytics"
     */
    category: { type: String, required: true },
    /**
     * A service of that category that must be granted too.
     * @default undefined (the category alone decides)
     * @example service="youtube"
     */
    service: { type: String, default: undefined },
  },
  slots: Object as SlotsType<{ default?: () => VNode[]; fallback?: () => VNode[] }>,
  setup(props, { slots }) {
    const { categories, services } = useConsent();
    return () => (categories.value[props.category] && (props.service === undefined || services.value[props.service]) ? slots.default?.() : slots.fallback?.());
  },
});
