import type { FastifyReply } from 'fastify';
import { RATING_CLOSED } from '../../src/model/portal-model.js';

export const API_PREFIX = '/api/v1';

export type ErrorCode =
  | 'invalid'
  | 'not-found'
  | 'no-route'
  /** The path names a site the server does not have. */
  | 'no-site'
  | 'already-voted'
  | typeof RATING_CLOSED
  | 'invalid-token'
  | 'rate-limited'
  | 'origin-not-allowed'
  /** The demo's backend that is down on purpose (503). */
  | 'unavailable'
  | 'internal';

/** Every error the API answers with: `{ error: { code, message } }`. */
export function sendError(
  reply: FastifyReply,
  status: number,
  code: ErrorCode,
  message: string,
  extra = {},
) {
  return reply.code(status).send({ error: { code, message, ...extra } });
}
