import { afterEach, beforeEach, expect, test, vi, type MockInstance } from 'vitest';
import { createGate } from '../src/core/gate/activate';
import { clearCookies, domainVariants, pathVariants } from '../src/core/gate/clear-cookies';
import type { ConsentAnswers } from '../src/core/rules/rule-holds';

let warn: MockInstance<typeof console.warn>;
beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  document.body.innerHTML = '';
  for (const key of Object.keys(grants)) delete grants[key];
});
afterEach(() => vi.restoreAllMocks());

const grants: { [k: string]: boolean } = {};
/** Services and their categories; a service not granted or refused by name follows its category. */
const SERVICES: { [key: string]: string } = { ga4: 'analytics', yt: 'marketing' };
const decider: ConsentAnswers = {
  categoryGranted: (k) => (k in grants && !(k in SERVICES) ? grants[k] : undefined),
  serviceGranted: (k) => (k in SERVICES ? (grants[k] ?? grants[SERVICES[k]!] === true) : undefined),
  categoryOfService: (k) => SERVICES[k],
  decided: () => grants.decided === true,
};

test('iframes, images and sources get their source only when the rule holds', () => {
  Object.assign(grants, { analytics: false, marketing: false, decided: false });
  document.body.innerHTML = `
    <iframe id="yt" data-consent="marketing" data-src="https://video.example/embed"></iframe>
    <img id="px" data-consent="analytics marketing" data-src="/p.gif" data-srcset="/p2.gif 2x">
    <img id="no" data-consent="!marketing" data-src="/no.gif">
    <img id="svc" data-consent="analytics" data-service="ga4" data-src="/svc.gif">
    <img id="unknown" data-consent="stats" data-src="/u.gif">`;
  const gate = createGate(document, decider);
  gate.update();
  const src = (id: string) => document.getElementById(id)!.getAttribute('src');
  expect(['yt', 'px', 'no', 'svc', 'unknown'].map(src)).toEqual([null, null, null, null, null]);
  expect(warn.mock.calls.some((c) => /unknown category "stats"/.test(String(c[0])))).toBe(true);

  Object.assign(grants, { marketing: false, decided: true });
  gate.update();
  expect(src('no')).toBe('/no.gif');

  Object.assign(grants, { analytics: true, marketing: true, ga4: false });
  gate.update();
  expect(src('yt')).toBe('https://video.example/embed');
  expect([src('px'), document.getElementById('px')!.getAttribute('srcset')]).toEqual(['/p.gif', '/p2.gif 2x']);
  expect(src('svc')).toBeNull();
  expect(document.getElementById('yt')!.getAttribute('data-consent-state')).toBe('activated');
  gate.destroy();
});

test('a service allowed on its own runs what is gated on it, not what waits for its category alone', () => {
  Object.assign(grants, { analytics: false, marketing: false, yt: true, decided: true });
  document.body.innerHTML = `
    <iframe id="own" data-consent="marketing" data-service="yt" data-src="https://video.example/a"></iframe>
    <iframe id="category" data-consent="marketing" data-src="https://video.example/b"></iframe>
    <iframe id="both" data-consent="marketing analytics" data-service="yt" data-src="https://video.example/c"></iframe>
    <img id="fallback" data-consent="!marketing" data-service="yt" data-src="/fallback.gif">
    <img id="ghost" data-consent="marketing" data-service="ghost" data-src="/ghost.gif">`;
  const gate = createGate(document, decider);
  gate.update();
  const src = (id: string) => document.getElementById(id)!.getAttribute('src');
  expect(src('own')).toBe('https://video.example/a');
  // Gated on the category alone: still waits for Marketing.
  expect(src('category')).toBeNull();
  // Another category it names must still be granted.
  expect(src('both')).toBeNull();
  // `!marketing` still counts: Marketing was refused in a valid decision and YouTube is allowed.
  expect(src('fallback')).toBe('/fallback.gif');
  expect(src('ghost')).toBeNull();
  expect(document.getElementById('ghost')!.getAttribute('data-consent-state')).toBe('unknown');
  expect(warn.mock.calls.filter((c) => /unknown service "ghost"/.test(String(c[0])))).toHaveLength(1);

  Object.assign(grants, { analytics: true });
  gate.update();
  expect(src('both')).toBe('https://video.example/c');
  expect(src('category')).toBeNull();
  gate.update();
  expect(warn.mock.calls.filter((c) => /unknown service "ghost"/.test(String(c[0])))).toHaveLength(1);
  gate.destroy();
});

/** An `<img>` gated on analytics, appended to the body: its `src` is set once the gate lets it load. */
const appendGatedImage = (source: string) => {
  const img = document.createElement('img');
  img.setAttribute('data-consent', 'analytics');
  img.setAttribute('data-src', source);
  document.body.append(img);
  return img;
};

test('gated elements added later are picked up by the observer', async () => {
  Object.assign(grants, { analytics: true, decided: true });
  const gate = createGate(document, decider);
  const img = appendGatedImage('/late.gif');
  await vi.waitFor(() => expect(img.getAttribute('src')).toBe('/late.gif'));
  gate.destroy();
});

test('while the document is parsed nothing is observed; DOMContentLoaded scans once and starts the observer', async () => {
  Object.assign(grants, { analytics: true, decided: true });
  Object.defineProperty(document, 'readyState', { value: 'loading', configurable: true });
  const observe = vi.spyOn(MutationObserver.prototype, 'observe');
  const gate = createGate(document, decider);
  const parsed = appendGatedImage('/parsed.gif');
  await Promise.resolve();
  expect(observe).not.toHaveBeenCalled();
  expect(parsed.hasAttribute('src')).toBe(false);
  delete (document as { readyState?: string }).readyState;
  document.dispatchEvent(new Event('DOMContentLoaded'));
  expect(parsed.getAttribute('src')).toBe('/parsed.gif');
  expect(observe).toHaveBeenCalledTimes(1);
  const late = appendGatedImage('/late.gif');
  await vi.waitFor(() => expect(late.getAttribute('src')).toBe('/late.gif'));
  gate.destroy();
});

test('a streaming page (text appended again and again) never makes the observer search the whole document', async () => {
  Object.assign(grants, { analytics: true, decided: true });
  const gate = createGate(document, decider);
  const whole = vi.spyOn(document, 'querySelectorAll');
  const out = document.createElement('p');
  document.body.append(out);
  for (let i = 0; i < 20; i++) {
    out.append(document.createTextNode(`token ${i} `));
    await Promise.resolve();
  }
  const late = document.createElement('div');
  late.innerHTML = '<img data-consent="analytics" data-src="/in-subtree.gif">';
  out.append(late);
  await vi.waitFor(() => expect(late.querySelector('img')!.getAttribute('src')).toBe('/in-subtree.gif'));
  expect(whole).not.toHaveBeenCalled();
  gate.destroy();
});

test('an empty rule never runs, and non-text/plain scripts are left alone', () => {
  Object.assign(grants, { analytics: true });
  document.body.innerHTML = '<img id="e" data-consent=" " data-src="/e.gif"><script id="s" data-consent="analytics">window.x=1</script>';
  createGate(document, decider).update();
  expect(document.getElementById('e')!.getAttribute('src')).toBeNull();
  expect(document.getElementById('s')!.hasAttribute('data-consent-state')).toBe(false);
});

/** A cookie jar with the browser's rule that matters here: no cookie on a public suffix. */
function fakeDocument(publicSuffixes: string[], jar: Map<string, string> = new Map()) {
  return {
    jar,
    get cookie() {
      return [...jar.keys()].map((k) => `${k.split('@')[0]}=1`).join('; ');
    },
    set cookie(v: string) {
      const [pair, ...attrs] = v.split(';');
      const name = pair!.split('=')[0]!;
      const domain = attrs.find((a) => a.startsWith('domain='))?.slice(7) ?? '';
      if (publicSuffixes.includes(domain)) return;
      const key = `${name}@${domain}`;
      if (attrs.some((a) => a.startsWith('expires=Thu, 01 Jan 1970'))) jar.delete(key);
      else jar.set(key, '1');
    },
  } as unknown as Document & { jar: Map<string, string> };
}

test('domain variants stop at the registrable domain, found by probing', () => {
  expect(domainVariants(fakeDocument(['uk', 'co.uk']), 'a.b.example.co.uk')).toEqual(['a.b.example.co.uk', 'b.example.co.uk', 'example.co.uk']);
  expect(domainVariants(fakeDocument(['test']), 'app.example.test')).toEqual(['app.example.test', 'example.test']);
  expect(domainVariants(fakeDocument([]), '127.0.0.1')).toEqual(['127.0.0.1']);
  expect(domainVariants(fakeDocument(['localhost']), 'localhost')).toEqual(['localhost']);
  const doc = fakeDocument(['uk', 'co.uk']);
  domainVariants(doc, 'www.example.co.uk');
  expect([...doc.jar.keys()]).toEqual([]);
});

test('clearCookies deletes matching cookies on every domain variant and leaves others', () => {
  const jar = new Map([
    ['_ga@example.co.uk', '1'],
    ['_ga_X1@', '1'],
    ['_gid@www.example.co.uk', '1'],
    ['session@', '1'],
  ]);
  const doc = fakeDocument(['uk', 'co.uk'], jar);
  const deleted = clearCookies(doc, ['_ga', /^_ga_/, '_gid'], 'www.example.co.uk');
  expect(deleted.sort()).toEqual(['_ga', '_ga_X1', '_gid']);
  expect([...jar.keys()]).toEqual(['session@']);
  expect(clearCookies(doc, ['nothing'], 'www.example.co.uk')).toEqual([]);
});

test('path variants: / and every prefix of the page path, with and without the trailing slash', () => {
  expect(pathVariants('/app/dashboard')).toEqual(['/', '/app', '/app/', '/app/dashboard', '/app/dashboard/']);
  expect(pathVariants('/')).toEqual(['/']);
});
