import cors from '@fastify/cors';
import etag from '@fastify/etag';
import swagger from '@fastify/swagger';
import { Ajv } from 'ajv';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { articlesPlugin } from './api/articles.js';
import { API_PREFIX, sendError } from './api/errors.js';
import { healthPlugin } from './api/health.js';
import { StatusToken, statusPlugin } from './api/status.js';
import { ratingsPlugin } from './api/ratings.js';
import { RATING_SUMMARY_SCHEMA, SITE_LIST_SCHEMA } from './api/schemas.js';
import { SITE_COUNT_HEADER, SiteScope } from './api/site-scope.js';
import { VOTER_TOKEN_HEADER } from './api/voter.js';
import type { Database } from './db.js';
import { demoPlugin } from './demo/plugin.js';
import { NetworkLimit, type LimitRule } from './network-limit.js';
import { ArticleRepository } from './repository.js';
import { DEFAULT_SITE, SiteOrigins } from './sites.js';
import { staticFilesPlugin } from './static-files.js';
import { VoterTokens } from './voter-token.js';

export interface AppOptions {
  db: Kysely<Database>;
  /** Signs voter tokens and salts IP hashes. */
  secret: string;
  /** Origins (scheme://host[:port]) whose pages may call the API for the default site. */
  allowedOrigins: string[];
  /** Every site's origins (the default site's include `allowedOrigins`); a reload updates it. */
  siteOrigins?: SiteOrigins;
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
  /**
   * The operator's token (STATUS_TOKEN): `Authorization: Bearer <it>` on a site's status adds
   * where each source is and its last error. Without it, those are only in the log.
   */
  statusToken?: string;
  /** Fastify's logger: false, or a level such as `warn`. */
  logger?: false | { level: string };
}

const TEN_MINUTES = 10 * 60 * 1000;

/** The server: the widgets API, health, the script-tag files and, if asked, the demo. */
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
          statusToken: {
            type: 'http',
            scheme: 'bearer',
            description: "The operator's STATUS_TOKEN, for a site's status details",
          },
        },
      },
    },
  });
  const siteOrigins = options.siteOrigins ?? new SiteOrigins(options.allowedOrigins);
  const sitePath = new RegExp(`^${API_PREFIX}/sites/([^/?#]+)`);
  await app.register(cors, {
    // Each site's pages may call its own addresses: the site is read from the path.
    delegator: (request, callback) => {
      // The script-tag files are the same for every page: any portal may load them as modules
      // (a module script from another origin needs CORS), e.g. a province's portals from here.
      if (request.url.startsWith('/cdn/')) {
        callback(null, { origin: '*', methods: ['GET', 'HEAD'], maxAge: 600 });
        return;
      }
      const site = sitePath.exec(request.url)?.[1] ?? DEFAULT_SITE;
      const { origin } = request.headers;
      callback(null, {
        // A site no file names has no pages of its own: any page may read its 404 `no-site`.
        origin:
          origin !== undefined && (siteOrigins.allows(site, origin) || !siteOrigins.lists(site)),
        methods: ['GET', 'POST'],
        allowedHeaders: ['content-type', VOTER_TOKEN_HEADER],
        exposedHeaders: [SITE_COUNT_HEADER],
        maxAge: 600,
        // A bare OPTIONS gets an empty 204 rather than a plain-text 400.
        strictPreflight: false,
      });
    },
  });
  await app.register(etag, { weak: true });
  // Once closing, answers end their connection: an idle keep-alive connection would otherwise
  // hold the shutdown for Fastify's 72-second keep-alive time-out.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });
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

  const repository = new ArticleRepository(options.db);
  const tokens = new VoterTokens(options.secret);
  const publicUrl = options.publicUrl?.replace(/\/+$/, '') ?? '';
  const scope = new SiteScope(repository, siteOrigins, publicUrl);
  const statusToken = new StatusToken(options.statusToken);
  await scope.refresh();
  // One limit per network across every site: a province's visitors share their networks.
  const voteLimit = new NetworkLimit(options.db, options.secret, 'vote', {
    max: 30,
    windowMs: TEN_MINUTES,
    ...options.voteRateLimit,
  });
  const tokenLimit = new NetworkLimit(options.db, options.secret, 'token', {
    max: 100,
    windowMs: TEN_MINUTES,
    ...options.tokenRateLimit,
  });
  const siteRoutes = (scoped: boolean) => async (routes: FastifyInstance) => {
    if (!scoped) {
      // A page that names no site on a server of several is told so by its widgets.
      routes.addHook('onSend', async (_request, reply) => {
        if (scope.siteCount > 1) reply.header(SITE_COUNT_HEADER, String(scope.siteCount));
      });
    }
    if (scoped) {
      routes.addHook('preHandler', async (request, reply) => {
        const site = scope.siteOf(request);
        if (!(await scope.exists(site))) {
          return sendError(
            reply,
            404,
            'no-site',
            `This server has no site "${site}"; its sites are listed at ${API_PREFIX}/sites`,
          );
        }
      });
    }
    if (scoped) await routes.register(statusPlugin, { db: options.db, scope, token: statusToken });
    await routes.register(articlesPlugin, { scope, scoped, tokens, publicUrl });
    await routes.register(ratingsPlugin, { scope, scoped, tokens, voteLimit, tokenLimit });
  };
  await app.register(
    async (api) => {
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
      api.get('/sites', { schema: SITE_LIST_SCHEMA }, async () => ({
        items: await repository.sites(),
      }));
      await api.register(siteRoutes(false));
      await api.register(siteRoutes(true), { prefix: '/sites/:site' });
    },
    { prefix: API_PREFIX },
  );
  await app.register(healthPlugin, { repository });
  if (options.demo) await app.register(demoPlugin, { apiPrefix: API_PREFIX });
  await app.register(staticFilesPlugin, {
    root: options.staticRoot,
    demo: options.demo ?? false,
  });
  return app;
}
