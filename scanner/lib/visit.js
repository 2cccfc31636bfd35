// @ts-check
// One page in one phase, in a fresh browser context (a profile with no cookies or storage):
// load, wait a bounded time for it to settle, decide (accept / reject) if the phase says so,
// and collect what the browser holds and what it asked for.
import { BINDING, assignedCookieName, callerScript, pageProbe, readConsentGateConfig, setCookieNames } from './page-probe.js';
import { decide } from './consent-actions.js';

/** @typedef {'before' | 'accept' | 'reject'} Phase */

/**
 * Timing limits of a visit, in milliseconds. Every wait is bounded: a page that never settles
 * is recorded as it stands when the bound runs out.
 * @typedef {object} VisitTimeouts
 * @property {number} navigation  until DOMContentLoaded
 * @property {number} load        then until the load event
 * @property {number} quiet       no request in flight for this long counts as settled
 * @property {number} settle      the longest wait for quiet
 * @property {number} banner      how long a consent banner may take to appear
 * @property {number} respond     how long the page's main thread may take to answer
 * @property {number} visit       the whole visit, whatever happens (a page that blocks its main thread)
 */

/**
 * What one visit saw.
 * @typedef {object} VisitResult
 * @property {Phase} phase
 * @property {string} url  the URL asked for
 * @property {string} [finalUrl]  after redirects
 * @property {number} [status]  HTTP status of the document
 * @property {string} [contentType]
 * @property {string} [error]  why the page could not be scanned in this phase
 * @property {boolean} [unresponsive]  the page's scripts blocked the browser: later phases are skipped
 * @property {boolean} settled  whether load fired and the network went quiet in time
 * @property {string} [title]
 * @property {import('./consent-actions.js').DecisionResult} [decision]
 * @property {RawCookie[]} cookies
 * @property {RawStorage[]} storage
 * @property {RawRequest[]} requests
 * @property {string[]} links  same-document links (the `before` phase collects them)
 * @property {unknown} siteConfig  the page's consent-gate configuration, raw
 * @property {{ tag: string, url: string, consent: string, service: string }[]} gated
 * @property {string} [screenshot]  JPEG, base64 (the `before` phase)
 */
/**
 * @typedef {{ name: string, domain: string, path: string, expires: number, httpOnly: boolean, secure: boolean, sameSite: string, setBy?: SetBy }} RawCookie
 * @typedef {{ key: string, kind: 'localStorage' | 'sessionStorage', origin: string, setBy?: SetBy }} RawStorage
 * @typedef {{ url: string, method: string, resourceType: string, failure?: string, status?: number, initiator?: string, initiatorType?: string, frame?: string }} RawRequest
 *   `initiator` is the script (or, for a tag in the HTML, the document) that caused the request;
 *   `initiatorType` is CDP's: `parser` (a tag in the HTML), `script`, `preload` or `other`.
 * @typedef {{ via: 'document.cookie' | 'Set-Cookie' | 'setItem', script?: string, response?: string, inline?: boolean }} SetBy
 */

const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Resolve with `promise`, or reject after `ms`: Playwright calls that talk to a renderer stuck
 * in a loop would otherwise wait for ever.
 * @template T
 * @param {Promise<T>} promise
 * @param {number} ms
 * @param {string} what
 * @returns {Promise<T>}
 */
function bounded(promise, ms, what) {
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} did not finish within ${Math.round(ms / 100) / 10} s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * The script that caused a request, from the CDP initiator: the top stack frame with a URL,
 * else the document that parsed the tag.
 * @param {any} initiator
 * @returns {string | undefined}
 */
function initiatorScript(initiator) {
  if (!initiator) return undefined;
  for (let stack = initiator.stack; stack; stack = stack.parent) {
    const frame = (stack.callFrames || []).find((/** @type {any} */ f) => f.url);
    if (frame) return frame.url;
  }
  return initiator.url || undefined;
}

/**
 * Visit `url` in `phase` with a new context of `browser`.
 * @param {import('playwright-core').Browser} browser
 * @param {string} url
 * @param {Phase} phase
 * @param {{ timeouts: VisitTimeouts, userAgent?: string }} options
 * @returns {Promise<VisitResult>}
 */
export async function visit(browser, url, phase, { timeouts, userAgent }) {
  /** @type {VisitResult} */
  const result = { phase, url, settled: false, cookies: [], storage: [], requests: [], links: [], siteConfig: null, gated: [] };
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, userAgent, serviceWorkers: 'block' });
  const state = createRecorder(result);
  try {
    await bounded(run(context, url, phase, timeouts, result, state), timeouts.visit, 'the visit');
  } catch (error) {
    result.error ??= describeError(error);
    // The cookies live in the browser process, which answers even when the page does not.
    if (!result.cookies.length) result.cookies = await readCookies(context, 5000).catch(() => []);
  } finally {
    await bounded(context.close(), 10_000, 'closing the browser context').catch(() => {});
  }
  state.finish();
  return result;
}

/**
 * Everything a visit records as events arrive, and how it joins them at the end.
 * @param {VisitResult} result
 */
function createRecorder(result) {
  /** Cookie name -> who set it last (the browser keeps the last write). */
  const cookieSetters = new Map();
  /** `${kind} ${key}` -> who wrote it first. */
  const storageSetters = new Map();
  /** URL -> initiator script, from CDP. */
  const initiators = new Map();
  /** CDP request id -> URL and initiator, to name the response behind a Set-Cookie. */
  const cdpRequests = new Map();
  /** @type {{ requestId: string, header: string }[]} */
  const setCookieHeaders = [];
  /** @type {Map<import('playwright-core').Request, RawRequest>} */
  const requests = new Map();
  let inFlight = 0;
  let lastActivity = Date.now();

  return {
    /** The reject phase keeps only what happens from the reload on. */
    restart() {
      requests.clear();
    },
    get inFlight() {
      return inFlight;
    },
    get lastActivity() {
      return lastActivity;
    },
    /** @param {import('playwright-core').Request} request */
    onRequest(request) {
      inFlight++;
      lastActivity = Date.now();
      let frame;
      try {
        frame = request.frame().url();
      } catch {
        /* a service worker's request has no frame */
      }
      requests.set(request, { url: request.url(), method: request.method(), resourceType: request.resourceType(), ...(frame ? { frame } : {}) });
    },
    /** @param {import('playwright-core').Request} request @param {string} [failure] */
    onRequestDone(request, failure) {
      inFlight = Math.max(0, inFlight - 1);
      lastActivity = Date.now();
      const entry = requests.get(request);
      if (entry && failure) entry.failure = failure;
    },
    /** @param {import('playwright-core').Response} response */
    onResponse(response) {
      const entry = requests.get(response.request());
      if (entry) entry.status = response.status();
    },
    /** @param {any} event */
    onCdpRequest(event) {
      const script = initiatorScript(event.initiator);
      cdpRequests.set(event.requestId, { url: event.request.url, script });
      if (script && !initiators.has(event.request.url)) initiators.set(event.request.url, { initiator: script, initiatorType: String(event.initiator?.type || 'other') });
    },
    /** @param {any} event */
    onCdpExtraInfo(event) {
      const headers = event.headers || {};
      for (const name of Object.keys(headers)) if (name.toLowerCase() == 'set-cookie') setCookieHeaders.push({ requestId: event.requestId, header: String(headers[name]) });
    },
    /** @param {any} record */
    onProbe(record) {
      if (!record || typeof record != 'object') return;
      const script = callerScript(String(record.stack || ''));
      const inline = !!script && script === String(record.document || '').split('#')[0];
      if (record.type == 'cookie') {
        const name = assignedCookieName(String(record.value || ''));
        if (name) cookieSetters.set(name, { via: 'document.cookie', ...(script ? { script } : {}), ...(inline ? { inline } : {}) });
      } else if (record.type == 'storage') {
        const id = `${record.kind} ${record.key}`;
        if (!storageSetters.has(id)) storageSetters.set(id, { via: 'setItem', ...(script ? { script } : {}), ...(inline ? { inline } : {}) });
      } else if (record.type == 'gated' && Array.isArray(record.elements)) {
        for (const raw of record.elements.slice(0, Math.max(0, 500 - result.gated.length))) {
          // The page could call the binding itself: keep strings only, of a sane length.
          const field = (/** @type {unknown} */ v) => (typeof v == 'string' ? v.slice(0, 2000) : '');
          const el = { tag: field(raw?.tag), url: field(raw?.url), consent: field(raw?.consent), service: field(raw?.service) };
          if (!result.gated.some((g) => g.url === el.url && g.tag === el.tag && g.service === el.service)) result.gated.push(el);
        }
      }
    },
    /** Join the records: who set each cookie and key, who started each request. */
    finish() {
      // Set-Cookie headers name the response; a script write afterwards wins, as in the browser.
      const httpSetters = new Map();
      for (const { requestId, header } of setCookieHeaders) {
        const request = cdpRequests.get(requestId);
        for (const name of setCookieNames(header)) {
          httpSetters.set(name, { via: 'Set-Cookie', ...(request ? { response: request.url } : {}), ...(request && request.script ? { script: request.script } : {}) });
        }
      }
      for (const cookie of result.cookies) {
        const setter = cookieSetters.get(cookie.name) || httpSetters.get(cookie.name);
        if (setter) cookie.setBy = setter;
      }
      for (const item of result.storage) {
        const setter = storageSetters.get(`${item.kind} ${item.key}`);
        if (setter) item.setBy = setter;
      }
      result.requests = [...requests.values()].map((r) => ({ ...r, ...initiators.get(r.url) }));
    },
  };
}

/**
 * @param {unknown} error
 */
function describeError(error) {
  const message = error instanceof Error ? error.message : String(error);
  // Playwright's messages carry a call log after the first line; the first line says it.
  return message.split('\n')[0].replace(/^(page|frame)\.\w+: /, '');
}

/**
 * Wait until no request has been in flight for `quiet` ms, at most `settle` ms.
 * @param {ReturnType<typeof createRecorder>} state
 * @param {VisitTimeouts} timeouts
 */
async function networkQuiet(state, timeouts) {
  // Quiet counts from now: what was just done (a click, acceptAll()) may start requests a moment later.
  const start = Date.now();
  const until = start + timeouts.settle;
  while (Date.now() < until) {
    if (state.inFlight == 0 && Date.now() - Math.max(start, state.lastActivity) >= timeouts.quiet) return true;
    await sleep(50);
  }
  return false;
}

/**
 * Navigate (or reload) and wait, each step bounded. Returns whether the page settled.
 * @param {import('playwright-core').Page} page
 * @param {() => Promise<import('playwright-core').Response | null>} navigate
 * @param {ReturnType<typeof createRecorder>} state
 * @param {VisitTimeouts} timeouts
 * @param {VisitResult} result
 * @param {{ quiet?: boolean }} [options]  whether to wait for the network to go quiet after the load event
 */
async function load(page, navigate, state, timeouts, result, { quiet = true } = {}) {
  const response = await navigate();
  if (response) {
    result.status = response.status();
    result.contentType = (await response.headerValue('content-type').catch(() => null)) || '';
  }
  result.finalUrl = page.url();
  const loaded = await page
    .waitForLoadState('load', { timeout: timeouts.load })
    .then(() => true)
    .catch(() => false);
  if (!quiet) return loaded;
  return (await networkQuiet(state, timeouts)) && loaded;
}

/**
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} url
 * @param {Phase} phase
 * @param {VisitTimeouts} timeouts
 * @param {VisitResult} result
 * @param {ReturnType<typeof createRecorder>} state
 */
async function run(context, url, phase, timeouts, result, state) {
  await context.exposeBinding(BINDING, (_source, record) => state.onProbe(record));
  await context.addInitScript(pageProbe, BINDING);
  context.on('request', (r) => state.onRequest(r));
  context.on('requestfinished', (r) => state.onRequestDone(r));
  context.on('requestfailed', (r) => state.onRequestDone(r, r.failure()?.errorText || 'failed'));
  context.on('response', (r) => state.onResponse(r));
  const page = await context.newPage();
  page.setDefaultTimeout(Math.min(timeouts.navigation, 10_000));
  const cdp = await context.newCDPSession(page);
  cdp.on('Network.requestWillBeSent', (e) => state.onCdpRequest(e));
  cdp.on('Network.responseReceivedExtraInfo', (e) => state.onCdpExtraInfo(e));
  await cdp.send('Network.enable');

  const navigate = () => page.goto(url, { waitUntil: 'domcontentloaded', timeout: timeouts.navigation });
  try {
    // Before deciding, the accept and reject phases need only the loaded page: what it requests
    // before a decision is the before phase's to record, and a banner that comes later is
    // waited for by the search for its button.
    result.settled = await load(page, navigate, state, timeouts, result, { quiet: phase == 'before' });
  } catch (error) {
    result.error = describeError(error);
    return;
  }
  if (!(await responsive(page, timeouts))) return unresponsive(context, result, timeouts);
  if (result.status && result.status >= 400) {
    result.error = `HTTP ${result.status}`;
    return;
  }
  if (result.contentType && !/html/i.test(result.contentType)) {
    result.error = `not an HTML page (${result.contentType.split(';')[0]})`;
    return;
  }

  if (phase == 'before') {
    result.links = await bounded(
      page.evaluate(() => Array.from(document.querySelectorAll('a[href], area[href]'), (a) => /** @type {HTMLAnchorElement} */ (a).href)),
      timeouts.respond,
      'reading links',
    ).catch(() => []);
    result.screenshot = await page
      .screenshot({ type: 'jpeg', quality: 70, timeout: 5000, animations: 'disabled' })
      .then((b) => b.toString('base64'))
      .catch(() => undefined);
  } else {
    result.decision = await decide(page, phase, { waitForBannerMs: timeouts.banner, settle: () => networkQuiet(state, timeouts) });
    if (phase == 'accept') {
      // Gated tags start once consent is given; give them the same bounded chance to load
      // (and a tool that reloads the page on accepting, the time to load it again).
      await page.waitForLoadState('load', { timeout: timeouts.load }).catch(() => {});
      result.settled = (await networkQuiet(state, timeouts)) && result.settled;
    } else {
      // What counts after a refusal is the page loaded again with the refusal stored.
      // consent-gate stores the choice before rejectAll() returns; a tool's button may still be
      // sending it, so after a click the reload waits for the network (bounded).
      if (result.decision.via != 'consent-gate') await networkQuiet(state, timeouts);
      state.restart();
      try {
        result.settled = await load(page, () => page.reload({ waitUntil: 'domcontentloaded', timeout: timeouts.navigation }), state, timeouts, result);
      } catch (error) {
        result.error = `reload after rejecting: ${describeError(error)}`;
        return;
      }
      if (!(await responsive(page, timeouts))) return unresponsive(context, result, timeouts);
    }
  }
  await collect(context, page, result, timeouts);
}

/**
 * Whether the page's main thread answers: a script in an endless loop blocks every later step.
 * @param {import('playwright-core').Page} page
 * @param {VisitTimeouts} timeouts
 */
async function responsive(page, timeouts) {
  return bounded(page.evaluate(() => true), timeouts.respond, 'the page')
    .then(() => true)
    .catch(() => false);
}

/**
 * Record a page that stopped responding: its cookies still come from the browser process.
 * @param {import('playwright-core').BrowserContext} context
 * @param {VisitResult} result
 * @param {VisitTimeouts} timeouts
 */
async function unresponsive(context, result, timeouts) {
  result.unresponsive = true;
  result.error = `the page stopped responding (its scripts kept the browser busy for more than ${timeouts.respond / 1000} s)`;
  result.cookies = await readCookies(context, 5000).catch(() => []);
}

/**
 * Every cookie of the context (all sites), as the report keeps them.
 * @param {import('playwright-core').BrowserContext} context
 * @param {number} ms
 * @returns {Promise<RawCookie[]>}
 */
async function readCookies(context, ms) {
  const cookies = await bounded(context.cookies(), ms, 'reading cookies');
  return cookies.map((c) => ({ name: c.name, domain: c.domain, path: c.path, expires: c.expires, httpOnly: c.httpOnly, secure: c.secure, sameSite: c.sameSite }));
}

/**
 * Cookies of the whole context, storage keys of every frame, the page's consent-gate configuration.
 * @param {import('playwright-core').BrowserContext} context
 * @param {import('playwright-core').Page} page
 * @param {VisitResult} result
 * @param {VisitTimeouts} timeouts
 */
async function collect(context, page, result, timeouts) {
  result.title = await bounded(page.title(), timeouts.respond, 'reading the title').catch(() => '');
  result.siteConfig = await bounded(page.evaluate(readConsentGateConfig), timeouts.respond, 'reading the consent-gate configuration').catch(() => null);
  result.cookies = await readCookies(context, 5000);
  const seenOrigins = new Set();
  for (const frame of page.frames()) {
    const keys = await bounded(
      frame.evaluate(() => {
        const list = (/** @type {Storage} */ s) => Array.from({ length: s.length }, (_, i) => s.key(i)).filter((k) => k !== null);
        return { origin: location.origin, localStorage: list(localStorage), sessionStorage: list(sessionStorage) };
      }),
      timeouts.respond,
      'reading storage',
    ).catch(() => null); // opaque origins and sandboxed frames have no storage to read
    if (!keys || keys.origin == 'null' || seenOrigins.has(keys.origin)) continue;
    seenOrigins.add(keys.origin);
    for (const kind of /** @type {const} */ (['localStorage', 'sessionStorage'])) {
      for (const key of keys[kind]) result.storage.push({ key: /** @type {string} */ (key), kind, origin: keys.origin });
    }
  }
}
