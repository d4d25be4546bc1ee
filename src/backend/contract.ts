/** What an adapter promises the elements: its capabilities and its four calls. */
import type { Http } from './http.js';
import type { RelatedStrategy } from '../model/portal-model.js';
import type { Article, ArticleSummary, RatingSummary } from './schema.js';

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

/** What a backend factory gets: where the backend is, and the HTTP helper every adapter shares. */
export interface BackendContext {
  /** The base URL, absolute. */
  api: string;
  /** The site on a backend that serves several (the reference server's `/sites/{site}`). */
  site?: string;
  http: Http;
}

export type BackendFactory = (context: BackendContext) => Backend;
