/** Every element's tag and the module that defines it: the single list the entries share. */
export const ELEMENT_LOADERS = {
  'font-scaler': () => import('./elements/font-scaler/font-scaler.define.js'),
  'contrast-toggle': () => import('./elements/contrast-toggle/contrast-toggle.define.js'),
  'article-view': () => import('./elements/article-view/article-view.define.js'),
  'related-list': () => import('./elements/related-list/related-list.define.js'),
  'star-rating': () => import('./elements/star-rating/star-rating.define.js'),
} as const;
