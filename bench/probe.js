// Injected with page.addInitScript(probe, spec) before any page script runs (top frame only).
// Collects, on the page's own clock (performance.now(), 0 = navigation start):
//  - banner: the first animation frame in which the SDK's banner element is rendered (non-zero box,
//    not display:none / visibility:hidden / opacity:0 on it or an ancestor) and intersects the viewport;
//    `rendered` is the same without the viewport condition; `opaque` when its effective opacity reaches 1.
//  - long tasks (PerformanceObserver 'longtask', buffered), layout shifts ('layout-shift', buffered),
//  - resource entries for tracker hosts, and the timeStamp of every click.
// The frame loop is bounded: it stops once the banner is opaque, or after `spec.maxMs`.
// `spec` is plain data: { kind: 'css', selector } or { kind: 'region', name: 'cookie' }.
// Never called here: bench/run.mjs injects this function's source and calls it in the page.
// eslint-disable-next-line @typescript-eslint/no-unused-vars
function benchProbe(spec) {
  if (window.top !== window) return;
  const B = (window.__bench = {
    spec,
    banner: null,
    rendered: null,
    opaque: null,
    rect: null,
    frames: 0,
    longtasks: [],
    shifts: [],
    trackers: [],
    clicks: [],
    dcl: null,
    load: null,
  });

  // Shadow roots, open or closed, so a banner rendered inside one can still be found.
  const roots = [];
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    roots.push(root);
    return root;
  };

  const nameRe = new RegExp(spec.name || 'cookie', 'i');
  /** Accessible name of a region candidate: aria-label, aria-labelledby, or title. */
  const accName = (el) => {
    const label = el.getAttribute('aria-label');
    if (label) return label;
    const ids = el.getAttribute('aria-labelledby');
    if (ids) {
      const scope = el.getRootNode();
      return ids
        .split(/\s+/)
        .map((id) => (scope.getElementById ? scope.getElementById(id) : document.getElementById(id))?.textContent || '')
        .join(' ');
    }
    return el.getAttribute('title') || '';
  };
  const findIn = (scope) => {
    if (spec.kind === 'css') return scope.querySelector(spec.selector);
    for (const el of scope.querySelectorAll('[role="region"], section[aria-label], section[aria-labelledby], section[title]')) {
      const role = el.getAttribute('role');
      if (role && role !== 'region') continue;
      if (nameRe.test(accName(el))) return el;
    }
    return null;
  };
  const find = () => {
    let el = findIn(document);
    for (let i = 0; !el && i < roots.length; i++) el = findIn(roots[i]);
    return el;
  };
  const parentOf = (el) => el.parentElement || (el.getRootNode && el.getRootNode().host) || null;
  const opacity = (el) => {
    let o = 1;
    for (let e = el; e && e.nodeType === 1; e = parentOf(e)) o *= parseFloat(getComputedStyle(e).opacity);
    return o;
  };
  const rendered = (el) => {
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) return null;
    if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true })) return null;
    return r;
  };
  const inView = (r) => r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth;

  const maxMs = spec.maxMs || 15000;
  const tick = () => {
    const now = performance.now();
    B.frames++;
    const el = find();
    const r = el && rendered(el);
    if (r) {
      if (B.rendered === null) B.rendered = now;
      if (B.banner === null && inView(r)) {
        B.banner = now;
        B.rect = { x: r.x, y: r.y, width: r.width, height: r.height };
      }
      if (B.banner !== null && B.opaque === null && opacity(el) >= 0.99) B.opaque = now;
    }
    if (B.opaque === null && now < maxMs) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);

  const observe = (type, fn) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(fn)).observe({ type, buffered: true });
    } catch {
      /* unsupported entry type */
    }
  };
  observe('longtask', (e) => B.longtasks.push({ start: e.startTime, duration: e.duration }));
  observe('layout-shift', (e) => B.shifts.push({ start: e.startTime, value: e.value, input: e.hadRecentInput }));
  const trackerRe = /(^|\.)(googletagmanager\.com|google-analytics\.com)$/;
  observe('resource', (e) => {
    try {
      if (trackerRe.test(new URL(e.name).hostname)) B.trackers.push({ url: e.name, start: e.startTime });
    } catch {
      /* not a URL */
    }
  });
  addEventListener('click', (e) => B.clicks.push(e.timeStamp), true);
  addEventListener('DOMContentLoaded', () => (B.dcl = performance.now()), true);
  addEventListener('load', () => (B.load = performance.now()), true);
}
