import { defineElement, tagName } from '../../core/define.js';
import { StarRating } from './star-rating.js';

export { StarRating };
// The element's events, so that importing this entry alone types its listeners.
export { RatingChangeEvent, ArticleErrorEvent } from '../../bases/events.js';

defineElement(tagName('star-rating'), StarRating);

declare global {
  interface HTMLElementTagNameMap {
    'star-rating': StarRating;
  }
}
