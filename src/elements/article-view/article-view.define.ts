import { defineElement, tagName } from '../../core/define.js';
import { ArticleView } from './article-view.js';

export { ArticleView };
// The element's events, so that importing this entry alone types its listeners.
export { ArticleLoadEvent, ArticleErrorEvent } from '../../bases/events.js';

defineElement(tagName('article-view'), ArticleView);

declare global {
  interface HTMLElementTagNameMap {
    'article-view': ArticleView;
  }
}
