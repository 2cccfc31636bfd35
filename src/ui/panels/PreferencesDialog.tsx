import type { ConsentSnapshot, NormalizedConfig, NormalizedService } from '../../core/types';
import { rich } from '../lib/text';
import { CategorySection, ChoiceButtons, PolicyLink, type Action, type TextProps } from './components';

export interface DialogProps extends TextProps {
  config: NormalizedConfig;
  /** The stored state: for the GPC notice and the consent id. */
  snapshot: ConsentSnapshot;
  /** The dialog's working copy of the choice. */
  categories: { [key: string]: boolean };
  services: { [key: string]: boolean };
  english: { [key: string]: string };
  actions: Action[];
  onClose(event?: Event): void;
  onKeyDown(event: KeyboardEvent): void;
  onCategory(category: string, on: boolean): void;
  onService(service: NormalizedService, on: boolean): void;
}

/** The decision date in the visitor's language, or the ISO date where Intl cannot format it. */
function formatDate(iso: string, language: string): string {
  try {
    return new Intl.DateTimeFormat(language, { dateStyle: 'long' }).format(new Date(iso));
  } catch {
    return iso.slice(0, 10);
  }
}

/**
 * The second layer: a modal `<dialog>` (role, aria-modal, label and description from the
 * platform) with one switch per category, its services and their cookies. It starts from
 * the stored state, so nothing optional is on before the visitor turns it on. Once a choice
 * is stored it shows the consent id and date, which the visitor can quote in a request.
 */
export function PreferencesDialog(props: DialogProps) {
  const { texts, config, snapshot } = props;
  return (
    <dialog part="dialog" aria-labelledby="cg-dt" aria-describedby="cg-dd" onKeyDown={props.onKeyDown} onCancel={props.onClose}>
      <div class="cg-head">
        <h2 id="cg-dt">{texts.t('prefsTitle')}</h2>
        <button class="cg-close" onClick={props.onClose} aria-label={texts.t('close')}>
          ×
        </button>
      </div>
      <p id="cg-dd">
        {rich(texts.t('prefsText'))}
        <PolicyLink texts={texts} url={config.privacyPolicyUrl} />
      </p>
      {/* A grant held back by the signal (11 CCR §7025(c)(3)) is explained, and can be given again below. */}
      {snapshot.gpc && <p class="cg-notice">{rich(texts.t(snapshot.gpcConflict ? 'gpcConflict' : 'gpc'))}</p>}
      {config.categories.map((category) => (
        <CategorySection
          texts={texts}
          category={category}
          services={config.services.filter((service) => service.category === category.key)}
          categories={props.categories}
          serviceChoices={props.services}
          english={props.english}
          onCategory={(on) => props.onCategory(category.key, on)}
          onService={props.onService}
        />
      ))}
      {snapshot.id && snapshot.lastDecision && (
        <p class="cg-receipt">
          {texts.t('consentId')}: {snapshot.id} · {texts.t('decidedOn')} {formatDate(snapshot.lastDecision, texts.lang)}
        </p>
      )}
      <ChoiceButtons texts={texts} actions={props.actions} />
    </dialog>
  );
}
