import type { FastifyPluginAsync } from 'fastify';
import {
  countWords,
  mergeRelated,
  readingMinutes,
  type RelatedStrategy,
} from '../../src/model/portal-model.js';
import type { SummaryRow } from '../repository.js';
import { summaryOf as ratingOf } from '../repository.js';
import type { VoterTokens } from '../voter-token.js';
import { sendError } from './errors.js';
import { articleSchema, listSchema, MAX_ID, relatedSchema, routeSchema } from './schemas.js';
import type { SiteScope } from './site-scope.js';
import { personal, voterOf } from './voter.js';

export interface ArticlesOptions {
  scope: SiteScope;
  /** Registered under `/sites/:site`; otherwise at the old addresses, for the default site. */
  scoped: boolean;
  tokens: VoterTokens;
  /** Prefix for the server's own files (PUBLIC_URL), '' for path-absolute addresses. */
  publicUrl: string;
}

/** A date as the database stores it (`toISOString`). */
const STORED_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** The position a `nextCursor` names, or undefined for anything this API did not give out. */
function cursorFrom(cursor: string): { publishedAt: string; id: number } | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined;
  const [publishedAt = '', id = '', extra] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (extra !== undefined || !STORED_DATE.test(publishedAt) || !/^[1-9]\d{0,9}$/.test(id)) {
    return undefined;
  }
  return Number(id) <= MAX_ID ? { publishedAt, id: Number(id) } : undefined;
}

const cursorOf = (row: SummaryRow) =>
  Buffer.from(`${row.published_at}|${row.id}`).toString('base64url');

/** Articles: the list, one article, related articles. */
export const articlesPlugin: FastifyPluginAsync<ArticlesOptions> = async (
  api,
  { scope, scoped, tokens, publicUrl },
) => {
  // Cached answers are the same for everyone: no request header may change an address in them.
  const absolute = (url: string) =>
    url.startsWith('/') && !url.startsWith('//') ? `${publicUrl}${url}` : url;
  const summaryOf = (row: SummaryRow) => ({
    id: row.id,
    slug: row.slug,
    title: row.title,
    lead: row.lead,
    image: row.image_url
      ? { url: absolute(row.image_url), alt: row.image_alt, caption: row.image_caption }
      : null,
    category: { id: row.category_id, name: row.category_name },
    publishedAt: row.published_at,
  });

  api.get('/articles', { schema: routeSchema(listSchema, scoped) }, async (request, reply) => {
    const { category, limit, cursor } = request.query as {
      category?: string;
      limit: number;
      cursor?: string;
    };
    const after = cursor ? cursorFrom(cursor) : undefined;
    if (cursor && !after) {
      return sendError(reply, 400, 'invalid', 'cursor is not one this API gave out');
    }
    const { rows, hasMore } = await scope
      .repositoryFor(request)
      .list({ category, cursor: after, limit });
    const last = rows.at(-1);
    return {
      items: rows.map(summaryOf),
      nextCursor: hasMore && last ? cursorOf(last) : null,
    };
  });

  api.get(
    '/articles/:id',
    { schema: routeSchema(articleSchema, scoped) },
    async (request, reply) => {
      const { id } = request.params as { id: number };
      const repository = scope.repositoryFor(request);
      // With the voter's token the answer is theirs: fresh, with their score, never cached.
      const voter = voterOf(tokens, request);
      if (voter) {
        personal(reply);
        if (scope.originRefused(request))
          return scope.refuseOrigin(request, reply, 'read as a voter');
      }
      const row = await repository.read(id, voter);
      if (!row) return sendError(reply, 404, 'not-found', `No article ${id}`);
      return {
        ...summaryOf(row),
        bodyHtml: row.body_html,
        author: row.author,
        source: row.source_name,
        topic: row.topic_id ? { id: row.topic_id, name: row.topic_name ?? '' } : null,
        updatedAt: row.updated_at,
        lang: row.lang,
        readingMinutes: readingMinutes(row.word_count ?? countWords(row.body_html)),
        rating: ratingOf(row),
        voices: row.voices,
      };
    },
  );

  api.get(
    '/articles/:id/related',
    { schema: routeSchema(relatedSchema, scoped) },
    async (request, reply) => {
      const { id } = request.params as { id: number };
      const { strategy, limit } = request.query as { strategy: string; limit: number };
      const repository = scope.repositoryFor(request);
      // Strategies are asked in order, and no further once the merged list is full.
      const lists: SummaryRow[][] = [];
      for (const name of strategy.split(',') as RelatedStrategy[]) {
        if (mergeRelated(lists, limit).length >= limit) break;
        lists.push(await repository.related(id, name, limit));
      }
      const items = mergeRelated(lists, limit);
      // Nothing related, or no such article: only then is it asked which.
      if (!items.length && !(await repository.position(id))) {
        return sendError(reply, 404, 'not-found', `No article ${id}`);
      }
      return { items: items.map(summaryOf) };
    },
  );
};
