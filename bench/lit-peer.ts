// The size peer: lit itself with one trivial element, nothing of ours.
import { LitElement, css, html } from 'lit';

class PeerElement extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
  `;
  static override properties = { label: {} };
  label = 'peer';

  protected override render() {
    return html`<p>${this.label}</p>`;
  }
}
customElements.define('peer-element', PeerElement);
