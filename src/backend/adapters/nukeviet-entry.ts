// The nukeviet adapter as its own file beside the script-tag bundle (adapters/nukeviet.js).
export { nukevietBackend as default } from './nukeviet.js';
