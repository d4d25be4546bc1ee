import { PageContrast } from './page-contrast.js';
import { PageTextScaler } from './page-text-scale.js';
import { PreferencesStore } from './store.js';

/** The visitor's preferences and their effect on this page: one per page, whichever copy made it. */
export interface PagePreferences {
  store: PreferencesStore;
  textScaler: PageTextScaler;
}

const PAGE_KEY = Symbol.for('portal-widgets.page-preferences');

/** Creates the page's preferences on first use and applies what the visitor saved. */
export function getPagePreferences(): PagePreferences {
  const registry = globalThis as { [PAGE_KEY]?: PagePreferences };
  if (!registry[PAGE_KEY]) {
    const store = new PreferencesStore();
    const textScaler = new PageTextScaler();
    const contrast = new PageContrast();
    const apply = (): void => {
      textScaler.setScale(store.textScale);
      contrast.apply(store.contrast);
    };
    store.addEventListener('change', apply);
    apply();
    registry[PAGE_KEY] = { store, textScaler };
  }
  return registry[PAGE_KEY];
}
