import { defineElement, tagName } from '../../core/define.js';
import { RelatedList } from './related-list.js';

export { RelatedList };
// The element's events, so that importing this entry alone types its listeners.
export { ArticleErrorEvent } from '../../bases/events.js';

defineElement(tagName('related-list'), RelatedList);

declare global {
  interface HTMLElementTagNameMap {
    'related-list': RelatedList;
  }
}
