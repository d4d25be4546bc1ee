/** The data every backend gives the elements, in our own JSON schema, whatever it is built on. */
export { RELATED_STRATEGIES, type RelatedStrategy } from '../model/portal-model.js';

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

/**
 * A recorded reading of the article, as the portal publishes it: one of NukeViet 4.5's voices, a
 * WordPress audio attachment or enclosure, or one kept by the reference server.
 */
export interface ArticleVoice {
  /** The voice's id on the portal (NukeViet's voice id), the same for every article it reads. */
  id: string;
  /** Its name as the portal shows it, e.g. "Giọng nữ miền Bắc". */
  title: string;
  /** The audio file, an absolute URL. */
  url: string;
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
  /** Recorded readings, in the portal's order; absent or empty when there are none. */
  voices?: ArticleVoice[];
}
