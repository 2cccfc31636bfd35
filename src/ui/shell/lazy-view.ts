import type { ConsentView, ViewFactory } from '../../core/view';
import type { PanelsFactory } from '../panels/index';
import { error, guard } from '../../core/lib/log';
import { createShell } from './shell';

/**
 * Where the preferences dialog comes from: the factory itself when it is bundled, or a
 * promise of it when it loads on demand (a script beside the engine, or a dynamic
 * `import()`). `describe` names the source in the console when loading fails.
 */
export interface PanelsSource {
  load(): PanelsFactory | Promise<PanelsFactory>;
  describe: string;
}

/**
 * The view the engine runs: the shell (banner, floating button, `[data-consent-open]`
 * links) at once, and the preferences dialog (Preact) only when the visitor or the page
 * opens it. A visitor who already decided pays for neither the dialog nor Preact. If the
 * dialog never loads, the console says where from; the banner, the gate, `acceptAll()` and
 * `rejectAll()` work as ever.
 */
export function createLazyView(source: PanelsSource): ViewFactory {
  return (instance, notify) => {
    let panels: ConsentView | undefined;
    let loading: Promise<void> | undefined;
    let destroyed = false;
    /** The preferences were asked for before the dialog arrived. */
    let preferencesWanted = false;

    const shell = createShell(
      instance,
      (opener) => {
        shell.opener = opener;
        instance.showPreferences();
      },
      notify,
    );

    const start = (factory: PanelsFactory) => {
      loading = undefined;
      if (destroyed || panels) return;
      panels = guard('UI', () => factory(instance, notify, shell));
      if (preferencesWanted) panels?.show('preferences');
      preferencesWanted = false;
    };

    const fail = (reason: unknown) => {
      // A later click may try again (the visitor is back online).
      loading = undefined;
      preferencesWanted = false;
      error(
        `the preferences dialog could not be loaded from ${source.describe} (${reason}). Nothing that needs consent runs meanwhile; the banner, acceptAll() and rejectAll() still work.`,
      );
    };

    const load = () => {
      if (panels || loading) return;
      let result: PanelsFactory | Promise<PanelsFactory>;
      try {
        result = source.load();
      } catch (reason) {
        return fail(reason);
      }
      // A bundled factory needs no round trip: use it at once.
      if (typeof result === 'function') return start(result);
      loading = result.then(start, fail);
    };

    return {
      show(view) {
        if (view === 'banner') return shell.setBanner(true);
        if (panels) return panels.show(view);
        preferencesWanted = true;
        load();
      },
      hide() {
        preferencesWanted = false;
        shell.setBanner(false);
        panels?.hide();
      },
      refresh: () => shell.refresh(),
      destroy() {
        destroyed = true;
        panels?.destroy();
        shell.destroy();
      },
    };
  };
}
