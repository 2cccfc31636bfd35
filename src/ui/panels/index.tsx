import { render } from 'preact';
import type { ConsentView, ViewName } from '../../core/view';
import type { ConsentInstance, NormalizedService } from '../../core/types';
import type { Shell } from '../shell/shell';
import english from '../i18n/en';
import PANELS_CSS from '../styles/panels.css?inline';
import { guard } from '../../core/lib/log';
import { focusFirst, trapTab } from '../lib/focus';
import { PreferencesDialog } from './PreferencesDialog';

export type PanelsFactory = (instance: ConsentInstance, notify: (event: 'show' | 'hide', view: ViewName) => void, shell: Shell) => ConsentView;

/**
 * The preferences dialog, rendered with Preact into the shell's container. Loaded only on
 * the page views that open it (see `createLazyView`); the banner is the shell's.
 */
export const createPanels: PanelsFactory = (instance, notify, shell) => {
  const doc = document;
  const root = shell.root;
  let dialogShown = false;
  /** Whether the dialog was last reported shown, so `show`/`hide` events match the screen. */
  let dialogReported = false;
  let destroyed = false;
  /** The dialog's working copy of the choice. */
  let categories: { [key: string]: boolean } = {};
  let services: { [key: string]: boolean } = {};

  shell.adoptCardStyles();
  guard('stylesheet', () => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(PANELS_CSS);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  });

  const actions = [
    { label: 'save', onClick: () => instance.set(categories, services) },
    { label: 'acceptAll', onClick: () => instance.acceptAll() },
    { label: 'rejectAll', onClick: () => instance.rejectAll() },
  ];

  const onKeyDown = (event: KeyboardEvent) => trapTab(event, root);

  /** Switching a category switches its services with it; a service switches on its own. */
  const onCategory = (key: string, on: boolean) => {
    categories[key] = on;
    for (const service of instance.config.services) if (service.category === key) services[service.key] = on;
    draw();
  };
  const onService = (service: NormalizedService, on: boolean) => {
    services[service.key] = on;
    draw();
  };

  /** Render the dialog, or nothing. Does nothing before `<body>` exists or after `destroy()`. */
  function draw() {
    if (destroyed || !shell.mount()) return;
    const texts = shell.texts(english);
    render(
      dialogShown && (
        <PreferencesDialog
          texts={texts}
          config={instance.config}
          snapshot={instance.get()}
          categories={categories}
          services={services}
          english={english}
          actions={actions}
          onClose={close}
          onKeyDown={onKeyDown}
          onCategory={onCategory}
          onService={onService}
        />
      ),
      shell.container,
    );
    const dialog = root.querySelector('dialog');
    // showModal() focuses the first control (the close button) and makes the rest inert.
    if (dialog && !dialog.open) dialog.showModal();
    if (dialogReported !== dialogShown) {
      dialogReported = dialogShown;
      notify(dialogShown ? 'show' : 'hide', 'preferences');
    }
  }

  /**
   * Focus the opener of the dialog if it is still there and takes focus, else the banner's
   * first button or the floating button; else leave focus where the browser put it.
   */
  const refocus = () => {
    focusFirst([shell.opener, ...shell.focusFallbacks()]);
    shell.opener = null;
  };

  /** Close the dialog without deciding (Escape, the close button, `hide()`), and move focus back. */
  function close(event?: Event) {
    event?.preventDefault();
    const wasShown = dialogShown;
    dialogShown = false;
    draw();
    if (wasShown) refocus();
    shell.opener = null;
  }

  shell.onRedraw(draw);

  return {
    show(view) {
      if (view !== 'preferences' || dialogShown) return;
      const snapshot = instance.get();
      categories = { ...snapshot.categories };
      services = { ...snapshot.services };
      shell.opener ||= doc.activeElement as HTMLElement;
      dialogShown = true;
      draw();
    },
    hide: () => close(),
    refresh: draw,
    destroy() {
      const wasShown = dialogShown;
      dialogShown = false;
      draw();
      destroyed = true;
      render(null, shell.container);
      // Focus goes back to the opener of a dialog that was open, if it is still on the page.
      if (wasShown) focusFirst([shell.opener]);
    },
  };
};
