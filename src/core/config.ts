/** Page-wide settings, from the script tag's data-* attributes or PortalWidgets.configure(). */
export interface PortalWidgetsConfig {
  /** Registers every element as `<prefix>-<tag>`, for pages where a tag name is taken. */
  prefix?: string;
  /** `none` leaves the page's high-contrast look to the portal's own CSS. */
  contrastStyles?: 'builtin' | 'none';
  /** The backend's base URL, e.g. `https://portal.example.gov.vn/api/v1`. */
  api?: string;
  /** The adapter: `rest` (default), `wordpress`, `nukeviet`, `static`, or a registered name. */
  backend?: string;
  /**
   * The portal's site on a server that serves several (`xa-hoa-binh`); without it, the
   * reference server's default site.
   */
  site?: string;
  /** Time-out per request in ms (default 8000). */
  timeout?: number;
  /** A fetch to use instead of the browser's, e.g. to add headers. */
  fetch?: typeof fetch;
}

const PREFIX_PATTERN = /^[a-z][a-z0-9]*$/;

let current: PortalWidgetsConfig = {};
/** The address of the script tag that loaded the bundle: files shipped beside it load from there. */
let scriptUrl: string | undefined;

export function getScriptUrl(): string | undefined {
  return scriptUrl;
}

const reported = new Set<string>();

/** Logs one clear message naming the setting, the bad value and the fix; once per setting and value. */
export function reportBadSetting(where: string, value: string, fix: string): void {
  const message = `Portal Widgets: ${where}="${value}" is not valid. ${fix}`;
  if (reported.has(message)) return;
  reported.add(message);
  console.error(message);
}

/**
 * Merges settings into the page configuration; invalid values are reported and ignored.
 * `source` names the settings in error messages: `data-` for the script tag's attributes.
 */
export function configure(settings: PortalWidgetsConfig, source = ''): PortalWidgetsConfig {
  const { prefix, contrastStyles, ...backend } = settings;
  // Backend settings are checked where they are used; `{ api: undefined }` clears one.
  current = { ...current, ...backend };
  if (prefix !== undefined) {
    if (PREFIX_PATTERN.test(prefix)) current = { ...current, prefix };
    else
      reportBadSetting(
        `${source}prefix`,
        prefix,
        'Use lowercase letters and digits starting with a letter, e.g. "gov" for <gov-font-scaler>.',
      );
  }
  if (contrastStyles !== undefined) {
    if (contrastStyles === 'builtin' || contrastStyles === 'none')
      current = { ...current, contrastStyles };
    else
      reportBadSetting(
        source ? `${source}contrast-styles` : 'contrastStyles',
        contrastStyles,
        'Use "builtin" (the default) or "none" to style high contrast with your own CSS.',
      );
  }
  return current;
}

export function getConfig(): Readonly<PortalWidgetsConfig> {
  return current;
}

/**
 * Finds the script tag that loaded a module: `document.currentScript` for classic scripts,
 * otherwise the `<script src>` whose URL is the module's own.
 */
export function findOwnScript(moduleUrl: string | undefined): HTMLScriptElement | null {
  // Imported in Node (server rendering, tests of a bundler setup): there is no script tag.
  if (typeof document === 'undefined') return null;
  const classic = document.currentScript;
  if (classic instanceof HTMLScriptElement) return classic;
  for (const script of document.querySelectorAll<HTMLScriptElement>('script[src]')) {
    if (script.src === moduleUrl) return script;
  }
  return null;
}

/** Applies the embedding script tag's `data-prefix`, `data-contrast-styles`, `data-api`, `data-backend`, `data-site`, `data-timeout`. */
export function configureFromScript(script: HTMLScriptElement | null, moduleUrl?: string): void {
  // Imported with import() rather than a tag: the files beside it are beside the module.
  scriptUrl = script?.src || moduleUrl;
  const { prefix, contrastStyles, api, backend, site, timeout } = script?.dataset ?? {};
  const settings: PortalWidgetsConfig = {
    prefix,
    contrastStyles: contrastStyles as PortalWidgetsConfig['contrastStyles'],
  };
  // Only the attributes present: an absent one must not clear a configure() call.
  if (api !== undefined) settings.api = api;
  if (backend !== undefined) settings.backend = backend;
  if (site !== undefined) settings.site = site;
  if (timeout !== undefined) settings.timeout = Number(timeout);
  configure(settings, 'data-');
}
