const SVG = 'http://www.w3.org/2000/svg';

/** An SVG element with presentation attributes (no `style` attribute: a strict CSP allows these). */
function svgElement(tag: string, attributes: { [name: string]: string }): SVGElement {
  const created = document.createElementNS(SVG, tag);
  for (const name in attributes) created.setAttribute(name, attributes[name]);
  return created;
}

/**
 * The California "Your Privacy Choices" opt-out icon (a pill: a check on white, a cross on
 * blue), drawn with DOM calls (no HTML parsing, nothing fetched). Decorative: the button's
 * text names it. See the icon the California Attorney General published for the CCPA
 * regulations (11 CCR §7015), which the opt-out link may show beside its text.
 */
export function privacyChoicesIcon(): SVGElement {
  const icon = svgElement('svg', { viewBox: '0 0 30 14', width: '30', height: '14', 'aria-hidden': 'true', focusable: 'false' });
  const pill = 'M7 .5h16a6.5 6.5 0 0 1 0 13H7A6.5 6.5 0 0 1 7 .5z';
  icon.append(
    svgElement('path', { d: pill, fill: '#fff', stroke: '#06f' }),
    svgElement('path', { d: 'M16 .5h7a6.5 6.5 0 0 1 0 13h-10z', fill: '#06f' }),
    svgElement('path', { d: 'M6 7.2l2.4 2.4L12.5 4.5', fill: 'none', stroke: '#06f', 'stroke-width': '1.8' }),
    svgElement('path', { d: 'M19 4.5l5 5m0-5l-5 5', fill: 'none', stroke: '#fff', 'stroke-width': '1.8' }),
  );
  return icon;
}
