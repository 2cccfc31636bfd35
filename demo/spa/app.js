// Kestrel Console: a single-page app that uses consent-gate as an npm package.
// `consent-gate` resolves through the page's import map to /dist/index.js, the same file
// a bundler would pick from node_modules. Routing is client-side (history API).
import { createConsent } from 'consent-gate';

const BASE = '/demo/spa';
const EVENTS = ['ready', 'consent', 'change', 'record', 'show', 'hide'];
const standIn = (url) => (window.kestrelStandIn && document.documentElement.getAttribute('data-vendors') !== 'live' && window.kestrelStandIn(url)) || url;

/** Build an element: h('p', { class: 'x' }, 'text', child). Text is always text. */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (v === true) el.setAttribute(k, '');
    else if (v !== false && v != null) el.setAttribute(k, String(v));
  }
  el.append(...children.flat().filter((c) => c != null && c !== false));
  return el;
}

// ---------- event log
const log = document.getElementById('log');
const summaries = {
  ready: (d) => (d.decided ? `stored choice restored (${granted(d)})` : 'no stored choice'),
  consent: (d) => `first decision: ${granted(d)}`,
  change: (d) => `changed ${[...d.changed.categories, ...d.changed.services].join(', ')}`,
  record: (d) => `receipt ${d.method} · ${d.id.slice(0, 8)}…`,
  show: (d) => d.view,
  hide: (d) => d.view,
};
function granted(d) {
  const on = Object.keys(d.categories).filter((k) => d.categories[k]);
  return on.length ? on.join(', ') : 'nothing';
}
function append(name, detail) {
  const time = new Date();
  log.prepend(
    h(
      'li',
      { 'data-event': name },
      h('time', { datetime: time.toISOString() }, time.toLocaleTimeString('en-GB')),
      h('span', { class: 'ev' }, name),
      ' ',
      summaries[name](detail),
      h('details', {}, h('summary', {}, 'detail'), h('pre', {}, JSON.stringify(detail, null, 2))),
    ),
  );
}
document.getElementById('clear-log').addEventListener('click', () => log.replaceChildren());

// `ready` (and `show`, when the banner opens at once) are emitted while createConsent()
// runs, before there is an instance to call on() with. Their window events,
// consent-gate:<name>, catch them; after that, on() takes over.
const early = (e) => append(e.type.slice('consent-gate:'.length), e.detail);
for (const name of EVENTS) window.addEventListener(`consent-gate:${name}`, early);

// ---------- consent
const consent = createConsent({
  revision: '2023-12-04',
  privacyPolicyUrl: '/demo/privacy.html',
  // Its own cookie, so the console and the marketing site keep separate choices.
  cookie: { name: 'kestrel_console_consent' },
  googleConsentMode: true,
  categories: { necessary: { required: true }, analytics: {}, marketing: {} },
  services: {
    ga4: { category: 'analytics', title: 'Google Analytics', provider: 'Google', cookies: ['_ga', /^_ga_/] },
    youtube: { category: 'marketing', title: 'YouTube', provider: 'Google' },
  },
});
for (const name of EVENTS) {
  window.removeEventListener(`consent-gate:${name}`, early);
  consent.on(name, (detail) => append(name, detail));
}
window.kestrelConsole = { consent };

// ---------- analytics: loaded once analytics is granted; a page_view per route
window.dataLayer = window.dataLayer || [];
function gtag() {
  window.dataLayer.push(arguments);
}
let analyticsReady = false;
consent.loadScript(standIn('https://www.googletagmanager.com/gtag/js?id=G-KESTREL02'), 'analytics').then(() => {
  analyticsReady = true;
  gtag('js', new Date());
  gtag('config', 'G-KESTREL02', { send_page_view: false });
  pageView();
});
function pageView() {
  if (analyticsReady && consent.hasService('ga4')) gtag('event', 'page_view', { page_path: location.pathname });
}

// ---------- routes
const routes = {
  '/': { title: 'Overview', render: overview },
  '/playground': { title: 'Moderation playground', render: playground },
  '/video': { title: 'Video', render: video },
  '/settings': { title: 'Privacy settings', render: settings },
};

function overview() {
  const s = consent.get();
  return [
    h('span', { class: 'eyebrow' }, 'Kestrel Console'),
    h('h1', {}, 'Overview'),
    h('p', { class: 'lead' }, 'A single-page app that imports consent-gate from npm. Move between pages: the page never reloads, and every consent event appears in the log.'),
    h(
      'div',
      { class: 'grid' },
      h('article', { class: 'card' }, h('h3', {}, 'Requests this month'), h('p', {}, '48,213')),
      h('article', { class: 'card' }, h('h3', {}, 'Tokens'), h('p', {}, '12.4 million')),
      h('article', { class: 'card' }, h('h3', {}, 'Analytics'), h('p', { id: 'analytics-state' }, s.categories.analytics ? 'Google Analytics is on: each route sends a page_view.' : 'Google Analytics is off until you allow it.')),
    ),
  ];
}

function playground() {
  const out = h('p', { class: 'score', role: 'status' });
  const input = h('textarea', { id: 'moderation-input', 'aria-describedby': 'moderation-note' }, 'You are all wonderful people.');
  return [
    h('h1', {}, 'Moderation playground'),
    h('p', { class: 'lead', id: 'moderation-note' }, 'The moderation API runs on our servers and stores nothing in the browser, so it needs no consent. This demo scores text locally.'),
    h('label', { for: 'moderation-input' }, 'Text to check'),
    input,
    h('div', { class: 'cta' }, h('button', { type: 'button', class: 'btn btn-primary', onclick: () => (out.textContent = moderate(input.value)) }, 'Check text')),
    out,
  ];
}
function moderate(text) {
  const flagged = /\b(hate|kill|idiot|stupid)\b/i.test(text);
  return flagged ? 'Flagged: harassment (score 0.91)' : 'Not flagged (score 0.02)';
}

function video() {
  // Added to the DOM after start-up: consent-gate's MutationObserver gates it all the same.
  const frame = h('iframe', {
    title: 'Getting started with the Kestrel API (YouTube)',
    'data-consent': 'marketing',
    'data-service': 'youtube',
    'data-src': standIn('https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ'),
    allow: 'encrypted-media; picture-in-picture',
    allowfullscreen: true,
  });
  return [
    h('h1', {}, 'Video'),
    h('p', { class: 'lead' }, 'A YouTube embed added by the router. It gets its src only once marketing is allowed.'),
    h(
      'div',
      { class: 'video' },
      frame,
      h(
        'div',
        { class: 'video-placeholder' },
        h('p', {}, h('strong', {}, 'This video is hosted by YouTube'), ', which may set marketing cookies.'),
        h('div', { class: 'cta' }, h('button', { type: 'button', class: 'btn btn-primary', onclick: () => consent.set({ marketing: true }) }, 'Allow marketing and load video')),
      ),
    ),
  ];
}

function settings() {
  const s = consent.get();
  const optional = consent.config.categories.filter((c) => !c.required);
  const LABELS = { analytics: 'Analytics', marketing: 'Marketing' };
  const boxes = optional.map((c) => h('input', { type: 'checkbox', id: `cat-${c.key}`, name: c.key, checked: s.categories[c.key] }));
  const snapshot = h('pre', { class: 'code', id: 'snapshot' }, JSON.stringify(s, null, 2));
  return [
    h('h1', {}, 'Privacy settings'),
    h('p', { class: 'lead' }, 'Your own UI on the same instance: these controls call set(), acceptAll(), rejectAll() and reset().'),
    h(
      'form',
      {
        class: 'card',
        onsubmit: (e) => {
          e.preventDefault();
          consent.set(Object.fromEntries(boxes.map((b) => [b.name, b.checked])));
        },
      },
      optional.map((c, i) => h('div', { class: 'switch-row' }, h('label', { for: `cat-${c.key}` }, LABELS[c.key] || c.key), boxes[i])),
      h(
        'div',
        { class: 'cta' },
        h('button', { type: 'submit', class: 'btn btn-primary' }, 'Save settings'),
        h('button', { type: 'button', class: 'btn', onclick: () => consent.showPreferences() }, 'Open the preferences dialog'),
        h('button', { type: 'button', class: 'btn', onclick: () => consent.reset() }, 'Forget my choice'),
      ),
    ),
    h('h2', {}, 'consent.get()'),
    snapshot,
  ];
}

const main = document.getElementById('main');
function path() {
  const p = location.pathname.slice(BASE.length).replace(/\/$/, '') || '/';
  return routes[p] ? p : '/';
}
function render(focus) {
  const route = routes[path()];
  main.replaceChildren(...route.render());
  document.title = `${route.title} · Kestrel Console`;
  document.querySelectorAll('.nav a[data-link]').forEach((a) => {
    if (new URL(a.href).pathname.replace(/\/$/, '') === location.pathname.replace(/\/$/, '')) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
  if (focus) main.focus();
}
function navigate(to) {
  if (to !== location.pathname) history.pushState(null, '', to);
  render(true);
  pageView();
}
document.addEventListener('click', (e) => {
  const a = e.target instanceof Element ? e.target.closest('a[data-link]') : null;
  if (!a || e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
  e.preventDefault();
  navigate(new URL(a.href).pathname);
});
window.addEventListener('popstate', () => render(true));
// A re-render keeps the settings page and overview in step with decisions made elsewhere.
consent.on('consent', () => render(false));
consent.on('change', () => render(false));

// Deep links arrive as ?route=/settings (see deep-link.js).
const deep = new URLSearchParams(location.search).get('route');
if (deep && routes[deep]) history.replaceState(null, '', BASE + deep);
render(false);
