import type { Article, ArticleSummary, RatingSummary } from './schema.js';
import type { Backend, BackendCapabilities, RelatedOptions, RequestOptions } from './contract.js';
import { safeUrl } from '../core/safe-url.js';
import { nextTask } from '../core/define.js';

interface Flight<T> {
  promise: Promise<T>;
  controller: AbortController;
  waiting: number;
}

/** Rejects as soon as `signal` aborts, without cancelling the shared work behind `promise`. */
function abortable<T>(
  promise: Promise<T>,
  signal: AbortSignal | undefined,
  leave: () => void,
): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) {
    leave();
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      leave();
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/**
 * The one client every element of a page shares for one backend: answers are cached, identical
 * requests in flight become one, and a request is cancelled only when every element that waits
 * for it has gone. Votes are never cached nor merged.
 */
export class BackendClient {
  private readonly cache = new Map<string, Flight<unknown>>();

  /**
   * @param backend the adapter
   * @param key names the backend and its address, e.g. `rest|https://host/api/v1/`
   * @param base the backend's address: relative addresses in its answers resolve against it
   */
  constructor(
    readonly backend: Backend,
    readonly key = '',
    readonly base = document.baseURI,
  ) {}

  get capabilities(): BackendCapabilities {
    return this.backend.capabilities;
  }

  /**
   * An answer's addresses (the article's page, its image) as the page may use them: absolute
   * against the backend's address, and only http(s); anything else (`javascript:`…) is dropped.
   */
  private withSafeAddresses<T extends ArticleSummary>(item: T): T {
    const imageUrl = safeUrl(item.image?.url, this.base);
    return {
      ...item,
      url: safeUrl(item.url, this.base),
      image: item.image && imageUrl ? { ...item.image, url: imageUrl } : null,
    };
  }

  private shared<T>(
    key: string,
    load: (signal: AbortSignal) => Promise<T>,
    signal?: AbortSignal,
  ): Promise<T> {
    let flight = this.cache.get(key) as Flight<T> | undefined;
    if (!flight) {
      const controller = new AbortController();
      const created: Flight<T> = {
        controller,
        waiting: 0,
        // Handed over in a task of its own: the answer's rendering then never joins the work
        // that produced it (an adapter's first evaluation, reading the page) in one long task.
        promise: load(controller.signal).then(async (value) => {
          await nextTask();
          return value;
        }),
      };
      // A failed or cancelled answer is not kept: the next element (or a retry) asks again.
      created.promise.catch(() => {
        if (this.cache.get(key) === created) this.cache.delete(key);
      });
      this.cache.set(key, created);
      flight = created;
    }
    const current = flight;
    current.waiting += 1;
    let left = false;
    const leave = () => {
      if (left) return;
      left = true;
      current.waiting -= 1;
      if (current.waiting === 0 && this.cache.get(key) === current) {
        // Nobody waits any more: cancel what is still loading.
        current.controller.abort(signal?.reason);
      }
    };
    return abortable(current.promise, signal, leave).finally(() => {
      if (!left) {
        left = true;
        current.waiting -= 1;
      }
    });
  }

  getArticle(id: string, options: RequestOptions = {}): Promise<Article> {
    return this.shared(
      `article:${id}`,
      async (signal) => {
        const article = this.withSafeAddresses(await this.backend.getArticle(id, { signal }));
        // A recording the page cannot play safely (`javascript:`…) is left out, not the article.
        const voices = article.voices?.flatMap((voice) => {
          const url = safeUrl(voice.url, this.base);
          return url ? [{ ...voice, url }] : [];
        });
        return voices ? { ...article, voices } : article;
      },
      options.signal,
    );
  }

  getRelated(id: string, options: RelatedOptions): Promise<ArticleSummary[]> {
    const { strategies, limit, signal } = options;
    return this.shared(
      `related:${id}:${strategies.join(',')}:${limit}`,
      async (shared) =>
        (await this.backend.getRelated(id, { strategies, limit, signal: shared })).map((item) =>
          this.withSafeAddresses(item),
        ),
      signal,
    );
  }

  /**
   * The rating summary, from the rating endpoint itself: read beside the article, never after
   * it, so a backend that hangs is reported once per time-out, and the visitor's own score
   * (which only the rating endpoint knows) comes with it.
   */
  getRating(id: string, options: RequestOptions = {}): Promise<RatingSummary> {
    return this.shared(
      `rating:${id}`,
      (signal) => this.backend.getRating(id, { signal }),
      options.signal,
    );
  }

  async rate(id: string, score: number, options: RequestOptions = {}): Promise<RatingSummary> {
    const summary = await this.backend.rate(id, score, options);
    this.cache.delete(`rating:${id}`);
    const article = this.cache.get(`article:${id}`) as Flight<Article> | undefined;
    // Later readers of the cached article see the confirmed summary.
    if (article) {
      article.promise = article.promise.then((value) => ({ ...value, rating: summary }));
    }
    return summary;
  }
}
