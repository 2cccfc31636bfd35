import type { ConsentInstance } from '../../core/types';
import type { UiOptions } from '../context';
import { guard } from '../../core/lib/log';
import { createTranslator, type Translator } from '../lib/translate';
import { overlaps, trapTab } from '../lib/focus';
import shellEnglish from '../i18n/en-shell';
import SHELL_CSS from '../styles/shell.css?inline';
import BANNER_CSS from '../styles/banner.css?inline';
import { createBanner, type BannerAction } from './banner';
import { privacyChoicesIcon } from './privacy-choices-icon';

/**
 * What the engine renders itself, without Preact, on the page views that need it: the
 * `<consent-gate>` host with its shadow root, the banner (the first visit must see it at
 * first paint, so it never waits for a second file), the floating "Cookie settings" button
 * and the `[data-consent-open]` links. The preferences dialog (the panels) renders into
 * `container` once its code has loaded.
 */
export interface Shell {
  /** The shadow root, for the panels' stylesheet and focus queries. */
  readonly root: ShadowRoot;
  /** Where the panels render. */
  readonly container: HTMLElement;
  /** The UI options with their defaults applied. */
  readonly options: UiOptions;
  /** The control that opened the preferences (a `[data-consent-open]` element, the floating button, the page's focus), if any. */
  opener: HTMLElement | null | undefined;
  /** Texts in the instance's language, with `english` as the last fallback. */
  texts(english: { [key: string]: string }): Translator;
  /**
   * Put the host first in `<body>` (creating it on first use). Returns false before
   * `<body>` exists and after `destroy()`.
   */
  mount(): boolean;
  /** Show or hide the banner. The floating button shows while the banner does not. */
  setBanner(shown: boolean): void;
  /**
   * Where focus goes when the dialog closes and its opener is gone: the banner's first
   * button, else the floating button (never both on screen).
   */
  focusFallbacks(): (HTMLElement | null | undefined)[];
  /** Called after every redraw (state, language or a re-inserted host). */
  onRedraw(listener: () => void): void;
  /** Add the banner's stylesheet (the card look the dialog shares), once. */
  adoptCardStyles(): void;
  /** Redraw: the state or the language changed. */
  refresh(): void;
  destroy(): void;
}

/**
 * @param openPreferences what the floating button, the banner's "Manage preferences" and
 *   `[data-consent-open]` links do
 * @param notify reports the banner appearing and going, so `show`/`hide` events match the screen
 */
export function createShell(
  instance: ConsentInstance,
  openPreferences: (opener: HTMLElement) => void,
  notify: (event: 'show' | 'hide', view: 'banner') => void,
): Shell {
  const doc = document;
  const options: UiOptions = { layout: 'box', floatingButton: true, ...instance.config.ui };
  let host: HTMLElement | undefined;
  let root: ShadowRoot | undefined;
  /** The one element with lang and dir, holding the banner, the panels and the floating button. */
  let wrapper: HTMLElement | undefined;
  let container: HTMLElement | undefined;
  let banner: HTMLElement | null = null;
  /** What the banner on screen was built from: rebuilt only when it changes, so focus stays put. */
  let bannerKey = '';
  let floatingButton: HTMLButtonElement | null = null;
  let bannerShown = false;
  /** Whether the banner was last reported shown. */
  let bannerReported = false;
  /** The banner moved to the other edge (WCAG 2.4.11, see onFocus). */
  let flipped = false;
  let inertElements: HTMLElement[] = [];
  let destroyed = false;
  const redrawListeners: (() => void)[] = [];

  let cardStylesAdopted = false;

  /** Add a constructed stylesheet: no CSP nonce, no Trusted Types. Without support (Safari < 16.4) the UI works unstyled. */
  const adopt = (css: string) =>
    guard('stylesheet', () => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      root!.adoptedStyleSheets = [...root!.adoptedStyleSheets, sheet];
    });

  const createHost = () => {
    host = doc.createElement('consent-gate');
    host.dataset.theme = options.theme || 'auto';
    root = host.attachShadow({ mode: 'open' });
    adopt(SHELL_CSS);
    wrapper = doc.createElement('div');
    wrapper.className = 'cg-r';
    container = doc.createElement('div');
    wrapper.append(container);
    root.append(wrapper);
  };

  const bannerActions: BannerAction[] = [
    { label: 'acceptAll', onClick: () => instance.acceptAll() },
    { label: 'rejectAll', onClick: () => instance.rejectAll() },
    { label: 'manage', onClick: (event) => openPreferences(event.currentTarget as HTMLElement) },
  ];

  const drawBanner = (texts: Translator) => {
    const stale = bannerShown && instance.get().stale;
    const key = bannerShown
      ? [texts.lang, stale, flipped, ...bannerActions.map((action) => texts.t(action.label)), texts.t('title'), texts.t('text')].join('\n')
      : '';
    if (key === bannerKey) return;
    bannerKey = key;
    // Focus inside the old banner moves to the same button of the new one.
    const focusedIndex = banner ? [...banner.querySelectorAll('button')].indexOf(root!.activeElement as HTMLButtonElement) : -1;
    if (bannerShown) shell.adoptCardStyles();
    const next = bannerShown
      ? createBanner({ texts, options, flipped, stale, privacyPolicyUrl: instance.config.privacyPolicyUrl, actions: bannerActions })
      : null;
    // `blocking`: Tab stays inside the banner.
    if (next && options.blocking) next.addEventListener('keydown', (event) => trapTab(event, root!));
    if (banner && next) banner.replaceWith(next);
    else if (next) wrapper!.prepend(next);
    else banner?.remove();
    banner = next;
    if (next && focusedIndex >= 0) next.querySelectorAll('button')[focusedIndex]?.focus();
  };

  /** Show, hide or relabel the floating button: shown while the banner is not. */
  const drawFloatingButton = (texts: Translator) => {
    if (destroyed || !options.floatingButton || bannerShown) {
      floatingButton?.remove();
      floatingButton = null;
      return;
    }
    if (!floatingButton) {
      floatingButton = doc.createElement('button');
      floatingButton.setAttribute('part', 'floating-button');
      floatingButton.className = 'cg-f' + (options.floatingButton === 'right' ? ' cg-fr' : '');
      floatingButton.addEventListener('click', () => openPreferences(floatingButton!));
      wrapper!.append(floatingButton);
    }
    // Its visible text is its accessible name. Under the opt-out rule it is the CCPA's
    // "Your Privacy Choices" link, with the standard icon (11 CCR §7015).
    const optOut = instance.config.rule === 'opt-out';
    floatingButton.textContent = texts.t(optOut ? 'privacyChoices' : 'settings');
    if (optOut) floatingButton.prepend(privacyChoicesIcon());
  };

  /** `blocking`: the rest of the page is inert until the visitor decides. */
  const drawInert = () => {
    for (const element of inertElements) element.inert = false;
    const body = doc.body;
    inertElements =
      bannerShown && options.blocking && body ? ([...body.children] as HTMLElement[]).filter((element) => element !== host && !element.inert) : [];
    for (const element of inertElements) element.inert = true;
  };

  /** Bring the screen in line with the state. Does nothing before `<body>` exists or after `destroy()`. */
  const draw = () => {
    // Nothing to show and nothing shown yet (a returning visitor, `floatingButton: false`): no
    // host, shadow root or stylesheet at all. The dialog mounts the host itself when it opens.
    if (!host && !bannerShown && !options.floatingButton) return;
    if (!shell.mount()) return;
    const texts = shell.texts(shellEnglish);
    wrapper!.lang = texts.lang;
    wrapper!.dir = texts.rtl ? 'rtl' : 'ltr';
    drawBanner(texts);
    drawFloatingButton(texts);
    drawInert();
    for (const listener of redrawListeners) listener();
    if (bannerReported !== !!banner) {
      bannerReported = !!banner;
      notify(banner ? 'show' : 'hide', 'banner');
    }
  };

  const shell: Shell = {
    get root() {
      if (!root) createHost();
      return root!;
    },
    get container() {
      if (!container) createHost();
      return container!;
    },
    options,
    opener: null,
    texts: (english) => createTranslator(instance, english),
    mount() {
      const body = doc.body;
      if (destroyed || !body) return false;
      if (!host) createHost();
      if (host!.parentNode !== body) {
        body.prepend(host!);
        // A modal dialog taken out of the document is no longer modal: close it, so the
        // panels open it again (showModal) when they redraw.
        root!.querySelector('dialog')?.close();
      }
      return true;
    },
    setBanner(shown) {
      bannerShown = shown;
      draw();
    },
    focusFallbacks: () => [banner?.querySelector('button'), floatingButton],
    onRedraw: (listener) => void redrawListeners.push(listener),
    adoptCardStyles() {
      if (cardStylesAdopted) return;
      cardStylesAdopted = true;
      adopt(BANNER_CSS);
    },
    refresh: () => draw(),
    destroy() {
      bannerShown = false;
      draw();
      destroyed = true;
      observer.disconnect();
      doc.removeEventListener('click', onClick);
      doc.removeEventListener('focusin', onFocus);
      doc.removeEventListener('DOMContentLoaded', draw);
      floatingButton?.remove();
      root?.replaceChildren();
      host?.remove();
    },
  };

  /** `[data-consent-open]` anywhere on the page opens the preferences; focus returns there. */
  const onClick = (event: Event) => {
    const opener = (event.target as Element).closest?.<HTMLElement>('[data-consent-open]');
    if (opener) {
      event.preventDefault();
      openPreferences(opener);
    }
  };

  // WCAG 2.4.11: a page element that takes focus must not stay behind the banner. Scroll it
  // clear; where the page cannot scroll that far, move the banner to the other edge.
  const onFocus = (event: Event) => {
    const target = event.target as HTMLElement;
    if (!banner || target === host || !overlaps(target, banner)) return;
    target.scrollIntoView({ block: 'center', behavior: 'instant' });
    if (overlaps(target, banner)) {
      flipped = !flipped;
      draw();
    }
  };

  doc.addEventListener('click', onClick);
  doc.addEventListener('focusin', onFocus);
  // The script runs in <head>: mount the moment <body> exists, not later at DOMContentLoaded.
  // Kept until destroy(): a page that replaces <body> (Turbo, pjax) gets the UI back at once.
  const observer = new MutationObserver(draw);
  observer.observe(doc.documentElement, { childList: true });
  doc.addEventListener('DOMContentLoaded', draw);
  // Started once <body> exists (a script at the end of the page, a data-config fetched, a
  // late init() in an SPA): neither of the above comes any more, so draw now.
  if (doc.body) draw();
  return shell;
}
