import { configureFromScript, findOwnScript } from './core/config.js';

// Imported first by the bundle entry, so a data-prefix applies before any element is defined.
configureFromScript(findOwnScript(import.meta.url));
