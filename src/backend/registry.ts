import { getConfig, getScriptUrl, reportBadSetting } from '../core/config.js';
import { restBackend } from './adapters/rest.js';
import { BackendClient } from './client.js';
import { Http } from './http.js';
import { nextTask } from '../core/define.js';
import type { Backend, BackendCapabilities, BackendContext, BackendFactory } from './contract.js';
import { RELATED_STRATEGIES } from './schema.js';

declare const __SINGLE_FILE__: boolean;

type LazyAdapter = 'wordpress' | 'nukeviet' | 'static';

/**
 * The adapters most portals do not need are loaded on first use: beside the script-tag bundle
 * as adapters/<name>.js, or as chunks for bundler users.
 */
function loadAdapter(name: LazyAdapter): Promise<BackendFactory> {
  if (__SINGLE_FILE__) {
    const url = new URL(`adapters/${name}.js`, getScriptUrl() ?? location.href).href;
    return import(/* @vite-ignore */ url).then(
      (module: { default: BackendFactory }) => module.default,
    );
  }
  switch (name) {
    case 'wordpress':
      return import('./adapters/wordpress.js').then((module) => module.wordpressBackend);
    case 'nukeviet':
      return import('./adapters/nukeviet.js').then((module) => module.nukevietBackend);
    default:
      return import('./adapters/static.js').then((module) => module.staticBackend);
  }
}

/**
 * What a lazily loaded adapter can do, known before it loads (a star-rating must know at once
 * whether to offer voting). The adapters declare the same; a test keeps the two equal.
 */
export const LAZY_CAPABILITIES: Record<LazyAdapter, (api: URL) => BackendCapabilities> = {
  wordpress: () => ({ rating: 'read', related: ['category', 'topic', 'newer', 'older'] }),
  nukeviet: (api) => ({
    rating: api.origin === location.origin ? 'write' : 'none',
    related: ['topic', 'newer', 'older'],
  }),
  static: () => ({ rating: 'read', related: RELATED_STRATEGIES }),
};

/** A backend whose code loads on the first request, with its capabilities known at once. */
function lazyBackend(name: LazyAdapter, context: BackendContext): Backend {
  let loaded: Promise<Backend> | undefined;
  let adapter: Backend | undefined;
  const backend = () =>
    // Used from the task after the one that evaluated its module, so the two never make one long task.
    (loaded ??= loadAdapter(name).then(async (factory) => {
      await nextTask();
      return (adapter = factory(context));
    }));
  const declared = LAZY_CAPABILITIES[name](new URL(context.api));
  return {
    // Once loaded, the adapter's own: it may learn more (a WordPress site without ratings).
    get capabilities() {
      return adapter?.capabilities ?? declared;
    },
    getArticle: async (id, options) => (await backend()).getArticle(id, options),
    getRelated: async (id, options) => (await backend()).getRelated(id, options),
    getRating: async (id, options) => (await backend()).getRating(id, options),
    rate: async (id, score, options) => (await backend()).rate(id, score, options),
  };
}

const DEFAULT_TIMEOUT = 8000;
const NAME_PATTERN = /^[a-z][a-z0-9-]*$/;
/** A site id as the reference server takes it. */
const SITE_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

const factories = new Map<string, BackendFactory>([
  ['rest', restBackend],
  ...(['wordpress', 'nukeviet', 'static'] as const).map((name): [string, BackendFactory] => [
    name,
    (context) => lazyBackend(name, context),
  ]),
]);

/** One client per backend and address, shared by every element of the page. */
const clients = new Map<string, BackendClient>();

/**
 * Adds an adapter for an agency's own API, usable as `data-backend="<name>"` or
 * `backend="<name>"`. The factory gets the base URL and the shared HTTP helper.
 */
export function registerBackend(name: string, factory: BackendFactory): void {
  if (!NAME_PATTERN.test(name)) {
    throw new TypeError(`Backend name "${name}" must be lowercase letters, digits and dashes`);
  }
  if (typeof factory !== 'function')
    throw new TypeError(`Backend "${name}" needs a factory function`);
  factories.set(name, factory);
  for (const key of clients.keys()) if (key.startsWith(`${name}|`)) clients.delete(key);
  const callbacks = waiting.get(name);
  waiting.delete(name);
  callbacks?.forEach((callback) => callback());
}

/** Elements waiting for an adapter that a later script registers. */
const waiting = new Map<string, Map<object, () => void>>();

/** Calls `callback` once when `name` is registered (the element then loads again); one per `owner`. */
export function whenRegistered(name: string, owner: object, callback: () => void): void {
  if (factories.has(name)) return;
  waiting.set(name, (waiting.get(name) ?? new Map()).set(owner, callback));
}

/** Why an element cannot reach its backend, in words for the webmaster's console. */
export class BackendConfigError extends Error {
  override readonly name = 'BackendConfigError';

  /** Set when the cause is an adapter name nothing has registered (yet). */
  constructor(
    message: string,
    readonly unknownBackend?: string,
  ) {
    super(message);
  }
}

/** After the page has loaded, so an adapter registered by a later script is not reported. */
function afterLoad(report: () => void): void {
  if (document.readyState === 'complete') setTimeout(report);
  else addEventListener('load', () => setTimeout(report), { once: true });
}

/**
 * The client for an element: its own `api` / `backend` / `site` (property or attribute) first,
 * then PortalWidgets.configure(), then the script tag's data-api / data-backend / data-site. A
 * bad value is reported once in the console, naming the attribute, the value and the fix.
 */
export function clientFor(
  element: Element & { api?: string; backend?: string; site?: string },
): BackendClient {
  const config = getConfig();
  // The property first: one set by a framework (or `el.api = …`) is reflected only after the
  // element's first request has been made.
  const backendAttribute = element.backend ?? element.getAttribute('backend');
  const apiAttribute = element.api ?? element.getAttribute('api');
  const siteAttribute = element.site ?? element.getAttribute('site');
  const backend = backendAttribute ?? config.backend ?? 'rest';
  const where = (attribute: string, own: string | null) =>
    own !== null
      ? `<${element.localName} ${attribute}`
      : `data-${attribute} (or configure({ ${attribute} }))`;

  const fail = (attribute: string, value: string, fix: string): never => {
    const own = { backend: backendAttribute, api: apiAttribute, site: siteAttribute };
    reportBadSetting(where(attribute, own[attribute as keyof typeof own] ?? null), value, fix);
    throw new BackendConfigError(`${attribute}="${value}" is not valid. ${fix}`);
  };

  const factory = factories.get(backend);
  if (!factory) {
    const fix = `Use one of ${[...factories.keys()].join(', ')}, or register it: PortalWidgets.registerBackend("${backend}", factory).`;
    afterLoad(() => {
      if (!factories.has(backend))
        reportBadSetting(where('backend', backendAttribute), backend, fix);
    });
    throw new BackendConfigError(`backend="${backend}" is not valid. ${fix}`, backend);
  }
  const rawApi =
    apiAttribute ?? config.api ?? (backend === 'nukeviet' ? location.origin : undefined);
  if (!rawApi) {
    const message =
      'No backend address: add data-api="https://…/api/v1" to the Portal Widgets <script> tag, or an api attribute on this element.';
    console.error(`Portal Widgets: ${message}`);
    throw new BackendConfigError(message);
  }
  let api: URL | undefined;
  try {
    api = new URL(rawApi, document.baseURI);
  } catch {
    api = undefined;
  }
  if (!api || !/^https?:$/.test(api.protocol)) {
    fail(
      'api',
      rawApi,
      'Use the http(s) address of the backend, e.g. "https://portal.example.gov.vn/api/v1".',
    );
  }
  const site = siteAttribute ?? config.site;
  if (site !== undefined && !SITE_PATTERN.test(site)) {
    fail('site', site, 'Use the site id the server was given, e.g. "xa-hoa-binh".');
  }
  let timeout = config.timeout ?? DEFAULT_TIMEOUT;
  // A wrong time-out is said once and replaced by the default: the widgets keep working.
  if (!Number.isFinite(timeout) || timeout < 100) {
    reportBadSetting(
      'data-timeout (or configure({ timeout }))',
      String(config.timeout),
      `Use milliseconds, at least 100, e.g. 8000. ${DEFAULT_TIMEOUT} is used meanwhile.`,
    );
    timeout = DEFAULT_TIMEOUT;
  }

  // Without a site, the key as before sites: votes kept by an earlier visit still find their client.
  const key = site ? `${backend}|${api!.href}|site=${site}` : `${backend}|${api!.href}`;
  let client = clients.get(key);
  if (!client) {
    const http = new Http({
      timeout,
      retries: 2,
      backoff: 300,
      fetch: config.fetch ?? ((input, init) => fetch(input, init)),
    });
    client = new BackendClient(factory!({ api: api!.href, http, site }), key, api!.href);
    clients.set(key, client);
  }
  return client;
}
