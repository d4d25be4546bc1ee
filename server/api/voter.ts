import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VoterTokens } from '../voter-token.js';

export const VOTER_TOKEN_HEADER = 'x-voter-token';

/** The voter id in the request's token, or null without a genuine one. */
export function voterOf(tokens: VoterTokens, request: FastifyRequest): string | null {
  const header = request.headers[VOTER_TOKEN_HEADER];
  return tokens.verify(Array.isArray(header) ? header[0] : header);
}

/** An answer for one voter only: no shared cache may keep it or give it to anyone else. */
export function personal(reply: FastifyReply): FastifyReply {
  // Added to the Vary that CORS set (Origin), not in its place.
  const vary = [reply.getHeader('vary'), VOTER_TOKEN_HEADER].filter(Boolean).join(', ');
  return reply.header('cache-control', 'private, no-store').header('vary', vary);
}
