import { defineElement, tagName } from '../../core/define.js';
import { FontScaler } from './font-scaler.js';

export { FontScaler };

defineElement(tagName('font-scaler'), FontScaler);

declare global {
  interface HTMLElementTagNameMap {
    'font-scaler': FontScaler;
  }
}
