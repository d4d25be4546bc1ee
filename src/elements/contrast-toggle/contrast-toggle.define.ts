import { defineElement, tagName } from '../../core/define.js';
import { ContrastToggle } from './contrast-toggle.js';

export { ContrastToggle };

defineElement(tagName('contrast-toggle'), ContrastToggle);

declare global {
  interface HTMLElementTagNameMap {
    'contrast-toggle': ContrastToggle;
  }
}
