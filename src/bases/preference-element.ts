import { ReactiveElement, type PropertyValues } from '@lit/reactive-element';
import { nextAnnouncement } from '../core/announce.js';
import { getPagePreferences, type PagePreferences } from '../prefs/page-preferences.js';
import { PortalWidget } from './portal-widget.js';

/** One button of a preference bar, as it should be now. */
export interface PreferenceButton {
  /** Its part besides `button`, and the name `press` gets: `decrease`, `reset`, `increase`… */
  name: string;
  /** What the button does, in words. */
  label: string;
  /** What sighted visitors see, when it is not the label (A-, A, A+); part of the name too. */
  glyph?: string;
  /** At a limit, or the state already in force: still focusable, and says so. */
  disabled: boolean;
}

/**
 * Base of the two elements that need no backend: a named group of native buttons following the
 * page's shared preferences, and a polite live region announcing each result.
 *
 * A handful of buttons needs no template engine: the shadow DOM is built once and updated in
 * place, so a portal that loads only these two elements (portal-toolbar.js) gets Lit's
 * ReactiveElement without lit-html, about 3 KB of gzip less.
 */
export abstract class PreferenceElement extends PortalWidget(ReactiveElement) {
  protected preferences: PagePreferences | undefined;
  private announcement = '';
  /** The shadow DOM, built on the first update and then only updated. */
  private view: PreferenceView | undefined;

  /** The group's accessible name. */
  protected abstract groupLabel(): string;

  /** Where things stand now (the current text size), read with the group's name. */
  protected describeState(): string {
    return '';
  }

  /** The buttons in order, with their current labels and states; always the same names. */
  protected abstract describeButtons(): PreferenceButton[];

  /** The visitor pressed the button `name`. */
  protected abstract press(name: string): void;

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

  protected override update(changed: PropertyValues): void {
    super.update(changed);
    const described = this.describeButtons();
    const view = (this.view ??= this.buildView(described));
    view.group.setAttribute('aria-label', this.groupLabel());
    view.state.textContent = this.describeState();
    described.forEach(({ label, glyph, disabled }, index) => {
      const [button, text] = view.buttons[index]!;
      button.setAttribute('aria-disabled', String(disabled));
      // The name holds what is seen (WCAG 2.5.3): "Tăng cỡ chữ (A+)", so "click A+" works.
      text.data = glyph ? `${label} (${glyph})` : label;
    });
    view.status.textContent = this.announcement;
  }

  private buildView(described: PreferenceButton[]): PreferenceView {
    const group = element('div', {
      class: 'group',
      role: 'group',
      part: 'group',
      'aria-describedby': 'state',
    });
    const state = element('span', { id: 'state', class: 'visually-hidden' });
    const status = element('span', { class: 'visually-hidden', role: 'status' });
    const buttons = described.map(({ name, glyph }): [HTMLButtonElement, Text] => {
      const button = element('button', { part: `button ${name}` });
      button.addEventListener('click', () => this.press(name));
      const label = new Text();
      // With a glyph, the glyph is what sighted visitors see and the label is read out.
      if (glyph) {
        const shown = element('span', { 'aria-hidden': 'true' });
        const hidden = element('span', { class: 'visually-hidden' });
        shown.append(glyph);
        hidden.append(label);
        button.append(shown, hidden);
      } else {
        button.append(label);
      }
      group.append(button);
      return [button, label];
    });
    this.renderRoot.append(group, state, status);
    return { group, state, status, buttons };
  }
}

interface PreferenceView {
  group: HTMLElement;
  state: HTMLElement;
  status: HTMLElement;
  /** Each button with the text node of its label. */
  buttons: [HTMLButtonElement, Text][];
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string>,
): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) created.setAttribute(name, value);
  return created;
}
