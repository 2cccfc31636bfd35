import type { ViewFactory } from '../core/view';

/**
 * Interim first layer: a plain banner with the three contract buttons. Replaced by the
 * Preact banner and preferences dialog.
 */
export const placeholderView: ViewFactory = (instance, notify) => {
  let root: HTMLElement | null = null;
  const button = (label: string, onClick: () => void) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.addEventListener('click', onClick);
    return b;
  };
  const mount = () => {
    root = document.createElement('section');
    root.className = 'cg-banner';
    root.setAttribute('aria-label', 'Cookie consent');
    const text = document.createElement('p');
    text.textContent = 'We use cookies for analytics and marketing only with your consent.';
    root.append(
      text,
      button('Accept all', () => instance.acceptAll()),
      button('Reject all', () => instance.rejectAll()),
      button('Manage preferences', () => instance.showPreferences()),
    );
    (document.body || document.documentElement).appendChild(root);
  };
  return {
    show(view) {
      if (!root) {
        if (document.body) mount();
        else return void document.addEventListener('DOMContentLoaded', () => this.show(view), { once: true });
      }
      notify('show', view);
    },
    hide() {
      if (!root) return;
      root.remove();
      root = null;
      notify('hide', 'banner');
    },
    refresh() {},
    destroy() {
      root?.remove();
      root = null;
    },
  };
};
