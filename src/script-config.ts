import { configureFromScript, findOwnScript } from './core/config.js';
import { defineHeldInTurns, holdDefinitions } from './core/define.js';
import { getPagePreferences } from './prefs/page-preferences.js';

// Imported first by the bundle entry, so a data-prefix applies before any element is defined, and
// the elements imported after it wait for startOnPage.
configureFromScript(findOwnScript(import.meta.url), import.meta.url);
if (typeof document !== 'undefined') holdDefinitions();

/**
 * What a script-tag file does on the page once its modules are evaluated; nothing in Node. The
 * first Portal Widgets file on the page keeps `window.PortalWidgets` (a second copy changes
 * nothing), and saved preferences apply at once, on every page that loads one, with or without a
 * toolbar. Then the elements are defined in the order the entry imports them (the toolbar
 * first), each in a task of its own, so that no task of ours keeps a phone busy for long.
 */
export function startOnPage(api: object): void {
  if (typeof document === 'undefined') return;
  const page = window as { PortalWidgets?: unknown };
  page.PortalWidgets ??= api;
  getPagePreferences();
  void defineHeldInTurns();
}
