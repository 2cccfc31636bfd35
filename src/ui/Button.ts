import { h } from 'preact';

/** Every choice button looks the same: equal prominence for accepting and refusing. */
export const Button = (label: string, onClick: (e: Event) => void) => h('button', { type: 'button', part: 'button', onClick }, label);
