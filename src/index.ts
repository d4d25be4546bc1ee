import { startOnPage } from './script-config.js';
import { configure, getConfig } from './core/config.js';
import { clientFor, registerBackend } from './backend/registry.js';
import { BackendError } from './backend/errors.js';
import { getScriptUrl } from './core/config.js';
import { tagName } from './core/define.js';

export { FontScaler } from './elements/font-scaler/font-scaler.define.js';
export { ContrastToggle } from './elements/contrast-toggle/contrast-toggle.define.js';
export { ArticleView } from './elements/article-view/article-view.define.js';
export { RelatedList } from './elements/related-list/related-list.define.js';
export { StarRating } from './elements/star-rating/star-rating.define.js';
// Not in this bundle: read-aloud.js loads beside it when a page has one (loadReadAloud below);
// bundlers import 'portal-widgets/read-aloud'.
export type { ReadAloud } from './elements/read-aloud/read-aloud.define.js';
export {
  TextScaleChangeEvent,
  ContrastChangeEvent,
  ArticleLoadEvent,
  ArticleErrorEvent,
  RatingChangeEvent,
} from './bases/events.js';
export type { ReadAloudEvent, ReadAloudDetail } from './bases/events.js';
export { BackendError };
export type * from './backend/schema.js';
export type * from './backend/contract.js';
export type { BackendErrorCode } from './backend/errors.js';
export { configure, registerBackend };
export type { PortalWidgetsConfig } from './core/config.js';
export type { Contrast } from './prefs/store.js';

// Replaced by the package's version at build; declared here so no global leaks into users' types.
declare const __VERSION__: string;

/** The page-wide API for script-tag users, as `window.PortalWidgets`. */
export const PortalWidgets = {
  configure,
  getConfig,
  registerBackend,
  BackendError,
  /** An article from the backend `element`'s settings name (the page's, by default). */
  getArticle: (id: string, element: Element = document.documentElement) =>
    clientFor(element).getArticle(id),
  version: __VERSION__,
};

declare global {
  interface Window {
    PortalWidgets?: typeof PortalWidgets;
  }
}

declare const __SINGLE_FILE__: boolean;

/** The script-tag bundles fetch read-aloud.js, from beside themselves, for a page that has a read-aloud. */
function loadReadAloud(): void {
  if (!__SINGLE_FILE__ || typeof document === 'undefined') return;
  if (!document.querySelector(tagName('read-aloud'))) return;
  const url = new URL('read-aloud.js', getScriptUrl() ?? location.href).href;
  import(/* @vite-ignore */ url).catch((error: unknown) =>
    console.error(`Portal Widgets: could not load ${url} for <read-aloud>.`, error),
  );
}

startOnPage(PortalWidgets);
loadReadAloud();
