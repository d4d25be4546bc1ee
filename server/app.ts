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
import { VoteRateLimit } from './vote-rate-limit.js';
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
  /** Votes per address per window before 429; soft, see VoteRateLimit. */
  voteRateLimit?: { max: number; windowMs: number };
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

const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'integer', minimum: 1, maximum: 2147483647 } },
} as const;

const READING_WORDS_PER_MINUTE = 200;

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 4096,
    trustProxy: options.trustProxy ?? false,
  });
  // Query strings and paths arrive as text and are coerced to their types; a JSON body is
  // taken as sent, so a vote of "5" (a string) is refused rather than guessed at.
  const ajvOptions = {
    removeAdditional: true,
    useDefaults: true,
    allErrors: false,
    strict: false,
  } as const;
  const coercing = new Ajv({ ...ajvOptions, coerceTypes: 'array' });
  const exact = new Ajv({ ...ajvOptions, coerceTypes: false });
  for (const validator of [coercing, exact]) validator.addSchema(RATING_SUMMARY_SCHEMA);
  app.setValidatorCompiler(({ schema, httpPart }) =>
    (httpPart === 'body' ? exact : coercing).compile(schema),
  );
  const repository = new ArticleRepository(options.db);
  const tokens = new VoterTokens(options.secret);
  const rateLimit = new VoteRateLimit(
    options.secret,
    options.voteRateLimit?.max ?? 30,
    options.voteRateLimit?.windowMs ?? 10 * 60 * 1000,
  );
  const allowed = new Set(options.allowedOrigins);

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

  const origin = (request: FastifyRequest) => `${request.protocol}://${request.host}`;
  const absolute = (request: FastifyRequest, url: string | null) =>
    url && url.startsWith('/') ? `${origin(request)}${url}` : url;
  const image = (request: FastifyRequest, row: ArticleRow) =>
    row.image_url
      ? { url: absolute(request, row.image_url), alt: row.image_alt, caption: row.image_caption }
      : null;
  const summaryOf = (request: FastifyRequest, row: ArticleRow) => ({
    id: row.id,
    slug: row.slug,
    title: row.title,
    lead: row.lead,
    image: image(request, row),
    category: { id: row.category_id, name: row.category_name },
    publishedAt: row.published_at,
  });
  const voterOf = (request: FastifyRequest) => {
    const header = request.headers[VOTER_TOKEN_HEADER];
    return tokens.verify(Array.isArray(header) ? header[0] : header);
  };
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
                category: { type: 'string', maxLength: 64 },
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
            const [publishedAt, id] = Buffer.from(cursor, 'base64url').toString().split('|');
            if (!publishedAt || !/^\d+$/.test(id ?? '')) {
              return sendError(reply, 400, 'invalid', 'cursor is not one this API gave out');
            }
            after = { publishedAt, id: Number(id) };
          }
          const { rows, hasMore } = await repository.list({ category, cursor: after, limit });
          const last = rows.at(-1);
          return {
            items: rows.map((row) => summaryOf(request, row)),
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
          const words = row.body_html
            .replace(/<[^>]*>/g, ' ')
            .split(/\s+/)
            .filter(Boolean).length;
          return {
            ...summaryOf(request, row),
            bodyHtml: row.body_html,
            author: row.author,
            source: row.source_name,
            topic: row.topic_id ? { id: row.topic_id, name: row.topic_name ?? '' } : null,
            updatedAt: row.updated_at,
            lang: row.lang,
            readingMinutes: Math.max(1, Math.round(words / READING_WORDS_PER_MINUTE)),
            rating: ratingOf(row),
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
          return { items: items.map((item) => summaryOf(request, item)) };
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
        async (_request, reply) => {
          personal(reply);
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
          if (!rateLimit.allow(request.ip)) {
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
