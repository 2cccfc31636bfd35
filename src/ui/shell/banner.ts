import type { UiOptions } from '../context';
import type { Translator } from '../lib/translate';
import { richParts, safeUrl } from '../lib/rich-parts';

export interface BannerAction {
  /** The key of the button's text (`acceptAll`, `rejectAll`, `manage`). */
  label: string;
  onClick(event: Event): void;
}

export interface BannerProps {
  texts: Translator;
  options: UiOptions;
  /** Move the banner to the other edge, so it does not cover the focused element (WCAG 2.4.11). */
  flipped: boolean;
  /** A stored choice is out of date: say the policy changed. */
  stale: boolean;
  privacyPolicyUrl: string | undefined;
  actions: BannerAction[];
}

/** The banner's classes: its layout, and the edge it sits on. */
export function bannerClass(options: UiOptions, flipped: boolean): string {
  const classes = ['cg-' + options.layout];
  if (options.position === 'left') classes.push('cg-left');
  // `flipped` moves a top banner to the bottom and a bottom one to the top.
  if ((options.position === 'top') !== flipped) classes.push('cg-top');
  if (options.blocking) classes.push('cg-blocking');
  return classes.join(' ');
}

/** An element with text content (never parsed as HTML). */
function element<Tag extends keyof HTMLElementTagNameMap>(tag: Tag, text?: string): HTMLElementTagNameMap[Tag] {
  const created = document.createElement(tag);
  if (text) created.textContent = text;
  return created;
}

/** A paragraph of config or translation text, with its `[label](url)` links. */
function paragraph(text: string): HTMLParagraphElement {
  const created = element('p');
  for (const part of richParts(text)) {
    if (typeof part === 'string') created.append(part);
    else created.append(Object.assign(element('a', part.label), { href: part.href }));
  }
  return created;
}

/**
 * The first layer: a labelled region (not modal unless `blocking`) with the three choices.
 * Every button looks the same: accepting and refusing have equal prominence. Built with
 * the DOM, not Preact, so a first visit sees it without waiting for a second file.
 */
export function createBanner({ texts, options, flipped, stale, privacyPolicyUrl, actions }: BannerProps): HTMLElement {
  const section = element('section');
  section.className = bannerClass(options, flipped);
  section.setAttribute('part', 'banner');
  section.setAttribute('aria-labelledby', 'cg-bt');
  const title = element('h2', texts.t('title'));
  title.id = 'cg-bt';
  section.append(title);
  if (stale) section.append(paragraph(texts.t('updated')));
  const text = paragraph(texts.t('text'));
  if (privacyPolicyUrl && safeUrl(privacyPolicyUrl)) text.append(' ', Object.assign(element('a', texts.t('privacyPolicy')), { href: privacyPolicyUrl }));
  section.append(text);
  const row = element('div');
  row.className = 'cg-actions';
  for (const action of actions) {
    const button = element('button', texts.t(action.label));
    button.setAttribute('part', 'button');
    button.addEventListener('click', action.onClick);
    row.append(button);
  }
  section.append(row);
  return section;
}
