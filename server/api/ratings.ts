import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { RATING_CLOSED } from '../../src/model/portal-model.js';
import type { NetworkLimit } from '../network-limit.js';
import type { ArticleRepository, RatingSummary } from '../repository.js';
import type { VoterTokens } from '../voter-token.js';
import { API_PREFIX, sendError } from './errors.js';
import { ratingSchema, voterTokenSchema, voteSchema } from './schemas.js';
import { personal, VOTER_TOKEN_HEADER, voterOf } from './voter.js';

export interface RatingsOptions {
  repository: ArticleRepository;
  tokens: VoterTokens;
  voteLimit: NetworkLimit;
  tokenLimit: NetworkLimit;
  /** Origins whose pages may ask for tokens and vote, besides the server's own. */
  allowedOrigins: string[];
  /** PUBLIC_URL, '' when not set. */
  publicUrl: string;
}

/** Ratings: the summary, voter tokens and votes, with their limits per network and origin. */
export const ratingsPlugin: FastifyPluginAsync<RatingsOptions> = async (api, options) => {
  const { repository, tokens, voteLimit, tokenLimit, publicUrl } = options;
  const allowed = new Set(options.allowedOrigins);
  const publicOrigin = publicUrl ? new URL(publicUrl).origin : undefined;
  // A vote is an act of the visitor on an allowed page; a page elsewhere may not cast it.
  const originRefused = (request: FastifyRequest) => {
    const { origin } = request.headers;
    if (origin === undefined || allowed.has(origin)) return false;
    return origin !== (publicOrigin ?? `${request.protocol}://${request.host}`);
  };
  const refuseOrigin = (request: FastifyRequest, reply: FastifyReply) =>
    sendError(
      reply,
      403,
      'origin-not-allowed',
      `Pages of ${request.headers.origin} may not vote here: add the portal to ALLOWED_ORIGINS`,
    );
  const tooMany = (reply: FastifyReply, what: string) => {
    reply.header('retry-after', '600');
    return sendError(reply, 429, 'rate-limited', `Too many ${what} from this network; try later`);
  };

  api.get('/articles/:id/rating', { schema: ratingSchema }, async (request, reply) => {
    const { id } = request.params as { id: number };
    const voter = voterOf(tokens, request);
    const summary = await repository.summary(id, voter);
    if (!summary) return sendError(reply, 404, 'not-found', `No article ${id}`);
    if (voter) personal(reply);
    return summary;
  });

  api.post('/voter-tokens', { schema: voterTokenSchema }, async (request, reply) => {
    personal(reply);
    if (originRefused(request)) return refuseOrigin(request, reply);
    if (!(await tokenLimit.allow(request.ip))) return tooMany(reply, 'voter tokens');
    return reply.code(201).send({ token: tokens.issue() });
  });

  api.post('/articles/:id/votes', { schema: voteSchema }, async (request, reply) => {
    personal(reply);
    const { id } = request.params as { id: number };
    const { score } = request.body as { score: number };
    const voter = voterOf(tokens, request);
    if (!voter) {
      return sendError(
        reply,
        401,
        'invalid-token',
        `Send the token from POST ${API_PREFIX}/voter-tokens in the ${VOTER_TOKEN_HEADER} header`,
      );
    }
    if (originRefused(request)) return refuseOrigin(request, reply);
    if (!(await voteLimit.allow(request.ip))) return tooMany(reply, 'votes');
    const result = await repository.vote(id, voter, score);
    switch (result.status) {
      case 'not-found':
        return sendError(reply, 404, 'not-found', `No article ${id}`);
      case RATING_CLOSED:
        return sendError(reply, 409, RATING_CLOSED, 'Rating is closed for this article', {
          summary: result.summary,
        });
      case 'already-voted':
        return sendError(reply, 409, 'already-voted', 'This voter has already rated this article', {
          summary: result.summary,
        });
      case 'counted':
        return reply.code(201).send(result.summary satisfies RatingSummary);
    }
  });
};
