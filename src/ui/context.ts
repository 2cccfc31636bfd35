import type { ConsentInstance } from '../core/types';
import type { Translator } from './lib/translate';

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

/** What the view passes to its parts on each render. */
export interface Ctx extends Translator {
  i: ConsentInstance;
  o: UiOptions;
  /** The dialog's working copy of the choice. */
  cats: { [key: string]: boolean };
  svcs: { [key: string]: boolean };
  flip: boolean;
  /** Re-render. */
  up(): void;
  /** Open the preferences from a control, returning focus to it on close. */
  open(e: Event): void;
  /** Close the preferences without deciding. */
  close(): void;
  save(): void;
  /** Keep Tab inside the dialog (and the banner when blocking). */
  trap(e: KeyboardEvent): void;
}
