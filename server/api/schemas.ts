import { RELATED_STRATEGIES } from '../../src/model/portal-model.js';
import { SITE_ID_PATTERN } from '../sites.js';

/** The largest article id there is (a PostgreSQL `integer`). */
export const MAX_ID = 2147483647;

export const RATING_SUMMARY_SCHEMA = {
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
  properties: { id: { type: 'integer', minimum: 1, maximum: MAX_ID } },
} as const;

const summaryList = {
  type: 'array',
  items: { type: 'object', properties: summaryProperties },
} as const;

export const listSchema = {
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
      properties: { items: summaryList, nextCursor: { type: ['string', 'null'] } },
    },
    400: errorSchema,
  },
};

export const articleSchema = {
  summary: 'One article with its rating summary; with a voter token, fresh and with their score',
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
        voices: {
          type: 'array',
          description: 'Recorded readings of the article, in the order to offer them',
          items: {
            type: 'object',
            required: ['id', 'title', 'url'],
            properties: {
              id: { type: 'string', description: "The voice's id at the source" },
              title: { type: 'string', description: 'Its name, e.g. "Giọng nữ miền Bắc"' },
              url: { type: 'string', format: 'uri', description: 'The audio file' },
            },
          },
        },
      },
    },
    404: errorSchema,
  },
};

const strategyName = `(${RELATED_STRATEGIES.join('|')})`;

export const relatedSchema = {
  summary: 'Related articles: same topic, newer / older / latest in the category',
  params: idParams,
  querystring: {
    type: 'object',
    properties: {
      strategy: {
        type: 'string',
        pattern: `^${strategyName}(,${strategyName})*$`,
        default: 'topic',
        description:
          'One strategy, or several separated by commas, merged in order without repeats',
      },
      limit: { type: 'integer', minimum: 1, maximum: 20, default: 5 },
    },
  },
  response: {
    200: { type: 'object', required: ['items'], properties: { items: summaryList } },
    404: errorSchema,
  },
};

export const ratingSchema = {
  summary: "Rating summary; with a voter token, also this voter's score",
  params: idParams,
  response: { 200: { $ref: 'RatingSummary#' }, 404: errorSchema },
};

export const SITE_LIST_SCHEMA = {
  summary: 'The sites (portals) this server serves',
  response: {
    200: {
      type: 'object',
      required: ['items'],
      properties: {
        items: {
          type: 'array',
          items: {
            type: 'object',
            required: ['id', 'name'],
            properties: { id: { type: 'string' }, name: { type: 'string' } },
          },
        },
      },
    },
  },
};

const nullableDate = { type: ['string', 'null'], format: 'date-time' } as const;

export const SITE_STATUS_SCHEMA = {
  summary:
    "Whether the site's imports are current; each source's address and last error only for the operator",
  description:
    'Public: the article count, `ok` and `lastSuccessAt`. With `Authorization: Bearer <STATUS_TOKEN>` ' +
    "(the operator token in the server's environment) also `sources`: where each source is and what its " +
    'last error said. A wrong token, or any token on a server without STATUS_TOKEN, is 401. Never cached.',
  security: [{}, { statusToken: [] }] as Record<string, string[]>[],
  response: {
    200: {
      type: 'object',
      required: ['site', 'articles', 'ok', 'lastSuccessAt'],
      properties: {
        site: { type: 'string' },
        articles: { type: 'integer' },
        ok: {
          type: 'boolean',
          description: "No source's last import failed (true for a site with no source)",
        },
        lastSuccessAt: {
          ...nullableDate,
          description:
            "The oldest of its sources' last successful imports: every source was read since. Null while one has never succeeded, or with no source",
        },
        sources: {
          type: 'array',
          description: 'Only with the operator token',
          items: {
            type: 'object',
            properties: {
              source: { type: 'string', description: '<format> <address>, as in the sites file' },
              lastSuccessAt: nullableDate,
              lastError: { type: ['string', 'null'] },
              lastErrorAt: nullableDate,
              failures: { type: 'integer', description: 'Failed imports since the last success' },
              articleCount: { type: 'integer' },
              nextRunAt: { type: 'string', format: 'date-time' },
            },
          },
        },
      },
    },
    401: errorSchema,
  },
};

export const voterTokenSchema = {
  summary: 'A new voter token, to keep and send with votes',
  response: {
    201: { type: 'object', required: ['token'], properties: { token: { type: 'string' } } },
    403: errorSchema,
    429: errorSchema,
  },
};

export const voteSchema = {
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
    403: errorSchema,
    404: errorSchema,
    409: errorSchema,
    429: errorSchema,
  },
};

interface RouteSchema {
  summary: string;
  description?: string;
  params?: { type: string; required: readonly string[]; properties: object };
}

/**
 * A route's schema under `/sites/{site}`, or at its old address, which serves the default site.
 * Both are in the OpenAPI description; the old one says so.
 */
export function routeSchema<T extends RouteSchema>(schema: T, scoped: boolean): T {
  if (!scoped) return { ...schema, summary: `${schema.summary} (the default site)` };
  return {
    ...schema,
    params: {
      type: 'object',
      required: ['site', ...(schema.params?.required ?? [])],
      properties: {
        site: {
          type: 'string',
          pattern: SITE_ID_PATTERN,
          description: 'The site (portal) id, e.g. xa-hoa-binh',
        },
        ...schema.params?.properties,
      },
    },
  };
}
