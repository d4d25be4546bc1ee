// The wordpress adapter as its own file beside the script-tag bundle (adapters/wordpress.js).
export { wordpressBackend as default } from './wordpress.js';
