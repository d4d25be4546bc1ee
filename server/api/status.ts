import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db.js';
import { routeSchema, SITE_STATUS_SCHEMA } from './schemas.js';
import type { SiteScope } from './site-scope.js';

/** `/sites/{site}/status`: the site's article count and how each of its sources last imported. */
export const statusPlugin: FastifyPluginAsync<{ db: Kysely<Database>; scope: SiteScope }> = async (
  api,
  { db, scope },
) => {
  api.get('/status', { schema: routeSchema(SITE_STATUS_SCHEMA, true) }, async (request, reply) => {
    const site = scope.siteOf(request);
    const { count } = await db
      .selectFrom('articles')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('site_id', '=', site)
      .executeTakeFirstOrThrow();
    const sources = await db
      .selectFrom('import_sources')
      .selectAll()
      .where('site_id', '=', site)
      .orderBy('source')
      .execute();
    reply.header('cache-control', 'no-store');
    return {
      site,
      articles: Number(count),
      sources: sources.map((row) => ({
        source: row.source,
        lastSuccessAt: row.last_success_at,
        lastError: row.last_error,
        lastErrorAt: row.last_error_at,
        failures: Number(row.failures),
        articleCount: Number(row.article_count),
        nextRunAt: row.next_run_at,
      })),
    };
  });
};
