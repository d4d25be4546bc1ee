// axe-core's browser build registers window.axe and exports nothing of its own.
declare module 'axe-core/axe.min.js';
