/** Options under `config.ui`. */
export interface UiOptions {
  /** `box`: a card in a corner; `cloud`: a wider card, centred; `bar`: full width. @default 'box' */
  layout?: 'box' | 'bar' | 'cloud';
  /** `top` moves any layout to the top edge; `left` moves the box to the left corner. @default bottom, right */
  position?: 'bottom' | 'top' | 'left' | 'right';
  /** `auto` follows `prefers-color-scheme`. @default 'auto' */
  theme?: 'light' | 'dark' | 'auto';
  /** The "Cookie settings" button shown once the banner is gone: `false` hides it, `'right'` moves it. @default true (bottom left) */
  floatingButton?: boolean | 'left' | 'right';
  /** Make the banner modal: the page is inert until the visitor decides. @default false */
  blocking?: boolean;
}

