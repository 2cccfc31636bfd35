import { parseRule, type Rule } from './rule';
import { warn } from '../lib/log';

/** Answers whether a gated element may run now. */
export interface GateDecider {
  /** `undefined` for an unknown key: the element never runs. */
  category(key: string): boolean | undefined;
  service(key: string): boolean | undefined;
  /** A valid decision exists (for `!category` rules). */
  decided(): boolean;
}

const SELECTOR = 'script[data-consent],iframe[data-consent],img[data-consent],video[data-consent],audio[data-consent],source[data-consent],embed[data-consent]';
const STATE = 'data-consent-state';

/** Swap `data-src`/`data-srcset` into place: the request starts now. */
function activateMedia(el: Element): void {
  for (const name of ['srcset', 'src']) {
    const value = el.getAttribute(`data-${name}`);
    if (value !== null) {
      el.setAttribute(name, value);
      el.removeAttribute(`data-${name}`);
    }
  }
  const media = el.parentElement;
  if (el.tagName === 'SOURCE' && media && 'load' in media) (media as HTMLMediaElement).load();
}

/**
 * Run a `type="text/plain"` script by moving the parsed element itself back into the
 * document with its real type. Moving, rather than copying its text into a new element,
 * keeps it Trusted-Types-clean and keeps its nonce; a script runs at most once.
 * Resolves when the next script may run: after load for ordered external scripts.
 */
function activateScript(el: HTMLScriptElement, nonce: string): Promise<void> {
  const parent = el.parentNode;
  if (!parent) return Promise.resolve();
  const realType = el.getAttribute('data-type');
  if (realType) el.setAttribute('type', realType);
  else el.removeAttribute('type');
  if (nonce && !el.nonce) el.nonce = nonce;
  const ordered = el.hasAttribute('src') && !el.hasAttribute('async') && realType !== 'module';
  // A moved element is not parser-inserted, so it would run async; keep document order.
  if (ordered) el.async = false;
  const done = ordered
    ? new Promise<void>((resolve) => {
        el.addEventListener('load', () => resolve(), { once: true });
        el.addEventListener('error', () => resolve(), { once: true });
      })
    : Promise.resolve();
  const next = el.nextSibling;
  parent.removeChild(el);
  parent.insertBefore(el, next);
  return done;
}

/**
 * Finds gated elements, now and as they are added, and activates each once when its
 * rule holds. Elements parsed while the document is loading are picked up in order at
 * DOMContentLoaded, so an inline script is never read before the parser has finished it.
 */
export function createGate(doc: Document, decider: GateDecider, nonce: string) {
  const warned = new Set<string>();
  let chain: Promise<void> = Promise.resolve();
  let observer: MutationObserver | undefined;

  const holds = (el: Element, rule: Rule): boolean => {
    const check = (key: string, kind: 'category' | 'service'): boolean | undefined => {
      const value = decider[kind](key);
      if (value === undefined && !warned.has(kind + key)) {
        warned.add(kind + key);
        warn(`<${el.tagName.toLowerCase()}> is gated on unknown ${kind} "${key}"; it will never run.`);
      }
      return value;
    };
    if (!rule.need.length && !rule.refused.length) return false;
    for (const key of rule.need) if (check(key, 'category') !== true) return false;
    for (const key of rule.refused) if (check(key, 'category') !== false || !decider.decided()) return false;
    const service = el.getAttribute('data-service');
    return !service || check(service, 'service') === true;
  };

  const consider = (el: Element) => {
    if (el.hasAttribute(STATE)) return;
    if (el.tagName === 'SCRIPT' && (el.getAttribute('type') || '').toLowerCase() !== 'text/plain') return;
    if (!holds(el, parseRule(el.getAttribute('data-consent')))) return;
    el.setAttribute(STATE, 'activated');
    if (el.tagName === 'SCRIPT') {
      const script = el as HTMLScriptElement;
      chain = chain.then(() => activateScript(script, nonce));
    } else activateMedia(el);
  };

  const scan = (root: ParentNode) => {
    if (root instanceof Element && root.matches(SELECTOR)) consider(root);
    root.querySelectorAll(SELECTOR).forEach(consider);
  };

  const loading = () => doc.readyState === 'loading';

  const start = () => {
    if (typeof MutationObserver === 'function' && !observer) {
      observer = new MutationObserver((records) => {
        if (loading()) return;
        for (const r of records) r.addedNodes.forEach((n) => n.nodeType === 1 && scan(n as Element));
      });
      observer.observe(doc.documentElement, { childList: true, subtree: true });
    }
  };

  const onReady = () => update();

  function update(): void {
    if (loading()) return;
    scan(doc);
  }

  if (loading()) doc.addEventListener('DOMContentLoaded', onReady, { once: true });
  start();

  return {
    /** Re-evaluate every gated element (after a decision). */
    update,
    destroy() {
      observer?.disconnect();
      observer = undefined;
      doc.removeEventListener('DOMContentLoaded', onReady);
    },
  };
}
