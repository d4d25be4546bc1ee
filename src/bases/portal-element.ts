import { LitElement } from 'lit';
import { PORTAL_WIDGETS_MARK } from '../core/define.js';
import { LangController, type Lang, type Translations } from '../core/lang.js';

/** What every Portal Widgets element shares: the page's language, and a mark other copies recognise. */
export class PortalElement extends LitElement {
  /** @internal */
  static readonly [PORTAL_WIDGETS_MARK] = true;

  private readonly langController = new LangController(this);

  /** The language the element speaks now, from the closest `lang` attribute. */
  protected get uiLang(): Lang {
    return this.langController.value;
  }

  /** The string table for the current language. */
  protected strings<T>(table: Translations<T>): T {
    return table[this.uiLang];
  }

  /** Dispatches one of our typed events (they bubble and cross shadow roots). */
  protected emit(event: Event): void {
    this.dispatchEvent(event);
  }

  /** `vi-VN` or `en` for Intl formatting. */
  protected get locale(): string {
    return this.uiLang === 'vi' ? 'vi-VN' : 'en';
  }
}
