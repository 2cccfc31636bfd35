import { h, render } from 'preact';
import type { ViewFactory, ViewName } from '../core/view';
import type { Ctx, UiOptions } from './context';
import { Banner } from './Banner';
import { PreferencesDialog } from './PreferencesDialog';
import { FloatingButton } from './FloatingButton';
import { translator } from './lib/translate';
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
  const was: { [view: string]: boolean } = {};
  let host: HTMLElement | undefined;
  let root: ShadowRoot;
  let banner = false;
  let prefs = false;
  let opener: HTMLElement | null = null;
  let inert: HTMLElement[] = [];
  let dead = false;

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
      b.insertBefore(host, b.firstChild);
      // A dialog taken out of the document is no longer modal: open it again below.
      root.querySelector('dialog')?.close();
    }
    Object.assign(c, translator(i));
    const block = banner && o.blocking;
    render(
      h(
        'div',
        { class: 'cg-r', lang: c.lang, dir: c.rtl ? 'rtl' : 'ltr' },
        banner ? Banner(c) : o.floatingButton && FloatingButton(c),
        prefs && PreferencesDialog(c),
      ),
      root,
    );
    // `blocking`: the rest of the page is inert until the visitor decides.
    for (const el of inert) el.inert = false;
    inert = block ? ([...b.children] as HTMLElement[]).filter((el) => el != host && !el.inert) : [];
    for (const el of inert) el.inert = true;
    const dialog = root.querySelector('dialog');
    if (dialog && !dialog.open) {
      // showModal() focuses the first control (the close button) and makes the rest inert.
      dialog.showModal();
    }
    // Report what is really on screen, so `show`/`hide` events match it.
    const now: { [view: string]: boolean } = { banner, preferences: prefs };
    for (const v in now) if (!was[v] != !now[v]) notify((was[v] = now[v]!) ? 'show' : 'hide', v as ViewName);
  };

  /**
   * Focus the opener of the dialog if it is still there and takes focus, else the banner's
   * first button, else the floating button; else leave focus where the browser put it. An
   * opener that contains `<body>` is no opener: nothing had focus (or `<body>` did not exist yet).
   */
  const refocus = () => {
    for (const el of [opener, root?.querySelector('section button'), root?.querySelector('.cg-f')] as HTMLElement[])
      if (el?.isConnected && !el.contains(d.body) && (el.focus(), (el.getRootNode() as Document).activeElement == el)) break;
    opener = null;
  };

  /** Close the dialog without deciding, and move focus back. */
  const close = () => {
    if (prefs) {
      prefs = false;
      draw();
      refocus();
    }
    opener = null;
  };

  const c = {
    i,
    o,
    flip: false,
    up: draw,
    open(e: Event) {
      opener = e.currentTarget as HTMLElement;
      i.showPreferences();
    },
    close(e: Event) {
      e.preventDefault();
      close();
    },
    save: () => i.set(c.cats, c.svcs),
    trap(e: KeyboardEvent) {
      // The first and last controls: never inside a closed <details>.
      const b = (e.currentTarget as HTMLElement).querySelectorAll<HTMLElement>('a[href],button');
      const first = b[0]!;
      const last = b[b.length - 1]!;
      const a = root.activeElement;
      if (e.key == 'Tab' && a == (e.shiftKey ? first : last)) {
        e.preventDefault();
        (e.shiftKey ? last : first).focus();
      }
    },
  } as Ctx;

  const onClick = (e: Event) => {
    const el = (e.target as Element).closest?.<HTMLElement>('[data-consent-open]');
    if (el) {
      e.preventDefault();
      opener = el;
      i.showPreferences();
    }
  };

  // WCAG 2.4.11: a page element that takes focus must not stay behind the banner. Scroll it
  // clear; where the page cannot scroll that far, move the banner to the other edge.
  const onFocus = (e: Event) => {
    const b = banner && root.querySelector('section');
    const el = e.target as HTMLElement;
    if (b && el != host && overlap(el, b)) {
      el.scrollIntoView({ block: 'center', behavior: 'instant' });
      if (overlap(el, b)) {
        c.flip = !c.flip;
        draw();
      }
    }
  };

  d.addEventListener('click', onClick);
  d.addEventListener('focusin', onFocus);
  // Mounted while <body> is still being parsed: `blocking` must also cover what follows.
  d.addEventListener('DOMContentLoaded', draw);
  // The script runs in <head>: mount the moment <body> exists, not later at DOMContentLoaded.
  // Kept until destroy(): a page that replaces <body> gets the UI back at once.
  const mo = new MutationObserver(draw);
  mo.observe(d.documentElement, { childList: true });
  draw();

  return {
    show(v) {
      if (v == 'banner') banner = true;
      else if (!prefs) {
        ({ categories: c.cats, services: c.svcs } = i.get());
        opener ||= d.activeElement as HTMLElement;
        prefs = true;
      }
      draw();
    },
    hide() {
      banner = false;
      draw();
      close();
    },
    refresh: draw,
    destroy() {
      banner = prefs = false;
      draw();
      dead = true;
      mo.disconnect();
      d.removeEventListener('click', onClick);
      d.removeEventListener('focusin', onFocus);
      d.removeEventListener('DOMContentLoaded', draw);
      if (host) render(null, root);
      host?.remove();
      host = undefined;
      // Focus goes back to the opener of a dialog that was open, if it is still on the page.
      refocus();
    },
  };
};
