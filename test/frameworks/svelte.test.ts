import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile } from 'svelte/compiler';
// `svelte` resolves to its server build here (this vitest setup has no "browser" condition),
// where mount() throws; the client build is the package's own src/index-client.js.
// @ts-expect-error -- a plain JS file; its types are the `svelte` package's own.
import * as svelteClient from '../../node_modules/svelte/src/index-client.js';
const { flushSync, mount, unmount } = svelteClient as typeof import('svelte');
import { createConsent, memoryStorage, type ConsentInstance } from '../../src/core-entry';
import { consentStore, type ConsentStore } from '../../src/frameworks/store';

/** A Svelte 5 component (runes mode) that reads the store with `$consent`. */
const SOURCE = `<script>
  let { consent, onaccept } = $props();
  let analytics = $derived($consent.categories.analytics);
</script>

<p>{$consent.decided ? 'decided' : 'undecided'}</p>
{#if analytics}
  <p>Analytics chart</p>
{:else}
  <button onclick={onaccept}>Allow analytics</button>
{/if}
`;

let instance: ConsentInstance;
let store: ConsentStore;
let component: ReturnType<typeof mount> | undefined;

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  instance = createConsent({ categories: { necessary: { required: true }, analytics: {} }, autoShow: false }, { storage: memoryStorage() });
  store = consentStore(instance);
  document.body.replaceChildren();
});
afterEach(() => {
  if (component) void unmount(component);
  component = undefined;
  instance.destroy();
});

/** Compile the component with svelte/compiler and import the result (beside the tests' other output). */
async function load(): Promise<Parameters<typeof mount>[0]> {
  const { js } = compile(SOURCE, { generate: 'client', runes: true, filename: 'ConsentStatus.svelte' });
  const dir = join(dirname(fileURLToPath(import.meta.url)), '../../test-results/svelte');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `consent-status-${process.pid}-${Date.now()}.js`);
  writeFileSync(file, js.code);
  return (await import(/* @vite-ignore */ file)).default;
}

test('a Svelte 5 component using $consent updates on acceptAll()', async () => {
  const ConsentStatus = await load();
  component = mount(ConsentStatus, { target: document.body, props: { consent: store, onaccept: () => instance.acceptAll() } });
  flushSync();
  expect(document.body.textContent).toContain('undecided');
  expect(document.body.textContent).not.toContain('Analytics chart');
  instance.acceptAll();
  flushSync();
  expect(document.body.textContent).toContain('decided');
  expect(document.body.textContent).toContain('Analytics chart');
  instance.set({ analytics: false });
  flushSync();
  expect(document.body.querySelector('button')!.textContent).toBe('Allow analytics');
  // A click in the component, through the instance, back into the component.
  document.body.querySelector('button')!.click();
  flushSync();
  expect(document.body.textContent).toContain('Analytics chart');
});

test('unmounting the component calls the unsubscribe that subscribe returned', async () => {
  let active = 0;
  const counted = {
    subscribe(run: Parameters<ConsentStore['subscribe']>[0]) {
      active++;
      const stop = store.subscribe(run);
      return () => (active--, stop());
    },
  };
  const ConsentStatus = await load();
  component = mount(ConsentStatus, { target: document.body, props: { consent: counted, onaccept: () => {} } });
  flushSync();
  expect(active).toBe(1);
  void unmount(component);
  component = undefined;
  expect(active).toBe(0);
});
