import { html } from 'lit';
import { nextAnnouncement } from './announce.js';
import { PortalElement } from './portal-element.js';
import { getPagePreferences, type PagePreferences } from '../prefs/page-preferences.js';

/**
 * Base of the two elements that need no backend: they follow the page's shared preferences and
 * announce each result in a polite live region.
 */
export class PreferenceElement extends PortalElement {
  protected preferences: PagePreferences | undefined;
  private announcement = '';

  override connectedCallback(): void {
    super.connectedCallback();
    this.preferences = getPagePreferences();
    this.preferences.store.addEventListener('change', this.preferencesChanged);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.preferences?.store.removeEventListener('change', this.preferencesChanged);
  }

  /** Re-renders every instance when the visitor changes a preference here or in another tab. */
  private readonly preferencesChanged = (): void => this.requestUpdate();

  protected announce(message: string): void {
    this.announcement = nextAnnouncement(this.announcement, message);
    this.requestUpdate();
  }

  protected renderStatus() {
    return html`<span class="visually-hidden" role="status">${this.announcement}</span>`;
  }
}
