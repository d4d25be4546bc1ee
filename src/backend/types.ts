/** What every backend gives the elements, whatever it is built on. */
import type { RelatedStrategy } from '../model/portal-model.js';

export interface Named {
  id: string;
  name: string;
}

export interface ArticleImage {
  url: string;
  alt: string;
  caption: string;
}

export interface RatingSummary {
  /** Sum of all points given. */
  total: number;
  /** Number of ratings. */
  count: number;
  /** total / count, one decimal; 0 with no ratings. */
  average: number;
  /** Whether visitors may still rate. */
  open: boolean;
  /** The score this visitor gave, when the backend knows it. */
  yourScore?: number;
}

export interface ArticleSummary {
  id: string;
  title: string;
  /** The article's own page, when the backend knows it. */
  url?: string;
  lead: string;
  image: ArticleImage | null;
  /** ISO 8601. */
  publishedAt: string;
  category: Named | null;
}

export interface Article extends ArticleSummary {
  /** HTML from the backend: sanitise before it reaches the DOM. */
  bodyHtml: string;
  author: string;
  source: string;
  topic: Named | null;
  updatedAt: string;
  lang: string;
  readingMinutes: number;
  /** The rating summary, when the backend sends it with the article. */
  rating: RatingSummary | null;
}

export { RELATED_STRATEGIES, type RelatedStrategy } from '../model/portal-model.js';

export interface BackendCapabilities {
  /** `write`: visitors can vote; `read`: the summary only; `none`: no ratings at all. */
  rating: 'none' | 'read' | 'write';
  related: readonly RelatedStrategy[];
}

export interface RequestOptions {
  signal?: AbortSignal;
}

export interface RelatedOptions extends RequestOptions {
  /** One or more strategies, merged in this order without repeats. */
  strategies: readonly RelatedStrategy[];
  limit: number;
}

/** One backend: our reference API, WordPress, NukeViet, a static folder, or an agency's own. */
export interface Backend {
  readonly capabilities: BackendCapabilities;
  getArticle(id: string, options?: RequestOptions): Promise<Article>;
  getRelated(id: string, options: RelatedOptions): Promise<ArticleSummary[]>;
  getRating(id: string, options?: RequestOptions): Promise<RatingSummary>;
  rate(id: string, score: number, options?: RequestOptions): Promise<RatingSummary>;
}

export type BackendErrorCode =
  | 'not-found'
  | 'already-voted'
  // The page's voting permission lapsed (NukeViet's PHP session): a reload gives a new one.
  | 'session-expired'
  | 'rating-closed'
  | 'invalid'
  | 'network'
  | 'timeout'
  | 'bad-response'
  | 'rate-limited'
  // The server does not take votes from this page's origin (its ALLOWED_ORIGINS).
  | 'origin-not-allowed'
  | 'unavailable'
  | 'unsupported';

/** Marks a BackendError made by any copy of this module (see `Symbol.hasInstance` below). */
const BACKEND_ERROR = Symbol.for('portal-widgets.BackendError');

/**
 * A failure the elements can explain to the visitor; `summary` comes with vote refusals, and
 * `status` is the HTTP status when the backend did answer.
 */
export class BackendError extends Error {
  override readonly name = 'BackendError';
  readonly [BACKEND_ERROR] = true;

  /**
   * `instanceof BackendError` by mark, not by class identity: an adapter file loaded beside a
   * script-tag bundle (adapters/*.js) carries its own copy of this class.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (this !== BackendError) return Function.prototype[Symbol.hasInstance].call(this, value);
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as { [BACKEND_ERROR]?: unknown })[BACKEND_ERROR] === true
    );
  }

  constructor(
    readonly code: BackendErrorCode,
    message: string,
    readonly summary?: RatingSummary,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** Merges lists in order, each article once, at most `limit`. */
export function mergeRelated(lists: ArticleSummary[][], limit: number): ArticleSummary[] {
  const seen = new Set<string>();
  return lists
    .flat()
    .filter((item) => !seen.has(item.id) && Boolean(seen.add(item.id)))
    .slice(0, limit);
}

/** What a backend factory gets: where the backend is, and the HTTP helper every adapter shares. */
export interface BackendContext {
  /** The base URL, absolute. */
  api: string;
  http: import('./http.js').Http;
}

export type BackendFactory = (context: BackendContext) => Backend;
