import { h, type ComponentChildren } from 'preact';

/**
 * An http(s) URL or a relative one (no scheme before the first `/`, `?` or `#`), with no
 * space or control character anywhere: browsers strip those, so `java\tscript:` would
 * otherwise pass as relative.
 */
export const safeUrl = (url: unknown): url is string =>
  typeof url == 'string' && /^(https?:|[^:/?#\0- ]*([/?#]|$))[^\0- ]*$/i.test(url);

/**
 * Render a config or translation text as text, with one piece of markup: `[label](url)`
 * becomes a link when `url` passes `safeUrl`, and stays plain text otherwise. No HTML is
 * ever parsed, so `<img onerror>` in a title shows as written.
 */
export function rich(text: string): ComponentChildren {
  const parts = text.split(/\[([^\]]+)\]\(([^\0- ()]+)\)/);
  // split() with two groups yields [text, label, url, text, label, url, ..., text].
  return parts.map((part, i) => (i % 3 == 1 ? (safeUrl(parts[i + 1]) ? h('a', { href: parts[i + 1] }, part) : part) : i % 3 ? null : part));
}

/** A cookie name as visitors read it: a pattern like `/^_ga_/` (any name starting so) becomes `_ga_*`. */
export function cookieLabel(name: string | RegExp): string {
  if (typeof name == 'string') return name;
  const src = name.source;
  // Not anchored at the end: any name starting so. A run of wildcards reads as one `*`.
  return (src.endsWith('$') ? src : src + '.*').replace(/^\^|\$$/g, '').replace(/(\.[*+]|\\[dw][*+]?|\[[^\]]*\][*+]?)+/g, '*').replace(/\\/g, '');
}
