import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createConsent, memoryStorage, type ConsentInstance } from '../../src/core-entry';
import { preactView } from '../../src/ui/preact-view';

let instance: ConsentInstance | undefined;
let events: string[] = [];

/** Create an instance; the core shows the banner in a microtask, so wait for it. */
const make = async (config: object = {}) => {
  events = [];
  instance = createConsent(
    {
      categories: { necessary: { required: true }, analytics: {}, marketing: {} },
      services: { ga4: { category: 'analytics', title: 'Google Analytics', cookies: ['_ga'] } },
      ...config,
    },
    { view: preactView, storage: memoryStorage() },
  );
  for (const e of ['show', 'hide', 'consent'] as const) instance.on(e, (d) => events.push(`${e}:${(d as { view?: string }).view || ''}`));
  await Promise.resolve();
  return instance;
};
const root = () => document.querySelector('consent-gate')!.shadowRoot!;
const byText = (text: string) => [...root().querySelectorAll('button')].find((b) => b.textContent === text)!;

beforeEach(() => {
  document.body.innerHTML = '<main><button id="open" data-consent-open>Privacy</button></main>';
});
afterEach(() => {
  instance?.destroy();
  instance = undefined;
});

describe('preactView', () => {
  test('mounts first in <body> and shows a labelled banner region', async () => {
    await make();
    expect(document.body.firstElementChild!.tagName).toBe('CONSENT-GATE');
    const section = root().querySelector('section')!;
    expect(root().getElementById(section.getAttribute('aria-labelledby')!)!.textContent).toBe('We use cookies');
    expect([...section.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Accept all', 'Reject all', 'Manage preferences']);
    expect(events).toEqual(['show:banner']);
  });
  test('Accept all decides, hides the banner and shows the floating button', async () => {
    const i = await make();
    byText('Accept all').click();
    expect(i.has('analytics')).toBe(true);
    expect(root().querySelector('section')).toBeNull();
    expect(byText('Cookie settings')).toBeTruthy();
    expect(events).toEqual(['show:banner', 'consent:', 'hide:banner']);
  });
  test('no styles attribute anywhere, and config text stays text', async () => {
    await make({ categories: { necessary: { required: true }, analytics: { title: '<img src=x onerror=alert(1)>' } } });
    byText('Manage preferences').click();
    expect(root().querySelector('[style], img')).toBeNull();
    expect(root().textContent).toContain('<img src=x onerror=alert(1)>');
  });
  test('data-consent-open opens the preferences with the stored state', async () => {
    const i = await make();
    i.set({ analytics: true });
    (document.getElementById('open') as HTMLButtonElement).click();
    const dialog = root().querySelector('dialog')!;
    expect(dialog).toBeTruthy();
    const sw = (id: string) => root().getElementById(id) as HTMLInputElement;
    expect(sw('cg-c-analytics').checked).toBe(true);
    expect(sw('cg-c-marketing').checked).toBe(false);
    expect(sw('cg-c-necessary').disabled).toBe(true);
    expect(events.slice(-1)).toEqual(['show:preferences']);
  });
  test('a category whose key names a UI text does not borrow that text', async () => {
    const i = await make({ categories: { necessary: { required: true }, analytics: {}, title: {}, prefs: {} } });
    i.showPreferences();
    const label = (key: string) => root().querySelector(`label[for="cg-c-${key}"]`)!.textContent;
    const text = (key: string) => root().getElementById(`cg-c-${key}d`)!.textContent;
    expect([label('analytics'), label('title'), label('prefs')]).toEqual(['Analytics', 'title', 'prefs']);
    expect(text('analytics')).toBe('Measure how the site is used, to improve it.');
    expect(text('prefs')).toBe('');
  });

  test('the dialog saves switches, service by service', async () => {
    const i = await make();
    byText('Manage preferences').click();
    const sw = (id: string) => root().getElementById(id) as HTMLInputElement;
    expect(sw('cg-c-analytics').checked).toBe(false);
    sw('cg-c-analytics').click();
    expect(sw('cg-s-ga4').checked).toBe(true);
    sw('cg-s-ga4').click();
    byText('Save preferences').click();
    expect([i.has('analytics'), i.hasService('ga4'), i.has('marketing')]).toEqual([true, false, false]);
    expect(root().querySelector('dialog')).toBeNull();
  });
  test('closing the dialog decides nothing and keeps the banner', async () => {
    const i = await make();
    byText('Manage preferences').click();
    root().querySelector<HTMLButtonElement>('button[aria-label="Close"]')!.click();
    expect(root().querySelector('dialog')).toBeNull();
    expect(root().querySelector('section')).toBeTruthy();
    expect(i.get().decided).toBe(false);
    expect(events).toEqual(['show:banner', 'show:preferences', 'hide:preferences']);
  });
  test('UI options: layout, position, theme, floating button off', async () => {
    const i = await make({ ui: { layout: 'bar', position: 'top', theme: 'dark', floatingButton: false } });
    expect(root().querySelector('section')!.className).toBe('cg-bar cg-top');
    expect(document.querySelector('consent-gate')!.getAttribute('data-theme')).toBe('dark');
    i.rejectAll();
    expect(root().querySelector('button')).toBeNull();
  });
  test('the dialog says a category is partly allowed, and shows the consent id and date once decided', async () => {
    const i = await make();
    i.set({}, { ga4: true });
    i.showPreferences();
    const row = root().querySelector('label[for="cg-c-analytics"]')!.parentElement!;
    expect(row.textContent).toContain('Partly allowed');
    expect((root().getElementById('cg-c-analytics') as HTMLInputElement).checked).toBe(false);
    expect(root().querySelector('.cg-receipt')!.textContent).toContain(i.get().id);
    expect(root().querySelector('.cg-receipt')!.textContent).toContain(String(new Date().getFullYear()));
  });
  test('before any decision the dialog shows no consent id', async () => {
    const i = await make();
    i.showPreferences();
    expect(root().querySelector('.cg-receipt')).toBeNull();
    expect(root().textContent).not.toContain('Partly allowed');
  });
  test('a stale choice says the policy changed', async () => {
    const storage = memoryStorage();
    const config = { revision: '1', categories: { analytics: {} } };
    createConsent(config, { storage }).acceptAll();
    instance = createConsent({ ...config, revision: '2' }, { view: preactView, storage });
    await Promise.resolve();
    expect(root().querySelector('section')!.textContent).toContain('Our cookie policy has changed');
  });
  test('destroy removes everything', async () => {
    (await make()).destroy();
    instance = undefined;
    expect(document.querySelector('consent-gate')).toBeNull();
  });
});

describe('preactView: page lifecycle', () => {
  /** MutationObserver callbacks run in a microtask; let them run. */
  const flush = () => new Promise((r) => setTimeout(r, 0));
  /** The page replaces <body>, as Turbo, pjax and some SPA routers do. */
  const replaceBody = (html: string) => {
    const b = document.createElement('body');
    b.innerHTML = html;
    document.body.replaceWith(b);
  };
  /** Run `fn` while the document has no <body>, as a script in <head> does; then parse one. */
  const inHead = async (fn: () => unknown) => {
    document.body.remove();
    await fn();
    document.documentElement.appendChild(document.createElement('body')).innerHTML = '<main><button id="open" data-consent-open>Privacy</button></main>';
    await flush();
  };
  const deepActive = () => {
    let a = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    return a;
  };

  test('a replaced <body> gets the banner back, first, and data-consent-open still opens the dialog', async () => {
    const i = await make();
    replaceBody('<button id="open2" data-consent-open>Privacy</button>');
    await flush();
    expect(document.body.firstElementChild!.tagName).toBe('CONSENT-GATE');
    expect(root().querySelector('section')).toBeTruthy();
    i.acceptAll();
    replaceBody('<button id="open3" data-consent-open>Privacy</button>');
    await flush();
    expect(byText('Cookie settings').isConnected).toBe(true);
    document.getElementById('open3')!.click();
    expect(root().querySelector('dialog')?.open).toBe(true);
  });
  test('draw() alone puts a disconnected UI back', async () => {
    const i = await make();
    document.querySelector('consent-gate')!.remove();
    i.showPreferences();
    expect(document.body.firstElementChild!.tagName).toBe('CONSENT-GATE');
    expect(root().querySelector('dialog')?.open).toBe(true);
  });
  test('destroy() before <body> exists: nothing mounts later', async () => {
    await inHead(async () => {
      const i = await make();
      i.destroy();
    });
    instance = undefined;
    expect(document.querySelector('consent-gate')).toBeNull();
  });
  test('destroy() with the dialog open returns focus to the opener and empties the shadow root', async () => {
    const i = await make();
    const open = document.getElementById('open')!;
    open.focus();
    open.click();
    // As showModal() does in browsers (happy-dom does not move focus).
    root().querySelector<HTMLButtonElement>('button[aria-label="Close"]')!.focus();
    const r = root();
    i.destroy();
    instance = undefined;
    expect(document.activeElement).toBe(open);
    expect(r.childNodes.length).toBe(0);
  });
  test('showPreferences() in <head>: closing the dialog focuses the banner, not <body>', async () => {
    await inHead(async () => (await make()).showPreferences());
    const dialog = root().querySelector('dialog')!;
    expect(dialog.open).toBe(true);
    dialog.dispatchEvent(new Event('cancel', { cancelable: true }));
    expect(root().querySelector('dialog')).toBeNull();
    expect(deepActive()).toBe(byText('Accept all'));
  });
  test('floatingButton off, returning visitor: nothing is mounted until the preferences open', async () => {
    const storage = memoryStorage();
    const config = { categories: { necessary: { required: true }, analytics: {} }, ui: { floatingButton: false } };
    const first = createConsent(config, { view: preactView, storage });
    first.acceptAll();
    first.destroy();
    expect(document.querySelector('consent-gate')).toBeNull();
    instance = createConsent(config, { view: preactView, storage });
    await Promise.resolve();
    expect(instance.get().decided).toBe(true);
    expect(document.querySelector('consent-gate')).toBeNull();
    (document.getElementById('open') as HTMLButtonElement).click();
    expect(root().querySelector('dialog')!.open).toBe(true);
    expect(document.body.firstElementChild!.tagName).toBe('CONSENT-GATE');
  });
  test('floatingButton off, dialog opened by script: closing it focuses the banner, not <body>', async () => {
    const i = await make({ ui: { floatingButton: false } });
    i.showPreferences();
    root().querySelector<HTMLButtonElement>('button[aria-label="Close"]')!.click();
    expect(deepActive()).toBe(byText('Accept all'));
  });
});
