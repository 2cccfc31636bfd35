/**
 * An http(s) URL or a relative one (no scheme before the first `/`, `?` or `#`), with no
 * space or control character anywhere: browsers strip those, so `java\tscript:` would
 * otherwise pass as relative.
 */
export const safeUrl = (url: unknown): url is string => typeof url === 'string' && /^(https?:|[^:/?#\0- ]*([/?#]|$))[^\0- ]*$/i.test(url);

/** A piece of a config or translation text: plain text, or a link with a URL that passed `safeUrl`. */
export type RichPart = string | { label: string; href: string };

/**
 * Split a text into plain text and links. The one piece of markup is `[label](url)`; it
 * becomes a link when `url` passes `safeUrl` and stays plain text (the label) otherwise.
 * No HTML is ever parsed, so `<img onerror>` in a title shows as written. The banner (DOM)
 * and the dialog (Preact) render the parts each their own way.
 */
export function richParts(text: string): RichPart[] {
  // split() with two groups yields [text, label, url, text, label, url, ..., text].
  const pieces = text.split(/\[([^\]]+)\]\(([^\0- ()]+)\)/);
  const parts: RichPart[] = [];
  for (let index = 0; index < pieces.length; index += 3) {
    if (pieces[index]) parts.push(pieces[index]);
    const label = pieces[index + 1];
    const href = pieces[index + 2];
    if (label !== undefined) parts.push(safeUrl(href) ? { label, href: href } : label);
  }
  return parts;
}
