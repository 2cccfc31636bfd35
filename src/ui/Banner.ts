import { h } from 'preact';
import type { Ctx } from './context';
import { Button } from './Button';
import { rich, safeUrl } from './lib/text';

/** A link to the site's privacy policy, when one is configured and safe. */
export const PolicyLink = (c: Ctx) => {
  const url = c.i.config.privacyPolicyUrl;
  return url && safeUrl(url) && [' ', h('a', { href: url }, c.t('privacyPolicy'))];
};

/** The first layer: a labelled region (not modal unless `blocking`) with the three choices. */
export function Banner(c: Ctx) {
  const { t, i, o } = c;
  return h(
    'section',
    { class: `cg-${o.layout}${o.position == 'left' ? ' cg-left' : ''}${(o.position == 'top') != c.flip ? ' cg-top' : ''}${o.blocking ? ' cg-k' : ''}`, 'aria-labelledby': 'cg-bt', part: 'banner', onKeyDown: o.blocking && c.trap },
    h('h2', { id: 'cg-bt' }, t('title')),
    i.get().stale && h('p', null, rich(t('updated'))),
    h('p', null, rich(t('text')), PolicyLink(c)),
    h('div', { class: 'cg-a' }, Button(t('acceptAll'), () => i.acceptAll()), Button(t('rejectAll'), () => i.rejectAll()), Button(t('manage'), c.open)),
  );
}
