import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cors from '@fastify/cors';
import etag from '@fastify/etag';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import { Ajv } from 'ajv';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from './db.js';
import { illustration } from './illustration.js';
import {
  ArticleRepository,
  summaryOf as ratingOf,
  RELATED_STRATEGIES,
  type ArticleRow,
  type RatingSummary,
  type RelatedStrategy,
} from './repository.js';
import { SEED_ARTICLES } from './seed-data.js';
import { registerDemoBackends } from './demo-backends.js';
import { NetworkLimit, type LimitRule } from './network-limit.js';
import { VoterTokens } from './voter-token.js';

export interface AppOptions {
  db: Kysely<Database>;
  /** Signs voter tokens and salts IP hashes. */
  secret: string;
  /** Origins (scheme://host[:port]) whose pages may call the API from the browser. */
  allowedOrigins: string[];
  /** Which proxies' X-Forwarded-* headers to believe; none by default (see TRUST_PROXY). */
  trustProxy?: boolean | string;
  /** The build's folder: its `/cdn/` files are served, and with `demo` its pages at `/`. */
  staticRoot?: string;
  /** Serves the demo: its pages, its articles' drawn images and its misbehaving backends. */
  demo?: boolean;
  /**
   * The address answers use for the server's own files (`https://widgets.example.gov.vn`);
   * without it they are path-absolute (`/media/…`). Never taken from request headers.
   */
  publicUrl?: string;
  /** Votes per network (IPv4 address, IPv6 /64) per window before 429; see NetworkLimit. */
  voteRateLimit?: LimitRule;
  /** Voter tokens minted per network per window before 429. */
  tokenRateLimit?: LimitRule;
  /** Fastify's logger: false, or a level such as `warn`. */
  logger?: false | { level: string };
}

export const API_PREFIX = '/api/v1';
export const VOTER_TOKEN_HEADER = 'x-voter-token';

type ErrorCode =
  | 'invalid'
  | 'not-found'
  | 'no-route'
  | 'already-voted'
  | 'rating-closed'
  | 'invalid-token'
  | 'rate-limited'
  | 'origin-not-allowed'
  | 'internal';

/** Every error the API answers with: `{ error: { code, message } }`. */
function sendError(
  reply: FastifyReply,
  status: number,
  code: ErrorCode,
  message: string,
  extra = {},
) {
  return reply.code(status).send({ error: { code, message, ...extra } });
}

const RATING_SUMMARY_SCHEMA = {
  $id: 'RatingSummary',
  type: 'object',
  required: ['articleId', 'total', 'count', 'average', 'open'],
  properties: {
    articleId: { type: 'integer' },
    total: { type: 'integer', description: 'Sum of all points given' },
    count: { type: 'integer', description: 'Number of ratings' },
    average: { type: 'number', description: 'total / count, one decimal' },
    open: { type: 'boolean', description: 'Whether visitors may still rate' },
    yourScore: { type: 'integer', description: "This voter's score, with a voter token" },
  },
};

const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        summary: { $ref: 'RatingSummary#' },
      },
    },
  },
} as const;

const imageSchema = {
  type: ['object', 'null'],
  required: ['url', 'alt', 'caption'],
  properties: { url: { type: 'string' }, alt: { type: 'string' }, caption: { type: 'string' } },
} as const;

const namedSchema = {
  type: 'object',
  required: ['id', 'name'],
  properties: { id: { type: 'string' }, name: { type: 'string' } },
} as const;

const summaryProperties = {
  id: { type: 'integer' },
  slug: { type: 'string' },
  title: { type: 'string' },
  lead: { type: 'string' },
  image: imageSchema,
  category: namedSchema,
  publishedAt: { type: 'string', format: 'date-time' },
} as const;

/** The largest article id there is (a PostgreSQL `integer`). */
const MAX_ID = 2147483647;

const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'integer', minimum: 1, maximum: MAX_ID } },
} as const;

const READING_WORDS_PER_MINUTE = 200;

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

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 4096,
    trustProxy: options.trustProxy ?? false,
    // A malformed address (`/articles/%FF`) or an over-long id gets the API's error shape too.
    frameworkErrors: (error, request, reply) => {
      const status = error.statusCode ?? 400;
      return sendError(
        reply,
        status >= 400 && status < 500 ? status : 400,
        'invalid',
        `${request.method} ${request.url.slice(0, 120)} is not a valid address: ${error.message}`,
      );
    },
  });
  // Query strings and paths arrive as text and are coerced to their types, unknown query
  // parameters dropped; a JSON body is taken as sent: a vote of "5" (a string) or with a field
  // the schema does not name is refused rather than guessed at.
  const ajvOptions = { useDefaults: true, allErrors: false, strict: false } as const;
  const coercing = new Ajv({ ...ajvOptions, removeAdditional: true, coerceTypes: 'array' });
  const exact = new Ajv({ ...ajvOptions, removeAdditional: false, coerceTypes: false });
  for (const validator of [coercing, exact]) validator.addSchema(RATING_SUMMARY_SCHEMA);
  app.setValidatorCompiler(({ schema, httpPart }) =>
    (httpPart === 'body' ? exact : coercing).compile(schema),
  );
  const repository = new ArticleRepository(options.db);
  const tokens = new VoterTokens(options.secret);
  const voteLimit = new NetworkLimit(
    options.db,
    options.secret,
    'vote',
    options.voteRateLimit ?? { max: 30, windowMs: 10 * 60 * 1000 },
  );
  const tokenLimit = new NetworkLimit(
    options.db,
    options.secret,
    'token',
    options.tokenRateLimit ?? { max: 100, windowMs: 10 * 60 * 1000 },
  );
  const allowed = new Set(options.allowedOrigins);
  const publicUrl = options.publicUrl?.replace(/\/+$/, '') ?? '';
  // A vote is an act of the visitor on an allowed page; a page elsewhere may not cast it.
  const originRefused = (request: FastifyRequest) => {
    const { origin } = request.headers;
    if (origin === undefined || allowed.has(origin)) return false;
    const own = publicUrl ? new URL(publicUrl).origin : `${request.protocol}://${request.host}`;
    return origin !== own;
  };

  // Routes take the error handler in force when they are added: set it before any plugin adds one.
  app.setErrorHandler(
    (error: { validation?: unknown; statusCode?: number; message: string }, request, reply) => {
      if (error.validation) return sendError(reply, 400, 'invalid', error.message);
      const status = error.statusCode ?? 500;
      if (status >= 400 && status < 500) {
        return sendError(reply, status, status === 404 ? 'not-found' : 'invalid', error.message);
      }
      request.log.error(error);
      return sendError(reply, 500, 'internal', 'The server could not answer this request.');
    },
  );
  // Not "not-found": a client must tell a wrong address (its set-up) from a missing article.
  app.setNotFoundHandler((request, reply) =>
    sendError(
      reply,
      404,
      'no-route',
      `No route ${request.method} ${request.url.split('?')[0]}; the widgets API is under ${API_PREFIX}`,
    ),
  );

  app.addSchema(RATING_SUMMARY_SCHEMA);

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Portal Widgets API',
        version: '1',
        description:
          'Articles, related articles and ratings for the Portal Widgets elements. Every error is `{ "error": { "code", "message" } }`.',
      },
      components: {
        securitySchemes: {
          voterToken: { type: 'apiKey', in: 'header', name: VOTER_TOKEN_HEADER },
        },
      },
    },
  });
  await app.register(cors, {
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'POST'],
    allowedHeaders: ['content-type', VOTER_TOKEN_HEADER],
    maxAge: 600,
    // A bare OPTIONS gets an empty 204 rather than a plain-text 400.
    strictPreflight: false,
  });
  await app.register(etag, { weak: true });

  app.addHook('onSend', async (request, reply) => {
    if (
      (request.method === 'GET' || request.method === 'HEAD') &&
      reply.statusCode < 400 &&
      !reply.hasHeader('cache-control')
    ) {
      // Any HTTP cache or CDN may serve reads; a vote shows up within a minute.
      reply.header('cache-control', 'public, max-age=30, stale-while-revalidate=300');
    }
  });

  // Cached answers are the same for everyone: no request header may change an address in them.
  const absolute = (url: string | null) =>
    url && url.startsWith('/') && !url.startsWith('//') ? `${publicUrl}${url}` : url;
  const image = (row: ArticleRow) =>
    row.image_url
      ? { url: absolute(row.image_url), alt: row.image_alt, caption: row.image_caption }
      : null;
  const summaryOf = (row: ArticleRow) => ({
    id: row.id,
    slug: row.slug,
    title: row.title,
    lead: row.lead,
    image: image(row),
    category: { id: row.category_id, name: row.category_name },
    publishedAt: row.published_at,
  });
  const voterOf = (request: FastifyRequest) => {
    const header = request.headers[VOTER_TOKEN_HEADER];
    return tokens.verify(Array.isArray(header) ? header[0] : header);
  };
  const refuseOrigin = (request: FastifyRequest, reply: FastifyReply) =>
    sendError(
      reply,
      403,
      'origin-not-allowed',
      `Pages of ${request.headers.origin} may not vote here: add the portal to ALLOWED_ORIGINS`,
    );
  const personal = (reply: FastifyReply) =>
    reply.header('cache-control', 'private, no-store').header('vary', VOTER_TOKEN_HEADER);

  await app.register(
    async (api) => {
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

      api.get(
        '/articles',
        {
          schema: {
            summary: 'Articles, newest first',
            querystring: {
              type: 'object',
              properties: {
                // Category ids are slugs (imports make them so): nothing else reaches the database.
                category: { type: 'string', maxLength: 64, pattern: '^[a-z0-9-]+$' },
                limit: { type: 'integer', minimum: 1, maximum: 50, default: 10 },
                cursor: { type: 'string', maxLength: 200 },
              },
            },
            response: {
              200: {
                type: 'object',
                required: ['items', 'nextCursor'],
                properties: {
                  items: {
                    type: 'array',
                    items: { type: 'object', properties: summaryProperties },
                  },
                  nextCursor: { type: ['string', 'null'] },
                },
              },
              400: errorSchema,
            },
          },
        },
        async (request, reply) => {
          const { category, limit, cursor } = request.query as {
            category?: string;
            limit: number;
            cursor?: string;
          };
          let after: { publishedAt: string; id: number } | undefined;
          if (cursor) {
            after = cursorFrom(cursor);
            if (!after) {
              return sendError(reply, 400, 'invalid', 'cursor is not one this API gave out');
            }
          }
          const { rows, hasMore } = await repository.list({ category, cursor: after, limit });
          const last = rows.at(-1);
          return {
            items: rows.map((row) => summaryOf(row)),
            nextCursor:
              hasMore && last
                ? Buffer.from(`${last.published_at}|${last.id}`).toString('base64url')
                : null,
          };
        },
      );

      api.get(
        '/articles/:id',
        {
          schema: {
            summary: 'One article with its rating summary',
            params: idParams,
            response: {
              200: {
                type: 'object',
                properties: {
                  ...summaryProperties,
                  bodyHtml: { type: 'string', description: 'Sanitised HTML' },
                  author: { type: 'string' },
                  source: { type: 'string' },
                  topic: { anyOf: [namedSchema, { type: 'null' }] },
                  updatedAt: { type: 'string', format: 'date-time' },
                  lang: { type: 'string' },
                  readingMinutes: { type: 'integer' },
                  rating: { $ref: 'RatingSummary#' },
                },
              },
              404: errorSchema,
            },
          },
        },
        async (request, reply) => {
          const { id } = request.params as { id: number };
          const row = await repository.find(id);
          if (!row) return sendError(reply, 404, 'not-found', `No article ${id}`);
          // With the voter's token the answer is theirs: fresh, with their score, never cached.
          const voter = voterOf(request);
          const rating: RatingSummary = ratingOf(row);
          if (voter) {
            personal(reply);
            const own = await repository.summary(id, voter);
            if (own?.yourScore !== undefined) rating.yourScore = own.yourScore;
          }
          const words = row.body_html
            .replace(/<[^>]*>/g, ' ')
            .split(/\s+/)
            .filter(Boolean).length;
          return {
            ...summaryOf(row),
            bodyHtml: row.body_html,
            author: row.author,
            source: row.source_name,
            topic: row.topic_id ? { id: row.topic_id, name: row.topic_name ?? '' } : null,
            updatedAt: row.updated_at,
            lang: row.lang,
            readingMinutes: Math.max(1, Math.round(words / READING_WORDS_PER_MINUTE)),
            rating,
          };
        },
      );

      api.get(
        '/articles/:id/related',
        {
          schema: {
            summary: 'Related articles: same topic, newer / older / latest in the category',
            params: idParams,
            querystring: {
              type: 'object',
              properties: {
                strategy: {
                  type: 'string',
                  pattern: `^(${RELATED_STRATEGIES.join('|')})(,(${RELATED_STRATEGIES.join('|')}))*$`,
                  default: 'topic',
                  description:
                    'One strategy, or several separated by commas, merged in order without repeats',
                },
                limit: { type: 'integer', minimum: 1, maximum: 20, default: 5 },
              },
            },
            response: {
              200: {
                type: 'object',
                required: ['items'],
                properties: {
                  items: {
                    type: 'array',
                    items: { type: 'object', properties: summaryProperties },
                  },
                },
              },
              404: errorSchema,
            },
          },
        },
        async (request, reply) => {
          const { id } = request.params as { id: number };
          const { strategy, limit } = request.query as { strategy: string; limit: number };
          const row = await repository.find(id);
          if (!row) return sendError(reply, 404, 'not-found', `No article ${id}`);
          const seen = new Set<number>();
          const items: ArticleRow[] = [];
          for (const name of strategy.split(',') as RelatedStrategy[]) {
            if (items.length >= limit) break;
            for (const item of await repository.related(row, name, limit)) {
              if (items.length < limit && !seen.has(item.id)) {
                seen.add(item.id);
                items.push(item);
              }
            }
          }
          return { items: items.map((item) => summaryOf(item)) };
        },
      );

      api.get(
        '/articles/:id/rating',
        {
          schema: {
            summary: "Rating summary; with a voter token, also this voter's score",
            params: idParams,
            response: { 200: { $ref: 'RatingSummary#' }, 404: errorSchema },
          },
        },
        async (request, reply) => {
          const { id } = request.params as { id: number };
          const voter = voterOf(request);
          const summary = await repository.summary(id, voter);
          if (!summary) return sendError(reply, 404, 'not-found', `No article ${id}`);
          if (voter) personal(reply);
          return summary;
        },
      );

      api.post(
        '/voter-tokens',
        {
          schema: {
            summary: 'A new voter token, to keep and send with votes',
            response: {
              201: {
                type: 'object',
                required: ['token'],
                properties: { token: { type: 'string' } },
              },
            },
          },
        },
        async (request, reply) => {
          personal(reply);
          if (originRefused(request)) return refuseOrigin(request, reply);
          if (!(await tokenLimit.allow(request.ip))) {
            reply.header('retry-after', '600');
            return sendError(
              reply,
              429,
              'rate-limited',
              'Too many voter tokens for this network; try later',
            );
          }
          return reply.code(201).send({ token: tokens.issue() });
        },
      );

      api.post(
        '/articles/:id/votes',
        {
          schema: {
            summary: 'Rate an article 1–5, once per voter token',
            security: [{ voterToken: [] }],
            params: idParams,
            body: {
              type: 'object',
              required: ['score'],
              additionalProperties: false,
              properties: { score: { type: 'integer', minimum: 1, maximum: 5 } },
            },
            response: {
              201: { $ref: 'RatingSummary#' },
              400: errorSchema,
              401: errorSchema,
              404: errorSchema,
              409: errorSchema,
              429: errorSchema,
            },
          },
        },
        async (request, reply) => {
          personal(reply);
          const { id } = request.params as { id: number };
          const { score } = request.body as { score: number };
          const voter = voterOf(request);
          if (!voter) {
            return sendError(
              reply,
              401,
              'invalid-token',
              `Send the token from POST ${API_PREFIX}/voter-tokens in the ${VOTER_TOKEN_HEADER} header`,
            );
          }
          if (originRefused(request)) return refuseOrigin(request, reply);
          if (!(await voteLimit.allow(request.ip))) {
            reply.header('retry-after', '600');
            return sendError(
              reply,
              429,
              'rate-limited',
              'Too many votes from this network; try later',
            );
          }
          const result = await repository.vote(id, voter, score);
          switch (result.status) {
            case 'not-found':
              return sendError(reply, 404, 'not-found', `No article ${id}`);
            case 'closed':
              return sendError(reply, 409, 'rating-closed', 'Rating is closed for this article', {
                summary: result.summary,
              });
            case 'already-voted':
              return sendError(
                reply,
                409,
                'already-voted',
                'This voter has already rated this article',
                {
                  summary: result.summary,
                },
              );
            case 'counted':
              return reply.code(201).send(result.summary satisfies RatingSummary);
          }
        },
      );
    },
    { prefix: API_PREFIX },
  );

  app.get('/healthz', { schema: { hide: true } }, async (_request, reply) => {
    await repository.setting('voter-secret');
    reply.header('cache-control', 'no-store');
    return { status: 'ok' };
  });

  if (options.demo) {
    const seeded = new Map(
      SEED_ARTICLES.map((article) => [`${article.slug}.svg`, article.category]),
    );
    app.get('/media/seed/:file', { schema: { hide: true } }, async (request, reply) => {
      const { file } = request.params as { file: string };
      const category = seeded.get(file);
      if (!category) return sendError(reply, 404, 'not-found', `No image ${file}`);
      reply
        .header('content-type', 'image/svg+xml')
        .header('cache-control', 'public, max-age=86400');
      return illustration(file.replace(/\.svg$/, ''), category);
    });
    registerDemoBackends(app, { apiPrefix: API_PREFIX });
  }

  if (options.staticRoot && existsSync(options.staticRoot)) {
    // Without the demo only the script-tag files are served, not the demo's pages.
    const root = options.demo ? options.staticRoot : join(options.staticRoot, 'cdn');
    if (existsSync(root)) {
      // The build writes .br and .gz beside each file; browsers that accept them get those.
      await app.register(fastifyStatic, {
        root,
        prefix: options.demo ? '/' : '/cdn/',
        // An array: with preCompressed, a plain string index is not looked up.
        index: ['index.html'],
        preCompressed: true,
      });
    }
  }
  return app;
}
