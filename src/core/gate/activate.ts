import { warn } from '../lib/log';
import { parseRule } from '../rules/parse-rule';
import { ruleHolds, unknownKeys, type ConsentAnswers } from '../rules/rule-holds';

const STATE = 'data-consent-state';
const SELECTOR = `:is(script,iframe,img,video,audio,source,embed)[data-consent]:not([${STATE}])`;

/**
 * Run a `type="text/plain"` script by moving the parsed element itself back into the
 * document with its real type (`data-type`, else JavaScript). Moving, rather than copying
 * its text into a new element, keeps it Trusted-Types-clean and keeps the nonce its author
 * gave it; the browser runs a script element at most once. No nonce is added: that would
 * let injected gated markup past the page's CSP. Resolves when the next script may run:
 * after load for an ordered (non-async) external script.
 */
function runScript(el: HTMLScriptElement): Promise<unknown> | void {
  const type = el.getAttribute('data-type');
  if (type) el.type = type;
  else el.removeAttribute('type');
  const wait = el.src && !el.hasAttribute('async') && type !== 'module';
  // A moved element is no longer parser-inserted and would run async: keep document order.
  el.async = !wait;
  el.replaceWith(el);
  if (wait) return new Promise((done) => (el.onload = el.onerror = done));
}

/** Start a gated media element's request: swap `data-src`/`data-srcset` into place. */
function loadMedia(el: HTMLElement): void {
  for (const name of ['srcset', 'src']) {
    const value = el.getAttribute('data-' + name);
    if (value != null) el.setAttribute(name, value);
  }
  if (el.tagName === 'SOURCE') (el.parentElement as HTMLMediaElement | null)?.load?.();
}

/**
 * Finds gated elements, now and as they are added, and activates each once its rule holds
 * (`parseRule` reads it, `ruleHolds` decides: see there). An element naming an unknown
 * category or service never runs (one warning each). Elements parsed while the document
 * loads are handled at DOMContentLoaded, so an inline script is never read before the
 * parser has finished it.
 */
export function createGate(doc: Document, answers: ConsentAnswers) {
  let chain: Promise<unknown> = Promise.resolve();
  const update = (root: ParentNode = doc) => {
    if (doc.readyState === 'loading') return;
    const found = [...root.querySelectorAll<HTMLElement>(SELECTOR)];
    if ((root as Element).matches?.(SELECTOR)) found.unshift(root as HTMLElement);
    for (const el of found) {
      const script = el.tagName === 'SCRIPT' && (el as HTMLScriptElement);
      if (script && script.type.toLowerCase() !== 'text/plain') continue;
      const rule = parseRule(el.getAttribute('data-consent'), el.getAttribute('data-service'));
      const unknown = unknownKeys(rule, answers);
      if (unknown.length) {
        // Marked, so the selector skips it from now on: it warns once and never runs.
        el.setAttribute(STATE, 'unknown');
        for (const { kind, key } of unknown) warn(`an element is gated on unknown ${kind} "${key}"; it never runs.`);
        continue;
      }
      if (!ruleHolds(rule, answers)) continue;
      el.setAttribute(STATE, 'activated');
      if (script) chain = chain.then(() => runScript(script));
      else loadMedia(el);
    }
  };
  const onReady = () => update();
  // Gated elements added later (SPA routes, tag managers): only the added subtrees are
  // searched, so a page that changes often (a chat streaming text) pays almost nothing.
  const observer = new MutationObserver((records) =>
    records.forEach((record) => record.addedNodes.forEach((node) => node.nodeType === 1 && update(node as Element))),
  );
  const observe = () => observer.observe(doc.documentElement, { childList: true, subtree: true });
  // Watched from DOMContentLoaded on: while the document is parsed, every parsed element
  // would be a mutation record, and the scan at DOMContentLoaded finds them all anyway.
  const onParsed = () => {
    observe();
    update();
  };
  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', onParsed, { once: true });
  else observe();
  return {
    /** Re-evaluate every gated element (after a decision). */
    update: onReady,
    destroy() {
      observer.disconnect();
      doc.removeEventListener('DOMContentLoaded', onParsed);
    },
  };
}
