import { defineElement, tagName } from '../../core/define.js';
import { ReadAloud } from './read-aloud.js';

export { ReadAloud };
// The element's events, so that importing this entry alone types its listeners.
export { ReadAloudEvent } from '../../bases/events.js';

defineElement(tagName('read-aloud'), ReadAloud);

declare global {
  interface HTMLElementTagNameMap {
    'read-aloud': ReadAloud;
  }
}
