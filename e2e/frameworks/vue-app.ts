// The Vue fixture app: rendered with @vue/server-renderer in Node (e2e/frameworks.spec.ts), then
// hydrated in Chromium by vue-client.ts, built with Vite. It uses the built package (consent-gate/vue).
import { createSSRApp, defineComponent, h } from 'vue';
import { createConsent, type Config, type ConsentInstance } from 'consent-gate';
import { Consent, ConsentPlugin, useConsent } from 'consent-gate/vue';

export const config: Config = {
  revision: 'e2e-vue',
  categories: { necessary: { required: true }, analytics: {}, marketing: {} },
  services: { youtube: { category: 'marketing', title: 'YouTube' } },
};

function create(cfg: Config): ConsentInstance {
  const counter = globalThis as { __consentInstances?: number };
  counter.__consentInstances = (counter.__consentInstances || 0) + 1;
  return createConsent(cfg);
}

const Status = defineComponent({
  setup() {
    const { ready, decided, categories } = useConsent();
    return () => h('p', { 'data-testid': 'status' }, `ready: ${ready.value}, decided: ${decided.value}, analytics: ${categories.value.analytics}`);
  },
});

const App = defineComponent({
  setup() {
    return () =>
      h('main', [
        h('h1', 'Vue fixture'),
        h(Status),
        h(Consent, { category: 'analytics' }, { default: () => h('p', 'Analytics chart'), fallback: () => h('p', 'Analytics is off.') }),
        h(
          Consent,
          { category: 'marketing', service: 'youtube' },
          { default: () => h('p', 'Video player'), fallback: () => h('p', 'The video needs marketing cookies.') },
        ),
      ]);
  },
});

/** The same app on the server and in the browser. */
export const createVueApp = () => createSSRApp(App).use(ConsentPlugin, { config, create });

/** A control: what the server renders and what the browser hydrates differ, which Vue must report. */
export const createMismatchApp = () =>
  createSSRApp({ render: () => h('p', typeof window == 'undefined' ? 'Rendered on the server' : 'Rendered in the browser') });
