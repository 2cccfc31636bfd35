import type { Integration } from '../core/view';
import type { NormalizedService } from '../core/types';
import { findService } from './lib/find-service';
import { parseRule, type ConsentRule } from '../core/rules/parse-rule';
import { answersFrom, ruleHolds, type ConsentAnswers } from '../core/rules/rule-holds';
import { dictionaryText, localizedText, registeredTranslations, textLanguage, type DictionariesByLanguage } from '../core/rules/resolve-text';
import { isWellKnownCategory, type WellKnownCategory } from '../core/rules/well-known-categories';
import { warn } from '../core/lib/log';

/** Placeholder texts. `{service}`, `{kind}` and `{category}` are filled in. */
export interface EmbedTexts {
  /** @default 'This {service} {kind} is blocked until you allow {category} cookies.' */
  embedBlocked: string;
  /** @default 'Load {kind}' */
  embedLoad: string;
  /** @default 'Always allow {service}' */
  embedAlways: string;
  /** @default '{service} privacy policy' */
  embedPolicy: string;
  embedVideo: string;
  embedMap: string;
  embedContent: string;
}

export interface EmbedOptions {
  /** Texts per language code, over the English defaults. `config.translations` keys of the same names work too. */
  texts?: { [language: string]: Partial<EmbedTexts> };
}

const EN: EmbedTexts = {
  embedBlocked: 'This {service} {kind} is blocked until you allow {category} cookies.',
  embedLoad: 'Load {kind}',
  embedAlways: 'Always allow {service}',
  embedPolicy: '{service} privacy policy',
  embedVideo: 'video',
  embedMap: 'map',
  embedContent: 'content',
};

/** Built-in English titles of the well-known categories, when no translation is loaded (the same as the UI's). */
const CATEGORY_TITLES: { [key in WellKnownCategory]: string } = {
  necessary: 'Strictly necessary',
  preferences: 'Preferences',
  analytics: 'Analytics',
  marketing: 'Marketing',
};

/** Embed hosts the placeholder can name without a `data-service`: [host pattern, preset, title, kind]. */
const HOSTS: [RegExp, string, string, keyof EmbedTexts][] = [
  [/(^|\.)(youtube(-nocookie)?\.com|youtu\.be)$/, 'youtube', 'YouTube', 'embedVideo'],
  [/(^|\.)vimeo\.com$/, 'vimeo', 'Vimeo', 'embedVideo'],
  [/(^|\.)google\.[a-z.]+$/, 'google-maps', 'Google Maps', 'embedMap'],
];

/**
 * Rules for the placeholder. Plain CSS in a constructable stylesheet (or a `<style>` with the
 * config nonce where those are missing), so it works under a strict CSP; no style attributes.
 * Colours meet 4.5:1 in light and dark; `--cg-embed-*` properties let a site restyle it.
 */
const CSS = `.cg-embed{box-sizing:border-box;display:flex;flex-direction:column;justify-content:center;align-items:flex-start;gap:.75em;width:100%;max-width:100%;min-height:10em;padding:1em 1.25em;border:1px solid var(--cg-embed-border,#6b7280);border-radius:8px;background:var(--cg-embed-bg,#f3f4f6);color:var(--cg-embed-fg,#111827);font:inherit;line-height:1.4}
.cg-embed p{margin:0}
.cg-embed__actions{display:flex;flex-wrap:wrap;gap:.5em}
.cg-embed button{min-height:2.75em;padding:.5em 1em;border:2px solid var(--cg-embed-accent,#1f2937);border-radius:6px;background:var(--cg-embed-accent,#1f2937);color:var(--cg-embed-on-accent,#fff);font:inherit;cursor:pointer}
.cg-embed button+button{background:transparent;color:var(--cg-embed-accent,#1f2937)}
.cg-embed a{color:var(--cg-embed-link,#1d4ed8)}
.cg-embed button:focus-visible,.cg-embed a:focus-visible{outline:3px solid var(--cg-embed-focus,#2563eb);outline-offset:2px}
.cg-embed+iframe[hidden]{display:none!important}
@media (prefers-color-scheme:dark){.cg-embed{--cg-embed-border:#9ca3af;--cg-embed-bg:#1f2937;--cg-embed-fg:#f9fafb;--cg-embed-accent:#f9fafb;--cg-embed-on-accent:#111827;--cg-embed-link:#93c5fd;--cg-embed-focus:#93c5fd}}`;

type Sheet = { insertRule(rule: string): number };

/** Install the stylesheet once per document; returns a sheet that takes per-size rules. */
function installStyles(doc: Document, nonce: string): Sheet | null {
  const installed = doc as Document & { __cgEmbedSheet?: Sheet | null };
  if (installed.__cgEmbedSheet !== undefined) return installed.__cgEmbedSheet;
  let sheet: Sheet | null = null;
  try {
    const Ctor = doc.defaultView && (doc.defaultView as unknown as { CSSStyleSheet: typeof CSSStyleSheet }).CSSStyleSheet;
    if (Ctor && 'adoptedStyleSheets' in doc && 'replaceSync' in Ctor.prototype) {
      const constructed = new Ctor();
      constructed.replaceSync(CSS);
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, constructed];
      sheet = constructed;
    }
  } catch {
    sheet = null;
  }
  if (!sheet) {
    const style = doc.createElement('style');
    if (nonce) style.nonce = nonce;
    style.textContent = CSS;
    doc.head.appendChild(style);
    sheet = style.sheet;
  }
  return (installed.__cgEmbedSheet = sheet);
}

/** The host of a URL, or '' for something unparsable. */
function hostOf(src: string): string {
  try {
    return new URL(src, location.href).hostname;
  } catch {
    return '';
  }
}

/**
 * Embed placeholders: each gated `<iframe data-consent data-src>` whose rule does not hold
 * gets an accessible placeholder in its place ("This YouTube video is blocked until you allow
 * Marketing cookies." with "Load video" and "Always allow YouTube"). "Load video" loads that
 * one iframe and stores nothing. "Always allow YouTube" grants that service only
 * (`set({}, { youtube: true })`): the iframes gated on it (`data-service`) load, while
 * Marketing stays refused and markup gated on the category alone keeps waiting for it
 * (see README#embeds). So the button shows only where granting the service is enough for
 * that iframe. Not in the default bundle: add it with
 * `createConsent(config, { integrations: [embeds] })` or load `dist/consent-gate.embeds.js`.
 */
export function createEmbeds(options: EmbedOptions = {}): Integration {
  return (instance) => {
    if (typeof document == 'undefined' || typeof window == 'undefined') return;
    const doc = document;
    const { config } = instance;
    /** Each placeholder shown, and why its iframe waits (what `reasonOf` says), to rebuild it when that changes. */
    const placeholders = new Map<HTMLIFrameElement, { element: HTMLElement; reason: string }>();
    let sheet: Sheet | null = null;
    const sizes = new Set<string>();
    let uid = 0;
    /** Services already named in a "give this iframe its data-service" warning. */
    const warned = new Set<string>();
    const embedTexts = [options.texts as DictionariesByLanguage | undefined, config.translations];

    /**
     * The language the placeholders are written in: the instance's, or a fallback that has
     * embed texts (English when none does). Category and service titles follow it, so a
     * sentence is never half English, half German.
     */
    const language = () => textLanguage(instance.language, embedTexts);

    const text = (key: keyof EmbedTexts, vars: { [name: string]: string } = {}) => {
      const template = dictionaryText(key, instance.language, embedTexts) ?? EN[key];
      return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => (name in vars ? vars[name] : placeholder));
    };

    /** A category's own title, else (for a well-known key) the translations' one, else English, else its key. */
    const categoryTitle = (key: string) => {
      const category = config.categories.find((candidate) => candidate.key === key);
      const translated = isWellKnownCategory(key) && (dictionaryText(key, language(), [config.translations, registeredTranslations()]) || CATEGORY_TITLES[key]);
      return localizedText(category && category.title, language()) || translated || key;
    };

    /** The service behind an iframe: its `data-service`, else the configured preset its host belongs to. */
    const describe = (el: HTMLIFrameElement, rule: ConsentRule) => {
      const host = hostOf(el.getAttribute('data-src') || '');
      const known = HOSTS.find(([pattern]) => pattern.test(host));
      const service: NormalizedService | undefined = rule.service
        ? config.services.find((candidate) => candidate.key === rule.service)
        : known
          ? findService(instance, known[1])
          : undefined;
      const title = localizedText(service && service.title, language()) || (known && known[2]) || host || text('embedContent');
      return { service, title, kind: text(known ? known[3] : 'embedContent') };
    };

    /** The gate's answers for the state in force now. */
    const currentAnswers = (): ConsentAnswers => {
      const snapshot = instance.get();
      return answersFrom(config, () => snapshot);
    };

    /**
     * The iframe's rule and the categories it waits for; null when its rule holds or it is
     * not a blockable embed. A rule with `!category` is a fallback for a refusal, not content
     * waiting for consent.
     */
    const blockedBy = (el: HTMLIFrameElement) => {
      // An iframe auto-blocking holds ("blocked") waits like gated markup; any other state has loaded.
      const state = el.getAttribute('data-consent-state');
      if (!el.hasAttribute('data-src') || (state !== null && state !== 'blocked')) return null;
      const rule = parseRule(el.getAttribute('data-consent'), el.getAttribute('data-service'));
      if (!rule.granted.length || rule.refused.length) return null;
      const answers = currentAnswers();
      if (ruleHolds(rule, answers)) return null;
      const ownCategory = rule.service && answers.serviceGranted(rule.service) ? answers.categoryOfService(rule.service) : undefined;
      const missing = rule.granted.filter((key) => key !== ownCategory && !answers.categoryGranted(key));
      return { rule, missing };
    };

    /**
     * Whether "Always allow" may be offered: the iframe is gated on that very service, and
     * granting it alone would let the iframe load (no other category it names is missing).
     */
    const grantingLoads = (rule: ConsentRule, service: NormalizedService) => {
      const answers = currentAnswers();
      return (
        rule.service === service.key && ruleHolds(rule, { ...answers, serviceGranted: (key) => (key === service.key ? true : answers.serviceGranted(key)) })
      );
    };

    /** Give the placeholder the iframe's size (a rule per size in the sheet: no style attributes under a strict CSP). */
    const sizeRule = (el: HTMLIFrameElement, ph: HTMLElement) => {
      const width = el.getAttribute('width');
      const height = el.getAttribute('height');
      if (!width || !/^\d{1,5}$/.test(width)) return;
      const size = height && /^\d{1,5}$/.test(height) ? `${width}x${height}` : width;
      ph.setAttribute('data-cg-size', size);
      if (sizes.has(size) || !sheet) return;
      sizes.add(size);
      const ratio = size.includes('x') ? `;aspect-ratio:${width}/${height}` : '';
      try {
        sheet.insertRule(`.cg-embed[data-cg-size="${size}"]{width:${width}px${ratio}}`);
      } catch {
        /* a sheet that refuses a rule leaves the default size */
      }
    };

    const remove = (el: HTMLIFrameElement) => {
      const ph = placeholders.get(el)?.element;
      if (!ph) return;
      placeholders.delete(el);
      const hadFocus = ph.contains(doc.activeElement);
      ph.remove();
      el.hidden = false;
      if (hadFocus && el.isConnected) el.focus();
    };

    /** Load this one iframe now, as the gate would, without storing any consent. */
    const loadOnce = (el: HTMLIFrameElement) => {
      el.setAttribute('data-consent-state', 'loaded-once');
      for (const name of ['srcset', 'src']) {
        const value = el.getAttribute(`data-${name}`);
        if (value !== null) {
          el.setAttribute(name, value);
          el.removeAttribute(`data-${name}`);
        }
      }
      remove(el);
    };

    /** "Always allow": grant this one service; its category and the other services in it stay as they are. */
    const allow = (service: NormalizedService) => instance.set({}, { [service.key]: true });

    const button = (label: string, onClick: () => void) => {
      const control = doc.createElement('button');
      control.type = 'button';
      control.textContent = label;
      control.addEventListener('click', onClick);
      return control;
    };

    /**
     * What a placeholder says and offers: the categories it names and whether "Always allow"
     * would load the iframe. A decision that changes either rebuilds the placeholder.
     */
    const reasonOf = (el: HTMLIFrameElement, rule: ConsentRule, missing: string[]) => {
      const { service } = describe(el, rule);
      return JSON.stringify([missing, !!service && grantingLoads(rule, service)]);
    };

    const mount = (el: HTMLIFrameElement, rule: ConsentRule, missing: string[]) => {
      const { service, title, kind } = describe(el, rule);
      sheet = sheet || installStyles(doc, config.nonce);
      const ph = doc.createElement('div');
      ph.className = 'cg-embed';
      ph.setAttribute('role', 'group');
      ph.lang = language();
      const msg = doc.createElement('p');
      msg.id = `cg-embed-${++uid}-${Math.random().toString(36).slice(2, 7)}`;
      const waitingFor = missing.length ? missing : rule.granted;
      msg.textContent = text('embedBlocked', { service: title, kind, category: waitingFor.map(categoryTitle).join(', ') });
      ph.setAttribute('aria-labelledby', msg.id);
      const actions = doc.createElement('div');
      actions.className = 'cg-embed__actions';
      actions.append(button(text('embedLoad', { kind, service: title }), () => loadOnce(el)));
      if (service && grantingLoads(rule, service)) actions.append(button(text('embedAlways', { service: title, kind }), () => allow(service)));
      else if (service && !rule.service && !warned.has(service.key)) {
        warned.add(service.key);
        warn(
          `embeds: an iframe from ${hostOf(el.getAttribute('data-src') || '')} has no data-service; add data-service="${service.key}" so "${text('embedAlways', { service: title, kind })}" can allow it.`,
        );
      }
      ph.append(msg, actions);
      const policy = service && service.privacyPolicyUrl;
      if (policy && /^https?:/i.test(policy)) {
        const paragraph = doc.createElement('p');
        const link = doc.createElement('a');
        link.href = policy;
        link.rel = 'noopener noreferrer';
        link.target = '_blank';
        link.textContent = text('embedPolicy', { service: title, kind });
        paragraph.append(link);
        ph.append(paragraph);
      }
      sizeRule(el, ph);
      el.parentNode!.insertBefore(ph, el);
      el.hidden = true;
      placeholders.set(el, { element: ph, reason: reasonOf(el, rule, missing) });
    };

    /** Match placeholders to the iframes that are blocked now. */
    const sync = () => {
      for (const [el, { reason }] of [...placeholders]) {
        const blocked = el.isConnected && blockedBy(el);
        if (!blocked || reasonOf(el, blocked.rule, blocked.missing) !== reason) remove(el);
      }
      doc.querySelectorAll<HTMLIFrameElement>('iframe[data-consent][data-src]').forEach((el) => {
        const blocked = !placeholders.has(el) && el.parentNode && blockedBy(el);
        if (blocked) mount(el, blocked.rule, blocked.missing);
      });
    };

    const observer = new MutationObserver((records) => {
      // Placeholders coming and going are this add-on's own doing: only other elements call for a sync.
      const isOther = (node: Node) => node.nodeType === 1 && !(node as Element).classList.contains('cg-embed');
      if (records.some((record) => [...record.addedNodes, ...record.removedNodes].some(isOther))) sync();
    });
    observer.observe(doc.documentElement, { childList: true, subtree: true });
    /** A new language: placeholders are built again in it. */
    const relabel = () => {
      for (const el of [...placeholders.keys()]) remove(el);
      sync();
    };
    const offs = [instance.on('consent', sync), instance.on('change', sync), instance.on('language', relabel)];
    if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', sync, { once: true });
    sync();

    return () => {
      observer.disconnect();
      offs.forEach((off) => off());
      doc.removeEventListener('DOMContentLoaded', sync);
      for (const el of [...placeholders.keys()]) remove(el);
    };
  };
}

/** Embed placeholders with the English texts (and `config.translations`). */
export const embeds: Integration = createEmbeds();
