export { BackendClient } from './client.js';
export { Http, type HttpOptions } from './http.js';
export { registerBackend, clientFor, BackendConfigError } from './registry.js';
export * from './types.js';
export { restBackend } from './adapters/rest.js';
export { wordpressBackend } from './adapters/wordpress.js';
export { nukevietBackend } from './adapters/nukeviet.js';
export { staticBackend } from './adapters/static.js';
