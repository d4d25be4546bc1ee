import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db.js';
import { sendError } from './errors.js';
import { routeSchema, SITE_STATUS_SCHEMA } from './schemas.js';
import type { SiteScope } from './site-scope.js';

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * The operator's token (STATUS_TOKEN), checked in constant time: both sides are hashed first, so
 * neither the time taken nor a length mismatch tells a guesser how much of it was right.
 */
export class StatusToken {
  private readonly expected: Buffer | undefined;

  constructor(token: string | undefined) {
    this.expected = token ? digest(token) : undefined;
  }

  get configured(): boolean {
    return this.expected !== undefined;
  }

  matches(given: string): boolean {
    return this.expected !== undefined && timingSafeEqual(digest(given), this.expected);
  }
}

/** The bearer token of `Authorization: Bearer <token>`; `null` for another scheme. */
function bearerOf(request: FastifyRequest): string | null | undefined {
  const header = request.headers.authorization;
  if (header === undefined) return undefined;
  return /^Bearer +(\S+) *$/i.exec(header)?.[1] ?? null;
}

/**
 * `/sites/{site}/status`. Anyone may ask whether a site is current: its article count, whether
 * its sources' last imports succeeded, and since when all of them have. Where the sources are
 * (feed addresses, file paths on the server) and what their errors said are for the operator
 * only: with `Authorization: Bearer <STATUS_TOKEN>`, or in the server's log.
 */
export const statusPlugin: FastifyPluginAsync<{
  db: Kysely<Database>;
  scope: SiteScope;
  token: StatusToken;
}> = async (api, { db, scope, token }) => {
  api.get('/status', { schema: routeSchema(SITE_STATUS_SCHEMA, true) }, async (request, reply) => {
    const given = bearerOf(request);
    if (given !== undefined && !(given !== null && token.matches(given))) {
      reply.header('www-authenticate', 'Bearer realm="status"');
      reply.header('cache-control', 'no-store');
      return sendError(
        reply,
        401,
        'invalid-token',
        token.configured
          ? 'The status details need Authorization: Bearer <STATUS_TOKEN>, and this is not it; without the header the public status is given.'
          : 'This server has no STATUS_TOKEN, so it gives no status details: they are in its log. Without the header the public status is given.',
      );
    }
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
    const successes = sources.map((row) => row.last_success_at);
    const answer = {
      site,
      articles: Number(count),
      ok: sources.every((row) => Number(row.failures) === 0),
      // The oldest of the sources' last successes: every source has been read since.
      lastSuccessAt:
        successes.length === 0 || successes.includes(null)
          ? null
          : successes.reduce((oldest, at) => (Date.parse(at!) < Date.parse(oldest!) ? at : oldest)),
    };
    if (given === undefined) {
      reply.header('cache-control', 'no-store');
      return answer;
    }
    reply.header('cache-control', 'private, no-store');
    return {
      ...answer,
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
