import { defineElement, tagName } from '../../core/define.js';
import { StarRating } from './star-rating.js';

export { StarRating };

defineElement(tagName('star-rating'), StarRating);

declare global {
  interface HTMLElementTagNameMap {
    'star-rating': StarRating;
  }
}
