import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { RATING_CLOSED, ratingAverage } from '../../src/model/portal-model.js';
import { sendError } from '../api/errors.js';
import type { RatingSummary } from '../repository.js';

/** How each demo backend misbehaves; the demo's states gallery points elements at them. */
const DEMO_BACKEND_MODES = [
  'normal',
  'slow',
  'down',
  'garbage',
  'offline-votes',
  'unrecorded-votes',
] as const;
type DemoBackendMode = (typeof DEMO_BACKEND_MODES)[number];

/**
 * `/demo-backends/<mode>/api/v1/…`: the real API, misbehaving on purpose, so the demo shows
 * each element's loading, error and offline states from a real server rather than a flag inside
 * the element. `slow` answers after `slowMs`; `down` answers 503; `garbage` answers 200 with an
 * HTML maintenance page; `offline-votes` reads normally but drops the connection on a vote;
 * `unrecorded-votes` answers a vote as the API would, from the current summary, and records
 * nothing, so a page that shows a vote being given changes no data.
 * Served with the demo only (`npm start`), never with the API alone.
 */
export function registerDemoBackends(
  app: FastifyInstance,
  { apiPrefix, slowMs = 5000 }: { apiPrefix: string; slowMs?: number },
): void {
  app.all<{ Params: { mode: string; '*': string } }>(
    `/demo-backends/:mode${apiPrefix}/*`,
    { schema: { hide: true } },
    async (request, reply) => {
      const mode = request.params.mode as DemoBackendMode;
      if (!DEMO_BACKEND_MODES.includes(mode)) {
        return sendError(reply, 404, 'not-found', `Use one of ${DEMO_BACKEND_MODES.join(', ')}`);
      }
      reply.header('cache-control', 'no-store');
      if (mode === 'down') {
        return sendError(reply, 503, 'unavailable', 'This demo backend is down on purpose');
      }
      if (mode === 'garbage') {
        return reply
          .type('text/html; charset=utf-8')
          .send('<!doctype html><title>Bảo trì</title><p>Hệ thống đang bảo trì.</p>');
      }
      if (mode === 'offline-votes' && request.method === 'POST' && request.url.endsWith('/votes')) {
        // As a dropped mobile connection looks to the browser: no answer at all.
        request.raw.socket.destroy();
        return reply.hijack();
      }
      const vote = /^articles\/(\d+)\/votes$/.exec(request.params['*']);
      if (mode === 'unrecorded-votes' && request.method === 'POST' && vote) {
        return answerUnrecordedVote(app, apiPrefix, request, reply, vote[1]);
      }
      if (mode === 'slow') await new Promise((resolve) => setTimeout(resolve, slowMs));
      const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
      const answer = await app.inject({
        method: request.method as 'GET' | 'POST',
        url: `${apiPrefix}/${request.params['*']}${query}`,
        // The visitor's own address and origin, so the relay lifts no vote or token limit.
        remoteAddress: request.ip,
        headers: {
          host: request.host,
          'x-forwarded-proto': request.protocol,
          ...(request.headers.origin ? { origin: request.headers.origin } : {}),
          'content-type': request.headers['content-type'] ?? 'application/json',
          ...(request.headers['x-voter-token']
            ? { 'x-voter-token': request.headers['x-voter-token'] }
            : {}),
        },
        payload: request.method === 'GET' ? undefined : JSON.stringify(request.body ?? {}),
      });
      return reply
        .code(answer.statusCode)
        .type(String(answer.headers['content-type'] ?? 'application/json'))
        .send(answer.body);
    },
  );
}

/**
 * The API's answer to a vote, worked out from the article's current summary without recording
 * it: 201 with the summary the vote would make, or the API's own refusals (400, 401, 404, 409).
 */
async function answerUnrecordedVote(
  app: FastifyInstance,
  apiPrefix: string,
  request: FastifyRequest,
  reply: FastifyReply,
  id: string,
): Promise<FastifyReply> {
  const score = (request.body as { score?: unknown } | undefined)?.score;
  if (typeof score !== 'number' || !Number.isInteger(score) || score < 1 || score > 5) {
    return sendError(reply, 400, 'invalid', 'score must be an integer from 1 to 5');
  }
  const token = request.headers['x-voter-token'];
  if (!token) {
    return sendError(reply, 401, 'invalid-token', 'Send a voter token in the X-Voter-Token header');
  }
  const current = await app.inject({
    url: `${apiPrefix}/articles/${id}/rating`,
    headers: { 'x-voter-token': token },
  });
  if (current.statusCode !== 200) {
    return reply.code(current.statusCode).type('application/json').send(current.body);
  }
  const summary = current.json<RatingSummary>();
  if (summary.yourScore !== undefined || !summary.open) {
    const code = summary.open ? 'already-voted' : RATING_CLOSED;
    return sendError(reply, 409, code, `Not counted: ${code}`, { summary });
  }
  const total = summary.total + score;
  const count = summary.count + 1;
  return reply.code(201).send({
    ...summary,
    total,
    count,
    average: ratingAverage(total, count),
    yourScore: score,
  } satisfies RatingSummary);
}
