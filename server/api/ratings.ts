import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { RATING_CLOSED } from '../../src/model/portal-model.js';
import type { NetworkLimit } from '../network-limit.js';
import type { RatingSummary } from '../repository.js';
import type { VoterTokens } from '../voter-token.js';
import { API_PREFIX, sendError } from './errors.js';
import { ratingSchema, routeSchema, voterTokenSchema, voteSchema } from './schemas.js';
import type { SiteScope } from './site-scope.js';
import { personal, VOTER_TOKEN_HEADER, voterOf } from './voter.js';

export interface RatingsOptions {
  /** The request's site, and the origins whose pages may ask for tokens and vote on it. */
  scope: SiteScope;
  /** Registered under `/sites/:site`; otherwise at the old addresses, for the default site. */
  scoped: boolean;
  tokens: VoterTokens;
  voteLimit: NetworkLimit;
  tokenLimit: NetworkLimit;
}

/** Ratings: the summary, voter tokens and votes, with their limits per network and origin. */
export const ratingsPlugin: FastifyPluginAsync<RatingsOptions> = async (api, options) => {
  const { scope, scoped, tokens, voteLimit, tokenLimit } = options;
  const tooMany = (reply: FastifyReply, what: string) => {
    reply.header('retry-after', '600');
    return sendError(reply, 429, 'rate-limited', `Too many ${what} from this network; try later`);
  };

  api.get(
    '/articles/:id/rating',
    { schema: routeSchema(ratingSchema, scoped) },
    async (request, reply) => {
      const { id } = request.params as { id: number };
      const voter = voterOf(tokens, request);
      if (voter) {
        personal(reply);
        if (scope.originRefused(request))
          return scope.refuseOrigin(request, reply, 'read as a voter');
      }
      const summary = await scope.repositoryFor(request).summary(id, voter);
      if (!summary) return sendError(reply, 404, 'not-found', `No article ${id}`);
      return summary;
    },
  );

  api.post(
    '/voter-tokens',
    { schema: routeSchema(voterTokenSchema, scoped) },
    async (request, reply) => {
      personal(reply);
      if (scope.originRefused(request))
        return scope.refuseOrigin(request, reply, 'take a voter token');
      if (!(await tokenLimit.allow(request.ip))) return tooMany(reply, 'voter tokens');
      return reply.code(201).send({ token: tokens.issue() });
    },
  );

  api.post(
    '/articles/:id/votes',
    { schema: routeSchema(voteSchema, scoped) },
    async (request, reply) => {
      personal(reply);
      const { id } = request.params as { id: number };
      const { score } = request.body as { score: number };
      const voter = voterOf(tokens, request);
      if (!voter) {
        return sendError(
          reply,
          401,
          'invalid-token',
          `Send the token from POST ${API_PREFIX}${scoped ? `/sites/${scope.siteOf(request)}` : ''}/voter-tokens in the ${VOTER_TOKEN_HEADER} header`,
        );
      }
      if (scope.originRefused(request)) return scope.refuseOrigin(request, reply, 'vote');
      if (!(await voteLimit.allow(request.ip))) return tooMany(reply, 'votes');
      const result = await scope.repositoryFor(request).vote(id, voter, score);
      switch (result.status) {
        case 'not-found':
          return sendError(reply, 404, 'not-found', `No article ${id}`);
        case RATING_CLOSED:
          return sendError(reply, 409, RATING_CLOSED, 'Rating is closed for this article', {
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
};
