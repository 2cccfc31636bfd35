import type { NormalizedCategory, NormalizedService } from '../../core/types';
import type { Translator } from '../lib/translate';
import { rich, safeUrl, cookieLabel } from '../lib/text';
import { isWellKnownCategory } from '../../core/rules/well-known-categories';
import { categoryState } from '../../core/rules/category-state';

/** What every component needs: the texts of the current language. */
export interface TextProps {
  texts: Translator;
}

export interface Action {
  /** The key of the button's text (`acceptAll`, `rejectAll`, `manage`, `save`). */
  label: string;
  onClick(event: Event): void;
}

/**
 * A row of choice buttons. Every one looks the same: accepting and refusing have equal
 * prominence. (No `type`: there is no form to submit.)
 */
export function ChoiceButtons({ texts, actions }: TextProps & { actions: Action[] }) {
  return (
    <div class="cg-actions">
      {actions.map((action) => (
        <button part="button" onClick={action.onClick}>
          {texts.t(action.label)}
        </button>
      ))}
    </div>
  );
}

/** A link to a privacy policy, when the URL is set and safe. */
export function PolicyLink({ texts, url }: TextProps & { url: string | undefined }) {
  if (!url || !safeUrl(url)) return null;
  return (
    <>
      {' '}
      <a href={url}>{texts.t('privacyPolicy')}</a>
    </>
  );
}

export interface SwitchProps {
  id: string;
  label: string;
  checked: boolean;
  disabled: boolean;
  /** A short note beside the label ("Always on", "Partly allowed"). */
  note?: string | false | undefined;
  onToggle(on: boolean): void;
}

/** A checkbox with role `switch`, named by its `<label>`, described by the paragraph with id `<id>d`. */
export function Switch({ id, label, checked, disabled, note, onToggle }: SwitchProps) {
  return (
    <div class="cg-row">
      <label for={id}>{label}</label>
      {note && <span>{note}</span>}
      <input
        id={id}
        type="checkbox"
        part="switch"
        role="switch"
        aria-describedby={id + 'd'}
        checked={checked}
        disabled={disabled}
        onChange={(event) => onToggle(event.currentTarget.checked)}
      />
    </div>
  );
}

/** The cookie table of one service, for the privacy-minded visitor and the regulator alike. */
function CookieTable({ texts, service }: TextProps & { service: NormalizedService }) {
  return (
    <table>
      <tr>
        {['name', 'provider', 'purpose', 'lifetime'].map((key) => (
          <th>{texts.t(key)}</th>
        ))}
      </tr>
      {service.cookies.map((cookie) => (
        <tr>
          <td>{cookieLabel(cookie.name)}</td>
          <td>{cookie.provider || service.provider}</td>
          <td>{texts.x(cookie.purpose)}</td>
          <td>{texts.x(cookie.lifetime)}</td>
        </tr>
      ))}
    </table>
  );
}

export interface ServiceProps extends TextProps {
  service: NormalizedService;
  /** Services of a required category are always on. */
  required: boolean;
  granted: boolean;
  onToggle(on: boolean): void;
}

/** One service: its switch, provider, policy link, description and cookie table. */
export function ServiceDetails({ texts, service, required, granted, onToggle }: ServiceProps) {
  const id = 'cg-s-' + service.key;
  const description = texts.x(service.description);
  return (
    <div class="cg-service">
      <Switch id={id} label={texts.x(service.title) || service.key} checked={required || granted} disabled={required} onToggle={onToggle} />
      <p id={id + 'd'}>
        {service.provider}
        <PolicyLink texts={texts} url={service.privacyPolicyUrl} />
      </p>
      {description && <p>{rich(description)}</p>}
      {service.cookies.length > 0 && <CookieTable texts={texts} service={service} />}
    </div>
  );
}

/**
 * A category's built-in text, unless its key names one of the UI's other texts: a category
 * keyed `title` must not borrow the banner's title.
 */
function builtInText(texts: Translator, key: string, english: { [key: string]: string }): string {
  // The built-in texts of the well-known categories are keyed `<key>` and `<key>Text`.
  return key in english && !isWellKnownCategory(key.replace(/Text$/, '')) ? '' : texts.t(key);
}

export interface CategoryProps extends TextProps {
  category: NormalizedCategory;
  services: NormalizedService[];
  /** The dialog's working copy of the choice. */
  categories: { [key: string]: boolean };
  serviceChoices: { [key: string]: boolean };
  english: { [key: string]: string };
  onCategory(on: boolean): void;
  onService(service: NormalizedService, on: boolean): void;
}

/**
 * One category: its switch, description and, folded, its services. A category switched
 * off with some of its services allowed by name says so ("Partly allowed"), and so does one
 * switched on with some refused by name.
 */
export function CategorySection(props: CategoryProps) {
  const { texts, category, services, categories, serviceChoices, english } = props;
  const id = 'cg-c-' + category.key;
  const on = category.required || !!categories[category.key];
  const state = categoryState({ categories: [category], services }, { categories, services: serviceChoices }, category.key);
  const note = category.required ? texts.t('alwaysOn') : state === 'partial' && texts.t('partly');
  return (
    <div class="cg-category">
      <Switch
        id={id}
        label={texts.x(category.title) || builtInText(texts, category.key, english) || category.key}
        checked={on}
        disabled={category.required}
        note={note}
        onToggle={props.onCategory}
      />
      <p id={id + 'd'}>{rich(texts.x(category.description) || builtInText(texts, category.key + 'Text', english))}</p>
      {services.length > 0 && (
        <details>
          <summary>{texts.t('details')}</summary>
          {services.map((service) => (
            <ServiceDetails
              texts={texts}
              service={service}
              required={category.required}
              granted={!!serviceChoices[service.key]}
              onToggle={(granted) => props.onService(service, granted)}
            />
          ))}
        </details>
      )}
    </div>
  );
}
