import { h } from 'preact';
import type { Ctx } from './context';

/** Reopens the preferences once the banner is gone. Its visible text is its accessible name. */
export const FloatingButton = (c: Ctx) =>
  h('button', { type: 'button', class: `cg-f${c.o.floatingButton == 'right' ? ' cg-fr' : ''}`, part: 'floating-button', onClick: c.open }, c.t('settings'));
