import { defineElement, tagName } from '../../core/define.js';
import { FontScaler } from './font-scaler.js';

export { FontScaler };
// The element's events, so that importing this entry alone types its listeners.
export { TextScaleChangeEvent } from '../../bases/events.js';

defineElement(tagName('font-scaler'), FontScaler);

declare global {
  interface HTMLElementTagNameMap {
    'font-scaler': FontScaler;
  }
}
