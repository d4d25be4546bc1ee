import { mergeRelated } from '../../model/portal-model.js';
import { BackendError } from '../errors.js';
import { RELATED_STRATEGIES } from '../schema.js';
import type { Backend, BackendContext } from '../contract.js';
import { articleFrom, summaryFrom } from '../schema-reader.js';
import { Shape } from '../validate.js';

/**
 * A folder of JSON files, for portals that can only upload files:
 * `<folder>/articles/<id>.json` (an article in our schema, its `rating` read-only) and
 * `<folder>/related/<id>.json` (`{ "topic": [...], "newer": [...], "older": [...], "category": [...] }`).
 */
export function staticBackend({ api, http }: BackendContext): Backend {
  const base = api.replace(/\/+$/, '');
  const articleUrl = (id: string) => `${base}/articles/${encodeURIComponent(id)}.json`;
  return {
    capabilities: { rating: 'read', related: RELATED_STRATEGIES },

    async getArticle(id, { signal } = {}) {
      return articleFrom(await http.json(articleUrl(id), { signal }), articleUrl(id));
    },

    async getRelated(id, { strategies, limit, signal }) {
      const url = `${base}/related/${encodeURIComponent(id)}.json`;
      const shape = new Shape(await http.json(url, { signal }), url);
      return mergeRelated(
        strategies.map((strategy) => shape.optionalArray(strategy).map(summaryFrom)),
        limit,
      );
    },

    async getRating(id, { signal } = {}) {
      const article = await this.getArticle(id, { signal });
      if (!article.rating) throw new BackendError('unsupported', `${articleUrl(id)} has no rating`);
      return article.rating;
    },

    async rate() {
      throw new BackendError('unsupported', 'A static folder cannot record votes');
    },
  };
}
