import { defineElement, tagName } from '../../core/define.js';
import { RelatedList } from './related-list.js';

export { RelatedList };

defineElement(tagName('related-list'), RelatedList);

declare global {
  interface HTMLElementTagNameMap {
    'related-list': RelatedList;
  }
}
