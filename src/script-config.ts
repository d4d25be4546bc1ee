import { configureFromScript, findOwnScript } from './core/config.js';
import { defineHeldInTurns, holdDefinitions, nextTask, tagName } from './core/define.js';
import { getPagePreferences } from './prefs/page-preferences.js';

// Imported first by the bundle entry, so a data-prefix applies before any element is defined, and
// the elements imported after it wait for startOnPage.
configureFromScript(findOwnScript(import.meta.url));
if (typeof document !== 'undefined') holdDefinitions();

/** The elements whose first render shows a number (a percentage, a rating) or a date. */
const FORMATTING = ['font-scaler', 'article-view', 'star-rating', 'related-list'];
/** Those among them that show a date. */
const DATING = ['article-view', 'related-list'];

/**
 * What a script-tag file does on the page once its modules are evaluated; nothing in Node. The
 * first Portal Widgets file on the page keeps `window.PortalWidgets` (a second copy changes
 * nothing), and saved preferences apply at once, on every page that loads one, with or without a
 * toolbar. Then the browser's number and date data load, and the elements are defined in the
 * order the entry imports them (the toolbar first), each in a task of its own, so that no task of
 * ours keeps a phone busy for long.
 */
export function startOnPage(api: object): void {
  if (typeof document === 'undefined') return;
  const page = window as { PortalWidgets?: unknown };
  page.PortalWidgets ??= api;
  getPagePreferences();
  void warmUpFormats().then(defineHeldInTurns);
}

const onPage = (bases: string[]) =>
  document.querySelector(bases.map((base) => tagName(base)).join(',')) !== null;

/**
 * The first Intl formatter on a page loads the browser's locale data (about 75 ms on a phone, in
 * one call that cannot be cut), and the first date formatter its calendar data: each in a task of
 * its own, before the elements that need them, rather than inside the first render of one of them.
 */
async function warmUpFormats(): Promise<void> {
  if (!onPage(FORMATTING)) return;
  await nextTask();
  new Intl.NumberFormat().format(0);
  if (!onPage(DATING)) return;
  await nextTask();
  new Intl.DateTimeFormat().format(0);
}
