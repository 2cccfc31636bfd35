import { warn } from '../lib/log';

/** Answers for a gated element: true/false, or undefined for an unknown key (never runs). */
export interface GateDecider {
  category(key: string): boolean | undefined;
  service(key: string): boolean | undefined;
  /** A valid decision exists (for `!category` rules). */
  decided(): boolean;
}

const STATE = 'data-consent-state';
const SELECTOR = ['script', 'iframe', 'img', 'video', 'audio', 'source', 'embed'].map((t) => `${t}[data-consent]:not([${STATE}])`).join();

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

/**
 * Finds gated elements, now and as they are added, and activates each once its rule holds.
 * The rule in `data-consent`: category keys (space or comma separated) that must all be
 * granted, `!key` for one that was refused in a valid decision; `data-service` must be granted too.
 * Elements parsed while the document loads are handled at DOMContentLoaded, so an inline
 * script is never read before the parser has finished it.
 */
export function createGate(doc: Document, decider: GateDecider) {
  const warned: { [key: string]: 1 } = {};
  let chain: Promise<unknown> = Promise.resolve();
  const check = (kind: 'category' | 'service', key: string) => {
    const value = decider[kind](key);
    if (value === undefined && !warned[kind + key]) {
      warned[kind + key] = 1;
      warn(`an element is gated on unknown ${kind} "${key}"; it never runs.`);
    }
    return value;
  };
  const holds = (el: Element) => {
    const tokens = (el.getAttribute('data-consent') || '').split(/[\s,]+/).filter(Boolean);
    const service = el.getAttribute('data-service');
    return (
      tokens.length > 0 &&
      tokens.every((t) => (t[0] === '!' ? check('category', t.slice(1)) === false && decider.decided() : check('category', t) === true)) &&
      (!service || check('service', service) === true)
    );
  };
  const update = (root: ParentNode = doc) => {
    if (doc.readyState === 'loading') return;
    const found = [...root.querySelectorAll(SELECTOR)];
    if ((root as Element).matches?.(SELECTOR)) found.unshift(root as Element);
    for (const el of found) {
      if (el.tagName === 'SCRIPT' ? (el as HTMLScriptElement).type.toLowerCase() !== 'text/plain' : false) continue;
      if (!holds(el)) continue;
      el.setAttribute(STATE, 'activated');
      if (el.tagName === 'SCRIPT') chain = chain.then(() => runScript(el as HTMLScriptElement));
      else {
        // Swap data-src/data-srcset into place: the request starts now.
        for (const name of ['srcset', 'src']) {
          const value = el.getAttribute(`data-${name}`);
          if (value !== null) el.setAttribute(name, value);
        }
        if (el.tagName === 'SOURCE') (el.parentElement as HTMLMediaElement | null)?.load?.();
      }
    }
  };
  const onReady = () => update();
  doc.addEventListener('DOMContentLoaded', onReady);
  const observer = new MutationObserver((records) => records.forEach((r) => r.addedNodes.forEach((n) => n.nodeType === 1 && update(n as Element))));
  observer.observe(doc.documentElement, { childList: true, subtree: true });
  return {
    /** Re-evaluate every gated element (after a decision). */
    update,
    destroy() {
      observer.disconnect();
      doc.removeEventListener('DOMContentLoaded', onReady);
    },
  };
}
