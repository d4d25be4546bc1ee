import { parseJson } from '../http.js';
import { readingMinutesOfHtml, textFromHtml } from '../html-text.js';
import { mergeRelated, ratingAverage } from '../../model/portal-model.js';
import { BackendError } from '../errors.js';
import type { RelatedStrategy, Article, ArticleSummary, ArticleVoice, Named } from '../schema.js';
import type { Backend, BackendCapabilities, BackendContext } from '../contract.js';
import { Shape } from '../validate.js';

interface Term {
  id: number;
  taxonomy: string;
  name: string;
}

interface Post {
  article: Article;
  categoryIds: number[];
  tagIds: number[];
}

const EMBED = '_embed=author,wp:featuredmedia,wp:term';

/**
 * A WordPress site's REST API (`/wp-json/wp/v2`). Related articles by category, tag (as topic)
 * and date; ratings read from WP-PostRatings' REST route when the site has that plugin. Voting
 * needs the plugin's nonce from the site's own page, so it is not offered from elsewhere.
 */
export function wordpressBackend({ api, http }: BackendContext): Backend {
  const root = api.replace(/\/+$/, '').replace(/\/wp-json.*$/, '');
  const rest = `${root}/wp-json`;
  const posts = new Map<string, Promise<Post>>();

  async function get(url: string, signal?: AbortSignal): Promise<unknown> {
    const response = await http.request(url, { signal });
    if (response.status === 401 || response.status === 403) {
      throw new BackendError(
        'unavailable',
        `${root} answered ${response.status}: its REST API is switched off for visitors (often by a security plugin). Allow anonymous reads of /wp-json/wp/v2/posts.`,
      );
    }
    if (response.status === 404) {
      const body = await response.json().catch(() => null);
      const code = (body as { code?: string } | null)?.code;
      if (code === 'rest_post_invalid_id')
        throw new BackendError('not-found', `${url}: no such post`);
      throw new BackendError(
        'unavailable',
        `No WordPress REST API at ${rest} (404). Check the site address.`,
      );
    }
    if (!response.ok) throw new BackendError('invalid', `${url} answered ${response.status}`);
    return parseJson(response, url);
  }

  function toPost(value: unknown, where: string): Post {
    const shape = new Shape(value, where);
    const embedded = (value as { _embedded?: Record<string, unknown> })._embedded ?? {};
    const terms = (Array.isArray(embedded['wp:term']) ? embedded['wp:term'].flat() : []) as Term[];
    const named = (term: Term | undefined): Named | null =>
      term ? { id: String(term.id), name: term.name } : null;
    const media = (
      Array.isArray(embedded['wp:featuredmedia']) ? embedded['wp:featuredmedia'][0] : null
    ) as {
      source_url?: string;
      alt_text?: string;
      caption?: { rendered?: string };
    } | null;
    const author = (Array.isArray(embedded.author) ? embedded.author[0] : null) as {
      name?: string;
    } | null;
    const content = shape.object('content').string('rendered');
    const published = `${shape.string('date_gmt')}Z`;
    const ids = (name: string) => {
      const list = (value as Record<string, unknown>)[name];
      return Array.isArray(list) ? list.filter((id): id is number => typeof id === 'number') : [];
    };
    return {
      categoryIds: ids('categories'),
      tagIds: ids('tags'),
      article: {
        id: shape.id('id'),
        title: textFromHtml(shape.object('title').string('rendered')),
        url: shape.optionalString('link') || undefined,
        lead: textFromHtml(shape.optionalObject('excerpt')?.optionalString('rendered') ?? ''),
        image: media?.source_url
          ? {
              url: media.source_url,
              alt: media.alt_text ?? '',
              caption: textFromHtml(media.caption?.rendered ?? ''),
            }
          : null,
        publishedAt: new Date(published).toISOString(),
        category: named(terms.find((term) => term.taxonomy === 'category')),
        bodyHtml: content,
        author: author?.name ?? '',
        source: root,
        topic: named(terms.find((term) => term.taxonomy === 'post_tag')),
        updatedAt: new Date(
          `${shape.optionalString('modified_gmt', shape.string('date_gmt'))}Z`,
        ).toISOString(),
        lang: document.documentElement.lang || 'vi',
        readingMinutes: readingMinutesOfHtml(content),
        rating: null,
      },
    };
  }

  function post(id: string, signal?: AbortSignal): Promise<Post> {
    let pending = posts.get(id);
    if (!pending) {
      const url = /^\d+$/.test(id)
        ? `${rest}/wp/v2/posts/${id}?${EMBED}`
        : `${rest}/wp/v2/posts?slug=${encodeURIComponent(id)}&${EMBED}`;
      pending = get(url, signal).then((body) => {
        const found = Array.isArray(body) ? body[0] : body;
        if (!found) throw new BackendError('not-found', `${url}: no post "${id}"`);
        return toPost(found, url);
      });
      pending.catch(() => posts.delete(id));
      posts.set(id, pending);
    }
    return pending;
  }

  async function related(
    id: string,
    strategy: RelatedStrategy,
    limit: number,
    signal?: AbortSignal,
  ): Promise<ArticleSummary[]> {
    const { article, categoryIds, tagIds } = await post(id, signal);
    const query = new URLSearchParams({ exclude: article.id, per_page: String(limit) });
    if (strategy === 'topic') {
      if (!tagIds.length) return [];
      query.set('tags', tagIds.join(','));
    } else {
      if (!categoryIds.length) return [];
      query.set('categories', String(categoryIds[0]));
      if (strategy === 'newer') {
        query.set('after', article.publishedAt);
        query.set('order', 'asc');
      }
      if (strategy === 'older') query.set('before', article.publishedAt);
    }
    const url = `${rest}/wp/v2/posts?${query}&_embed=wp:featuredmedia,wp:term`;
    const list = await get(url, signal);
    if (!Array.isArray(list)) throw new BackendError('bad-response', `${url} did not send a list`);
    return list.map((item, index): ArticleSummary => {
      const { article: related } = toPost(
        { content: { rendered: '' }, ...item },
        `${url}[${index}]`,
      );
      return related;
    });
  }

  /**
   * The audio files attached to the post (the media library's "uploaded to this post"), which the
   * REST API lists with CORS; a feed's enclosures are not reachable from another origin. A site
   * that hides its media list still shows the article, without recordings.
   */
  async function voices(id: string, signal?: AbortSignal): Promise<ArticleVoice[]> {
    const url = `${rest}/wp/v2/media?parent=${id}&media_type=audio&orderby=id&order=asc&_fields=id,title,source_url`;
    const list = await get(url, signal).catch((error: unknown) => {
      if (signal?.aborted) throw error;
      return [];
    });
    if (!Array.isArray(list)) throw new BackendError('bad-response', `${url} did not send a list`);
    return list.map((item, index) => {
      const shape = new Shape(item, `${url}[${index}]`);
      return {
        id: shape.id('id'),
        title: textFromHtml(shape.object('title').string('rendered')),
        url: shape.string('source_url'),
      };
    });
  }

  /** `read` until the site shows it has no rating route; then `none`. */
  let rating: BackendCapabilities['rating'] = 'read';

  return {
    get capabilities(): BackendCapabilities {
      return { rating, related: ['category', 'topic', 'newer', 'older'] };
    },

    async getArticle(id, { signal } = {}) {
      // By number the two requests go together; a slug's post id comes first.
      const recordings = /^\d+$/.test(id) ? voices(id, signal) : undefined;
      // Its failure is awaited below; marked seen so a failed post read reports only its own.
      recordings?.catch(() => undefined);
      const { article } = await post(id, signal);
      return { ...article, voices: await (recordings ?? voices(article.id, signal)) };
    },

    async getRelated(id, { strategies, limit, signal }) {
      const lists = await Promise.all(
        strategies.map((strategy) => related(id, strategy, limit, signal)),
      );
      return mergeRelated(lists, limit);
    },

    async getRating(id, { signal } = {}) {
      const { article } = await post(id, signal);
      const url = `${rest}/postratings/v1/post/${article.id}`;
      const response = await http.request(url, { signal });
      if (response.status === 404) {
        // rest_no_route: no WP-PostRatings on this site, for every post; say so once, quietly.
        rating = 'none';
        throw new BackendError(
          'unsupported',
          `${root} has no rating plugin with a REST API (WP-PostRatings): leave star-rating out of its pages`,
          undefined,
          404,
        );
      }
      const shape = new Shape(await parseJson(response, url), url);
      const count = shape.number('users');
      const total = shape.number('score');
      return {
        total,
        count,
        average: ratingAverage(total, count),
        open: false,
      };
    },

    async rate() {
      throw new BackendError('unsupported', 'WordPress ratings are given on the site’s own page');
    },
  };
}
