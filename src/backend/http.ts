import { BackendError } from './errors.js';

export interface HttpOptions {
  /** Per attempt, in ms. */
  timeout: number;
  /** Extra attempts for reads that failed on the network, timed out or got a 5xx. */
  retries: number;
  /** The first back-off, doubled each time. */
  backoff: number;
  fetch: typeof fetch;
}

export interface HttpRequest extends RequestInit {
  signal?: AbortSignal;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });

/**
 * Fetch with what every adapter needs: a time-out per attempt, retries with back-off for reads
 * only (a vote is never sent twice by us), and failures as typed BackendErrors.
 */
export class Http {
  constructor(readonly options: HttpOptions) {}

  async request(url: string, init: HttpRequest = {}): Promise<Response> {
    const method = (init.method ?? 'GET').toUpperCase();
    const attempts = method === 'GET' ? this.options.retries + 1 : 1;
    let lastError: BackendError | undefined;
    for (let attempt = 0; attempt < attempts; attempt += 1) {
      if (attempt) await sleep(this.options.backoff * 2 ** (attempt - 1), init.signal);
      const timeout = AbortSignal.timeout(this.options.timeout);
      const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
      try {
        const response = await this.options.fetch(url, { ...init, signal });
        if (response.status < 500) return response;
        lastError = new BackendError(
          'network',
          `${url} answered ${response.status}`,
          undefined,
          response.status,
        );
      } catch {
        if (init.signal?.aborted) throw init.signal.reason;
        lastError = timeout.aborted
          ? new BackendError('timeout', `${url} did not answer within ${this.options.timeout} ms`)
          : new BackendError('network', `Could not reach ${url} (offline, or blocked by CORS)`);
      }
    }
    throw lastError;
  }

  /** JSON of a successful response; an error status or a non-JSON body becomes a BackendError. */
  async json<T>(url: string, init: HttpRequest = {}): Promise<T> {
    return okJson<T>(await this.request(url, init), url);
  }
}

/** What `Http.json` makes of a response, for an adapter that looks at it first. */
export async function okJson<T>(response: Response, url: string): Promise<T> {
  if (!response.ok)
    throw new BackendError(
      response.status === 404 ? 'not-found' : 'invalid',
      `${url} answered ${response.status}`,
      undefined,
      response.status,
    );
  return parseJson<T>(response, url);
}

export async function parseJson<T>(response: Response, url: string): Promise<T> {
  try {
    return (await response.json()) as T;
  } catch {
    throw new BackendError('bad-response', `${url} did not answer with JSON`);
  }
}
