import { afterEach, beforeEach, describe, expect, test, vi, type MockInstance } from 'vitest';
import { createApp, createSSRApp, defineComponent, h, nextTick, type App } from 'vue';
import { renderToString } from '@vue/server-renderer';
import { createConsent, memoryStorage, type Config, type ConsentInstance, type ConsentStorage } from '../../src/core-entry';
import { Consent, ConsentPlugin, useConsent, type ConsentRefs } from '../../src/frameworks/vue';

const config: Config = {
  revision: 'r1',
  categories: { necessary: { required: true }, analytics: {}, marketing: {} },
  services: { youtube: { category: 'marketing' } },
  autoShow: false,
};

let storage: ConsentStorage;
let created: ConsentInstance[];
let warnings: MockInstance<typeof console.warn>;
let errors: MockInstance<typeof console.error>;
let app: App | undefined;
let container: HTMLElement;

const create = vi.fn((cfg: Config) => {
  const instance = createConsent(cfg, { storage });
  vi.spyOn(instance, 'destroy');
  created.push(instance);
  return instance;
});

beforeEach(() => {
  storage = memoryStorage();
  created = [];
  create.mockClear();
  warnings = vi.spyOn(console, 'warn');
  errors = vi.spyOn(console, 'error');
  container = document.createElement('div');
  document.body.replaceChildren(container);
});
afterEach(() => {
  app?.unmount();
  app = undefined;
  for (const instance of created) instance.destroy();
});

function storeAcceptedChoice() {
  const earlier = createConsent(config, { storage });
  earlier.acceptAll();
  earlier.destroy();
}

let refs: ConsentRefs | undefined;
const Status = defineComponent({
  setup() {
    refs = useConsent();
    const { ready, decided, categories } = refs;
    return () => h('p', `ready:${ready.value} decided:${decided.value} analytics:${categories.value.analytics}`);
  },
});
const Root = defineComponent({
  setup() {
    return () =>
      h('main', [
        h(Status),
        h(Consent, { category: 'analytics' }, { default: () => h('p', 'Analytics chart'), fallback: () => h('p', 'Analytics is off.') }),
        h(
          Consent,
          { category: 'marketing', service: 'youtube' },
          { default: () => h('p', 'Video player'), fallback: () => h('p', 'Video needs marketing cookies.') },
        ),
      ]);
  },
});

const hydrationProblems = () => [...warnings.mock.calls, ...errors.mock.calls].map((args) => String(args[0])).filter((m) => /hydration|mismatch/i.test(m));

describe('server rendering with @vue/server-renderer', () => {
  test('renders the undecided state and creates no instance', async () => {
    const html = await renderToString(createSSRApp(Root).use(ConsentPlugin, { config, create }));
    expect(html).toContain('ready:false decided:false analytics:false');
    expect(html).toContain('Analytics is off.');
    expect(html).toContain('Video needs marketing cookies.');
    expect(html).not.toContain('Analytics chart');
    expect(create).not.toHaveBeenCalled();
  });
});

describe('hydration', () => {
  test('with a stored choice: no mismatch, then the granted children appear', async () => {
    storeAcceptedChoice();
    container.innerHTML = await renderToString(createSSRApp(Root).use(ConsentPlugin, { config, create }));
    app = createSSRApp(Root).use(ConsentPlugin, { config, create });
    app.mount(container);
    expect(create).toHaveBeenCalledTimes(1);
    await nextTick();
    expect(container.textContent).toContain('ready:true decided:true analytics:true');
    expect(container.textContent).toContain('Analytics chart');
    expect(container.textContent).toContain('Video player');
    expect(container.textContent).not.toContain('Analytics is off.');
    expect(hydrationProblems()).toEqual([]);
  });

  test('a client that rendered the stored choice at once would mismatch (the check can fail)', async () => {
    storeAcceptedChoice();
    // What a naive binding does: the server's state on the server, the real one while hydrating.
    const Naive = defineComponent({
      props: { decided: Boolean },
      setup: (props) => () => h('p', props.decided ? 'Analytics chart' : 'Analytics is off.'),
    });
    container.innerHTML = await renderToString(createSSRApp(Naive, { decided: false }));
    const instance = createConsent(config, { storage });
    created.push(instance);
    errors.mockImplementation(() => {});
    warnings.mockImplementation(() => {});
    createSSRApp(Naive, { decided: instance.get().decided }).mount(container);
    expect(hydrationProblems().length).toBeGreaterThan(0);
  });

  test('without a choice: Accept all shows the children in place', async () => {
    container.innerHTML = await renderToString(createSSRApp(Root).use(ConsentPlugin, { config, create }));
    app = createSSRApp(Root).use(ConsentPlugin, { config, create });
    app.mount(container);
    await nextTick();
    const status = container.querySelector('p');
    expect(container.textContent).toContain('Analytics is off.');
    created[0]!.acceptAll();
    await nextTick();
    expect(container.textContent).toContain('Analytics chart');
    expect(container.textContent).toContain('Video player');
    expect(container.querySelector('p')).toBe(status);
    expect(hydrationProblems()).toEqual([]);
  });
});

describe('plugin and composable', () => {
  test('a client-only app (createApp) works the same; unmount destroys the instance it created', async () => {
    app = createApp(Root).use(ConsentPlugin, { config, create });
    app.mount(container);
    await nextTick();
    expect(container.textContent).toContain('ready:true decided:false');
    refs!.set({ marketing: true });
    await nextTick();
    expect(container.textContent).toContain('Video player');
    expect(refs!.services.value.youtube).toBe(true);
    app.unmount();
    app = undefined;
    expect(created[0]!.destroy).toHaveBeenCalled();
  });

  test('an instance passed in is attached and not destroyed on unmount', async () => {
    storeAcceptedChoice();
    const instance = createConsent(config, { storage });
    const destroy = vi.spyOn(instance, 'destroy');
    app = createApp(Root).use(ConsentPlugin, { instance });
    app.mount(container);
    await nextTick();
    expect(container.textContent).toContain('decided:true analytics:true');
    expect(refs!.instance.value).toBe(instance);
    app.unmount();
    app = undefined;
    expect(destroy).not.toHaveBeenCalled();
    instance.destroy();
  });

  test('actions reach the instance; before mount they warn and do nothing', async () => {
    app = createApp(Root).use(ConsentPlugin, { config, create });
    // The composable before the app mounts, as during server rendering.
    const early = app.runWithContext(() => useConsent());
    early.acceptAll();
    expect(warnings).toHaveBeenCalledWith('[consent-gate] the consent instance exists only in the browser, once the app has mounted; this call was ignored.');
    expect(early.ready.value).toBe(false);
    app.mount(container);
    expect(early.ready.value).toBe(true);
    early.acceptAll();
    expect(early.categories.value).toEqual({ necessary: true, analytics: true, marketing: true });
    early.rejectAll();
    expect(early.decided.value).toBe(true);
    expect(early.snapshot.value.categories.analytics).toBe(false);
    const shown: string[] = [];
    created[0]!.on('show', (e) => shown.push(e.view));
    early.showPreferences();
    expect(shown).toEqual(['preferences']);
  });

  test('outside the plugin it says what is missing', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(() => createApp(Status).mount(container)).toThrow('[consent-gate] useConsent() and <Consent> need app.use(ConsentPlugin, …).');
  });
});
