/**
 * Auto-blocking in the page (docs/auto-blocking.md): from the moment it starts, scripts,
 * frames and pixels of declared services that are not granted are held, and their `fetch`,
 * XMLHttpRequest and `sendBeacon` calls are refused. The engine's `ready`, `consent` and
 * `change` events (dispatched on `window` as `consent-gate:<name>`) carry the grants; what a
 * grant covers then runs or loads, in the order it was held, once. Without the engine nothing
 * is granted but required services, so everything held stays held.
 *
 * The natives it wraps keep behaving as natives for everything else: the wrapper calls the
 * original with the same `this` and arguments and returns what it returns (errors included),
 * keeps its name, length and property flags, and is not a constructor, as natives are not.
 */
import type { Config } from '../../core/types';
import type { PresetRegistry } from '../../core/config';
import { guard, warn } from '../../core/lib/log';
import { isPlainObject } from '../../core/lib/keys';
import { compileRules, type BlockGrants, type BlockRules } from './rules';

export interface AutoBlockStartOptions {
  /** Catalogue presets the config's services name, or a function returning them (read again while they are missing). */
  presets?: PresetRegistry | (() => PresetRegistry | undefined);
  /** The SDK's own files, which are never held (the script tag passes its own directory). */
  isOwnFile?: (url: URL) => boolean;
}

export interface AutoBlocker {
  /** Elements held now, in the order they were held. */
  held(): Element[];
  /** Put the natives back and stop watching; what is held stays held. */
  stop(): void;
}

const STATE = 'data-consent-state';
const SERVICE = 'data-consent-service';
const INERT_TYPE = 'text/plain';
/** The types a browser runs as classic or module scripts. */
const SCRIPT_TYPE = /^((text|application)\/(x-)?(java|ecma)script|text\/(javascript1\.[0-5]|jscript|livescript)|module)$/i;

/** What one held element needs to run or load later. */
interface Held {
  element: Element;
  owner: string;
  kind: 'script' | 'frame' | 'image';
  url: string;
  /** A script's own `type` attribute, null when it had none. */
  type?: string | null;
  /** The parser inserted the script without `async`: it runs in order with the others. */
  ordered?: boolean;
}

type Method = (this: unknown, ...args: unknown[]) => unknown;

/**
 * Start auto-blocking for `config` (the site's configuration: `services`, `categories` and the
 * `autoBlock` corrections). Call it before any tag can run: first in `<head>` for a script tag
 * (dist/consent-gate.autoblock.js does), at the top of the app's entry otherwise. A second call
 * while one runs returns the first.
 */
export function startAutoBlock(config: Config, options: AutoBlockStartOptions = {}): AutoBlocker {
  const page = window as unknown as { __cgAutoBlocker?: AutoBlocker };
  if (page.__cgAutoBlocker) return page.__cgAutoBlocker;
  const doc = document;
  const natives: (() => void)[] = [];
  const queue: Held[] = [];
  let grants: BlockGrants | null = null;

  // Rules are compiled when first needed and again while presets are missing: the catalogue
  // script may load just after this one.
  const presetSource = options.presets;
  let rules: BlockRules | undefined;
  let rulesFrom: PresetRegistry | undefined;
  const currentRules = (): BlockRules => {
    const presets = typeof presetSource == 'function' ? presetSource() : presetSource;
    if (!rules || (rules.unresolved.length && presets !== rulesFrom)) {
      // Warnings once, from the first compilation.
      rules = compileRules(config, presets, rules ? () => {} : warn, options.isOwnFile);
      rulesFrom = presets;
    }
    return rules;
  };

  /**
   * The owner a URL waits for now; undefined when it may go. A URL that cannot be read passes
   * to the native, which reports it as it always does.
   */
  const heldOwner = (address: unknown): string | undefined => {
    if (address == null) return undefined;
    let url: URL;
    try {
      const text = typeof Request != 'undefined' && address instanceof Request ? address.url : String(address);
      url = new URL(text, doc.baseURI);
    } catch {
      return undefined;
    }
    const rulesNow = currentRules();
    const owner = rulesNow.ownerOf(url);
    return owner !== undefined && !rulesNow.isGranted(owner, grants) ? owner : undefined;
  };

  const nativeSetAttribute = Element.prototype.setAttribute;
  const nativeInsertBefore = Node.prototype.insertBefore;
  const mark = (held: Held) => {
    nativeSetAttribute.call(held.element, STATE, 'blocked');
    nativeSetAttribute.call(held.element, SERVICE, held.owner);
    queue.push(held);
  };
  /** Held already, or let through on purpose: the gate ran it ("activated"), the embeds add-on loaded it once, or it was released. */
  const handled = (element: Element) => element.hasAttribute(STATE);

  /** A script about to be inserted (or given a `src`): made inert while its service is not granted. */
  const holdScript = (script: HTMLScriptElement, address: string | null, fromParser: boolean) => {
    if (handled(script) || !address) return false;
    const type = script.getAttribute('type');
    if (type !== null && type.trim() !== '' && !SCRIPT_TYPE.test(type.trim())) return false;
    const owner = heldOwner(address);
    if (owner === undefined) return false;
    mark({ element: script, owner, kind: 'script', url: address, type, ordered: fromParser && !script.hasAttribute('async') });
    nativeSetAttribute.call(script, 'type', INERT_TYPE);
    return true;
  };

  /**
   * A frame or image whose `src` is held: the address waits in `data-src`. A frame also
   * becomes gated markup (`data-consent`, `data-service`), so the embeds add-on, when loaded,
   * shows its placeholder.
   */
  const holdMedia = (element: HTMLIFrameElement | HTMLImageElement, address: string) => {
    const owner = heldOwner(address);
    if (owner === undefined) return false;
    const frame = element.tagName === 'IFRAME';
    mark({ element, owner, kind: frame ? 'frame' : 'image', url: address });
    nativeSetAttribute.call(element, 'data-src', address);
    if (frame) {
      nativeSetAttribute.call(element, 'data-consent', currentRules().categoryOf(owner) || owner);
      nativeSetAttribute.call(element, 'data-service', owner);
    }
    return true;
  };

  /** An element found in the page or about to enter it (and what it contains). */
  const inspect = (node: unknown, fromParser = false) => {
    if (!node || typeof node != 'object' || !('nodeType' in node)) return;
    const { nodeType } = node as Node;
    if (nodeType !== 1 && nodeType !== 11) return;
    const root = node as Element | DocumentFragment;
    const found: Element[] = nodeType === 1 ? [root as Element] : [];
    if (root.firstElementChild) found.push(...root.querySelectorAll('script,iframe,img'));
    for (const element of found) {
      if (handled(element)) continue;
      const tag = element.tagName;
      const address = element.getAttribute('src');
      if (tag === 'SCRIPT') holdScript(element as HTMLScriptElement, address, fromParser);
      else if ((tag === 'IFRAME' || tag === 'IMG') && address && holdMedia(element as HTMLIFrameElement, address)) {
        // Found in the page: the request may have started; taking the address away stops what has not.
        element.removeAttribute('src');
      }
    }
  };

  /** Replace `owner[name]` (a method) with `wrap(native)`, keeping its flags, name and length. */
  const patchMethod = (owner: object | undefined, name: string, wrap: (native: Method) => Method) => {
    const descriptor = owner && Object.getOwnPropertyDescriptor(owner, name);
    if (!descriptor || typeof descriptor.value != 'function') return;
    const native = descriptor.value as Method;
    const replacement = wrap(native);
    Object.defineProperty(replacement, 'name', { value: native.name });
    Object.defineProperty(replacement, 'length', { value: native.length });
    Object.defineProperty(owner, name, { ...descriptor, value: replacement });
    natives.push(() => (owner as { [key: string]: unknown })[name] === replacement && Object.defineProperty(owner, name, descriptor));
  };

  /** A method that is not a constructor, as native methods are not (method syntax has no [[Construct]]). */
  const method = (name: string, body: Method): Method =>
    ({
      [name](this: unknown, ...args: unknown[]) {
        return body.apply(this, args);
      },
    })[name];

  /** Insertion methods: look at what is inserted first (`argument` picks it), then insert as the native does. */
  const patchInsertion = (owner: object, name: string, argument: number | 'all') =>
    patchMethod(owner, name, (native) =>
      method(name, function (this: unknown, ...args: unknown[]) {
        guard('autoBlock', () => (argument === 'all' ? args.forEach((node) => inspect(node)) : inspect(args[argument])));
        return native.apply(this, args);
      }),
    );
  for (const name of ['appendChild', 'insertBefore', 'replaceChild']) patchInsertion(Node.prototype, name, 0);
  for (const name of ['append', 'prepend', 'before', 'after', 'replaceWith']) patchInsertion(Element.prototype, name, 'all');
  patchInsertion(Element.prototype, 'insertAdjacentElement', 1);

  /** `src` as a property: a script is held before it can start, a frame or image before it requests. */
  const srcSetter = (element: Element, address: unknown): boolean => {
    if (!(element instanceof Element) || handled(element) || address == null) return false;
    const text = String(address);
    if (element.tagName === 'SCRIPT') return holdScript(element as HTMLScriptElement, text, false) && false;
    return holdMedia(element as HTMLImageElement, text);
  };
  for (const prototype of [HTMLScriptElement.prototype, HTMLIFrameElement.prototype, HTMLImageElement.prototype]) {
    const descriptor = Object.getOwnPropertyDescriptor(prototype, 'src');
    const nativeSet = descriptor && descriptor.set;
    if (!descriptor || !nativeSet) continue;
    const set = Object.getOwnPropertyDescriptor(
      {
        set src(value: unknown) {
          // `this` is the element (the accessor is called on it), typed here as the object literal's.
          const element = this as unknown as Element;
          if (!guard('autoBlock', () => srcSetter(element, value))) nativeSet.call(element, value);
        },
      },
      'src',
    )!.set!;
    Object.defineProperty(prototype, 'src', { ...descriptor, set });
    natives.push(() => Object.getOwnPropertyDescriptor(prototype, 'src')?.set === set && Object.defineProperty(prototype, 'src', descriptor));
  }
  patchMethod(Element.prototype, 'setAttribute', (native) =>
    method('setAttribute', function (this: unknown, ...args: unknown[]) {
      const element = this as Element;
      const isSrc =
        args.length > 1 &&
        typeof args[0] == 'string' &&
        args[0].toLowerCase() === 'src' &&
        element instanceof Element &&
        /^(SCRIPT|IFRAME|IMG)$/.test(element.tagName);
      if (isSrc && guard('autoBlock', () => srcSetter(element, args[1]))) return undefined;
      return native.apply(this, args);
    }),
  );

  // Calls: refused at once, never queued (a beacon sent later is one the visitor refused).
  patchMethod(window, 'fetch', (native) =>
    method('fetch', function (this: unknown, ...args: unknown[]) {
      if (guard('autoBlock', () => heldOwner(args[0]))) return Promise.reject(new TypeError('Failed to fetch'));
      return native.apply(this, args);
    }),
  );
  const xhr = typeof XMLHttpRequest != 'undefined' ? XMLHttpRequest.prototype : undefined;
  patchMethod(xhr, 'open', (native) =>
    method('open', function (this: unknown, ...args: unknown[]) {
      // A data: URL without a comma is a network error in every browser: the request fails as a
      // refused one does (an error event, status 0) and nothing leaves the page.
      if (args.length > 1 && guard('autoBlock', () => heldOwner(args[1]))) args[1] = 'data:';
      return native.apply(this, args);
    }),
  );
  patchMethod(typeof Navigator != 'undefined' ? Navigator.prototype : undefined, 'sendBeacon', (native) =>
    method('sendBeacon', function (this: unknown, ...args: unknown[]) {
      if (args.length && guard('autoBlock', () => heldOwner(args[0]))) return false;
      return native.apply(this, args);
    }),
  );

  // Elements the parser inserts, and any that came another way: seen before a parser-inserted
  // script runs (the parser performs a microtask checkpoint before it runs a script).
  const observer = new MutationObserver((records) => {
    for (const record of records) record.addedNodes.forEach((node) => inspect(node, true));
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true });

  /** Run or load what the grants now cover, in the order it was held. */
  const release = () => {
    const rulesNow = currentRules();
    for (const held of queue.filter((candidate) => rulesNow.isGranted(candidate.owner, grants))) {
      queue.splice(queue.indexOf(held), 1);
      const { element } = held;
      // Loaded meanwhile by other means (the embeds add-on's "Load video"): not loaded twice.
      if (element.getAttribute(STATE) !== 'blocked') continue;
      nativeSetAttribute.call(element, STATE, 'released');
      guard('autoBlock', () => {
        if (held.kind === 'script') {
          const script = element as HTMLScriptElement;
          if (held.type === null) script.removeAttribute('type');
          else nativeSetAttribute.call(script, 'type', held.type!);
          // Moved back in place, the same element runs (a script left inert never started).
          // The parser's scripts keep their order; the others run as inserted scripts do.
          const parent = script.parentNode;
          if (!parent) return;
          if (held.ordered) script.async = false;
          nativeInsertBefore.call(parent, script, script.nextSibling);
          return;
        }
        element.removeAttribute('data-src');
        if (held.kind === 'frame') {
          element.removeAttribute('data-consent');
          element.removeAttribute('data-service');
        }
        nativeSetAttribute.call(element, 'src', held.url);
      });
    }
  };

  const onGrants = (event: Event) => {
    const detail = (event as CustomEvent).detail as unknown;
    if (!isPlainObject(detail) || !isPlainObject(detail.categories) || !isPlainObject(detail.services)) return;
    grants = { categories: detail.categories as BlockGrants['categories'], services: detail.services as BlockGrants['services'] };
    release();
  };
  const events = ['ready', 'consent', 'change'].map((name) => 'consent-gate:' + name);
  for (const name of events) window.addEventListener(name, onGrants);

  const blocker: AutoBlocker = {
    held: () => queue.map((held) => held.element),
    stop() {
      observer.disconnect();
      for (const name of events) window.removeEventListener(name, onGrants);
      natives.splice(0).forEach((restore) => restore());
      delete page.__cgAutoBlocker;
    },
  };
  return (page.__cgAutoBlocker = blocker);
}
