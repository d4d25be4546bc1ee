// The static adapter as its own file beside the script-tag bundle (adapters/static.js).
export { staticBackend as default } from './static.js';
