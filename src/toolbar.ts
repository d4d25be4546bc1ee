// The accessibility bar alone, font-scaler and contrast-toggle, as one self-contained file for
// portals that want only that (about half the bytes of portal-widgets.js).
import { startOnPage } from './script-config.js';
import { configure, getConfig } from './core/config.js';

export { FontScaler } from './elements/font-scaler/font-scaler.define.js';
export { ContrastToggle } from './elements/contrast-toggle/contrast-toggle.define.js';
export { TextScaleChangeEvent, ContrastChangeEvent } from './bases/events.js';
export { configure };

// Replaced by the package's version at build.
declare const __VERSION__: string;

/** `window.PortalWidgets` when this file is the first Portal Widgets script on the page. */
export const PortalWidgets = { configure, getConfig, version: __VERSION__ };

startOnPage(PortalWidgets);
