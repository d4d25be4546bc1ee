// The article body's code as a script-tag file of its own (dist/cdn/article-body.js): the
// sanitisers' allow-list, the browser's own sanitiser and the fitting of the body to the page.
// portal-widgets.js fetches it from beside itself with a page's first article; it fetches
// DOMPurify (sanitizer.js) from beside itself where the browser has no Element.setHTML().
export { showableBody } from './elements/article-view/body.js';
