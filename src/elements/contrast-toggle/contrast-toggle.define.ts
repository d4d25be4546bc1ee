import { defineElement, tagName } from '../../core/define.js';
import { ContrastToggle } from './contrast-toggle.js';

export { ContrastToggle };
// The element's events, so that importing this entry alone types its listeners.
export { ContrastChangeEvent } from '../../bases/events.js';

defineElement(tagName('contrast-toggle'), ContrastToggle);

declare global {
  interface HTMLElementTagNameMap {
    'contrast-toggle': ContrastToggle;
  }
}
