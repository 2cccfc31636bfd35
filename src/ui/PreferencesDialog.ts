import en from './i18n/en';
import { h } from 'preact';
import type { NormalizedService } from '../core/types';
import type { Ctx } from './context';
import { Button } from './Button';
import { PolicyLink } from './Banner';
import { rich, safeUrl, cookieLabel } from './lib/text';

/** A switch: a checkbox with role `switch`, named by its `<label>`. */
const Switch = (id: string, label: string, checked: boolean, disabled: boolean, onChange: (on: boolean) => void, note?: string) =>
  h(
    'div',
    { class: 'cg-row' },
    h('label', { for: id }, label),
    note && h('span', null, note),
    h('input', {
      id,
      type: 'checkbox',
      role: 'switch',
      part: 'switch',
      checked,
      disabled,
      'aria-describedby': id + 'd',
      onChange: (e: Event) => onChange((e.currentTarget as HTMLInputElement).checked),
    }),
  );


function Service(c: Ctx, s: NormalizedService, required: boolean) {
  const { t, x } = c;
  const id = 'cg-s-' + s.key;
  const desc = x(s.description);
  return h(
    'div',
    { class: 'cg-sv' },
    Switch(id, x(s.title) || s.key, required || c.svcs[s.key]!, required, (on) => {
      c.svcs[s.key] = on;
      if (on) c.cats[s.category] = true;
      c.up();
    }),
    h('p', { id: id + 'd' }, s.provider, ' ', safeUrl(s.privacyPolicyUrl) && h('a', { href: s.privacyPolicyUrl }, t('privacyPolicy'))),
    desc && h('p', null, rich(desc)),
    s.cookies.length > 0 &&
      h(
        'table',
        null,
        h('tr', null, ['name', 'provider', 'purpose', 'lifetime'].map((k) => h('th', null, t(k)))),
        s.cookies.map((k) => h('tr', null, h('td', null, cookieLabel(k.name)), h('td', null, k.provider || s.provider), h('td', null, x(k.purpose)), h('td', null, x(k.lifetime)))),
      ),
  );
}

/**
 * The second layer: a modal `<dialog>` (role, aria-modal, label, description from the
 * platform) with one switch per category, its services and their cookies. It starts from
 * the stored state, so nothing optional is on before the visitor turns it on.
 */
/** A key that names one of the UI's own texts: a category with that key must not borrow it. */
const uiKey = (key: string) => key in en && !/^(necessary|preferences|analytics|marketing)(Text)?$/.test(key);

export function PreferencesDialog(c: Ctx) {
  const { t, x, i } = c;
  const { categories, services } = i.config;
  return h(
    'dialog',
    { part: 'dialog', 'aria-labelledby': 'cg-dt', 'aria-describedby': 'cg-dd', onCancel: c.close, onKeyDown: c.trap },
    h('div', { class: 'cg-h' }, h('h2', { id: 'cg-dt' }, t('prefsTitle')), h('button', { type: 'button', class: 'cg-x', 'aria-label': t('close'), onClick: c.close }, '×')),
    h('p', { id: 'cg-dd' }, rich(t('prefsText')), PolicyLink(c)),
    i.get().gpc && h('p', { class: 'cg-n' }, rich(t('gpc'))),
    categories.map((k) => {
      const id = 'cg-c-' + k.key;
      const own = services.filter((s) => s.category == k.key);
      return h(
        'div',
        { class: 'cg-c' },
        Switch(id, x(k.title) || (uiKey(k.key) ? '' : t(k.key)) || k.key, k.required || c.cats[k.key]!, k.required, (on) => {
          c.cats[k.key] = on;
          for (const s of own) c.svcs[s.key] = on;
          c.up();
        }, k.required ? t('alwaysOn') : ''),
        h('p', { id: id + 'd' }, rich(x(k.description) || (uiKey(k.key + 'Text') ? '' : t(k.key + 'Text')))),
        own.length > 0 && h('details', null, h('summary', null, t('details')), own.map((s) => Service(c, s, k.required))),
      );
    }),
    h('div', { class: 'cg-a' }, Button(t('save'), c.save), Button(t('acceptAll'), () => i.acceptAll()), Button(t('rejectAll'), () => i.rejectAll())),
  );
}
