import { h, render } from 'preact';
import type { ViewFactory, ViewName } from '../core/view';
import type { NormalizedService } from '../core/types';
import type { UiOptions } from './context';
import en from './i18n/en';
import { translator, type Translator } from './lib/translate';
import { rich, safeUrl, cookieLabel } from './lib/text';
import { CSS } from './styles';

/** Whether two elements' boxes overlap. */
const overlap = (a: Element, b: Element) => {
  const r = a.getBoundingClientRect();
  const q = b.getBoundingClientRect();
  return r.bottom > q.top && r.top < q.bottom && r.right > q.left && r.left < q.right;
};

/**
 * The Preact user interface: banner, preferences dialog and floating button in one shadow
 * root on a `<consent-gate>` element placed first in `<body>`, so the banner is the first
 * Tab stop. Plain render functions and one closure for state: no hooks, no components.
 */
export const preactView: ViewFactory = (i, notify) => {
  const d = document;
  const o: UiOptions = { layout: 'box', floatingButton: true, ...i.config.ui };
  const was: { [view: string]: boolean | undefined } = {};
  let host: HTMLElement | undefined;
  let root: ShadowRoot;
  let banner: boolean | undefined;
  let prefs: boolean | undefined;
  /** Move the banner to the other edge (WCAG 2.4.11, see onFocus). */
  let flip = false;
  let opener: HTMLElement | null | undefined;
  let inert: HTMLElement[] = [];
  let dead: boolean | undefined;
  /** The dialog's working copy of the choice. */
  let cats: { [key: string]: boolean };
  let svcs: { [key: string]: boolean };
  let t: Translator['t'];
  let x: Translator['x'];

  /** Open the preferences from a control, returning focus to it on close. */
  const open = (el: HTMLElement) => {
    opener = el;
    i.showPreferences();
  };

  /** What the choice buttons do, by the key of their text. */
  const act: { [key: string]: (e: Event) => void } = {
    acceptAll: () => i.acceptAll(),
    rejectAll: () => i.rejectAll(),
    manage: (e) => open(e.currentTarget as HTMLElement),
    save: () => i.set(cats, svcs),
  };

  /**
   * A row of choice buttons. Every one looks the same: accepting and refusing have equal
   * prominence. (No `type`: there is no form to submit.)
   */
  const choices = (...keys: string[]) => h('div', { class: 'cg-a' }, keys.map((k) => h('button', { part: 'button', onClick: act[k] }, t(k))));

  /** A link to a privacy policy, when the URL is set and safe. */
  const policy = (url?: string) => url && safeUrl(url) && [' ', h('a', { href: url }, t('privacyPolicy'))];

  /**
   * A category's text from the translations, unless the key names one of the UI's own texts
   * (a category keyed `title` must not borrow the banner's title).
   */
  const catText = (key: string) => (key in en && !/^(necessary|preferences|analytics|marketing)(Text)?$/.test(key) ? '' : t(key));

  /** A switch: a checkbox with role `switch`, named by its `<label>`, described by the paragraph `id`d. */
  const toggle = (id: string, label: string, checked: boolean, disabled: boolean, set: (on: boolean) => void, note?: string | false) =>
    h(
      'div',
      { class: 'cg-row' },
      h('label', { for: id }, label),
      note && h('span', null, note),
      h('input', {
        id,
        type: 'checkbox',
        part: 'switch',
        'aria-describedby': id + 'd',
        onChange: (e: Event) => {
          set((e.currentTarget as HTMLInputElement).checked);
          draw();
        },
        role: 'switch',
        checked,
        disabled,
      }),
    );

  const service = (s: NormalizedService, required: boolean) => {
    const id = 'cg-s-' + s.key;
    const desc = x(s.description);
    return h(
      'div',
      { class: 'cg-sv' },
      toggle(id, x(s.title) || s.key, required || svcs[s.key]!, required, (on) => {
        svcs[s.key] = on;
        if (on) cats[s.category] = true;
      }),
      h('p', { id: id + 'd' }, s.provider, policy(s.privacyPolicyUrl)),
      desc && h('p', null, rich(desc)),
      s.cookies.length > 0 &&
        h(
          'table',
          null,
          h('tr', null, ['name', 'provider', 'purpose', 'lifetime'].map((k) => h('th', null, t(k)))),
          s.cookies.map((k) => h('tr', null, [cookieLabel(k.name), k.provider || s.provider, x(k.purpose), x(k.lifetime)].map((v) => h('td', null, v)))),
        ),
    );
  };

  /** The first layer: a labelled region (not modal unless `blocking`) with the three choices. */
  const Banner = () =>
    h(
      'section',
      {
        class: `cg-${o.layout}${o.position == 'left' ? ' cg-left' : ''}${(o.position == 'top') != flip ? ' cg-top' : ''}${o.blocking ? ' cg-k' : ''}`,
        onKeyDown: o.blocking && trap,
        'aria-labelledby': 'cg-bt',
        part: 'banner',
      },
      h('h2', { id: 'cg-bt' }, t('title')),
      i.get().stale && h('p', null, rich(t('updated'))),
      h('p', null, rich(t('text')), policy(i.config.privacyPolicyUrl)),
      choices('acceptAll', 'rejectAll', 'manage'),
    );

  /**
   * The second layer: a modal `<dialog>` (role, aria-modal, label, description from the
   * platform) with one switch per category, its services and their cookies. It starts from
   * the stored state, so nothing optional is on before the visitor turns it on.
   */
  const Dialog = () => {
    const { categories, services } = i.config;
    return h(
      'dialog',
      { part: 'dialog', onKeyDown: trap, 'aria-labelledby': 'cg-dt', onCancel: close, 'aria-describedby': 'cg-dd' },
      h('div', { class: 'cg-h' }, h('h2', { id: 'cg-dt' }, t('prefsTitle')), h('button', { class: 'cg-x', onClick: close, 'aria-label': t('close') }, '×')),
      h('p', { id: 'cg-dd' }, rich(t('prefsText')), policy(i.config.privacyPolicyUrl)),
      i.get().gpc && h('p', { class: 'cg-n' }, rich(t('gpc'))),
      categories.map((k) => {
        const id = 'cg-c-' + k.key;
        const own = services.filter((s) => s.category == k.key);
        return h(
          'div',
          { class: 'cg-c' },
          toggle(
            id,
            x(k.title) || catText(k.key) || k.key,
            k.required || cats[k.key]!,
            k.required,
            (on) => {
              cats[k.key] = on;
              for (const s of own) svcs[s.key] = on;
            },
            k.required && t('alwaysOn'),
          ),
          h('p', { id: id + 'd' }, rich(x(k.description) || catText(k.key + 'Text'))),
          own.length > 0 && h('details', null, h('summary', null, t('details')), own.map((s) => service(s, k.required))),
        );
      }),
      choices('save', 'acceptAll', 'rejectAll'),
    );
  };

  /**
   * Mounts on first use, and puts the host back first in `<body>` when the page replaced
   * `<body>` (Turbo, pjax, SPA routers). Does nothing before `<body>` exists or after `destroy()`.
   */
  const draw = () => {
    const b = d.body;
    if (dead || !b) return;
    if (!host) {
      host = d.createElement('consent-gate');
      host.dataset.theme = o.theme || 'auto';
      root = host.attachShadow({ mode: 'open' });
      // A constructed stylesheet needs no CSP nonce and no Trusted Types. Where it is missing
      // (Safari < 16.4) the UI still works, unstyled.
      try {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(CSS);
        root.adoptedStyleSheets = [sheet];
      } catch {
        /* unstyled */
      }
    }
    if (host.parentNode != b) {
      b.prepend(host);
      // A dialog taken out of the document is no longer modal: open it again below.
      root.querySelector('dialog')?.close();
    }
    const tr = translator(i);
    t = tr.t;
    x = tr.x;
    render(
      h(
        'div',
        { class: 'cg-r', lang: tr.lang, dir: tr.rtl ? 'rtl' : 'ltr' },
        // Reopens the preferences once the banner is gone. Its visible text is its accessible name.
        banner ? Banner() : o.floatingButton && h('button', { part: 'floating-button', onClick: act.manage, class: `cg-f${o.floatingButton == 'right' ? ' cg-fr' : ''}` }, t('settings')),
        prefs && Dialog(),
      ),
      root,
    );
    // `blocking`: the rest of the page is inert until the visitor decides.
    for (const el of inert) el.inert = false;
    inert = banner && o.blocking ? ([...b.children] as HTMLElement[]).filter((el) => el != host && !el.inert) : [];
    for (const el of inert) el.inert = true;
    const dialog = root.querySelector('dialog');
    // showModal() focuses the first control (the close button) and makes the rest inert.
    if (dialog && !dialog.open) dialog.showModal();
    // Report what is really on screen, so `show`/`hide` events match it.
    const now = { banner, preferences: prefs } as typeof was;
    for (const v in now) if (!was[v] != !now[v]) notify((was[v] = now[v]) ? 'show' : 'hide', v as ViewName);
  };

  /**
   * Focus the opener of the dialog if it is still there and takes focus, else the banner's
   * first button, else the floating button (never both on screen); else leave focus where the
   * browser put it. An opener that contains `<body>` is no opener: nothing had focus (or
   * `<body>` did not exist yet). One taken out of the page does not take focus.
   */
  const refocus = () => {
    for (const el of [opener, root?.querySelector('section button,.cg-f')] as HTMLElement[])
      if (el && !el.contains(d.body) && (el.focus(), (el.getRootNode() as Document).activeElement == el)) break;
    opener = null;
  };

  /** Close the dialog without deciding (Escape, the close button, `hide()`), and move focus back. */
  function close(e?: Event) {
    e?.preventDefault();
    const was = prefs;
    prefs = false;
    draw();
    if (was) refocus();
    opener = null;
  }

  /** Keep Tab inside the dialog (and the banner when blocking): its first and last controls, never inside a closed <details>. */
  function trap(e: KeyboardEvent) {
    const b = (e.currentTarget as HTMLElement).querySelectorAll<HTMLElement>('a[href],button');
    const first = b[0]!;
    const last = b[b.length - 1]!;
    if (e.key == 'Tab' && root.activeElement == (e.shiftKey ? first : last)) {
      e.preventDefault();
      (e.shiftKey ? last : first).focus();
    }
  }

  const onClick = (e: Event) => {
    const el = (e.target as Element).closest?.<HTMLElement>('[data-consent-open]');
    if (el) {
      e.preventDefault();
      open(el);
    }
  };

  // WCAG 2.4.11: a page element that takes focus must not stay behind the banner. Scroll it
  // clear; where the page cannot scroll that far, move the banner to the other edge.
  const onFocus = (e: Event) => {
    const s = banner && root.querySelector('section');
    const el = e.target as HTMLElement;
    if (s && el != host && overlap(el, s)) {
      el.scrollIntoView({ block: 'center', behavior: 'instant' });
      if (overlap(el, s)) {
        flip = !flip;
        draw();
      }
    }
  };

  // Mounted while <body> is still being parsed: `blocking` must also cover what follows.
  const listeners = [
    ['click', onClick],
    ['focusin', onFocus],
    ['DOMContentLoaded', draw],
  ] as const;
  for (const [type, fn] of listeners) d.addEventListener(type, fn);
  // The script runs in <head>: mount the moment <body> exists, not later at DOMContentLoaded.
  // Kept until destroy(): a page that replaces <body> gets the UI back at once.
  const mo = new MutationObserver(draw);
  mo.observe(d.documentElement, { childList: true });
  draw();

  return {
    show(v) {
      if (v == 'banner') banner = true;
      else if (!prefs) {
        ({ categories: cats, services: svcs } = i.get());
        opener ||= d.activeElement as HTMLElement;
        prefs = true;
      }
      draw();
    },
    hide() {
      banner = false;
      close();
    },
    refresh: draw,
    destroy() {
      banner = prefs = false;
      draw();
      dead = true;
      mo.disconnect();
      for (const [type, fn] of listeners) d.removeEventListener(type, fn);
      if (host) {
        render(null, root);
        host.remove();
      }
      // Focus goes back to the opener of a dialog that was open, if it is still on the page.
      refocus();
    },
  };
};
