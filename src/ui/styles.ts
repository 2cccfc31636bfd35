/*
 * The whole stylesheet, hand-minified because it ships in the IIFE as a string. It lives in
 * a shadow root, so the page's CSS cannot reach it and it cannot reach the page; the
 * `--cg-*` custom properties (set them on the `consent-gate` element) and `::part()` are the
 * deliberate ways in. Element selectors are safe here: the shadow root holds only our markup.
 * Nothing moves, so reduced motion is honoured by construction and the banner is fully
 * visible in its first frame. Colours meet 4.5:1 in both themes.
 */
const DARK = '{--cg-bg:#1f2328;--cg-fg:#f0f3f6;--cg-accent:#a8c7fa;--cg-border:#8b949e;color-scheme:dark}';

export const CSS =
  ':host{display:contents;--cg-bg:#fff;--cg-fg:#1f2328;--cg-accent:#0b57d0;--cg-on-accent:var(--cg-bg);--cg-border:#6e7781;--cg-radius:.5em;--cg-font:system-ui,sans-serif;--cg-space:1em}' +
  ':host([data-theme=dark])' + DARK + '@media(prefers-color-scheme:dark){:host([data-theme=auto])' + DARK + '}' +
  // all:initial stops inherited page styles (letter-spacing, text-transform, …) at the root.
  '.cg-r{all:initial;color-scheme:inherit;font:medium/1.5 var(--cg-font)}' +
  '*{box-sizing:border-box}h2{font-size:1.25em;margin:0 0 .5em;flex:1}p{margin:0 0 .75em}a{color:inherit}' +
  // One look for every button: accepting and refusing have equal type, size, weight and colour.
  'button{font:inherit;font-weight:600;cursor:pointer;min-height:2.75em;padding:.25em 1em;border:2px solid var(--cg-accent);border-radius:var(--cg-radius);background:var(--cg-accent);color:var(--cg-on-accent)}' +
  ':focus-visible{outline:3px solid var(--cg-fg);outline-offset:2px}' +
  'section,dialog{background:var(--cg-bg);color:var(--cg-fg);border:1px solid var(--cg-border);border-radius:var(--cg-radius);padding:var(--cg-space);box-shadow:0 4px 24px #0006}' +
  // Layouts: box (default, bottom right), cloud (centred), bar (full width, content centred
  // in at most 60em by its padding); cg-left and cg-top move them.
  'section{position:fixed;z-index:2147483647;bottom:1em;left:1em;right:1em;margin-left:auto;max-width:24em;max-height:calc(100% - 2em);overflow:auto}' +
  '.cg-left{margin:0}.cg-cloud{margin:auto;max-width:44em}.cg-bar{left:0;right:0;bottom:0;margin:0;max-width:none;border-radius:0;padding-inline:max(1em,50% - 30em)}' +
  '.cg-top{top:1em;bottom:auto}.cg-bar.cg-top{top:0}' +
  '.cg-a{display:flex;flex-wrap:wrap;gap:.5em}.cg-a button{flex:1 1 10em}' +
  'dialog{width:40em;max-width:calc(100% - 1em);max-height:calc(100% - 1em)}::backdrop{background:#000a}' +
  '.cg-h,.cg-row{display:flex;align-items:center;gap:.5em}label{flex:1;font-weight:600}' +
  '.cg-x{min-height:0;padding:0 .25em;border:0;background:none;color:inherit;font-size:1.5em}' +
  '.cg-c{border-top:1px solid var(--cg-border);padding-top:.75em}.cg-n{padding:.75em;border:2px solid var(--cg-accent)}' +
  // The switch: a checkbox whose knob is a gradient (a circle: the tile is square), at the
  // start of the track, or at its end when checked; right to left, the other way round.
  'input{appearance:none;flex:none;margin:0;width:3em;height:1.75em;border:2px solid var(--cg-border);border-radius:1em;background:radial-gradient(var(--cg-border) 49%,#0000 53%) var(--p,0)/1.5em no-repeat var(--cg-bg)}' +
  ':checked{background:radial-gradient(var(--cg-on-accent) 49%,#0000 53%) var(--q,100%)/1.5em no-repeat var(--cg-accent);border-color:var(--cg-accent)}[dir=rtl]{--p:100%;--q:0}:disabled{opacity:.6}' +
  'summary{margin-bottom:.5em}.cg-sv{padding-inline-start:.75em;border-inline-start:3px solid var(--cg-border)}.cg-sv p{margin:.25em 0}' +
  'table{width:100%;table-layout:fixed;border-collapse:collapse;font-size:.875em;overflow-wrap:anywhere;margin-bottom:.75em}th,td{text-align:start;vertical-align:top;padding:.25em;border-bottom:1px solid var(--cg-border)}' +
  '.cg-f{position:fixed;z-index:2147483646;bottom:1em;left:1em;border-color:var(--cg-bg);border-radius:2em;font-size:.875em}.cg-fr{left:auto;right:1em}' +
  // `blocking`: a shadow as wide as the screen dims the page, which is inert meanwhile.
  '.cg-k{box-shadow:0 0 0 100vmax #000a}';
