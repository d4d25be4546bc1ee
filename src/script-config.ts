import { configureFromScript, findOwnScript } from './core/config.js';
import { getPagePreferences } from './prefs/page-preferences.js';

// Imported first by the bundle entry, so a data-prefix applies before any element is defined.
configureFromScript(findOwnScript(import.meta.url));

/**
 * What a script-tag file does on the page once its elements are defined; nothing in Node. The
 * first Portal Widgets file on the page keeps `window.PortalWidgets` (a second copy changes
 * nothing), and saved preferences apply on every page that loads one, with or without a toolbar.
 */
export function startOnPage(api: object): void {
  if (typeof document === 'undefined') return;
  const page = window as { PortalWidgets?: unknown };
  page.PortalWidgets ??= api;
  getPagePreferences();
}
