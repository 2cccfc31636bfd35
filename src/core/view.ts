import type { ConsentInstance } from './types';

/** The two views a consent UI shows. */
export type ViewName = 'banner' | 'preferences';

/**
 * A user interface plugged into the headless core. The core calls it; it reports what it
 * actually showed or hid through `notify`, so `show`/`hide` events match the screen.
 */
export interface ConsentView {
  show(view: ViewName): void;
  hide(): void;
  /** The state or the language changed: re-render. */
  refresh(): void;
  destroy(): void;
}

export type ViewFactory = (instance: ConsentInstance, notify: (event: 'show' | 'hide', view: ViewName) => void) => ConsentView;

/** Code that hooks into an instance at creation, before any gated element runs. May return a clean-up. */
export type Integration = (instance: ConsentInstance) => void | (() => void);
