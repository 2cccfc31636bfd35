/*
 * The whole stylesheet, hand-minified because it ships in the IIFE as a string. It lives in
 * a shadow root, so the page's CSS cannot reach it and it cannot reach the page; the
 * `--cg-*` custom properties (set them on the `consent-gate` element) and `::part()` are the
 * deliberate ways in. Element selectors are safe here: the shadow root holds only our markup.
 * Nothing moves, so reduced motion is honoured by construction and the banner is fully
 * visible in its first frame. Colours meet 4.5:1 in both themes.
 *
 * The order of the rules, and of the declarations in them, is chosen for gzip, not for
 * reading: it saves about 100 B in the IIFE. Order matters to the cascade only where two
 * rules of equal specificity set the same property on one element: keep .cg-left before
 * .cg-cloud (margin), .cg-bar before .cg-top (bottom) and .cg-f before .cg-fr (left); keep a
 * shorthand before its longhands in a rule (border before border-color, font before
 * font-weight, …). `:host([data-theme=…])` and `:checked` win by specificity wherever they are.
 */
const DARK = '{--cg-bg:#1f2328;--cg-border:#8b949e;color-scheme:dark;--cg-accent:#a8c7fa;--cg-fg:#f0f3f6}';

export const CSS =
  ':host{--cg-bg:#fff;--cg-accent:#0b57d0;--cg-fg:#1f2328;--cg-border:#6e7781;--cg-font:system-ui,sans-serif;--cg-on-accent:var(--cg-bg);--cg-space:1em;--cg-radius:.5em;display:contents}' +
  // all:initial stops inherited page styles (letter-spacing, text-transform, …) at the root.
  '.cg-r{all:initial;color-scheme:inherit;font:medium/1.5 var(--cg-font)}' +
  '@media(prefers-color-scheme:dark){:host([data-theme=auto])' +
  DARK +
  '}' +
  '.cg-n{padding:.75em;border:2px solid var(--cg-accent)}' +
  'p{margin:0 0 .75em}' +
  '.cg-left{margin:0}' +
  '.cg-x{padding:0 .25em;background:none;color:inherit;font-size:1.5em;border:0;min-height:0}' +
  '.cg-f{position:fixed;z-index:2147483646;border-color:var(--cg-bg);border-radius:2em;bottom:1em;left:1em;font-size:.875em}' +
  '.cg-sv p{margin:.25em 0}' +
  // One look for every button: accepting and refusing have equal type, size, weight and colour.
  'button{padding:.25em 1em;font:inherit;font-weight:600;min-height:2.75em;border:2px solid var(--cg-accent);background:var(--cg-accent);cursor:pointer;border-radius:var(--cg-radius);color:var(--cg-on-accent)}' +
  ':checked{border-color:var(--cg-accent);background:radial-gradient(var(--cg-on-accent) 49%,#0000 53%) var(--q,100%)/1.5em no-repeat var(--cg-accent)}' +
  '[dir=rtl]{--q:0;--p:100%}' +
  'table{margin-bottom:.75em;width:100%;border-collapse:collapse;table-layout:fixed;overflow-wrap:anywhere;font-size:.875em}' +
  '.cg-a button{flex:1 1 10em}' +
  '.cg-a{flex-wrap:wrap;gap:.5em;display:flex}' +
  'h2{flex:1;font-size:1.25em;margin:0 0 .5em}' +
  'label{flex:1;font-weight:600}' +
  'dialog{width:40em;max-height:calc(100% - 1em);max-width:calc(100% - 1em)}' +
  ':host([data-theme=dark])' +
  DARK +
  // The switch: a checkbox whose knob is a gradient (a circle: the tile is square), at the
  // start of the track, or at its end when checked (:checked); right to left, the other way round.
  'input{flex:none;margin:0;appearance:none;height:1.75em;width:3em;border:2px solid var(--cg-border);background:radial-gradient(var(--cg-border) 49%,#0000 53%) var(--p,0)/1.5em no-repeat var(--cg-bg);border-radius:1em}' +
  '.cg-row,.cg-h{align-items:center;gap:.5em;display:flex}' +
  'th,td{border-bottom:1px solid var(--cg-border);padding:.25em;vertical-align:top;text-align:start}' +
  '.cg-sv{border-inline-start:3px solid var(--cg-border);padding-inline-start:.75em}' +
  // Layouts: box (the default: bottom right), cloud (centred), bar (full width, content centred
  // in at most 60em by its padding); cg-left and cg-top move them.
  '.cg-bar{left:0;padding-inline:max(1em,50% - 30em);max-width:none;margin:0;bottom:0;border-radius:0;right:0}' +
  '.cg-fr{left:auto;right:1em}' +
  '.cg-cloud{margin:auto;max-width:44em}' +
  '.cg-c{border-top:1px solid var(--cg-border);padding-top:.75em}' +
  'summary{margin-bottom:.5em}' +
  'section{position:fixed;z-index:2147483647;bottom:1em;left:1em;margin-left:auto;right:1em;overflow:auto;max-width:24em;max-height:calc(100% - 2em)}' +
  ':disabled{opacity:.6}' +
  '.cg-top{top:1em;bottom:auto}' +
  'a{color:inherit}' +
  '.cg-bar.cg-top{top:0}' +
  'dialog,section{background:var(--cg-bg);border:1px solid var(--cg-border);padding:var(--cg-space);border-radius:var(--cg-radius);color:var(--cg-fg);box-shadow:0 4px 24px #0006}' +
  // `blocking`: a shadow as wide as the screen dims the page, which is inert meanwhile.
  '.cg-k{box-shadow:0 0 0 100vmax #000a}' +
  '::backdrop{background:#000a}' +
  ':focus-visible{outline:3px solid var(--cg-fg);outline-offset:2px}' +
  '*{box-sizing:border-box}';
