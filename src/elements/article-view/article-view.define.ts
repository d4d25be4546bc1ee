import { defineElement, tagName } from '../../core/define.js';
import { ArticleView } from './article-view.js';

export { ArticleView };

defineElement(tagName('article-view'), ArticleView);

declare global {
  interface HTMLElementTagNameMap {
    'article-view': ArticleView;
  }
}
