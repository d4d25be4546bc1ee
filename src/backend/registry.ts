import { getConfig, reportBadSetting } from '../core/config.js';
import { nukevietBackend } from './adapters/nukeviet.js';
import { restBackend } from './adapters/rest.js';
import { staticBackend } from './adapters/static.js';
import { wordpressBackend } from './adapters/wordpress.js';
import { BackendClient } from './client.js';
import { Http } from './http.js';
import type { BackendFactory } from './types.js';

const DEFAULT_TIMEOUT = 8000;
const NAME_PATTERN = /^[a-z][a-z0-9-]*$/;

const factories = new Map<string, BackendFactory>([
  ['rest', restBackend],
  ['wordpress', wordpressBackend],
  ['nukeviet', nukevietBackend],
  ['static', staticBackend],
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
}

/** Why an element cannot reach its backend, in words for the webmaster's console. */
export class BackendConfigError extends Error {
  override readonly name = 'BackendConfigError';
}

/**
 * The client for an element: its own `api` / `backend` attributes first, then
 * PortalWidgets.configure(), then the script tag's data-api / data-backend. A bad value is
 * reported once in the console, naming the attribute, the value and the fix.
 */
export function clientFor(element: Element): BackendClient {
  const config = getConfig();
  const backendAttribute = element.getAttribute('backend');
  const apiAttribute = element.getAttribute('api');
  const backend = backendAttribute ?? config.backend ?? 'rest';
  const where = (attribute: string, own: string | null) =>
    own !== null
      ? `<${element.localName} ${attribute}`
      : `data-${attribute} (or configure({ ${attribute} }))`;

  const fail = (attribute: string, value: string, fix: string): never => {
    reportBadSetting(
      where(attribute, attribute === 'backend' ? backendAttribute : apiAttribute),
      value,
      fix,
    );
    throw new BackendConfigError(`${attribute}="${value}" is not valid. ${fix}`);
  };

  const factory = factories.get(backend);
  if (!factory) {
    fail(
      'backend',
      backend,
      `Use one of ${[...factories.keys()].join(', ')}, or PortalWidgets.registerBackend("${backend}", factory) first.`,
    );
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
  const timeout = config.timeout ?? DEFAULT_TIMEOUT;
  if (!Number.isFinite(timeout) || timeout < 100) {
    fail('timeout', String(config.timeout), 'Use milliseconds, at least 100, e.g. 8000.');
  }

  const key = `${backend}|${api!.href}`;
  let client = clients.get(key);
  if (!client) {
    const http = new Http({
      timeout,
      retries: 2,
      backoff: 300,
      fetch: config.fetch ?? ((input, init) => fetch(input, init)),
    });
    client = new BackendClient(factory!({ api: api!.href, http }), key);
    clients.set(key, client);
  }
  return client;
}
