import { h, type ComponentChildren } from 'preact';
import { richParts } from './rich-parts';

export { safeUrl } from './rich-parts';

/** Render a config or translation text as text, with `[label](url)` links (see `richParts`). */
export function rich(text: string): ComponentChildren {
  return richParts(text).map((part) => (typeof part === 'string' ? part : h('a', { href: part.href }, part.label)));
}

/** A cookie name as visitors read it: a pattern like `/^_ga_/` (any name starting so) becomes `_ga_*`. */
export function cookieLabel(name: string | RegExp): string {
  if (typeof name === 'string') return name;
  const src = name.source;
  // Not anchored at the end: any name starting so. A run of wildcards reads as one `*`.
  return (src.endsWith('$') ? src : src + '.*')
    .replace(/^\^|\$$/g, '')
    .replace(/(\.[*+]|\\[dw][*+]?|\[[^\]]*\][*+]?)+/g, '*')
    .replace(/\\/g, '');
}
