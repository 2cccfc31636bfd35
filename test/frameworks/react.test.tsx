/** @jsxImportSource react */
import { afterEach, beforeEach, describe, expect, test, vi, type MockInstance } from 'vitest';
import { act, StrictMode, useState, type ReactNode } from 'react';
import { createRoot, hydrateRoot, type Root } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { createConsent, memoryStorage, type Config, type ConsentInstance, type ConsentStorage } from '../../src/core-entry';
import { Consent, ConsentProvider, useConsent, useConsentScript, type ConsentState } from '../../src/frameworks/react';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const config: Config = {
  revision: 'r1',
  categories: { necessary: { required: true }, analytics: {}, marketing: {} },
  services: { youtube: { category: 'marketing' } },
  autoShow: false,
};

let storage: ConsentStorage;
let created: ConsentInstance[];
let errors: MockInstance<typeof console.error>;
let warnings: MockInstance<typeof console.warn>;
let container: HTMLElement;
let root: Root | undefined;

/** A `create` for the provider: the headless engine on a memory storage, counting instances. */
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
  errors = vi.spyOn(console, 'error');
  warnings = vi.spyOn(console, 'warn');
  container = document.createElement('div');
  document.body.replaceChildren(container);
});
afterEach(async () => {
  await act(async () => root?.unmount());
  root = undefined;
  // An unmounted provider's instance waits one task for a remount (StrictMode, Fast Refresh).
  await new Promise((resolve) => setTimeout(resolve));
  for (const instance of created) instance.destroy();
});

/** A visitor who accepted everything on an earlier visit. */
function storeAcceptedChoice() {
  const earlier = createConsent(config, { storage });
  earlier.acceptAll();
  earlier.destroy();
}

function Status() {
  const state = useConsent();
  return <p data-testid="status">{`ready:${state.ready} decided:${state.decided} analytics:${state.categories.analytics}`}</p>;
}

function App({ children }: { children?: ReactNode }) {
  return (
    <ConsentProvider config={config} create={create}>
      <Status />
      <Consent category="analytics" fallback={<p>Analytics is off.</p>}>
        <p>Analytics chart</p>
      </Consent>
      <Consent category="marketing" service="youtube" fallback={<p>Video needs marketing cookies.</p>}>
        <p>Video player</p>
      </Consent>
      {children}
    </ConsentProvider>
  );
}

const text = () => container.textContent;
const tick = () => act(() => new Promise((resolve) => setTimeout(resolve)));

describe('server rendering', () => {
  test('renders the undecided state and creates no instance', () => {
    const html = renderToString(<App />);
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
    container.innerHTML = renderToString(<App />);
    const recoverable = vi.fn();
    await act(async () => {
      root = hydrateRoot(container, <App />, { onRecoverableError: recoverable });
    });
    expect(text()).toContain('ready:true decided:true analytics:true');
    expect(text()).toContain('Analytics chart');
    expect(text()).toContain('Video player');
    expect(text()).not.toContain('Analytics is off.');
    expect(recoverable).not.toHaveBeenCalled();
    expect(errors).not.toHaveBeenCalled();
    expect(create).toHaveBeenCalledTimes(1);
  });

  test('a client that rendered the stored choice at once would mismatch (the check can fail)', async () => {
    storeAcceptedChoice();
    // What a naive binding does: the server's state on the server, the real one while hydrating.
    function Naive({ state }: { state: { decided: boolean } }) {
      return <p>{state.decided ? 'Analytics chart' : 'Analytics is off.'}</p>;
    }
    container.innerHTML = renderToString(<Naive state={{ decided: false }} />);
    const instance = createConsent(config, { storage });
    created.push(instance);
    errors.mockImplementation(() => {});
    const recoverable = vi.fn();
    await act(async () => {
      root = hydrateRoot(container, <Naive state={instance.get()} />, { onRecoverableError: recoverable });
    });
    expect(recoverable.mock.calls.length + errors.mock.calls.length).toBeGreaterThan(0);
  });

  test('without a choice: the fallback stays, and Accept all shows the children without a remount', async () => {
    container.innerHTML = renderToString(<App />);
    await act(async () => {
      root = hydrateRoot(container, <App />);
    });
    const status = container.querySelector('[data-testid="status"]');
    expect(text()).toContain('Analytics is off.');
    await act(async () => created[0]!.acceptAll());
    expect(text()).toContain('Analytics chart');
    expect(text()).toContain('Video player');
    expect(container.querySelector('[data-testid="status"]')).toBe(status);
    expect(errors).not.toHaveBeenCalled();
  });
});

describe('one instance', () => {
  test('StrictMode mounts twice, yet one instance is created and it stays alive', async () => {
    await act(async () => {
      root = createRoot(container);
      root.render(
        <StrictMode>
          <App />
        </StrictMode>,
      );
    });
    await tick();
    expect(create).toHaveBeenCalledTimes(1);
    expect(created[0]!.destroy).not.toHaveBeenCalled();
    await act(async () => created[0]!.acceptAll());
    expect(text()).toContain('Analytics chart');
  });

  test('unmounting destroys the instance it created, after the task', async () => {
    await act(async () => {
      root = createRoot(container);
      root.render(<App />);
    });
    // A synchronous act: an async one may wait a macrotask, in which the instance's timer can run.
    act(() => root!.unmount());
    root = undefined;
    expect(created[0]!.destroy).not.toHaveBeenCalled();
    await tick();
    expect(created[0]!.destroy).toHaveBeenCalled();
  });

  test('a remount in the same task (Fast Refresh) gets the same instance back', async () => {
    function Remounting() {
      const [generation, setGeneration] = useState(0);
      (globalThis as { remount?: () => void }).remount = () => setGeneration((g) => g + 1);
      return <App key={generation} />;
    }
    await act(async () => {
      root = createRoot(container);
      root.render(<Remounting />);
    });
    await act(async () => (globalThis as unknown as { remount: () => void }).remount());
    await tick();
    expect(create).toHaveBeenCalledTimes(1);
    expect(created[0]!.destroy).not.toHaveBeenCalled();
  });

  test('a remount with another config object makes a new instance and destroys the old one', async () => {
    function WithConfig({ cfg }: { cfg: Config }) {
      return (
        <ConsentProvider key={cfg.revision} config={cfg} create={create}>
          <Status />
        </ConsentProvider>
      );
    }
    await act(async () => {
      root = createRoot(container);
      root.render(<WithConfig cfg={config} />);
    });
    await act(async () => root!.render(<WithConfig cfg={{ ...config, revision: 'r2' }} />));
    expect(create).toHaveBeenCalledTimes(2);
    expect(created[0]!.destroy).toHaveBeenCalled();
    expect(created[1]!.config.revision).toBe('r2');
  });

  test('a new config object and a new create function on re-render (no remount) keep the instance', async () => {
    function Inline() {
      const [, setCount] = useState(0);
      (globalThis as { rerender?: () => void }).rerender = () => setCount((c) => c + 1);
      return (
        <ConsentProvider config={{ ...config }} create={(cfg) => create(cfg)}>
          <Status />
        </ConsentProvider>
      );
    }
    await act(async () => {
      root = createRoot(container);
      root.render(<Inline />);
    });
    await act(async () => (globalThis as unknown as { rerender: () => void }).rerender());
    await tick();
    expect(create).toHaveBeenCalledTimes(1);
  });

  test('an instance passed in is used as it is and not destroyed on unmount', async () => {
    storeAcceptedChoice();
    const instance = createConsent(config, { storage });
    const destroy = vi.spyOn(instance, 'destroy');
    await act(async () => {
      root = createRoot(container);
      root.render(
        <StrictMode>
          <ConsentProvider instance={instance}>
            <Status />
          </ConsentProvider>
        </StrictMode>,
      );
    });
    expect(text()).toContain('decided:true analytics:true');
    await act(async () => root!.unmount());
    root = undefined;
    await tick();
    expect(destroy).not.toHaveBeenCalled();
    instance.destroy();
  });
});

describe('useConsent', () => {
  test('actions reach the instance; before it exists they warn and do nothing', async () => {
    const states: ConsentState[] = [];
    function Capture() {
      states.push(useConsent());
      return null;
    }
    await act(async () => {
      root = createRoot(container);
      root.render(
        <ConsentProvider config={config} create={create}>
          <Capture />
        </ConsentProvider>,
      );
    });
    const first = states[0]!;
    expect(first.ready).toBe(false);
    first.acceptAll();
    expect(warnings).toHaveBeenCalledWith('[consent-gate] acceptAll() before hydration was ignored.');
    const last = states[states.length - 1]!;
    expect(last.ready).toBe(true);
    expect(last.instance).toBe(created[0]);
    await act(async () => last.set({ marketing: true }));
    expect(created[0]!.get().categories).toMatchObject({ analytics: false, marketing: true });
    const latest = states[states.length - 1]!;
    expect(latest.categories.marketing).toBe(true);
    expect(latest.services.youtube).toBe(true);
    await act(async () => latest.rejectAll());
    expect(states[states.length - 1]!.categories.marketing).toBe(false);
    const shown: string[] = [];
    created[0]!.on('show', (e) => shown.push(e.view));
    states[states.length - 1]!.showPreferences();
    expect(shown).toEqual(['preferences']);
  });

  test('the same snapshot object keeps the same state object (no re-render loop)', async () => {
    const states: ConsentState[] = [];
    function Capture() {
      const [, force] = useState(0);
      states.push(useConsent());
      (globalThis as { force?: () => void }).force = () => force((n) => n + 1);
      return null;
    }
    await act(async () => {
      root = createRoot(container);
      root.render(
        <ConsentProvider config={config} create={create}>
          <Capture />
        </ConsentProvider>,
      );
    });
    const before = states[states.length - 1];
    await act(async () => (globalThis as unknown as { force: () => void }).force());
    expect(states[states.length - 1]).toBe(before);
  });

  test('outside a provider it says what is missing', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderToString(<Status />)).toThrow('[consent-gate] no <ConsentProvider> above this component.');
  });
});

describe('useConsentScript', () => {
  // happy-dom loads no script files (each fails at once), so here the status ends in "error";
  // e2e/frameworks.spec.ts sees it reach "loaded" in Chromium.
  test('appends the script once, when granted, however many components and StrictMode ask', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const statuses: string[] = [];
    function Loader() {
      const status = useConsentScript('/js/analytics-once.js', 'analytics', { attributes: { 'data-test': 'yes' } });
      statuses.push(status);
      return <span>{status} </span>;
    }
    await act(async () => {
      root = createRoot(container);
      root.render(
        <StrictMode>
          <ConsentProvider config={config} create={create}>
            <Loader />
            <Loader />
          </ConsentProvider>
        </StrictMode>,
      );
    });
    const scripts = () => document.querySelectorAll('script[src="/js/analytics-once.js"]');
    expect(scripts()).toHaveLength(0);
    expect(statuses.every((s) => s === 'blocked')).toBe(true);
    await act(async () => created[0]!.set({ marketing: true }));
    expect(scripts()).toHaveLength(0);
    await act(async () => created[0]!.acceptAll());
    expect(scripts()).toHaveLength(1);
    expect(scripts()[0]!.getAttribute('data-test')).toBe('yes');
    expect(container.textContent).toBe('error error ');
    await act(async () => created[0]!.rejectAll());
    await act(async () => created[0]!.acceptAll());
    expect(scripts()).toHaveLength(1);
  });

  test('waits for the service too', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    function Loader() {
      return <span>{useConsentScript('/js/video-api.js', 'marketing', { service: 'youtube' })}</span>;
    }
    await act(async () => {
      root = createRoot(container);
      root.render(
        <ConsentProvider config={config} create={create}>
          <Loader />
        </ConsentProvider>,
      );
    });
    await act(async () => created[0]!.set({ marketing: true }, { youtube: false }));
    expect(container.textContent).toBe('blocked');
    expect(document.querySelector('script[src="/js/video-api.js"]')).toBeNull();
    await act(async () => created[0]!.set({}, { youtube: true }));
    expect(document.querySelectorAll('script[src="/js/video-api.js"]')).toHaveLength(1);
  });
});
